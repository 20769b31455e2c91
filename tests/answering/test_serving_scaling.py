"""Serving capacity as one setting changes: more GPUs for the same model (split with tensor parallelism, or run as
copies) and an FP8 KV cache, each answered with both capacities side by side (real components; phrasings in no
evaluation set)."""

from __future__ import annotations

import re


def _bold_numbers(text: str) -> list[int]:
    return [int(n.replace(",", "")) for n in re.findall(r"\*\*(\d[\d,]*)", text)]


def test_more_gpus_for_the_same_model_gives_each_count_its_capacity(ask):
    reply = ask("would 4 L40S take more simultaneous chats than 2 for Qwen2.5 14B in vllm?")
    first = reply.text.split("\n")[0]
    assert first.startswith("**Yes**")
    high, low = _bold_numbers(first)[:2]
    assert high > 2 * low  # the weights take less of each card: the KV room grows faster than the card count
    copies = re.search(
        r"Run as (\d+) copies of the 2-GPU setup.*?\*\*(\d+) users\*\* \((\d+) x (\d+)\)", first
    )
    assert copies and int(copies.group(2)) == int(copies.group(1)) * int(copies.group(4))


def test_fewer_gpus_asked_about_gets_no(ask):
    first = ask("will 2 H100s serve more parallel requests than 4 for Llama 3.1 70B in fp8?").text.split(
        "\n"
    )[0]
    assert first.startswith("**No**") and "on 2" in first


def test_a_count_too_small_for_the_model_is_said_not_to_fit(ask):
    first = ask("moving from 1 to 4 L40S for Llama 3 70B, do we get more concurrent users?").text.split("\n")[
        0
    ]
    assert "does not fit on 1 x L40S" in first


def test_an_fp8_kv_cache_doubles_the_sequences_that_fit(ask):
    reply = ask(
        "if we enable an fp8 kv cache, how many more concurrent 8k requests fit on the A10G with Qwen2.5 7B?"
    )
    first = reply.text.split("\n")[0]
    more, fp8, sixteen = _bold_numbers(first)[:3]
    assert more == fp8 - sixteen and fp8 >= 2 * sixteen - 1
    assert "8,192 tokens" in first
    # Qwen2.5-7B's config.json: 28 layers, 4 KV heads of 128 -> 2 x 28 x 4 x 128 x 2 bytes = 56 KiB per token in
    # 16-bit, 28 KiB in FP8
    assert re.search(r"takes 28 KiB instead of 56 KiB", first)


def test_the_kv_cache_per_token_is_worked_out_from_the_models_shape(ask):
    first = ask("how do you work out the kv cache size per token for Llama 3.1 8B?").text.split("\n")[0]
    # Llama 3.1 8B's config.json: 32 layers, 8 KV heads (of 32 attention heads) of 128 -> 2 x 32 x 8 x 128 x 2 bytes
    assert first.startswith("**128 KiB of KV cache per token**")
    assert (
        "2 (a key and a value) x 32 layers x 8 KV heads x 128 values per head x 2 bytes = 131,072 bytes"
        in first
    )
    assert "grouped-query attention" in first and "4x as much" in first


def test_a_model_without_grouped_query_attention_caches_every_head(ask):
    # Llama 2 13B: 40 layers, 40 heads of 128, no GQA -> 2 x 40 x 40 x 128 x 2 = 819,200 bytes (~0.8 MB) per token
    first = ask("where does roughly 1 MB of memory per token come from for Llama 2 13B?").text.split("\n")[0]
    assert "819,200 bytes" in first and "no grouped-query attention" in first


def test_more_gpus_with_no_model_named_says_how_they_add_concurrency(ask):
    reply = ask("if we run TGI on 6 A10G rather than 3, will more requests be served concurrently?")
    first = reply.text.split("\n")[0]
    assert "--num-shard 6" in first and "2 copies of the 3-GPU setup" in first
    assert "6 x 24 GB = 144 GB against 72 GB" in first  # the A10G's 24 GB, from the catalog
    assert "Tell me the model" in first


def test_a_draft_model_adds_its_weights_and_its_own_kv_cache(ask):
    first = ask(
        "serving Qwen2.5 14B on one L40S with Qwen2.5 0.5B as the speculative draft: how much more memory?"
    ).text.split("\n")[0]
    # Qwen2.5-0.5B: 0.49B parameters (2 bytes each in bf16, ~1.0 GB); 24 layers x 2 KV heads x 64 -> 12 KiB/token
    assert "Qwen2.5 0.5B in bf16 is 1.0 GB of weights" in first and "12 KiB per token" in first
    assert re.search(r"about [\d.]+ GB per GPU of the 43.2 GB usable: it still fits", first)


def test_time_to_first_token_stays_on_the_users_gpus_in_a_format_that_fits(ask):
    # 16-bit Llama 3.1 70B (~141 GB of weights) does not fit 2 x 72 GB usable; FP8 (~70 GB) does
    first = ask("how long until the first token with a 2k prompt, Llama 3.1 70B on two H100s?").text.split(
        "\n"
    )[0]
    assert first.startswith("In bf16, Llama 3.1 70B does not fit on 2 x H100 SXM")
    assert "in fp8 it does" in first and "on 2x H100 SXM" in first and "A100" not in first


def test_two_setups_for_a_load_say_how_many_users_each_holds(ask):
    first = ask("for 25 people chatting at once with Llama 3.1 8B, one A100 40GB or two L4?").text.split(
        "\n"
    )[0]
    held = dict(
        (label.strip(), int(n))
        for label, n in re.findall(r"(?:: |; )((?:one|\d+ x) [^;:]+?) about (\d+) users", first)
    )
    assert len(held) == 2  # each option's own capacity, not only the pick's
    assert first.startswith("**One A100 40GB") == (held[next(k for k in held if "A100" in k)] >= 25)


def test_a_shared_prefix_is_stored_once_for_all_requests(ask):
    first = ask(
        "20 agents hit Llama 3.1 8B on one L40S at once and all share a 1000-token system prompt; "
        "how much memory does prefix caching save?"
    ).text.split("\n")[0]
    # 1,000 tokens x 128 KiB (Llama 3.1 8B: 2 x 32 layers x 8 KV heads x 128 x 2 bytes) = 0.13 GB per request;
    # stored once instead of 20 times saves 19 x 0.13 = 2.5 GB
    assert "1,000 x 128 KiB" in first and "stored once instead of 20 times, about **2.5 GB saved**" in first
