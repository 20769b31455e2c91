"""A time inside a setting measured on another card is said to be that card's, never the user's."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "question, card",
    [
        ("is an rtx 3080 ti enough to make sdxl pictures?", "RTX 3080 Ti"),
        ("sdxl image gen on my 4090 - fine?", "RTX 4090"),
    ],
)
def test_a_verdict_on_the_users_card_says_where_the_time_was_measured(ask, question, card):
    reply = ask(question)
    verdict = reply.text.split("\n\n")[0] if "**Yes**" in reply.text.split("\n\n")[0] else reply.text
    assert f"**Yes** on the {card}" in verdict
    assert "s per image" in verdict
    assert "measured on an A100 80GB, so its time is not the " + card + "'s" in verdict


def test_a_run_measured_on_the_card_asked_about_is_not_sent_elsewhere(ask):
    from assistant.knowledge._workloads import load_workloads

    sdxl = next(w for w in load_workloads() if w.name == "SDXL")
    timed = next(f for f in sdxl.facts if f.rate is not None and f.hardware)
    card = timed.hardware.split(" (")[0]
    reply = ask(f"can the {card} run sdxl")
    assert "so its time is not the" not in reply.text
