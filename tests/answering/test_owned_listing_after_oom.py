"""A yes/no about training on the user's own card, when the user reports that their run already ran out of memory
on it and names no model, is not answered by the listing's "Yes": the failure is the measurement of that job, so the
answer is No as the run is set up, with what would let it fit and the listing kept for scale. "Is QLoRA possible on
my card?" (no failure reported) keeps its Yes. Phrasings here are in no evaluation set."""

from __future__ import annotations

from tests.support.checked_answers import checked_answer


def test_a_reported_oom_on_the_own_card_is_not_a_listing_yes(assistant):
    checked = checked_answer(
        assistant, "Training crashes with CUDA out of memory on my RTX 2070. Is there a way to train on it?"
    )
    assert checked.first_line.startswith("**No**, not as your run is set up"), checked.first_line
    assert "haven't named" in checked.first_line and "largest model" in checked.first_line
    assert "QLoRA" in checked.first_line


def test_a_reported_oom_of_a_repository_script_leads_with_no(assistant):
    checked = checked_answer(
        assistant,
        "launching the repo's finetune script on my rtx 3060 dies with out of memory, can it work on that card?",
    )
    assert checked.first_line.startswith("**No**"), checked.first_line
    assert "RTX 3060" in checked.first_line


def test_a_method_on_the_own_card_without_a_failure_keeps_its_yes(assistant):
    checked = checked_answer(assistant, "would lora training be possible on my rtx 2070?")
    assert checked.first_line.startswith("**Yes**"), checked.first_line
