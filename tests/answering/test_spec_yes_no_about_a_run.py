"""A yes/no about running something on a named card, when the catalog knows neither the job nor its memory: an
estimate from the research releases on record (a hedged Yes when the card holds a typical one), not a card
description; a job that already ran out of memory on a card at least as large is a No; 16-bit asked of a card is a
Yes with bf16 said."""

import pytest

from tests.support.checked_answers import checked_answer


def test_an_unknown_job_on_a_card_is_not_answered_with_its_spec_sheet(assistant):
    a = checked_answer(assistant, "would my experiment code be able to run on an L4? [QuuxDiffusion]")
    # the L4's 24 GB holds a typical research release at its defaults: a hedged Yes, with what settles it
    assert a.first_line.startswith("**Yes**, probably")
    assert (
        "L4" in a.first_line and "research releases on record" in a.first_line and "built on" in a.first_line
    )
    assert "| spec |" not in a.full


def test_a_card_below_a_typical_release_is_no_plain_yes(assistant):
    # below the median of every research release, but above their lower quartile: a Yes only with memory savings
    a = checked_answer(assistant, "any chance this repo runs on my RTX 4060 Ti 16GB? [FernDreamer]")
    assert a.first_line.startswith("**Yes**, with memory savings, probably"), a.first_line


@pytest.mark.parametrize(
    "question",
    [
        "will your code run on my 8 GB RTX 3070? [GlimmerNet]",
        "[TerraSculpt] does the demo work on an RTX 2060 with 6GB?",
        "Could I train your model on a 16 GB RTX 4080? [VoxWeave]",  # trained, of any kind: too wide a spread
    ],
)
def test_a_card_below_a_quarter_of_the_releases_or_a_training_run_stays_no(assistant, question):
    a = checked_answer(assistant, question)
    assert a.first_line.startswith("**No**"), a.first_line


@pytest.mark.parametrize(
    "question",
    [
        "Will the code of GeoMorph (joint body and scene capture from monocular video) run on my 4060 Ti 16GB?",
        "Can I run HandSyncer inference on an RTX 4070 with 12 GB VRAM? Thanks for open-sourcing it",
    ],
)
def test_a_card_holding_a_quarter_of_the_releases_gets_a_yes_with_savings(assistant, question):
    a = checked_answer(assistant, question)
    assert a.first_line.startswith("**Yes**, with memory savings, probably"), a.first_line
    assert "holds a quarter of them" in a.first_line


@pytest.mark.parametrize(
    "question",
    [
        "Can I get your method working on one RTX 4090? [HelioMorph]",
        "is an RTX A6000 enough to run your code? [HelioMorph]",
    ],
)
def test_a_card_holding_a_typical_release_gets_a_hedged_yes(assistant, question):
    a = checked_answer(assistant, question)
    assert a.first_line.startswith("**Yes**, probably"), a.first_line
    assert "README" in a.full


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


def test_an_out_of_memory_on_a_smaller_card_answers_for_the_larger_one_asked(assistant):
    a = checked_answer(
        assistant,
        "Running the StrandMotion video generation code on an RTX 3090 gave me CUDA OOM. Can an H100 run it?",
    )
    assert a.first_line.startswith("**Yes**"), a.first_line
    assert "H100" in a.first_line and "ran out of memory on the RTX 3090" in a.first_line
    assert a.facts.gpus[0].name.startswith("H100")
    assert a.facts.headline_memory_gb > 24


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


@pytest.mark.parametrize(
    "question",
    [
        "May I ask if V100s are currently supported? [FlashAttention 2]",
        "[flash-attn] does my T4 work with it?",
    ],
)
def test_a_library_on_record_in_brackets_is_no_research_release(assistant, question):
    a = checked_answer(assistant, question)
    assert "research releases on record" not in a.full and a.first_line.startswith("**No**"), a.first_line
