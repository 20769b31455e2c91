"""Understanding what people running models on their own machine say (runtimes, quants, owned hardware)."""

from __future__ import annotations

import pytest

from assistant.knowledge import load_catalog, load_models
from assistant.understanding import understand


@pytest.fixture(scope="module")
def read():
    catalog, models = load_catalog(), load_models()
    return lambda q: understand(q, catalog, models).details


def test_a_mac_and_its_memory_said_apart(read):
    d = read("Would Mistral 7B be usable on an M1 Pro? mine has 32 GB")
    assert d.gpus == ("M1 Pro 32GB",) and d.local and d.runtime == "llama.cpp"


def test_a_laptop_card_is_not_the_desktop_card(read):
    d = read("I have a gaming laptop with an RTX 4070, can it do Phi-4?")
    assert d.gpus == ("RTX 4070 Laptop",) and d.local


def test_quant_names_and_runtimes(read):
    d = read("phi-4 in Q6_K through LM Studio on my 4060 ti 16gb")
    assert (d.runtime, d.precision, d.gpus) == ("llama.cpp", "q6_k", ("RTX 4060 Ti 16GB",))
    assert read("gemma 2 27b as a 5 bit gguf").precision == "q5_k_m"
    assert read("qwen2.5 14b with ollama").runtime == "llama.cpp"
    assert read("serve llama 3.1 8b with vLLM on a 4090").runtime == "server"
    assert read("exl2 of qwen2.5 32b on a 3090").runtime == "exllamav2"


def test_kv_cache_format_is_not_the_weights_format(read):
    d = read("llama 3.1 8b q5_k_m, kv cache q4_0, 64k context on a 3060 12gb")
    assert (d.precision, d.kv_precision) == ("q5_k_m", "q4_0")


def test_two_owned_cards(read):
    d = read("my two 3090s: enough for Llama 3.3 70B in q4_k_m?")
    assert d.gpus == ("RTX 3090",) and d.gpu_count == 2 and d.local
