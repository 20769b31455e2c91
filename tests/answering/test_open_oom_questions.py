"""An open question about a run that ran out of memory ("..., what can I change?", "why does it OOM?") is answered
by what to change or the figure, never a bare Yes / No (phrasings of our own, in no evaluation set)."""

from __future__ import annotations

from assistant.answering._compose._non_llm import _as_asked, reports_oom
from tests.support.checked_answers import checked_answer

_LEVERS = (
    "When memory is tight, what lowers it (each trades some speed): gradient checkpointing and a batch of 1."
)


def test_levers_lead_when_asked_what_to_change():
    parts = _as_asked(
        ["**Yes** on the RTX 3060 12GB (12.0 GB usable): the recipe needs about 8.0 GB.", _LEVERS, "table"],
        "sd1.5 dreambooth dies with cuda out of memory on my 3060, how can i make it fit?",
        yes_no=False,
    )
    assert parts[0].startswith("What to change (each trades some speed): gradient checkpointing")
    assert parts[1].startswith("A setting on record fits on the RTX 3060 12GB") and parts[2] == "table"


def test_a_minimum_asked_after_an_oom_keeps_the_figure_first_without_a_verdict():
    parts = _as_asked(
        [
            "**No**, not as listed, on 8.0 GB of GPU memory: the smallest setting needs about 24.0 GB.",
            _LEVERS,
        ],
        "keep hitting out of memory on 8gb. what's the least vram this needs?",
        yes_no=False,
    )
    assert parts[0].startswith("As listed it does not fit on 8.0 GB") and parts[1] == _LEVERS


def test_a_yes_no_or_a_pasted_error_keeps_its_verdict():
    lead = "**Yes** on the RTX 3060 12GB (12.0 GB usable): the recipe needs about 8.0 GB."
    assert _as_asked([lead, _LEVERS], "out of memory on my 3060, can it fit at all?", yes_no=True)[0] == lead
    assert _as_asked([lead, _LEVERS], "RuntimeError: CUDA out of memory (3060 12GB)", yes_no=False)[0] == lead


def test_overflow_said_of_memory_is_an_out_of_memory_report():
    assert reports_oom("batch size 1 still overflows the vram on my 3090")
    assert reports_oom("it ends in a memory overflow after two steps")
    assert not reports_oom("is there an integer overflow in the loss?")


def test_an_sd_dreambooth_oom_asking_what_to_change_opens_with_the_levers(assistant):
    answer = checked_answer(
        assistant,
        "sdxl dreambooth lora on my 4070 12gb crashes with cuda oom at 1024px, what should i tweak?",
    )
    assert answer.first_line.startswith("What to change")
    assert not answer.first_line.startswith(("**Yes", "**No"))


def test_a_fit_with_another_setting_is_a_finding_for_an_open_question():
    parts = _as_asked(
        ["**Yes**, with another setting: the small checkpoint needs about 4.0 GB.", _LEVERS],
        "the big checkpoint runs out of memory on my 6gb card, how much does it need?",
        yes_no=False,
    )
    assert parts[0] == "It fits with another setting: the small checkpoint needs about 4.0 GB."


def test_an_out_of_memory_from_a_vision_model_with_no_training_word_is_a_run():
    from assistant.answering._compose._non_llm import runs_on_record
    from assistant.knowledge._workloads import load_workloads

    sam = load_workloads().find_in_text("segment anything")[0]
    assert runs_on_record(sam, "segment anything vit_h gives cuda out of memory on my 6 gb card, what now?")
    assert not runs_on_record(sam, "fine-tuning segment anything hits out of memory on 24 gb")
    assert not runs_on_record(sam, "segment anything on my dataset, 20 epochs, out of memory at batch 8")


def test_a_segmentation_model_that_ran_out_while_running_gets_its_inference_figure(assistant):
    answer = checked_answer(
        assistant,
        "segment anything (vit_h) throws CUDA out of memory on my 6 GB 1660 Ti, how much vram is needed?",
    )
    assert "fine-tuning" not in answer.first_line and not answer.first_line.startswith(("**Yes", "**No"))
