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


@pytest.mark.parametrize(
    "question",
    [
        "any chance HunyuanCustom avatar clips fit my 12 gig card?",  # a family on record, no kind word
        "does coqui xtts-v2 run ok on a gtx 1660 super?",
        "paddleocr over scanned invoices, which card?",
        "musicgen melody on my laptop 3070, will it go?",
    ],
)
def test_a_model_not_on_record_said_by_its_family_or_its_tools_name_is_a_non_llm_question(question):
    assert understand(question, load_catalog(), load_models()).intent is Intent.NON_LLM


@pytest.mark.parametrize(
    "question",
    [
        "I have to embed forty million product reviews with bge-large on an L4, how long?",
        "generating 12 million images with sdxl, what would that cost?",
        "we vectorise 30 million support tickets a month",
    ],
)
def test_a_count_of_things_is_not_read_as_a_model_size(question):
    assert understand(question, load_catalog(), load_models()).details.params is None


def test_a_model_size_in_millions_is_still_read():
    u = understand("how much vram for a 350 million parameter model?", load_catalog(), load_models())
    assert u.details.params == 350e6


def test_an_embedding_model_named_with_a_chip_like_suffix_is_no_apple_chip():
    u = understand("bge-m3 over 5 million chunks on a T4, how long?", load_catalog(), load_models())
    assert u.intent is Intent.NON_LLM and u.details.gpus == ("T4",)
