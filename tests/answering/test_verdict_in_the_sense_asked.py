"""The first sentence answers the question in the sense it was asked: a why-question gets the cause, not a bare
Yes / No; "does that mean X can't ...?" confirms or denies the negative statement asked about; "is $N enough?"
weighs the bill against the sum said. Real components throughout; phrasings in no evaluation set."""

from __future__ import annotations

import re

import pytest

from tests.support.checked_answers import checked_answer


def _first_sentence(text: str) -> str:
    line = next(line for line in text.splitlines() if line.strip())
    return re.split(r"(?<=[.!?])\s+", line.replace("**", ""), maxsplit=1)[0]


# --- why-questions: the cause first -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Why does my RTX 4080 crash on the first step when I full fine-tune Mistral 7B?",
        "I set batch size 1 and it still dies. How come a 4070 Ti runs out of memory on a full fine-tune of Qwen2.5 7B?",
    ],
)
def test_a_why_question_about_a_run_that_cannot_fit_gets_the_cause(assistant, question):
    lead = _first_sentence(checked_answer(assistant, question).draft)
    assert lead.startswith("Because") and re.search(r"\d+(?:\.\d+)? GB", lead), lead
    assert not re.match(r"(?:Yes|No)\b", lead)


def test_a_why_question_about_an_oom_where_the_work_fits_points_elsewhere(assistant):
    draft = checked_answer(
        assistant, "why am I getting CUDA out of memory running Mistral 7B inference on an RTX 3090?"
    ).draft
    lead = _first_sentence(draft)
    assert not re.match(r"(?:Yes|No)\b", lead), lead


def test_a_plain_yes_no_keeps_its_verdict(assistant):
    lead = _first_sentence(checked_answer(assistant, "Can my RTX 4080 full fine-tune Mistral 7B?").draft)
    assert lead.startswith("No"), lead


# --- a negative statement asked about ------------------------------------------------------------------------------


def test_does_that_mean_it_cannot_is_confirmed_when_it_cannot(assistant):
    lead = _first_sentence(
        checked_answer(
            assistant, "So does that mean an RTX 4060 can't do a full fine-tune of Llama 3 70B?"
        ).draft
    )
    assert lead.startswith("Yes"), lead


def test_does_that_mean_it_cannot_is_denied_when_it_can(assistant):
    lead = _first_sentence(
        checked_answer(
            assistant, "I have an RTX 4090. Does this mean I cannot run Mistral 7B inference on it in fp16?"
        ).draft
    )
    assert lead.startswith("No"), lead


def test_a_negative_auxiliary_up_front_is_answered_by_the_fact(assistant):
    lead = _first_sentence(
        checked_answer(assistant, "Doesn't an RTX 4060 hold a full fine-tune of Llama 3 70B?").draft
    )
    assert lead.startswith("No"), lead


# --- a sum said as the user's ceiling -----------------------------------------------------------------------------


def test_a_sum_that_covers_the_job_is_yes(assistant):
    draft = checked_answer(
        assistant, "We've got $150 of credits. Enough to LoRA fine-tune Qwen2.5 7B on 30k samples?"
    ).draft
    lead = _first_sentence(draft)
    assert lead.startswith("Yes") and "$150" in lead, lead


def test_a_sum_short_of_the_job_is_no(assistant):
    lead = _first_sentence(
        checked_answer(assistant, "Is $3 enough to full fine-tune Llama 3 70B on 1 million samples?").draft
    )
    assert lead.startswith("No") and "$3" in lead, lead


def test_a_price_said_as_fact_is_no_ceiling(assistant):
    lead = _first_sentence(
        checked_answer(
            assistant, "A friend's LoRA of Mistral 7B on 10k samples cost him $200. How is that possible?"
        ).draft
    )
    assert "within your" not in lead and "more than your" not in lead, lead


# --- "is X overkill?": the necessity question turned round -------------------------------------------------------


