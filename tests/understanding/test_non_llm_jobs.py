"""A GPU named for a non-LLM job named only by its kind is the hardware for that job, not a spec question
(phrasings of our own)."""

from __future__ import annotations

import pytest

from assistant.knowledge import load_catalog, load_models
from assistant.understanding import Intent, understand


@pytest.mark.parametrize(
    "question",
    [
        "my video upscaling tool runs on a 4080, does adding another 4080 raise the fps?",
        "is a 3090 enough for text-to-video at 720p?",
        "object detection training on an rtx 4060 ti, will it cope?",
    ],
)
def test_a_gpu_named_for_a_job_of_a_known_kind_is_a_non_llm_question(question):
    assert understand(question, load_catalog(), load_models()).intent is Intent.NON_LLM


@pytest.mark.parametrize("question", ["rtx 4080 specs", "what is the memory bandwidth of an RTX 3090?"])
def test_a_plain_spec_question_stays_one(question):
    assert understand(question, load_catalog(), load_models()).intent is Intent.SPEC
