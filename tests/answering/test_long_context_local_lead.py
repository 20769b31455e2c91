"""A local run at a long context the user states, which only a 2-bit file would fit: the usual 4-bit download at a
shorter context (or with an 8-bit KV cache) leads, with the context that fits worked out — not "yes, in Q2_K".
Phrasings in no evaluation set."""

from __future__ import annotations

import re

from tests.support.checked_answers import checked_answer


def test_the_context_not_a_two_bit_file_leads(assistant):
    answer = checked_answer(
        assistant, "does qwen 2.5 32b fit my radeon 7900 xtx if i want 32k tokens of context?"
    )
    assert answer.first_line.startswith("**Only with a shorter context or an 8-bit KV cache**")
    assert "Q4_K_M" in answer.first_line and "Q2_K" not in answer.first_line
    room = int(re.search(r"a context of about ([\d,]+) tokens", answer.first_line)[1].replace(",", ""))
    assert 8_000 <= room < 32_768  # Q4_K_M's ~20 GB of weights leave ~3 GB for 0.25 MB/token of KV cache


def test_an_eight_bit_kv_cache_that_fits_is_named(assistant):
    answer = checked_answer(assistant, "gemma 3 27b at 128k ctx on my 3090, will that work in ollama?")
    assert answer.first_line.startswith("**Only with")
    assert "OLLAMA_KV_CACHE_TYPE=q8_0" in answer.first_line and "which fits" in answer.first_line


def test_a_short_context_keeps_the_plain_format_answer(assistant):
    answer = checked_answer(assistant, "does qwen 2.5 32b fit my radeon 7900 xtx?")
    assert not answer.first_line.startswith("**Only with a shorter context")


def test_when_no_download_fits_at_that_context_the_shorter_one_still_leads(assistant):
    answer = checked_answer(assistant, "can my rtx 3060 12gb cope with qwen2.5 14b at 32k tokens of context?")
    assert answer.first_line.startswith("**Only with a shorter context or an 8-bit KV cache**")
    assert "not in my model specs" not in answer.full


def test_a_verb_before_a_size_is_not_read_as_a_model_name(assistant):
    answer = checked_answer(assistant, "will a 16gb card handle 13b models?")
    assert "Handle is not in my model specs" not in answer.full
