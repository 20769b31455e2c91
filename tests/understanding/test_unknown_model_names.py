"""A model of no family the specs know, named hyphenated with its version as the thing run or trained, is an
unknown model to ask the size of (not an off-topic question); settings and tools written the same way are not
(phrasings in no evaluation set)."""

from __future__ import annotations

import pytest

from assistant.understanding import Intent


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("what hardware would I need to self-host arctic-2 for our team?", "arctic-2"),
        ("could two L40S cards serve jamba-1.5 at all?", "jamba-1.5"),
        ("is it possible to fine-tune orion-14 on a rented H100?", "orion-14"),
    ],
)
def test_a_versioned_name_run_or_trained_is_an_unknown_model(read, question, name):
    u = read(question)
    assert u.details.unknown_model == name and u.intent is not Intent.OUT_OF_SCOPE


@pytest.mark.parametrize(
    "question",
    [
        "train llama 3 8b using zero-3 on two 4090s",
        "serving with awq-4 weights on an L4, how fast?",
        "can I run stage-2 offload on one A100?",
    ],
)
def test_settings_written_like_a_name_are_no_model(read, question):
    assert read(question).details.unknown_model is None
