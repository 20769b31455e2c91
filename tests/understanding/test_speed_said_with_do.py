"""A speed said with "do" ("can only do 2 tokens/s", "did 3 tokens/s") is a speed the user saw (session 23); one
hoped for ("should do 100 tok/s") stays expected. Phrasings in no evaluation set."""

from __future__ import annotations


def test_a_speed_said_with_do_is_a_speed_seen(read):
    understanding = read("how come qwen2.5 32b q4 can only do 2 tokens/s on my 3090 in ollama?")
    assert understanding.details.observed_tokens_per_s == 2


def test_a_past_speed_said_with_did_is_seen(read):
    understanding = read("phi-3 mini did 7 tok/s on my laptop 3050, why so low?")
    assert understanding.details.observed_tokens_per_s == 7


def test_a_speed_hoped_for_with_do_is_expected(read):
    understanding = read("my 4070 should do about 60 tokens/s with llama 3.1 8b q4, right?")
    assert understanding.details.observed_tokens_per_s is None
    assert understanding.details.expected_tokens_per_s == 60


def test_a_speed_wanted_with_to_do_is_not_seen(read):
    understanding = read("I want my 3060 to do 30 tokens/s with mistral 7b q4, which settings?")
    assert understanding.details.observed_tokens_per_s is None
