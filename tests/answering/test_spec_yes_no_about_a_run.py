"""A yes/no about running something on a named card, when the catalog knows neither the job nor its memory: an
honest "I can't say" with what decides it, not a card description; a job that already ran out of memory on a card
at least as large is a No; 16-bit asked of a card is a Yes with bf16 said."""

from tests.support.checked_answers import checked_answer


def test_an_unknown_job_on_a_card_is_not_answered_with_its_spec_sheet(assistant):
    a = checked_answer(assistant, "would my experiment code be able to run on an L4? [QuuxDiffusion]")
    assert a.first_line.startswith("**I can't say yes or no**")
    assert "L4" in a.first_line and ("parameter count" in a.first_line or "built on" in a.first_line)


def test_an_out_of_memory_on_a_larger_card_answers_no_for_a_smaller_one(assistant):
    a = checked_answer(
        assistant,
        "Could the demo be reproduced on an RTX 3090? On an RTX A6000 it already gives CUDA out of memory.",
    )
    assert a.first_line.startswith("**No, most likely**")
    assert "RTX A6000" in a.first_line and "RTX 3090" in a.first_line


def test_sixteen_bit_on_a_card_is_a_yes_with_bf16_said(assistant):
    a = checked_answer(assistant, "is 16-bit an option on a 2080 ti?")
    assert a.first_line.startswith("**Yes**") and "not bf16" in a.first_line
    b = checked_answer(assistant, "is float16 possible on an A10?")
    assert b.first_line.startswith("**Yes**") and "bf16" in b.first_line


def test_a_spec_yes_no_still_gets_its_spec_verdict(assistant):
    a = checked_answer(assistant, "does the A10G have bf16?")
    assert a.first_line.startswith("**Yes**")
