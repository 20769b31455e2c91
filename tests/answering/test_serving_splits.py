"""Serving on several GPUs says how the model is split, a model known only by its size is sized from it, a
format the card cannot compute in is said to be unsupported rather than too big, and the KV-cache start-up
error told in the user's words gets the same explanation as the pasted one (real components; phrasings in no
evaluation set)."""

from __future__ import annotations

import re


def test_a_fit_on_several_gpus_says_how_to_split_it(ask):
    reply = ask("will Qwen2.5 32B in bf16 fit on my two RTX A6000s with vLLM?")
    assert reply.text.startswith("**Yes")  # "Yes, with --max-model-len …": its full 128k context does not fit
    assert "--tensor-parallel-size 2" in reply.text


def test_one_gpu_or_training_gets_no_split_advice(ask):
    assert "tensor-parallel" not in ask("can one A100 80GB serve llama 3 8b?").text
    assert "tensor-parallel" not in ask("could I fine-tune llama 3 8b with LoRA on two 3090s?").text


def test_a_model_known_by_its_size_is_sized_from_it(ask):
    reply = ask("The model needs 60GB. I've got two L40S cards; why does vLLM fail to start it on them?")
    assert reply.memory_gb is not None and 60 <= reply.memory_gb <= 75  # 60 GB of weights plus the cache
    assert "60 GB read as 16-bit weights, about 30B parameters" in reply.text
    assert "--tensor-parallel-size 2" in reply.text


def test_an_unsupported_format_is_not_called_too_big(ask):
    reply = ask("can I serve llama 3.1 70b on two A100 40GB?")
    assert re.search(r"FP8: no — the A100 40GB has no FP8 support", reply.text)


def test_the_kv_cache_error_in_the_users_words_is_explained(ask):
    reply = ask(
        "vllm complains max model len 32768 is larger than the kv cache 15000 with mistral 7b on my L4"
    )
    assert "Why the error" in reply.text and "--max-model-len" in reply.text


def test_users_on_a_card_too_small_for_16_bit_are_counted_in_a_format_that_fits(ask, catalog):
    reply = ask("how many people could chat with gemma 2 9b on one T4 at the same time?")
    first = reply.text.splitlines()[0]
    assert re.match(
        r"In fp16, .* does not fit on one T4 \(about [\d.]+ GB\); in (int8|fp8|int4) it does\.", first
    )
    assert "concurrent users" in first and "on 1x T4" in first  # their card, never another one's capacity


def test_how_much_context_is_the_longest_context_that_fits(ask):
    reply = ask("qwen2.5 7b in bf16 on my 4090 with vllm", "how much context can I get?")
    assert re.match(r"\*\*About [\d,]+ tokens\*\* of context fit on one RTX 4090", reply.text)


def test_a_setup_just_over_the_default_reserve_fits_with_it_raised(ask):
    reply = ask("would llama 3 70b awq squeeze onto two 24gb 3090s under vllm?")
    first = reply.text.splitlines()[0]
    assert first.startswith("**Yes, with** `--gpu-memory-utilization 0.95`")
    assert "--tensor-parallel-size 2" in first
    assert re.search(r"room for about \d+ sequences? of 4,096 tokens", first)  # how much serving room is left


def test_a_setup_well_over_the_card_is_still_a_no(ask):
    reply = ask("would llama 3 70b awq squeeze onto one 24gb 3090 under vllm?")
    assert reply.text.startswith("**No**") and "gpu-memory-utilization" not in reply.text.splitlines()[0]


def test_a_reserve_the_user_set_is_kept(ask):
    reply = ask("llama 3 70b awq on two 3090s with vllm --gpu-memory-utilization 0.85, will it load?")
    assert not reply.text.startswith("**Yes, with** `--gpu-memory-utilization")


def test_a_fine_tune_that_fits_several_cards_only_sharded_says_so(ask):
    reply = ask("QLoRA on llama 2 70b with four 24GB A10Gs, will that work?")
    first = reply.text.splitlines()[0]
    # no strategy named: plain data parallelism copies the model to each card, so only sharding makes it fit
    assert (
        first.startswith("**Yes, with the model split across the GPUs**")
        and "each GPU holds a whole copy" in first
    )
    assert "--tensor-parallel-size" not in reply.text  # a training run is not served


def test_the_largest_batch_when_serving_is_sequences_at_once_not_gradient_accumulation(ask):
    reply = ask("max batch size for mistral 7b on one L40S at 4k context with vllm?")
    first = reply.text.splitlines()[0]
    assert re.match(r"\*\*Batch [\d,]+\*\* — ", first) and "at once" in first
    assert "gradient accumulation" not in reply.text


def test_many_users_just_over_the_reserve_get_the_kv_cache_answer(ask):
    reply = ask("serving mistral 7b awq on one 4090 with 32 concurrent requests, does it fit?")
    assert "gpu-memory-utilization 0.95" not in reply.text.splitlines()[0]
    assert "32 sequences at once" in reply.text


def test_a_speed_per_user_picks_a_setup_that_reaches_it(ask):
    reply = ask("we need 150 tokens/s per user from llama 3.1 8b, what should we rent?")
    first = reply.text.splitlines()[0]
    m = re.search(
        r"generates about ([\d,]+) tokens/s for one user there, meeting the 150 tokens/s asked", first
    )
    assert m and int(m.group(1).replace(",", "")) >= 150
    assert reply.gpus[0] in first


def test_a_speed_per_user_no_setup_reaches_says_so(ask):
    reply = ask("I need 2000 tokens/s per user for qwen2.5 72b")
    assert reply.text.startswith("**No setup in the catalog reaches 2000 tokens/s for one user**")
