"""Research projects asked about by a name the mixed-case rule missed, a run that already ran out of memory on a
setting on record that fits, a run that fills the card, the user's own reading of a run not on record, and a job's
out-of-memory on two cards (phrasings of our own, in no evaluation set)."""

from __future__ import annotations

import pytest

from assistant.answering._compose._non_llm import names_project, reports_oom
from assistant.understanding import Intent
from tests.support.checked_answers import checked_answer


@pytest.mark.parametrize(
    "question",
    [
        "[PhotoLift] how much VRAM for the demo?",  # the repository given first in brackets
        "[PhotoLift, a relighting method] can this run on 12 GB?",
        "does XEditor run on a 3060?",  # capitals run into a word
        "can gauss4r run on my 3060?",  # a lower-case name with a digit inside
    ],
)
def test_a_project_is_read_by_a_bracket_a_capital_run_or_a_digit_inside(question):
    assert names_project(question)


@pytest.mark.parametrize(
    "question",
    [
        "can fp8e4m3 run on my 3060?",  # a number format
        "my GPUs keep OOMing on the demo",  # a plural acronym and an error
        "is 12 GB enough?",
    ],
)
def test_formats_acronyms_and_errors_are_no_project(question):
    assert not names_project(question)


def test_a_project_named_with_a_card_that_ran_out_is_no_llm_table(assistant):
    checked = checked_answer(
        assistant,
        "[XEditor] the inference script goes out of memory on an A100 40GB, do we need the 80G card instead?",
    )
    assert "GGUF" not in checked.draft and "Llama" not in checked.draft
    assert checked.first_line.startswith("**Not without**")
    # its estimate sits under the card it ran out on, so the figure is the next card size up
    assert checked.facts.headline_memory_gb > 40


def test_a_lower_case_project_with_a_digit_asked_for_training_cards_gets_its_kinds_figures(assistant):
    checked = checked_answer(assistant, "[gsplat4d] will four 3090s be enough memory to train it?")
    assert "QLoRA" not in checked.draft
    assert "Gaussian Splatting" in checked.full


def test_a_fitting_setting_is_no_bare_yes_for_a_run_that_ran_out(assistant):
    checked = checked_answer(
        assistant,
        "gaussian splatting on 1800 drone photos gives CUDA out of memory on my 24gb 4090, can I still train it?",
    )
    assert checked.first_line.startswith("**Yes, with** lower settings")
    assert "already ran out of memory" in checked.first_line


def test_a_larger_default_still_explains_the_error_first(assistant):
    # the default openai/whisper run needs more than a 6 GB card: that, not a larger run of theirs, is the cause
    checked = checked_answer(
        assistant, "whisper large-v2 gives cuda out of memory on my 6gb rtx 2060, any way?"
    )
    assert "other than the default" in checked.first_line


@pytest.mark.parametrize(
    "question",
    [
        "training 3dgs fills the whole vram of my 3090",
        "it maxes out the 24 GB on my card",
        "the scene fills up all my gpu memory",
    ],
)
def test_a_run_filling_the_card_is_a_report_of_running_out(question):
    assert reports_oom(question)


def test_a_card_filled_but_no_fill_said_is_no_report():
    assert not reports_oom("will it fill a form for me on a 3090?")


def test_the_users_own_reading_beats_another_releases_estimate(assistant):
    checked = checked_answer(
        assistant,
        "[DepthWeave video depth] the base model seems about 14 GB on my runs and I have a 12 GB 3060, how do I "
        "get the memory down?",
    )
    assert checked.first_line.startswith("**Only with** lower settings")
    assert checked.facts.headline_memory_gb == 14.0


def test_a_reading_that_fits_the_card_is_the_figure(assistant):
    checked = checked_answer(
        assistant, "[DepthWeave video depth] it seems to take around 9 GB, how much VRAM does it need?"
    )
    assert checked.facts.headline_memory_gb == 9.0
    assert "own reading" in checked.first_line


def test_a_job_out_of_memory_on_two_cards_is_its_fit_on_each_not_a_comparison(assistant):
    checked = checked_answer(
        assistant,
        "I trained nerfacto scenes on an RTX 3090 and on an A6000 and both hit CUDA out of memory halfway, "
        "what card do people use?",
    )
    assert checked.understanding.intent is Intent.NON_LLM
    assert "TFLOPS" not in checked.draft


@pytest.mark.parametrize(
    "question",
    [
        "[axolotl] can this run on a 3090?",
        "[unsloth] how much VRAM is needed?",
        "[sglang] will it run on 24 GB?",
    ],
)
def test_a_language_model_trainer_or_server_in_brackets_is_no_research_release(question):
    from assistant.answering._compose._non_llm import asks_repo_memory

    assert not asks_repo_memory(question)


@pytest.mark.parametrize(
    "question",
    [
        "cheapest card that runs hunyuanvideo without waiting forever?",
        "which gpu makes sdxl images not too slow",
        "i don't want it to take ages, what card for wan 2.1 1.3b?",
    ],
)
def test_a_speed_wished_for_is_no_slowdown_seen(assistant, question):
    checked = checked_answer(assistant, question)
    assert "sysmem fallback" not in checked.draft


def test_a_slowdown_seen_still_gets_the_spill_note(assistant):
    checked = checked_answer(assistant, "sdxl on my 8gb 3070 takes forever per image, is this normal?")
    assert "sysmem fallback" in checked.draft


def test_an_error_name_in_a_pasted_log_is_no_project():
    assert not names_project("Error: ShardCannotStart after torch.cuda.OutOfMemoryError on 4 V100s")


def test_a_pasted_oom_log_without_a_repository_asks_no_research_requirement():
    from assistant.answering._compose._non_llm import asks_repo_memory

    assert not asks_repo_memory("CUDA out of memory on my MegaServe deployment of the big model, 4 x V100")
    assert asks_repo_memory("[MegaServe] CUDA out of memory on a V100 16GB")
