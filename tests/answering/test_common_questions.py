"""Yes/no questions about how GPUs and models share a machine (several models on one card, two cards together,
RAM as VRAM, more GPUs for more users) are answered from the guides with the verdict first, not with a spec
sheet of the card named. Real components (a real Chroma index of corpus/guides); phrasings in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.understanding import Intent
from assistant.understanding._understand import understand


@pytest.mark.parametrize(
    "question",
    [
        "could one h100 serve a couple of different models simultaneously?",
        "will my 3090 and my old 1080 ti work together for one big model?",
        "do I really need an nvlink bridge between two a6000s?",
        "got a 4070 and a 3060 in the same tower, can koboldcpp spread a model across both?",
        "will text-generation-webui make use of all 3 of my P40s?",
    ],
)
def test_a_yes_no_about_a_setup_is_explained_not_a_spec_sheet(catalog, models, question):
    assert understand(question, catalog, models).intent is Intent.EXPLAIN


def test_a_spec_question_about_the_same_cards_stays_a_spec_question(catalog, models):
    assert understand("does the a6000 have nvlink?", catalog, models).intent is not Intent.EXPLAIN


@pytest.mark.parametrize(
    ("question", "verdict", "topic"),
    [
        ("could an h100 serve a couple of models simultaneously?", "Yes", "--gpu-memory-utilization"),
        (
            "is there a way to spill a model into normal system memory when vram runs out?",
            "Only with",
            "-ngl",
        ),
        ("if we give our vllm box more gpus will it take more parallel requests?", "Yes", "KV cache"),
        ("do I really need an nvlink bridge between two a6000s?", "No", "PCIe"),
        ("two 4060 ti 16gb in my rig, would ollama use both of them?", "Yes", "spread"),
    ],
)
def test_the_guide_answer_leads_with_its_verdict(ask, question, verdict, topic):
    reply = ask(question)
    assert reply.text.startswith(verdict), reply.text[:200]
    assert topic in reply.text


@pytest.mark.parametrize(
    ("question", "how"),
    [
        (
            "my fastapi app wraps vllm, can it take several chat requests at once or is it one by one?",
            "AsyncLLMEngine",
        ),
        ("can tgi process several requests in parallel on one gpu", "continuous batching"),
        (
            "if 10 ppl use my vllm endpoint at the same moment are they answered in parallel?",
            "continuous batching",
        ),
    ],
)
def test_an_engine_serves_concurrent_requests_by_batching_them(ask, question, how):
    # vllm-project/vllm#3248: the OpenAI-compatible server or AsyncLLMEngine batch concurrent requests; the offline
    # LLM class blocks per call
    reply = ask(question)
    assert reply.text.startswith("Yes"), reply.text[:200]
    assert how in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "can a single vllm instance host two different llms at once?",
        "is there a way to load several models into one vllm server and route between them?",
    ],
)
def test_several_models_in_one_vllm_server_is_no_but_one_gpu_can_hold_several(ask, question):
    """One vLLM engine serves one model (replicas or a router for more); one GPU can still hold several servers."""
    reply = ask(question)
    assert reply.text.startswith("No"), reply.text[:160]
    assert "one instance per model" in reply.text or "one vLLM instance per model" in reply.text
    gpu = ask("could one l40s serve a couple of different models at the same time?")
    assert gpu.text.startswith("Yes"), gpu.text[:160]
