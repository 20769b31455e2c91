"""Which engine to use, a batching server (vLLM, TGI, SGLang) or llama.cpp / Ollama, is read with who is served:
many users, one person, or not said. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.understanding import Intent
from assistant.understanding._engines import engine_choice


@pytest.mark.parametrize(
    ("question", "served"),
    [
        ("sglang or ollama for our company chatbot?", "server"),
        ("llama.cpp vs vllm for 30 concurrent requests", "server"),
        ("should we pick tgi or ollama for production?", "server"),
        ("vllm or llama.cpp, it's just me on a macbook", "local"),
        ("ollama or vllm for personal use on my desktop?", "local"),
        ("ollama vs sglang?", "either"),
    ],
)
def test_the_engine_choice_is_read_with_who_is_served(question, served):
    assert engine_choice(question) == served


@pytest.mark.parametrize(
    "question",
    [
        "is vllm faster than ollama for one request?",  # a speed comparison, answered as one
        "can vllm load a gguf from ollama?",  # no choice asked
        "tgi or vllm for 20 users?",  # two batching servers: not this choice
    ],
)
def test_no_engine_choice_without_a_server_weighed_against_llama_cpp(question):
    assert engine_choice(question) is None


def test_an_engine_choice_with_a_card_but_no_model_is_explained_not_a_spec_sheet(read):
    u = read("vllm or ollama on an a6000 for 40 people?")
    assert u.intent is Intent.EXPLAIN


def test_an_engine_choice_is_not_a_yes_no_and_sizes_the_server_for_many(read):
    u = read("should we use ollama or vllm to serve qwen2.5 7b to 25 people?")
    assert not u.details.yes_no
    assert u.details.runtime != "llama.cpp"
