"""A model named with its size in one sentence and asked about by its bare family name in the question
("... Qwen2-VL-7B ... what does Qwen2-VL need?") is that sized model: the shorter base family read out of the
family's name ('Qwen2.5' inside 'Qwen2.5-VL') is no other version to size at that size. A different version
asked about ("Llama 3 8B ... would Llama 3.1 fit?") still wins. Phrasings of our own, in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.understanding import understand


@pytest.mark.parametrize(
    ("question", "model"),
    [
        (
            "We already fine-tune Qwen2.5-VL-7B-Instruct. How many A100s does Qwen2.5-VL need for GRPO?",
            "Qwen2.5-VL 7B",
        ),
        ("My adapter is on qwen2.5-vl-3b. Is a 4090 enough to LoRA qwen2.5-vl?", "Qwen2.5-VL 3B"),
        ("Our chatbot is Llama 3 8B. Could Llama 3.1 train on the same 4090?", "Llama 3.1 8B"),
    ],
)
def test_the_family_asked_is_the_sized_one_said(question, model, catalog, models):
    assert understand(question, catalog, models).details.model == model
