"""A model named by a repository or file name with a tail of its own ("llama2-7b-huggingface", "...-gguf-q4") is the
model before the tail, as long as that head still carries a size. Phrasings of our own, in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("serving llama2-7b-huggingface-converted with vllm", "Llama 2 7B"),
        ("qwen2.5-14b-instruct-gguf-q5 in ollama", "Qwen2.5 14B"),
        ("mistral-7b-instruct-v0.2-awq-finetuned on a T4", "Mistral 7B"),
    ],
)
def test_a_repository_tail_keeps_the_model_before_it(models, text, model):
    assert [m.name for m in models.find_in_text(text)][:1] == [model]


def test_a_head_without_a_size_is_no_model(models):
    assert [m.name for m in models.find_in_text("llama-guard-classifier on a 3060")] == []
