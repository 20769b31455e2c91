"""'2k requests per hour' or '5k users a month' is a volume over time, not how many at once: it is not read as a
concurrent batch (1000 sequences in the KV cache sized an 8x H200 bill), and the answer says what it sized instead
(users and requests a day are turned into a peak: test_peak_from_daily_users.py). Phrasings in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.understanding._understand import understand


@pytest.mark.parametrize(
    "question",
    [
        "we expect 2k requests per hour on mistral 7b, how much would hosting cost?",
        "about 5k users a month on our llama 3 8b app, which gpu?",
    ],
)
def test_a_volume_over_a_period_is_not_a_batch(catalog, models, question):
    details = understand(question, catalog, models).details
    assert details.batch is None
    assert details.per_period


def test_users_at_once_stay_a_batch(catalog, models):
    details = understand("serve llama 3.1 8b to 40 users at the same time", catalog, models).details
    assert details.batch == 40 and details.per_period is None


def test_the_answer_says_the_volume_is_not_concurrency(converse):
    reply = converse("what gpu do i need for mistral 7b with 800 requests an hour?")
    assert "is a volume over time, not how many at once" in reply.text
