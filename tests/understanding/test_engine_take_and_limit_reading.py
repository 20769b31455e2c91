"""Reading what a batching server will take and how to make it take less: "how much memory will vLLM use on an
L40S?" asks the server's reserve, "how much will it take to serve X" asks the model's need; "is there a flag to
make SGLang use less?" asks for a knob (a yes/no question). Phrasings in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.understanding import asks_engine_memory
from assistant.understanding._engines import asks_engine_limit, asks_engine_take, asks_for_an_option


@pytest.mark.parametrize(
    "text",
    [
        "how much GPU memory is vLLM going to use for Mistral 7B on one L40S?",
        "How much VRAM does TGI take when it serves Phi-3 mini on an A10G",
        "how many GB will sglang actually occupy on an H200 with qwen2.5 14b?",
    ],
)
def test_what_the_server_will_take_is_its_reserve(text):
    assert asks_engine_take(text)
    assert asks_engine_memory(text)


@pytest.mark.parametrize(
    "text",
    [
        "how much memory will it take to serve Mistral 7B with vLLM?",  # the need, asked of the model
        "how much VRAM does Mistral 7B need under vLLM?",
        "how much memory will llama.cpp use for a 13B Q4 model?",  # not a batching server
    ],
)
def test_a_need_or_a_non_batching_engine_is_not_the_reserve(text):
    assert not asks_engine_take(text)


@pytest.mark.parametrize(
    "text",
    [
        "Is there a setting that makes vLLM grab less VRAM?",
        "can we cap the memory footprint of lmdeploy somehow",
        "my sglang server should only take what the model needs, possible?",
    ],
)
def test_a_way_to_make_the_server_take_less(text):
    assert asks_engine_limit(text)
    assert asks_engine_memory(text)


def test_an_out_of_memory_report_is_not_a_limit_question():
    assert not asks_engine_limit("vllm crashes with CUDA out of memory on my 3090, how do I reduce memory?")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("is there an env var to stop it reserving everything?", True),
        ("would there be a start-up switch for that?", True),
        ("can I limit it to half the card?", True),
        ("how do I limit it to half the card?", False),  # how-to, not yes/no
        ("why is there so much memory in use?", False),
    ],
)
def test_asking_whether_an_option_exists(text, expected):
    assert asks_for_an_option(text) is expected


@pytest.mark.parametrize(
    "text",
    [
        "2024-01-01 ERROR text_generation_launcher: Shard 0 failed to start",
        "Error: ShardCannotStart after the weights loaded",
    ],
)
def test_tgi_is_known_by_its_own_log_lines(text):
    from assistant.understanding import engines_named

    assert "TGI" in engines_named(text)


def test_system_memory_with_a_smaller_card_is_not_a_limit_on_the_server():
    text = (
        "With Qwen2.5 72B + vLLM, must the whole model sit in VRAM, or can I use 200GB of system memory with "
        "lower GPU capacity to save money?"
    )
    assert not asks_engine_limit(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("how much VRAM will Gemma 2 9B occupy under SGLang on one A10G?", True),
        ("how much gpu memory would phi-3 mini consume when served with vllm on an L4", True),
        ("how much VRAM does Gemma 2 9B need to serve with SGLang on one A10G?", False),  # the need
    ],
)
def test_memory_the_model_will_use_inside_a_server_is_the_servers_take(text, expected):
    assert asks_engine_take(text) is expected
