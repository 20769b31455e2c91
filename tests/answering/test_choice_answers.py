"""'Which is better for X, A or B' names one for X, chosen by what limits X (issue 9 item 2): whether it holds the
work, compute for training, bandwidth for one stream, tokens/s per GPU at full load for many users.
Real components; phrasings in no evaluation set."""

from __future__ import annotations

import uuid

import pytest


@pytest.fixture(scope="module")
def ask(assistant):
    def _ask(question):
        return assistant.ask(question, conversation_id=f"choice-{uuid.uuid4().hex}")

    return _ask


def test_the_one_that_holds_the_model_wins(ask):
    reply = ask("to host Qwen2.5 32B in bf16 for our team, L40S or H100 — which would you pick?")
    assert reply.text.startswith("**The H100") and "does not" in reply.text.splitlines()[0]


def test_setups_of_different_sizes_are_compared_per_gpu(ask):
    reply = ask("to host Qwen2.5 72B in bf16 for our team, H200 or H100 — which would you pick?")
    first = reply.text.splitlines()[0]
    assert first.startswith("**The H200**") and "per GPU" in first


def test_training_is_decided_by_compute_not_price(ask):
    reply = ask("for a QLoRA run on Mistral 7B, RTX 3090 or L40S, which one is better?")
    first = reply.text.splitlines()[0]
    assert first.startswith("**The L40S**") and "compute" in first and "TFLOPS" in first


def test_one_stream_is_decided_by_bandwidth(ask):
    reply = ask("Qwen2.5 3B chat for myself: T4 or A10G, which is better?")
    first = reply.text.splitlines()[0]
    assert first.startswith("**The A10G**") and "bandwidth" in first


def test_many_users_are_decided_by_tokens_per_gpu_at_full_load(ask):
    reply = ask("Llama 3.1 8B for many users in production — A100 80GB or H100, which is better?")
    first = reply.text.splitlines()[0]
    assert first.startswith("**The H100") and "per GPU at full load" in first
