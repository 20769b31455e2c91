"""A speed the user sees set beside one they hope for or reach elsewhere (round 6, local): the one seen is what the
question is about; a hoped-for speed alone is still read as hoped. And the sentence scope that says a LoRA adapter
is loaded to run a model is not cut by the dots of a URL or a version number. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "seen"),
    [
        (
            "koboldcpp gives me 3 tokens/s on mistral 7b but llama.cpp can reach 40 tok/s on the same 3060, why",
            3,
        ),
        ("getting only 12 t/s with qwen2.5 14b q4 on my 4080, I expected 45 tokens/s", 12),
        ("my 6700 xt is at 2.5 tok/s with llama 3 8b though people say it should hit 50 t/s", 2.5),
    ],
)
def test_the_speed_seen_is_judged_not_the_one_hoped_for(read, question, seen):
    d = read(question).details
    assert d.observed_tokens_per_s == seen
    assert d.expected_tokens_per_s is None


def test_a_hoped_for_speed_alone_stays_hoped_for(read):
    d = read("can a 4060 ti 16gb reach 40 tok/s with gemma 2 9b q4?").details
    assert d.expected_tokens_per_s == 40
    assert d.observed_tokens_per_s is None


@pytest.mark.parametrize(
    "question",
    [
        "I want inference of https://huggingface.co/someone/mistral-7b-chat-ft plus a lora adapter on a 16gb card",
        "running llama 3.1 8b with my lora adapter on a 4060 ti runs out of memory",
    ],
)
def test_a_url_or_a_version_does_not_cut_the_sentence_that_loads_an_adapter(read, question):
    assert read(question).details.task.value == "inference"


@pytest.mark.parametrize(
    ("question", "seen"),
    [
        ("tgi with mixtral on 2 a10g, time per token is about 125 ms, normal?", 8.0),
        ("vllm qwen2 72b awq, our benchmark shows TPOT 40ms on one a100", 25.0),
        ("each token takes like 250ms/token with llama 2 13b on a t4 in transformers", 4.0),
    ],
)
def test_a_time_per_token_is_read_as_the_speed_seen(read, question, seen):
    # one token every N milliseconds is 1000 / N tokens per second
    assert read(question).details.observed_tokens_per_s == seen


def test_a_token_that_takes_some_milliseconds_is_a_speed_seen(read):
    assert (
        read("with tgi every token takes around 80 ms on our a100, too slow").details.observed_tokens_per_s
        == 12.5
    )
