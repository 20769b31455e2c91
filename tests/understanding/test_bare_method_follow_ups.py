"""A follow-up that is only the method word "full" after a fine-tuning question moves to the full fine-tune of the
same model; "full" naming another setting (context, precision) does not. Phrasings here are in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.sizing import Task


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
