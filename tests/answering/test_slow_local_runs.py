"""'Why is it slow / on the CPU?' on the user's own machine (round 4, local): the cause leads — the model does not
fit (the layers left in RAM and the speed that leaves), only just fits (context, parallel requests, other programs),
or fits (then it should not be slow); and the other local shapes fixed with it: what runs when no model is said,
a CPU run's RAM, a Mac's RAM in a follow-up. Real components; phrasings in no evaluation set."""

from __future__ import annotations

import re

import pytest


def _first(reply) -> str:
    return reply.text.split("\n")[0]


def test_a_model_bigger_than_the_card_spills_to_the_cpu(ask):
    reply = ask("my 4070 ti 12gb runs qwen2.5 32b in ollama at maybe 3 tok/s, why so sluggish")
    first = _first(reply)
    assert first.startswith("**It does not fit in the GPU")
    m = re.search(r"about (\d+) of (\d+) layers on the GPU", first)
    assert m and 0 < int(m.group(1)) < int(m.group(2)) == 64  # Qwen2.5 32B has 64 layers
    speed = re.search(r"about \*\*([\d.]+) tokens/s\*\*", first)
    assert speed and float(speed.group(1)) < 10  # the RAM sets the pace
    assert 19 < reply.memory_gb < 25  # Q4_K_M: 32.8B x 4.89 bits ≈ 20 GB, plus the KV cache


def test_a_model_that_only_just_fits_names_what_pushes_it_out(ask):
    reply = ask("gemma 2 27b q5_k_m on my 3090 through ollama, half of it goes to the cpu, why?")
    first = _first(reply)
    assert first.startswith("**It only just fits")
    assert re.search(r"num_ctx", first) and re.search(r"KV cache", first)


def test_a_model_with_room_should_not_be_slow(ask):
    reply = ask("phi-3 mini is slow in lm studio on my rtx 3080, what gives?")
    first = _first(reply)
    assert first.startswith("**It fits on the GPU")
    assert re.search(r"\*\*\d+ tokens/s\*\*", first) and "-ngl 99" in first


def test_a_yes_no_question_keeps_its_verdict(ask):
    reply = ask("is it normal that llama 3.1 70b is slow on my 4090 with ollama?")
    assert re.match(r"\*\*(Yes|No|Only)", reply.text)


def test_a_mac_slower_than_expected_is_its_gpu_share(ask):
    reply = ask("Mixtral 8x22B crawls in LM Studio on my M2 Max 64GB, why")
    first = _first(reply)
    assert first.startswith("**It does not fit in the memory the GPU may use")
    assert "that macOS lets the GPU use" in first


def test_no_model_said_lists_what_runs_and_leads_with_the_largest(ask):
    reply = ask("my laptop only has 16gb of ram, will I be able to run local models on it?")
    assert reply.intent == "my_hardware"
    m = re.search(
        r"the largest model here that runs is \*\*([^*]+)\*\* in (\w+) \(about ([\d.]+) GB", reply.text
    )
    assert m and float(m.group(3)) == pytest.approx(reply.memory_gb, abs=0.05)
    assert reply.memory_gb <= 16 - 2  # within what the operating system leaves


def test_a_quant_said_limits_what_runs_to_it(ask):
    reply = ask("biggest llm I could fit on a 16 gig card at q4_k_m?")
    rows = re.findall(r"^\| [^|]+ \| (Q\w+) \|", reply.text, re.M)
    assert rows and set(rows) == {"Q4_K_M"}


def test_a_cpu_run_needs_no_gpu_context_in_its_ram(ask):
    reply = ask("[llama.cpp] running mistral 7b q4_k_m purely on the cpu, how much ram does it take?")
    # 7.2B x 4.89 bits ≈ 4.4 GB of weights + 0.5 GB of KV cache at 4k: no 1 GB GPU context on a CPU
    assert 4.3 < reply.memory_gb < 5.4


def test_a_macs_ram_in_a_follow_up_is_checked_against_its_gpu_share(ask):
    reply = ask(
        "Got a MacBook Pro M3 Max 36GB. Ollama runs llama3.3 70b painfully slowly.",
        "surely 36GB of RAM is enough for it?",
    )
    first = _first(reply)
    assert first.startswith("**No**") and "macOS lets the GPU use" in first


def test_a_speed_seen_under_a_server_stack_is_set_against_the_card(ask):
    reply = ask("only seeing 9 tokens/s with mistral 7b in bf16 on my rtx 4090, is that expected?")
    assert reply.text.startswith("**No**") and re.search(r"\*\*\d+ tokens/s\*\*", _first(reply))


def test_two_desktop_cards_hold_a_4bit_model_their_memory_together_holds(ask):
    reply = ask("Has anyone run a 33B 4-bit gptq on two rtx 3060 12gb at home? that's 24gb total")
    assert reply.text.startswith("**Yes**") or "it fits" in _first(reply)
    assert "take turns" in reply.text  # split by layers: one card's speed


