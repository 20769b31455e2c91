"""Answers to serving-engine memory questions and to "is A slower than B" between two named GPUs: the
explanation with its arithmetic and the fixes, not only a sizing table. Real components; phrasings in no
evaluation set."""

from __future__ import annotations

import re

import pytest


def test_a_kv_cache_error_is_explained_with_numbers_and_fixes(ask):
    reply = ask(
        "Running Llama 3.1 8B with vllm on an L4 I get: ValueError: The model's max seq len (131072) is larger "
        "than the maximum number of tokens that can be stored in KV cache (27504). Try increasing "
        "`gpu_memory_utilization` or decreasing `max_model_len`. How do I fix it?"
    )
    text = reply.text
    assert text.startswith("**Why the error:**")
    assert "131,072 tokens" in text and "27,504 tokens" in text
    assert "128 KiB of KV cache per token" in text  # Llama 3.1 8B: 32 layers x 8 KV heads x 128 x 2 x 2 bytes
    assert "--max-model-len 26624" in text  # what fits, rounded down to a multiple of 1,024
    assert "--kv-cache-dtype fp8" in text and "--tensor-parallel-size" in text


def test_an_fp8_kv_cache_is_not_offered_again(ask):
    reply = ask(
        "vllm serve Qwen2.5-7B-Instruct --kv-cache-dtype fp8 on an A10G: The model's max seq len (32768) is "
        "larger than the maximum number of tokens that can be stored in KV cache (20000). what now?"
    )
    assert "--max-model-len 19456" in reply.text
    assert "--kv-cache-dtype fp8" not in reply.text


def test_why_the_server_takes_all_the_memory(ask):
    reply = ask("why does vllm use 21GB of my 24GB RTX 3090 for Mistral 7B AWQ? the model is only 4GB")
    text = reply.text
    # need against reserve, first: what the model needs, then 0.9 of 24 GB (corpus/assumptions.yaml)
    assert text.startswith("That is vLLM reserving GPU memory up front, not what the model needs")
    assert "takes 0.9 of each RTX 3090's 24 GB (about **21.6 GB**)" in text
    assert "the 21 GB you see" in text
    need = float(re.search(r"needs about \*\*([\d.]+) GB\*\*", text).group(1))
    assert 4 < need < 10  # 4-bit weights plus KV cache and context, far below the reserve
    share = float(re.search(r"`--gpu-memory-utilization (0\.\d+)`", text).group(1))
    assert need / 24 < share < 0.9  # a smaller reserve that still holds what it needs
    assert "No —" not in text  # "the model is only 4GB" is not the card's memory


def test_a_speed_gap_between_two_named_gpus_is_a_comparison(ask):
    reply = ask("my old Pascal P100 renders SDXL images way slower than a T4, why is that?")
    assert reply.gpus[:2] == ["P100", "T4"] or set(reply.gpus[:2]) == {"P100", "T4"}
    assert "no tensor cores" in reply.text


def test_which_fits_and_which_is_faster_per_gpu(ask):
    reply = ask("Is the slowness down to V100 vs A100? I serve a 30B model in fp16 on 2 V100 32GB cards.")
    assert reply.gpus[0] == "A100 80GB SXM"
    assert re.search(
        r"the A100 80GB SXM is also faster: generating tokens is bound by memory bandwidth, and it has 2,039 GB/s",
        reply.text,
    )


def _tokens(text: str) -> int:
    return int(re.search(r"\*\*About ([\d,]+) tokens\*\* of context fit", text).group(1).replace(",", ""))


def test_the_longest_context_is_the_answer_and_shrinks_with_a_smaller_reserve(ask):
    default = ask("Qwen2.5 7B on a single L40S with vLLM, how long can the context be?")
    smaller = ask(
        "Qwen2.5 7B on a single L40S with vLLM --gpu-memory-utilization 0.6, how long can the context be?"
    )
    assert _tokens(smaller.text) < _tokens(default.text)
    assert "the 60% of memory you let the engine reserve" in smaller.text
    assert "per month" not in default.text  # "how long" here is tokens, not a rental period


def test_a_lower_reserve_can_make_a_model_not_fit(ask):
    roomy = ask("Will vLLM start Llama 3.1 8B on an L4 with max-model-len 16384?")
    tight = ask(
        "Will vLLM start Llama 3.1 8B on an L4 with gpu_memory_utilization 0.7 and max-model-len 16384?"
    )
    assert roomy.text.startswith("**Yes")
    assert not tight.text.startswith("**Yes**")


def test_more_sequences_than_the_kv_cache_holds_are_queued_not_an_error(ask):
    reply = ask("vllm --max-num-seqs 128 for Llama 3.1 8B on one L4 at 8k context, will they all fit?")
    assert reply.text.startswith("**No**")
    most = int(re.search(r"the KV cache holds \*\*([\d,]+)\*\*", reply.text).group(1).replace(",", ""))
    assert 0 < most < 128
    assert "queues the rest" in reply.text and "gradient accumulation" not in reply.text


