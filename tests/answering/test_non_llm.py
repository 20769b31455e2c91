"""Non-LLM workloads: sourced figures for image, speech, embedding and vision models, and the answers about them."""

from __future__ import annotations

import pytest

from assistant.knowledge import load_catalog, load_models
from assistant.knowledge._workloads import load_workloads
from assistant.understanding import Intent, understand


@pytest.fixture(scope="module")
def workloads():
    return load_workloads()


def test_every_figure_is_sourced_dated_and_says_its_basis(workloads):
    assert {
        "Stable Diffusion 1.5",
        "SDXL",
        "FLUX.1 dev",
        "FLUX.1 schnell",
        "Whisper large",
        "ResNet-50",
    } <= set(workloads.names)
    for spec in workloads:
        for fact in spec.facts:
            assert fact.source.startswith("https://") and fact.as_of, spec.name
            assert fact.basis in ("measured", "published", "arithmetic")
            if fact.basis == "arithmetic":
                assert "x" in fact.setting, (spec.name, fact.setting)  # the multiplication is shown


def test_published_whisper_and_faster_whisper_figures(workloads):
    large = workloads.get("whisper large-v3")
    assert large.name == "Whisper large" and large.params_m == 1550
    assert large.smallest_memory("inference").memory_gb == 2.9  # faster-whisper int8, measured
    assert {f.memory_gb for f in large.facts} >= {10, 2.9}


@pytest.mark.parametrize(
    "question",
    [
        "is 12 GB enough to generate images with flux schnell?",
        "what card for transcribing podcasts with whisper large-v2",
        "GPU memory for a bge reranker in production",
        "how many hours does resnet50 take on imagenet",
    ],
)
def test_non_llm_questions_get_their_own_intent(question):
    assert understand(question, load_catalog(), load_models()).intent is Intent.NON_LLM


def test_an_llm_named_beside_it_stays_an_llm_question():
    u = understand("llama 3.1 8b and whisper on one 4090?", load_catalog(), load_models())
    assert u.intent is not Intent.NON_LLM


def test_answers_give_sourced_numbers_and_verdicts(assistant):
    flux = assistant.ask("could my 4060 ti 16gb handle FLUX.1 dev?")
    assert "Yes" in flux.text and "11.9 GB" in flux.text and "fp8" in flux.text
    assert flux.memory_gb == 11.9
    assert "black-forest-labs/FLUX.1-dev" in flux.text
    small = assistant.ask("sdxl on an 8gb rtx 4060: what fits?")
    assert "RTX 4060" in small.text and "6.9 GB" in small.text and "weight arithmetic" in small.text
    train = assistant.ask("VRAM to train a dreambooth model of SDXL?")
    assert "no sourced training figure for SDXL" in train.text and "16.0 GB" in train.text
    resnet = assistant.ask("time to train resnet-50 on imagenet on A100s")
    assert "~3 h on 8x A100 80GB SXM" in resnet.text and "DeepLearningExamples" in resnet.text
