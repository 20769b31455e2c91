"""A speed-up claimed as a factor ("is A 2x faster than B?", "twice as quick", "40% faster") is checked against the
ratio of the figure the job is bound by — not only whether A is faster at all. Phrasings here are in no evaluation
set."""

from __future__ import annotations

import re

import pytest

from assistant.answering._compose._catalog import claimed_factor, speed_verdict


@pytest.mark.parametrize(
    ("question", "factor"),
    [
        ("does the l40s run 3 times faster than a t4?", 3.0),
        ("is the mi300x twice as quick as an a100 for serving", 2.0),
        ("is a 5090 40% faster than a 4090 at inference", 1.4),
        ("is the h200 faster than the h100?", None),
        ("how many times faster is the b200 than the h100?", None),
    ],
)
def test_the_factor_a_question_claims(question, factor):
    assert claimed_factor(question) == factor


def test_a_factor_is_met_only_when_the_ratio_reaches_it():
    assert speed_verdict("more", 16.0, 10.0, factor=2.0) == "No"  # faster, but 1.6x is not 2x
    assert speed_verdict("more", 23.0, 10.0, factor=2.0) == "Yes"
    assert speed_verdict("as", 19.0, 10.0, slack=0.9, factor=2.0) == "Yes"  # within the slack


def _first(assistant, question):
    return re.sub(r"[*_`]", "", assistant.ask(question).text).split("\n")[0]


def test_a_faster_card_short_of_the_factor_said_is_no(assistant):
    first = _first(assistant, "Is the L40S twice as quick as the A10G for inference?")
    assert first.startswith("No") and "not the 2x said" in first and "1.4x" in first


def test_a_card_past_the_factor_said_is_yes(assistant):
    first = _first(assistant, "is a B200 2x faster than an H100 for training?")
    assert first.startswith("Yes") and "2.3x" in first


def test_a_claimed_factor_for_local_models_gets_one_verdict_not_two(assistant):
    # the factor's "No — about 1.1x" leads; the local pick after it names the faster card without a second verdict
    text = assistant.ask("is a 4090 going to be 60% faster than a 3090 with ollama models?").text
    verdicts = re.findall(r"\*\*(?:Yes|No)\*\*", text.split("|")[0])
    assert len(verdicts) == 1, text[:400]


def test_the_verdict_is_about_the_first_card_named_whichever_the_plan_ranks_first(ask):
    # the slower card named first: "is it faster?" is No and "is it slower?" Yes, with the setting said up front
    # ("for a 7b model is …") read as the yes/no it is
    assert ask("for mistral 7b, is a 4090 quicker than an a100 80gb?").text.startswith("**No**")
    assert ask("serving llama 3 8b: is the l4 slower than an a10g?").text.startswith("**Yes**")
    assert ask("is an a100 80gb faster than a 4090 for mistral 7b?").text.startswith("**Yes**")
