"""Local runs (session 23): a speed said with "do" ("only does/do 1 token/s", "did 3 tokens/s") is a speed seen and
judged against the card's estimate; "lag" reports a slow run; a model that nearly fills the unified memory macOS
lets a Mac's GPU use answers "expected" with the memory pressure and swapping it causes. Phrasings in no evaluation
set."""

from __future__ import annotations

from tests.support.checked_answers import checked_answer


def test_a_speed_seen_far_below_the_estimate_gets_the_causes(assistant):
    answer = checked_answer(assistant, "my 4080 did 4 tokens/s with gemma 2 9b q4 in lm studio, normal?")
    assert answer.first_line.startswith("**No**"), answer.first_line
    assert "-ngl 99" in answer.first_line


def test_a_nearly_full_mac_lagging_is_expected(assistant):
    answer = checked_answer(
        assistant, "my whole macbook pro m1 16gb lags while llama3.1 8b q8_0 generates, is that expected?"
    )
    assert answer.first_line.startswith("**Yes**"), answer.first_line
    assert "swaps" in answer.first_line


def test_a_roomy_mac_lagging_is_not_the_model_size(assistant):
    answer = checked_answer(assistant, "llama 3.2 3b q4 feels laggy on my mac mini m4 24gb, is that normal?")
    assert answer.first_line.startswith("**No**"), answer.first_line
