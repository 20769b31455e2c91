"""'vLLM or Ollama for 20 users?' names one engine for who is served, and why, before any sizing; one person on
one machine gets llama.cpp / Ollama, and no vLLM flag. Phrasings in no evaluation set."""

from __future__ import annotations


def test_many_users_get_the_batching_server_first(ask):
    reply = ask("sglang or llama.cpp for 40 concurrent users on an h100?")
    first = reply.text.split("\n")[0]
    assert first.startswith("**SGLang** for 40 users at once")
    assert "continuous batching" in first


def test_a_model_for_a_team_is_sized_for_the_server_after_the_pick(ask):
    reply = ask("ollama or vllm for serving llama 3.1 8b to my team of 12?")
    assert reply.text.startswith("**vLLM**")
    assert "q4_k_m" not in reply.text.lower()  # the server's weights, not Ollama's GGUF download


def test_one_person_gets_ollama_and_no_server_flag(ask):
    reply = ask("ollama or vllm for only me, qwen2.5 14b on my 3090?")
    assert reply.text.startswith("**Ollama** for one person")
    assert "--max-model-len" not in reply.text


def test_the_engine_choice_without_a_model_is_not_a_spec_sheet(ask):
    reply = ask("tgi or ollama for a 100-person company on one L40S?")
    assert reply.text.startswith("**TGI**")
    assert "| spec |" not in reply.text
