"""The memory a llama.cpp-family run is seen to take (round 10, local): far below the model's size, the weights
are memory-mapped (mmap) and sit in the file cache; far above the estimate, or in line with an estimate that is
mostly KV cache, the runtime holds the KV cache for the whole context window it is set to. And a slow local
run asked about as "is this normal?" gets the verdict: yes when the model spills out of the card, no when it
fits. Real components; phrasings in no evaluation set."""

from __future__ import annotations

import re

import pytest

from assistant.understanding._understand import understand


@pytest.mark.parametrize(
    ("question", "seen"),
    [
        ("llama.cpp with a 13b q4 model, my ram usage is only around 900 MB, how?", round(900 / 1024, 3)),
        ("LM Studio's memory usage stays below 2.5gb with mistral 7b, strange", 2.5),
        ("the vram usage was about 7.5 GB with gemma 2 9b", 7.5),
    ],
)
def test_a_usage_reading_is_read_in_gb_or_mb(catalog, models, question, seen):
    assert understand(question, catalog, models).details.observed_gb == seen


def test_what_a_tool_predicts_is_not_a_reading(catalog, models):
    details = understand(
        "koboldcpp is gonna use ~9gb for this 13b, can my 8gb card take it?", catalog, models
    ).details
    assert details.observed_gb is None


def test_a_reading_far_below_the_model_is_the_mapped_file(ask):
    reply = ask(
        "running llama 2 13b q4_k_m with llama.cpp on my laptop and the process only uses 1.1 GB of memory, is that normal?"
    )
    text = reply.text
    assert text.startswith("**Yes**")
    assert re.search(r"memory-maps the model file \(mmap\)", text)
    assert "--no-mmap" in text and "--mlock" in text
    assert 7 < reply.memory_gb < 13  # 13B at 4.89 bits ≈ 8 GB of weights, plus the KV cache: still needed


def test_a_low_reading_the_user_finds_odd_gets_the_cause_without_a_verdict(ask):
    reply = ask("why does ollama barely use any memory with phi3 mini? ram usage stays under 1.5 GB")
    assert "mmap" in reply.text
    assert not reply.text.startswith("**Yes**")  # a why-question is answered with the cause, not a yes


def test_a_reading_far_above_matches_the_window_the_runtime_holds(ask):
    reply = ask("llama 3.1 8b q4_k_m in ollama uses 21 GB on my 3090, is that normal?")
    text = reply.text
    assert text.startswith("**Yes**, if the context window is that long")
    m = re.search(r"matches a window of about ([\d,]+) tokens", text)
    assert (
        m and 100_000 < int(m.group(1).replace(",", "")) < 160_000
    )  # 128 KiB/token: ~16 GB more is ~125K tokens
    assert "num_ctx" in text and "OLLAMA_NUM_PARALLEL" in text


def test_a_long_window_in_line_with_the_estimate_is_still_explained(ask):
    reply = ask("lm studio: qwen3 4b instruct with a 200k context eats 32 GB on my 64gb mac, expected?")
    text = reply.text
    assert text.startswith("**Yes**")
    assert re.search(r"most of it \([\d.]+ GB\) is the KV cache for the [\d,]+-token context window", text)


def test_a_pytorch_run_keeps_the_allocator_explanation(ask):
    reply = ask("mistral 7b in bf16 with transformers uses 22 GB on my 4090, is that normal?")
    assert "mmap" not in reply.text and "caching allocator" in reply.text


def test_slow_and_fits_is_not_normal(ask):
    reply = ask("gemma 2 9b q4 in ollama on my rtx 4080 crawls, is this normal?")
    first = reply.text.split("\n")[0]
    assert first.startswith("**No** — it fits on the GPU, so it should not be slow")
    assert "-ngl 99" in reply.text


def test_slow_and_spilling_is_expected(ask):
    reply = ask("qwen2.5 72b q4_k_m is very slow in lm studio on my 3060 12gb, is this expected?")
    first = reply.text.split("\n")[0]
    assert first.startswith("**Yes** — it does not fit in the GPU, so part of it runs on the CPU")