def test_a_card_far_bigger_than_the_work_is_overkill(assistant):
    lead = _first_sentence(
        checked_answer(assistant, "Would an H100 be overkill for a QLoRA run on Llama 3.2 3B?").draft
    )
    assert lead.startswith("Yes") and "smaller card" in lead, lead


def test_a_card_the_work_needs_whole_is_not_overkill(assistant):
    lead = _first_sentence(
        checked_answer(assistant, "is an H200 overkill to serve Llama 3.1 70B in bf16 on a single GPU?").draft
    )
    assert lead.startswith("No"), lead


# --- a claim about one method, answered with another ---------------------------------------------------------------


def test_a_claim_about_full_fine_tuning_holds_when_only_adapters_fit(assistant):
    lead = _first_sentence(
        checked_answer(
            assistant,
            "My card is an RTX 3060 12GB. I can't do a full fine-tune of Mistral 7B on it, correct?",
        ).draft
    )
    assert lead.startswith("Yes, that holds"), lead
    assert "can, with" not in lead


def test_a_claim_about_fine_tuning_in_general_is_answered_by_the_adapters(assistant):
    lead = _first_sentence(
        checked_answer(
            assistant, "I heard you can't fine-tune a 12B model on a 24 GB card at all. True?"
        ).draft
    )
    assert lead.startswith("No"), lead


# --- "what can I change?": the lever that fits first ----------------------------------------------------------------


def test_asked_for_levers_the_setting_that_fits_leads(assistant):
    checked = checked_answer(
        assistant,
        "Full fine-tuning Qwen2.5 7B on my single RTX 4090 runs out of memory at batch 1. What should I change?",
    )
    lead = _first_sentence(checked.draft)
    assert lead.startswith("Switch to") and "which fits" in lead, lead
    assert "As you run it now" in checked.first_line


def test_asked_yes_no_and_for_levers_the_no_leads_then_the_setting(assistant):
    checked = checked_answer(
        assistant,
        "Is it possible to fully fine-tune Mistral 7B on one 4090? if not what could I do instead?",
    )
    lead = _first_sentence(checked.draft)
    assert lead.startswith("No — switch to") and "which fits" in lead, lead


def test_a_yes_no_with_no_levers_asked_keeps_its_no(assistant):
    lead = _first_sentence(checked_answer(assistant, "Can my RTX 4090 full fine-tune Qwen2.5 7B?").draft)
    assert lead.startswith("No"), lead


# --- "will it crash / run out of memory?": Yes is the failure -------------------------------------------------------


def test_will_it_crash_on_a_card_that_holds_it_is_no(assistant):
    lead = _first_sentence(
        checked_answer(
            assistant, "Would Qwen2.5 1.5B in bf16 crash from lack of memory on my 8GB RTX 4060?"
        ).draft
    )
    assert lead.startswith("No"), lead


def test_will_it_run_out_of_memory_on_a_card_too_small_is_yes(assistant):
    lead = _first_sentence(
        checked_answer(assistant, "Is Llama 3.1 70B in fp8 going to run out of memory on one L40S?").draft
    )
    assert lead.startswith("Yes"), lead


def test_a_why_not_question_confirms_the_negative_then_gives_the_cause(assistant):
    lead = _first_sentence(
        checked_answer(assistant, "Gemma 2 9B in fp16 on my 8 GB laptop GPU, why won't it load?").draft
    )
    assert lead.startswith("No, it does not fit, because"), lead


def test_a_reported_oom_asked_as_can_it_work_is_conditional_with_the_first_lever(assistant):
    """The estimate fits with little headroom but the user's run ran out: only with the checkpointing it assumed (off
    it does not fit), and the batch to lower."""
    checked = checked_answer(
        assistant,
        "qlora of mistral 7b on my 4060 ti 16gb keeps dying with cuda oom at batch 2 and 2048 tokens. can it work?",
    )
    lead = checked.first_line
    assert lead.startswith("**Only with gradient checkpointing on**"), lead
    assert "ran out of memory as you ran it" in lead