def test_a_server_that_fits_the_weights_but_fails_is_told_about_the_default_context(ask):
    reply = ask("sglang crashes with CUDA out of memory loading Llama 3.1 8B on one L4, what's wrong?")
    text = reply.text
    assert text.startswith("**Likely cause:**")
    assert "full 131,072-token context" in text  # Llama 3.1's trained context, from corpus/models.yaml
    room = int(re.search(r"room for only about ([\d,]+) tokens", text).group(1).replace(",", ""))
    assert 10_000 < room < 131_072
    assert f"--context-length {room // 1024 * 1024}" in text  # SGLang's own flag for it


def test_a_stated_context_is_not_second_guessed(ask):
    reply = ask("vllm fails with out of memory for Llama 3.1 8B on an L4 at 8k context")
    assert "**Likely cause:**" not in reply.text


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("vllm on my A100 80GB grabs like 72 gigs for llama 3 8b... is that normal??", "**Yes** — "),
        (
            "Mistral 7B takes up 69GBs of VRAM on an A100 80GB with vllm/vllm-openai, am I doing something wrong",
            "**No** — nothing is wrong: ",
        ),
        ("why does vLLM need 70GB for qwen2.5 7b instruct", ""),
    ],
)
def test_reservation_questions_lead_with_need_against_reserve(ask, question, verdict):
    text = ask(question).text
    assert text.startswith(verdict + ("t" if verdict else "T") + "hat is vLLM reserving GPU memory up front")
    assert "you see" in text.split("\n")[0] or not verdict
    assert "needs about **" in text.split("\n")[0]
    assert "Best value" not in text.split("\n")[0]


def test_another_engine_is_told_in_its_own_knob(ask):
    text = ask("sglang is using 70 GB on my H100 for llama 3 8b, something wrong?").text
    assert text.startswith("**No** — nothing is wrong: that is SGLang reserving GPU memory up front")
    assert "`--mem-fraction-static`" in text
    assert "--gpu-memory-utilization" not in text.split("\n")[0]


def test_no_named_card_is_not_replaced_by_the_pick(ask):
    text = ask("why does loading a 7b model with vllm need 70GB of vram?").text
    first = text.split("\n")[0]
    assert "takes a fixed share of the whole card at start-up (0.9 by default" in first
    assert "A100" not in first and "within the 70 GB you have" not in text


def test_same_speed_on_two_gpus_under_an_engine_is_answered_with_bandwidth(ask):
    text = ask(
        "Under TGI my L40S and my A100 80GB SXM both need about 12 s for a 400 token answer. any flags to make the "
        "A100 perform better?"
    ).text
    first = text.split("\n")[0]
    assert "memory bandwidth" in first and "2,039 GB/s" in first
    assert "standard frameworks" not in text  # not a 'can both run it?' answer


@pytest.mark.parametrize(
    "question",
    [
        "vllm cannot load llama 3.1 8b on my L4, why?",
        "sglang is unable to start Llama-3.1-8B-Instruct on one L4",
    ],
)
def test_a_server_that_will_not_load_is_a_failure_report(ask, question):
    text = ask(question).text
    assert text.startswith("**Likely cause:**")  # not "Yes — it fits"
    assert "full 131,072-token context" in text


@pytest.mark.parametrize(
    ("question", "share", "verdict"),
    [
        (
            "vllm crashes with ValueError: No available memory for the cache blocks, serving gemma 2 9b on an "
            "a10g with --gpu-memory-utilization 0.4",
            "0.4 x 24 GB = 9.6 GB",
            "too big for it",
        ),
        (
            "started vllm with llama 3.1 8b awq on a 4090 and the log says # GPU blocks: 0, why??",
            "0.9 x 24 GB = 21.6 GB",
            "going elsewhere",
        ),
    ],
)
def test_no_memory_for_cache_blocks_is_the_reserve_arithmetic(ask, question, share, verdict):
    text = ask(question).text
    assert text.startswith("**Why the error:**"), text[:200]
    assert share in text and verdict in text
    assert "--max-model-len" in text


def test_a_reserve_already_at_095_is_not_told_to_rise(ask):
    text = ask(
        "No available memory for the cache blocks with --gpu-memory-utilization 0.95 and qwen2.5 32b fp16 on one "
        "a100 80gb"
    ).text
    assert "raise `--gpu-memory-utilization`" not in text
    assert "tensor-parallel-size" in text


def test_tgi_taking_the_whole_card_is_its_default_share_with_its_own_knob(ask):
    reply = ask("TGI eats all 48GB of my L40S serving llama 3.1 8b, how do I cap it?")
    text = reply.text
    assert text.startswith("That is TGI reserving GPU memory up front")
    # TGI may use all of the card by default (--cuda-memory-fraction 1.0, corpus/assumptions.yaml)
    assert "may use all of each L40S's 48 GB" in text
    # 17.8 GB needed (16.1 GB bf16 weights + KV + overhead) x 1.25, rounded up to a twentieth of 48 GB
    assert "`--cuda-memory-fraction 0.5`" in text
    assert "--gpu-memory-utilization" not in text.split("\n")[1]  # TGI is told in its own flag


