"""The sequences a serving engine runs together, as the user sees them or its log reports them, read as a reading to
explain — not as a batch to size. Phrasings in no evaluation set."""

from __future__ import annotations


def test_a_count_the_engine_only_manages_is_a_reading(read):
    d = read("tgi on my l40s only handles 9 requests at a time serving mistral 7b, how come?").details
    assert d.observed_sequences == 9 and d.batch is None


def test_the_engine_log_gives_the_count_and_the_length(read):
    d = read(
        "log line: Maximum concurrency for 16,384 tokens per request: 2.10x (qwen2.5 14b, one a6000)"
    ).details
    assert d.observed_sequences == 2.1 and d.context == 16384


def test_a_count_needed_is_no_reading(read):
    d = read("we only need 30 concurrent requests for llama 3.1 8b, which card?").details
    assert d.observed_sequences is None and d.batch == 30
    assert read("it only gets 40 requests per hour on an l4").details.observed_sequences is None
