"""A per-user speed said as reached and asked to be judged is a reading, not a target. Phrasings in no evaluation
set."""

from __future__ import annotations


def test_a_per_user_speed_reached_and_judged_is_a_reading(read):
    d = read("our users see 60 tok/s per user with mistral 7b on an a10g, is that expected?").details
    assert d.observed_tokens_per_s == 60


def test_a_per_user_speed_needed_stays_a_target(read):
    d = read("each user needs 25 tok/s with mistral 7b on an a10g, is that doable?").details
    assert d.observed_tokens_per_s is None