def test_a_phone_gets_the_ram_figure_first(ask):
    reply = ask("what's the minimum ram for gemma 2 2b on a phone?")
    assert re.match(r"Gemma 2 2B runs on a CPU", reply.text) and "GB of RAM" in _first(reply)


def test_partial_offload_beyond_the_ram_beside_the_card_does_not_run(ask):
    reply = ask("32gb of ram and an rtx 4080 16gb — can llama 3.1 405b run with partial offload?")
    assert re.search(r"more than the \d+ GB your 32 GB of RAM leaves", reply.text)


def test_a_model_shipped_in_fp8_runs_as_a_gguf_under_llama_cpp(ask):
    reply = ask("deepseek v3 in ollama on a box with four 3090s, would it load?")
    assert "q4_k_m" in _first(reply).lower() or "Q4_K_M" in reply.text
    assert "fp8" not in _first(reply).lower()


def test_the_context_that_fits_is_given_with_local_runtime_flags(ask):
    reply = ask("Qwen2.5 14B Q4_K_M on my RTX 4070 Ti Super 16GB in llama.cpp, what context can I fit?")
    first = _first(reply)
    assert re.match(r"\*\*About [\d,]+ tokens\*\*", first) and "-c " in first and "vLLM" not in first


def test_a_cpu_speed_uses_the_ram_the_user_describes(ask):
    slow = ask("gemma 2 9b q4_k_m on cpu only, dual channel ddr4-3200, tokens per second?")
    fast = ask("gemma 2 9b q4_k_m on cpu only, 8-channel ddr5-4800, tokens per second?")
    rate = lambda r: float(re.search(r"about \*\*([\d.]+) tokens/s\*\*", r.text).group(1))  # noqa: E731
    assert "51 GB/s" in slow.text and "307 GB/s" in fast.text
    assert rate(fast) / rate(slow) == pytest.approx(307.2 / 51.2, rel=0.02)


def test_a_budget_buys_the_card_with_the_most_memory_within_it(ask):
    reply = ask("have about 1k to spend on a gpu for local llms, which one should I get?")
    m = re.search(r"is the \*\*([^*]+)\*\* \((\d+) GB, \$([\d,]+)", reply.text)
    assert m and float(m.group(3).replace(",", "")) <= 1000
    prices = [float(p.replace(",", "")) for p in re.findall(r"\| \$([\d,]+) \(", reply.text)]
    assert prices and max(prices) <= 1000
    assert reply.intent == "my_hardware" and reply.memory_gb and reply.memory_gb <= int(m.group(2))


def test_too_many_layers_on_the_card_is_no_with_the_count_that_fits(ask):
    reply = ask("qwen2.5 72b q4_k_m with -ngl 40 on my rtx 4080 16gb, will that work?")
    m = re.match(r"\*\*No — 40 of 80 layers\*\*.*about (\d+) fit \(`-ngl \1`\)", _first(reply))
    assert m and int(m.group(1)) < 40


def test_fewer_layers_than_fit_is_yes_with_the_speed_and_the_room_for_more(ask):
    reply = ask("llama 3.1 8b q8_0 with -ngl 16 on a 3060 12gb, how fast?")
    first = _first(reply)
    assert first.startswith("**Yes — 16 of 32 layers**") and "-ngl 99" in first


def test_a_model_too_big_for_the_one_card_said_gets_no_speed_on_two_of_them(assistant):
    """One card named without a count is one card: a model that needs two of it has no 'speed on your 2x …' block
    saying 'it all fits on the GPU' after the lead that says it does not."""
    reply = assistant.ask("offloading makes it crawl: rtx 3060 ti 8gb, 16 gigs of ram, running a 13b gguf")
    assert "Speed on your 2x" not in reply.text and "It all fits on the GPU" not in reply.text, reply.text


@pytest.mark.parametrize(
    "question",
    [
        "lm studio feels sluggish on my rtx 4070 super, what could cause that?",
        "getting like 3 tokens a second out of my 4080 in ollama",
    ],
)
def test_a_slow_card_without_a_model_gets_the_causes_and_the_speeds_to_compare(assistant, question):
    """No model named: not the spec sheet but the likely causes (layers on the CPU, context, other programs,
    the backend), with what the card generates with a model entirely on it, worked out from its bandwidth."""
    reply = assistant.ask(question)
    assert "| spec |" not in reply.text, reply.text
    assert re.search(r"Llama 3\.1 8B about \*\*\d+ tokens/s", reply.text), reply.text
    assert "GB/s of memory bandwidth" in reply.text
    for cause in ("-ngl 99", "num_ctx", "nvidia-smi", "backend"):
        assert cause in reply.text, cause


def test_a_speed_far_below_the_cards_says_part_runs_on_the_cpu(assistant):
    reply = assistant.ask("my rtx 3080 10gb manages 4 tok/s with ollama")
    assert re.sub(r"[*_`]", "", reply.text).startswith("4 tokens/s is far below"), reply.text