def test_a_server_taking_most_of_the_card_with_no_model_named_is_explained(ask):
    reply = ask("why is sglang grabbing 85% of my vram? the model is tiny")
    text = reply.text
    assert text.startswith("**That is SGLang reserving GPU memory up front")
    assert "`--mem-fraction-static`" in text and "vLLM" not in text
    assert reply.memory_gb is None  # nothing sized: no model


def test_ollama_parallel_slowdown_with_nothing_sized_names_the_spill(ask):
    reply = ask(
        "since I bumped OLLAMA_NUM_PARALLEL my ollama replies are twice as slow even with one user. why??"
    )
    text = reply.text
    assert text.startswith("**Why it got slower:**")
    assert "num_ctx x OLLAMA_NUM_PARALLEL" in text and "system RAM" in text
    assert "OLLAMA_KV_CACHE_TYPE=q8_0" in text


def test_ollama_parallel_slots_that_push_the_model_off_the_card(ask):
    # Qwen2.5 14B (48 layers x 8 KV heads x 128 x 2 x 2 bytes = 192 KiB/token) at 8 x 8,192 tokens: 12.9 GB of
    # KV cache beside 9 GB of Q4_K_M weights, more than a 16 GB card
    reply = ask(
        "qwen2.5 14b q4_k_m in ollama on my 4060 ti 16gb with num_ctx 8192 and OLLAMA_NUM_PARALLEL=8, why so slow"
    )
    text = reply.text
    assert text.startswith("**`OLLAMA_NUM_PARALLEL=8`**")
    assert "8 x 8,192 = 65,536 tokens of KV cache" in text
    assert "more than the RTX 4060 Ti 16GB's 16 GB" in text and "system RAM" in text


def test_ollama_parallel_slots_that_fit_say_one_request_runs_at_full_speed(ask):
    reply = ask("llama 3.1 8b in ollama on a 24gb 3090 with OLLAMA_NUM_PARALLEL=4, will one user get slower?")
    text = reply.text
    assert "4 x 2,048 = 8,192 tokens of KV cache" in text  # Ollama's num_ctx default before v0.6.7
    assert "which fits the RTX 3090's 24 GB" in text


def test_an_out_of_memory_where_the_model_cannot_fit_says_so_not_cuda_graphs(ask):
    # Qwen2.5 14B in bf16: 29.5 GB of weights, more than a 24 GB A10G whatever the server's settings
    reply = ask(
        "vllm keeps crashing with CUDA out of memory loading qwen2.5 14b instruct on my A10G, which flags help?"
    )
    text = reply.text
    assert "the model itself does not fit" in text and "no server setting fixes that" in text
    assert "although the weights fit" not in text
    assert "4-bit (AWQ / GPTQ) build" in text or "8-bit (int8) build" in text
    assert "--tensor-parallel-size 2" in text


def test_tgi_is_told_to_shard_in_its_own_flag(ask):
    reply = ask("text-generation-inference OOM at warmup with mixtral 8x7b on a single H100, any fix?")
    assert "the model itself does not fit" in reply.text
    assert "--num-shard" in reply.text and "--tensor-parallel-size" not in reply.text.split("\n")[0]


def test_a_tgi_token_budget_asked_gets_the_kv_room_after_the_weights(assistant):
    from tests.support.checked_answers import checked_answer

    a = checked_answer(
        assistant,
        "tgi with mixtral 8x7b sharded over 4 l40s dies at warmup, what should --max-batch-total-tokens be?",
    )
    fit = a.facts.checks[0]
    assert f"room for about {fit.kv_capacity_tokens:,} tokens of KV cache" in a.draft
    assert "`--max-batch-total-tokens` can be" in a.draft


def test_the_cache_blocks_error_of_a_fine_tuned_checkpoint_is_answered_not_crashed(ask):
    # "a fine-tune of Mistral" read as a fine-tuning job has 'frozen base weights', not 'weights': still answered
    reply = ask(
        "serving a fine-tune of mistral 7b (awq) in vllm on a T4 with gpu_memory_utilization=0.15 gives "
        "'No available memory for the cache blocks'. why does lowering it break things?"
    )
    assert reply.text
    assert "gpu-memory-utilization" in reply.text or "gpu_memory_utilization" in reply.text


def test_two_one_at_a_time_engines_are_weighed_by_their_shared_bound_without_a_made_up_gap(ask):
    first = ask("is exllama quicker than llama.cpp on an rtx 4090?").text
    assert first.startswith("**About the same for generating tokens")
    assert "1,008 GB/s" in first and "won't put a number" in first


def test_ollama_against_llama_cpp_is_the_same_engine(ask):
    first = ask("does ollama run slower than plain llama.cpp?").text
    assert first.startswith("**About the same**") and "llama.cpp underneath" in first
