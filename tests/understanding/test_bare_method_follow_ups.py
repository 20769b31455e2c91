"""A follow-up that is only the method word "full" after a fine-tuning question moves to the full fine-tune of the
same model; "full" naming another setting (context, precision) does not. Phrasings here are in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.sizing import Task
from assistant.understanding import Intent


@pytest.mark.parametrize("follow_up", ["and full?", "how about full then?", "okay — full instead?"])
@pytest.mark.parametrize(
    "first", ["qlora on gemma 2 9b, what card?", "which gpus to LoRA-tune mistral nemo 12b"]
)
def test_bare_full_after_an_adapter_fine_tune_is_the_full_fine_tune(read, first, follow_up):
    understanding = read(first, follow_up)
    assert understanding.details.task is Task.FULL
    assert understanding.details.model == read(first).details.model


@pytest.mark.parametrize("follow_up", ["and at full context?", "and in full precision?"])
def test_full_naming_another_setting_keeps_the_method(read, follow_up):
    assert read("qlora on gemma 2 9b, what card?", follow_up).details.task is Task.QLORA


@pytest.mark.parametrize(
    ("follow_up", "task"), [("Full?", Task.FULL), ("qlora then?", Task.QLORA), ("lora?", Task.LORA)]
)
def test_a_method_word_alone_is_a_follow_up_not_out_of_scope(read, follow_up, task):
    understanding = read("can a 4080 fine-tune phi-3 medium?", follow_up)
    assert understanding.details.task is task
    assert understanding.details.model == read("can a 4080 fine-tune phi-3 medium?").details.model


def test_a_weight_format_alone_changes_the_precision_of_the_served_model(read):
    understanding = read("host qwen2.5 32b for a few users on one l40s", "8 bit?")
    assert understanding.details.model == read("host qwen2.5 32b for a few users on one l40s").details.model
    assert understanding.details.precision == "int8"


def test_a_method_word_alone_with_nothing_before_is_still_out_of_scope(read):
    assert read("how is the weather in oslo", "full?").intent is Intent.OUT_OF_SCOPE


@pytest.mark.parametrize("follow_up", ["and for fine-tuning?", "what about training on it?", "and qlora?"])
def test_a_method_after_what_runs_on_a_card_asks_what_trains_there(read, follow_up):
    understanding = read("what will my rtx 4070 12gb handle?", follow_up)
    assert understanding.intent is Intent.MY_HARDWARE
    assert understanding.details.gpus == ("RTX 4070",)
    assert understanding.details.task is not None and understanding.details.task.is_training
