"""A bare format follow-up ('and in fp8?') after a speed question keeps asking the speed, even where the new
format only just fits the card (the engine's raised memory share). Real components; phrasings in no eval set."""

from __future__ import annotations


def test_fp8_follow_up_after_how_fast_answers_the_speed(converse):
    reply = converse("what generation speed would llama 3.1 70b reach on one H100?", "fp8 then?")
    first = reply.text.split("\n")[0]
    assert "tokens/s" in first
    assert not first.startswith("**Yes")
    assert "an FP8 build of the model" not in first  # it is already in FP8


def test_fp8_follow_up_after_a_fit_question_keeps_the_verdict(converse):
    reply = converse("will llama 3.1 70b load on a single H100?", "fp8 then?")
    assert reply.text.startswith("**Yes, with**")
