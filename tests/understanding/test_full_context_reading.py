"""The model's whole trained context, asked for in words ("its full context window", "at max context") or by
leaving vLLM / SGLang at their default length (which is the model's full context), is the context sized; a
default said of another runtime, or a length given in numbers, is not overridden. Phrasings in no evaluation
set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "Gemma 2 9B with the entire context window on an A10G, possible?",
        "serve Mistral Nemo 12B through SGLang at its default context length on a 4090",
        "vllm with Llama 3.2 3B and no --max-model-len given, does a T4 hold it?",
        "Qwen2.5 7B AWQ takes far more memory once we use its long context window, on a 24GB L4",
    ],
)
def test_the_whole_context_is_sized(read, models, text):
    u = read(text)
    assert u.details.context == models.get(u.details.model).max_context


def test_a_stated_length_or_another_runtimes_default_is_kept(read):
    assert read("Llama 3.1 8B at 16k context, full precision, on an L4").details.context == 16384
    assert read("ollama llama3.1 8b at the default context on my 3060").details.context != 131072


def test_a_long_context_not_of_the_model_is_no_reading_of_it(read):
    assert read("which GPU for long context inference of Llama 3.1 8B?").details.context != 131072
