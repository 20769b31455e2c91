"""'What happens when it runs out of memory?' is an open question for the troubleshooting guide (issue 9, local,
session 16): with a card named and a job said ("running a model in LM Studio") it is not a spec sheet of the card,
and a sized question that happens to say "bigger than" keeps its workload."""

from __future__ import annotations

import pytest

from assistant.understanding import Intent


@pytest.mark.parametrize(
    "question",
    [
        "what would happen if my rx 6800 xt ran out of vram while running a model in koboldcpp?",
        "my 4070 ti - what happens when the vram is full during generation?",
        "what will happen if the gguf doesn't fit on my 3080?",
        "what happens when a model is larger than the VRAM on my card?",
    ],
)
def test_what_happens_out_of_memory_is_explained_from_the_guide(read, question):
    assert read(question).intent is Intent.EXPLAIN


def test_a_sized_question_is_still_sized(read):
    u = read("will qwen2.5 14b in q4 fit on my 4070 ti with 8k context?")
    assert u.intent is not Intent.EXPLAIN and u.details.has_workload


def test_a_training_job_out_of_memory_is_not_sent_to_the_loading_section(read):
    assert read("what happens if my 3090 runs out of memory while fine-tuning?").intent is not Intent.EXPLAIN
