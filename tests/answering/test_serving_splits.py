"""Serving on several GPUs says how the model is split, a model known only by its size is sized from it, a
format the card cannot compute in is said to be unsupported rather than too big, and the KV-cache start-up
error told in the user's words gets the same explanation as the pasted one (real components; phrasings in no
evaluation set)."""

from __future__ import annotations

import re
import uuid

import pytest


@pytest.fixture(scope="module")
def ask(assistant):
    def _ask(*questions):
        conversation = f"split-{uuid.uuid4().hex}"
        reply = None
        for q in questions:
            reply = assistant.ask(q, conversation_id=conversation)
        return reply

    return _ask


def test_a_fit_on_several_gpus_says_how_to_split_it(ask):
    reply = ask("will Qwen2.5 32B in bf16 fit on my two RTX A6000s with vLLM?")
    assert reply.text.startswith("**Yes**")
    assert "--tensor-parallel-size 2" in reply.text


def test_one_gpu_or_training_gets_no_split_advice(ask):
    assert "tensor-parallel" not in ask("can one A100 80GB serve llama 3 8b?").text
    assert "tensor-parallel" not in ask("could I fine-tune llama 3 8b with LoRA on two 3090s?").text


def test_a_model_known_by_its_size_is_sized_from_it(ask):
    reply = ask("The model needs 60GB. I've got two L40S cards; why does vLLM fail to start it on them?")
    assert reply.memory_gb is not None and 60 <= reply.memory_gb <= 75  # 60 GB of weights plus the cache
    assert "60 GB read as 16-bit weights, about 30B parameters" in reply.text
    assert "--tensor-parallel-size 2" in reply.text


def test_an_unsupported_format_is_not_called_too_big(ask):
    reply = ask("can I serve llama 3.1 70b on two A100 80GB?")
    assert re.search(r"FP8: no — the A100 80GB SXM has no FP8 support", reply.text)


def test_the_kv_cache_error_in_the_users_words_is_explained(ask):
    reply = ask(
        "vllm complains max model len 32768 is larger than the kv cache 15000 with mistral 7b on my L4"
    )
    assert "Why the error" in reply.text and "--max-model-len" in reply.text