def test_slow_without_asking_if_normal_keeps_the_cause_first(ask):
    reply = ask("gemma 2 9b q4 in ollama on my rtx 4080 crawls, why?")
    assert reply.text.startswith("**It fits on the GPU, so it should not be slow**")


def test_which_memory_a_requirement_means_is_answered_first(ask):
    reply = ask("the readme says 13b needs about 10gb, is that system ram or video memory?")
    first = reply.text.split("\n")[0]
    assert first.startswith("It is the memory the model takes wherever its layers run")
    assert "system (CPU) RAM" in first and "VRAM" in first


def test_free_memory_does_not_make_a_local_run_faster(ask):
    reply = ask(
        "phi-3 mini in ollama barely touches the 32 gb of ram in my pc, can I make it use more of my ram to speed it up?"
    )
    first = reply.text.split("\n")[0]
    assert first.startswith("**No** — a model takes what its weights and context need")
    m = re.search(r"up to about (\d+)B parameters in Q4_K_M", first)
    assert m and 40 <= int(m.group(1)) <= 55  # (32 - 2 GB for the OS) / 0.61 bytes per Q4_K_M weight ≈ 49B


def test_a_series_of_context_settings_is_sized_at_the_largest(catalog, models):
    question = (
        "mixtral in ollama: with num_ctx = 2k it is fine, num_ctx = 8k a bit slower, num_ctx = 16k, then "
        "num_ctx = 64k swaps like crazy"
    )
    assert understand(question, catalog, models).details.context == 64 * 1024


def test_two_context_values_keep_the_first(catalog, models):
    question = "llama 3 8b at context 8k fits my card; what about context 32k, how much more?"
    assert understand(question, catalog, models).details.context == 8 * 1024


def test_using_more_memory_than_expected_is_not_asking_to_use_more(ask):
    reply = ask("ollama uses more ram than expected: 30 GB for gemma 2 9b at a 100k context, is this normal?")
    assert not reply.text.startswith("**No** — a model takes what its weights and context need")


def test_an_edge_box_with_unified_memory_is_the_users_own(ask):
    reply = ask("will mistral 7b run on my jetson orin nano with ollama?")
    assert reply.gpus and reply.gpus[0] == "Jetson Orin Nano 8GB"
    assert reply.text.startswith("**Yes**")
    m = re.search(r"about (\d+) tokens/s generating", reply.text)
    assert m and 5 <= int(m.group(1)) <= 12  # 70% of 68 GB/s over ~4.9 GB read per token ≈ 10


def test_a_desktop_grace_blackwell_box_is_read_as_such(ask):
    reply = ask("can my dgx spark hold llama 3.3 70b q4 in lm studio?")
    assert reply.gpus and reply.gpus[0] == "DGX Spark"
    assert reply.text.startswith("**Yes**")


def test_integrated_graphics_get_the_shared_ram_answer(ask):
    reply = ask("will my laptop's intel iris xe graphics run mistral 7b through ollama?")
    assert reply.text.startswith("**Yes**")
    assert "Integrated graphics have no memory of their own" in reply.text and "Vulkan" in reply.text
    assert reply.memory_gb and 4 < reply.memory_gb < 7  # Q4_K_M weights of a 7B plus its KV cache, in RAM


def test_a_local_out_of_memory_on_a_tight_fit_names_what_pushes_it_over(ask):
    reply = ask("qwen2.5 32b q4_k_m crashes out of memory in lm studio on my 24gb rtx 3090, why?")
    first = reply.text.split("\n")[0]
    assert first.startswith("On paper,")
    assert "It only just fits" in first and "num_ctx" in first and "OLLAMA_NUM_PARALLEL" in first
    assert "wired_limit" not in first  # not a Mac


def test_a_roomy_local_fit_that_runs_out_of_memory_gets_no_tight_fit_story(ask):
    reply = ask("llama 3.1 8b q4_k_m runs out of memory in ollama on my 24gb 4090, why?")
    assert "It only just fits" not in reply.text
