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


def test_the_card_the_report_names_is_the_one_that_ran_out(assistant):
    a = checked_answer(
        assistant,
        "I launched the PixelForge demo on an RTX 5090 and it hit CUDA out of memory. Would an RTX 4090 run it?",
    )
    assert a.first_line.startswith("**No, most likely**")
    assert "out of memory on the RTX 5090" in a.first_line


def test_an_out_of_memory_on_a_smaller_card_is_no_no_for_a_larger_one(assistant):
    a = checked_answer(
        assistant,
        "The PixelForge demo went out of memory on my RTX 4090. Would an RTX 6000 Ada run it?",
    )
    assert not a.first_line.startswith("**No, most likely**")
    assert "out of memory on the RTX 6000 Ada" not in a.first_line


def test_a_card_named_only_outside_the_question_is_the_one_that_ran_out(assistant):
    a = checked_answer(
        assistant,
        "I am running the PixelForge demo on an RTX 5090. It crashed with out of memory at the first step. "
        "Can an RTX 4090 run it instead?",
    )
    assert a.first_line.startswith("**No, most likely**")
    assert "out of memory on the RTX 5090" in a.first_line and "more memory than the RTX 4090" in a.first_line


def test_sixteen_bit_on_a_card_is_a_yes_with_bf16_said(assistant):
    a = checked_answer(assistant, "is 16-bit an option on a 2080 ti?")
    assert a.first_line.startswith("**Yes**") and "not bf16" in a.first_line
    b = checked_answer(assistant, "is float16 possible on an A10?")
    assert b.first_line.startswith("**Yes**") and "bf16" in b.first_line


def test_a_spec_yes_no_still_gets_its_spec_verdict(assistant):
    a = checked_answer(assistant, "does the A10G have bf16?")
    assert a.first_line.startswith("**Yes**")
