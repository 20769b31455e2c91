"""Users a day ('10k daily users', '2,400 people a day') become users at once at the peak, by the stated share of
a day's users in its busiest hour and the minutes each is active (corpus/assumptions.yaml), and the answer says the
assumption. Phrasings in no evaluation set."""

from __future__ import annotations

import math

import pytest

from assistant.sizing import load_assumptions
from assistant.understanding._understand import understand


def _peak(daily: float) -> int:
    a = load_assumptions()
    share = a.number("peak_hour_share_of_daily_users") * a.number("chat_session_minutes") / 60
    return math.ceil(daily * share)


@pytest.mark.parametrize(
    "question, daily",
    [
        ("our internal assistant on qwen2.5 14b will have 2,400 people a day, which gpu?", 2400),
        ("phi-3 medium for 20k DAU — what hardware?", 20000),
        ("which card for gemma 2 9b with 1.5k daily active users?", 1500),
        ("a helpdesk bot on mistral 7b handling 3,000 conversations per day, what gpu?", 3000),
    ],
)
def test_users_a_day_are_sized_at_their_peak(catalog, models, question, daily):
    details = understand(question, catalog, models).details
    assert details.batch == _peak(daily)
    assert details.per_period


def test_the_answer_says_what_peak_was_assumed(converse):
    reply = converse("about 6000 users per day will chat with our llama 3.1 8b bot, what do we rent?")
    assert f"about {_peak(6000):,} users at once at the peak" in reply.text
    assert "busiest hour" in reply.text


def test_requests_a_day_are_sized_at_their_busiest_hour(catalog, models):
    details = understand(
        "serving 400k queries a day with llama 3.1 8b, what do we need?", catalog, models
    ).details
    share = load_assumptions().number("peak_hour_share_of_daily_users")
    assert details.target_requests_per_s == pytest.approx(400_000 * share / 3600, rel=0.01)
    assert details.batch is None


def test_the_answer_says_what_request_rate_was_assumed(converse):
    reply = converse("how many gpus to handle 2M requests per day on qwen2.5 7b?")
    assert "requests/s at the peak" in reply.text and "busiest hour" in reply.text
