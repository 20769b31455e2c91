"""Serving-capacity answers: users at the speed asked for, time to first token, an FP8 KV cache, a GPU count
first for 'how many GPUs' (issue 9 items 2 and 6). Real components; phrasings in no evaluation set."""

from __future__ import annotations

import re


def _users(reply) -> int:
    return int(re.search(r"About \*\*([\d,]+) concurrent users\*\*", reply.text).group(1).replace(",", ""))


def test_users_at_the_stated_speed_with_time_to_first_token(ask):
    slow = ask("How many users can Qwen2.5 7B handle on one L40S at 8k context, 5 tokens/s per user?")
    fast = ask("How many users can Qwen2.5 7B handle on one L40S at 8k context, 40 tokens/s per user?")
    assert "at 40 tokens/s each" in fast.text and "at 5 tokens/s each" in slow.text
    assert _users(fast) < _users(slow)
    assert re.search(r"8,192-token prompt takes about [\d,.]+ (?:ms|s) to read", fast.text)
    assert "per million tokens" in fast.text  # cost from the throughput at that load


def test_an_fp8_kv_cache_in_a_follow_up_fits_more_users(ask):
    base = ask("how many concurrent chats does Llama 3.1 8B support on a single L40S with 16k context?")
    both = ask(
        "how many concurrent chats does Llama 3.1 8B support on a single L40S with 16k context?",
        "what if the kv cache is fp8?",
    )
    # the follow-up sets the FP8 cache against the 16-bit one the first answer sized
    held = int(re.search(r"KV cache holds (\d+) sequences", base.text).group(1))
    more = re.search(
        r"About \*\*(\d+) more\*\*: with an FP8 KV cache.*?\*\*(\d+) sequences.*?against \*\*(\d+)\*\*",
        both.text,
    )
    assert more and int(more.group(3)) == held
    assert int(more.group(2)) == held + int(more.group(1)) and int(more.group(2)) > held


def test_how_many_gpus_opens_with_the_count(ask):
    reply = ask("How many L40S would I need for Qwen2.5 72B in bf16?")
    assert re.match(r"\*\*\d+ x L40S\*\*", reply.text)


def test_a_speed_asked_of_one_gpu_too_small_leads_with_the_speed_on_the_fewest_that_hold_it(assistant):
    """'How many tokens/s does an H100 give on X?' when X does not fit on one: a number first, on the setup that
    holds it, and why it takes that many — not a bare 'No'."""
    reply = assistant.ask("what kind of tokens/sec would i get from one h200 running llama 3.1 405b?")
    first = reply.text.splitlines()[0]
    assert first.startswith("About **") and "tokens/s** per sequence" in first
    assert "x H200" in first and "more than one H200 holds" in first


def test_the_longest_context_on_a_card_known_by_its_memory_is_a_token_count(assistant, models, assumptions):
    """'Max context for X on a 24gb card?': the KV-cache tokens that card's memory holds after the weights, as a
    number first — not only that the default context fits. A card known only by a desktop card's memory is a home
    card: the usual GGUF under llama.cpp, with llama.cpp's share of the memory."""
    reply = assistant.ask("how long a context could qwen2.5 7b take on a 24 gb graphics card, at most?")
    first = reply.text.splitlines()[0]
    assert first.startswith("**About ") and "tokens** of context fit on your 24 GB card" in first
    assert "q4_k_m" in first and "num_ctx" in first
    tokens = int(first.split("**About ")[1].split(" tokens")[0].replace(",", ""))
    weights = reply.plan.estimate.item("weights").gb
    usable = 24 * assumptions.number("local_memory_fraction")
    spec = models.get("Qwen2.5 7B")
    per_token = spec.layers * spec.kv_heads * spec.head_dim * 2 * 2  # keys and values, 16-bit
    assert 0.8 * (usable - weights) * 1e9 < tokens * per_token < (usable - weights) * 1e9


def test_with_no_room_in_the_default_format_the_longest_context_is_given_in_a_leaner_one(assistant):
    """'Max context for a 70B on one 80 GB card?' (format unsaid): bf16 weights alone overflow it, so the room is
    worked out in the first leaner format that leaves some, and the answer says which and why."""
    reply = assistant.ask("biggest context window for qwen2.5 72b on one h100, roughly?")
    first = reply.text.splitlines()[0]
    assert first.startswith("**About ") and (" in int8:" in first or " in int4:" in first)
    assert "In bf16 the weights alone" in first and "leave no room" in first


def test_at_home_the_leaner_format_is_the_usual_gguf_download(assistant):
    reply = assistant.ask("how much context can I get with gemma 2 27b on my 16gb 4060 ti?")
    first = reply.text.splitlines()[0]
    # Gemma 2 27B in Q4_K_M (about 16.6 GB of weights) overflows 16 GB: the next smaller download leaves room
    assert (
        first.startswith("**About ") and re.search(r" in q[23]_k(?:_m)?:", first) and "llama.cpp `-c" in first
    )
