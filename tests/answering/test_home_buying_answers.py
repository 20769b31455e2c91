"""Home-card answers (issue 9, local, round 8): a model too big for one home card leads with the usual GGUF
download (Q4_K_M), not the 16-bit checkpoint, and says how many of the same card hold it; "which card should I
get for local models?" with no budget gets one pick and the cards by price with what each runs; "is it possible
on a 4 GB card?" opens with a verdict. Real components; phrasings in no evaluation set."""

from __future__ import annotations

import re

import pytest

from assistant.sizing import load_assumptions


def _first(reply) -> str:
    return reply.text.split("\n")[0]


def test_a_70b_on_one_home_card_leads_with_the_q4_figure_and_the_cards_that_hold_it(ask):
    reply = ask("thinking of getting a 4090 for llama 3.3 70b, is one of them enough or do i need a second?")
    first = _first(reply)
    assert first.startswith("**No**"), first
    assert "Q4_K_M" in first and "bf16" not in first and "143 GB" not in first
    # Llama 70B in Q4_K_M: ~4.89 bits/weight x 70.6B ≈ 43 GB of weights, plus the KV cache and buffers
    m = re.search(r"needs about (\d+(?:\.\d+)?) GB", first)
    assert m and 42 <= float(m.group(1)) <= 48, first
    assert "Two RTX 4090s (48 GB together)" in first
    assert 42 <= reply.memory_gb <= 48


def test_more_cards_than_two_are_named_when_two_do_not_hold_it(ask):
    first = _first(ask("will mixtral 8x22b work on my rtx 3090"))
    assert first.startswith("**No**") and "Q4_K_M" in first
    assert re.search(r"(Three|Four) RTX 3090s", first), first


def test_a_home_card_with_its_ram_named_leads_with_partial_offload(ask):
    reply = ask("would a 4070 ti super with 64g ddr5 ram run llama 3.1 70b?")
    first = _first(reply)
    assert first.startswith("**Only with partial offload**"), first
    assert "system RAM" in first and "tokens/s" in first


def test_which_card_to_buy_gets_a_pick_and_the_price_ladder(ask, assistant):
    reply = ask("I wanna start running ai models on my own pc, which gpu should i pick up?")
    assert not reply.text.startswith("I don't know")
    first = _first(reply)
    pick = reply.gpus[0]
    assert f"**{pick}**" in first and "most memory per dollar" in first
    prices = assistant.services.purchases
    card = assistant.services.catalog.by_name(pick)
    assert card.software == "CUDA" and card.memory_gb >= 12
    # the pick has the lowest price per GB among the CUDA cards of 12 GB or more that have a price
    cuda = [
        (p.price_usd / assistant.services.catalog.by_name(n).memory_gb)
        for n, p in prices.items()
        if assistant.services.catalog.by_name(n).software == "CUDA"
        and assistant.services.catalog.by_name(n).memory_gb >= 12
        and assistant.services.catalog.by_name(n).gpu_class in ("consumer", "local")
    ]
    assert prices[pick].price_usd / card.memory_gb == pytest.approx(min(cuda))
    assert "| card | memory | price | largest model that runs |" in reply.text
    assert "launch MSRP" in reply.text
    assert len(reply.gpus) >= 4 and all(g for g in reply.gpus)


def test_the_ladder_never_lists_a_card_beaten_on_memory_by_a_cheaper_one(ask, assistant):
    reply = ask("recommend a gpu for llama.cpp at home")
    rows = re.findall(r"^\| ([^|]+?) \| (\d+) GB \| \$([\d,]+)", reply.text, re.M)
    assert len(rows) >= 4
    cards = [(name, int(mem), float(price.replace(",", ""))) for name, mem, price in rows]
    cuda = {n for n, _, _ in cards if assistant.services.catalog.by_name(n).software == "CUDA"}

    def beaten(card, pool):
        name, mem, price = card
        return any(p < price and m >= mem for n, m, p in pool if n != name)

    for card in cards:  # on the front of all cards, or of the CUDA cards
        assert not beaten(card, cards) or (
            card[0] in cuda and not beaten(card, [c for c in cards if c[0] in cuda])
        )


def test_is_it_possible_on_a_small_card_opens_with_a_verdict(ask):
    reply = ask("only got a 4gb vram laptop gpu, is it even possible to run a local chatbot?")
    assert _first(reply).startswith("**Yes, with quantized weights**")
    assert reply.memory_gb <= 4


def test_the_home_quant_is_the_corpus_default(ask):
    usual = str(load_assumptions()["default_local_quant"].value).upper()
    first = _first(ask("gonna try deepseek r1 distill llama 70b on my rx 7900 xtx, will it fit"))
    assert usual in first and first.startswith("**No**"), first


def test_enough_when_only_2_bit_fits_is_no_with_the_squeeze_named(ask):
    first = _first(ask("would a single rtx 5090 be enough for qwen2.5 72b?"))
    assert first.startswith("**No**") and "Q4_K_M" in first, first
    assert "Only 2-bit (GGUF Q2_K) fits" in first and "loss of quality" in first


def test_a_raspberry_pi_runs_from_its_ram_at_its_boards_bandwidth(ask):
    # Jeff Geerling's Ollama runs on a Pi 5 (github.com/geerlingguy/ai-benchmarks/issues/7): llama3.1:8b (Q4_K_M)
    # at 1.9-2.2 tokens/s; the estimate (70% of the Pi 5's 17.1 GB/s over ~5 GB a token) must land within 30%
    reply = ask(
        "thinking of putting llama 3.1 8b on a raspberry pi 5 with 16 gigs, how many tokens a second?"
    )
    m = re.search(r"about \*\*(\d+(?:\.\d+)?) tokens/s\*\*", reply.text)
    assert m, reply.text
    assert 2.05 * 0.7 <= float(m.group(1)) <= 2.05 * 1.3
    assert "Raspberry Pi 5" in reply.text and "RTX" not in _first(reply)


def test_a_raspberry_pi_without_its_ram_said_is_still_a_cpu_run(ask):
    first = _first(ask("is a raspberry pi 4 able to run tinyllama or phi 3 mini"))
    assert "CPU" in first and "A4000" not in first and "$" not in first, first


def test_a_cpu_with_no_gpu_weighed_against_a_card_answers_by_bandwidth(ask, assistant):
    reply = ask(
        "for running local models, is a ryzen 9 7950x with no gpu better or a ryzen 5 with an rtx 4060 ti 16gb?"
    )
    first = _first(reply)
    card = assistant.services.catalog.by_name("RTX 4060 Ti 16GB")
    ram = load_assumptions().number("system_ram_bandwidth_gbs")
    assert first.startswith("**The RTX 4060 Ti 16GB**"), first
    assert f"{card.memory_bandwidth_gbs:,.0f} GB/s" in first and f"{ram:,.0f} GB/s" in first
    assert f"about {card.memory_bandwidth_gbs / ram:.0f}x faster" in first
    assert "VRAM" in first and "on your" not in first
    assert "| model | best quant that fits |" in reply.text


def test_a_slow_speed_seen_on_vram_told_by_its_size_is_expected_when_the_model_spills(ask):
    reply = ask(
        "my notebook has 6gb of vram and a 14b model in ollama crawls at 1.5 tokens/s, is this normal?"
    )
    first = _first(reply)
    assert first.startswith("**Yes**"), first
    assert "system RAM" in first and "6 GB of VRAM" in first
    m = re.search(r"at most about \*\*(\d+(?:\.\d+)?) tokens/s\*\*", first)
    assert m and float(m.group(1)) >= 1.5 / 1.3


def test_a_speed_seen_when_the_model_fits_the_stated_vram_is_not_the_spill_answer(ask):
    first = _first(ask("8gb of vram, llama 3.1 8b q4_k_m in ollama gives 1 token/s, normal?"))
    assert "keeps about" not in first


def test_a_speed_question_on_a_mac_that_needs_a_shorter_context_leads_with_the_speed(ask):
    # llama.cpp's Apple-silicon table (github.com/ggml-org/llama.cpp/discussions/4167): an M2 Pro (200 GB/s)
    # generates Llama 7B Q4_0 (3.56 GiB) at 38.9 t/s, ~150 GB/s of effective reads; a 34B Q4_K_M (~20 GB) so
    # runs at ~7 t/s
    first = _first(ask("mac mini m2 pro 32gb - what tokens per second would codellama 34b at q4 get?"))
    m = re.search(r"generates about \*\*(\d+) tokens/s\*\*", first)
    assert m and 5 <= int(m.group(1)) <= 10, first
    assert first.startswith("On one M2 Pro 32GB")


def test_set_num_ctx_to_a_value_is_the_context(ask):
    # Qwen2.5 7B's KV cache: 28 layers x 4 KV heads x 128 x 2 (K, V) x 2 bytes = 56 KiB/token, ~3.8 GB at 65,536
    # tokens on top of ~4.7 GB of Q4_K_M weights (at the default 4,096 it would be ~5.6 GB in all)
    reply = ask("after I set num_ctx to 65536 with qwen2.5 7b in ollama my rtx 4070 got slow, why")
    assert reply.memory_gb > 8.5


def test_a_model_no_format_of_which_fits_the_stated_vram_names_a_smaller_one_that_does(ask):
    reply = ask(
        "ollama says deepseek-r1 70b needs too much memory on my 8gb vram gaming pc. what should i run instead?"
    )
    assert reply.text.startswith("**No**")
    m = re.search(
        r"A smaller model that fits entirely in 8 GB: \*\*([^*]+)\*\* in (Q\w+) \(about (\d+(?:\.\d+)?) GB\)",
        reply.text,
    )
    assert m, reply.text
    assert float(m.group(3)) <= 8
    assert m.group(2) != "Q2_K"  # a quant worth running, not the squeeze


def test_a_card_too_small_for_an_8b_says_what_the_usual_download_takes(ask):
    # Llama 3.1 8B in Q4_K_M: 8.0B x 4.89 bits / 8 = 4.9 GB of weights + 0.5 GB KV at 4k + buffers ≈ 6.2 GB
    reply = ask("4gb of vram on my old gtx 1650, which llms will even load on it?")
    m = re.search(r"8B-class models most people start with need about (\d+(?:\.\d+)?) GB", reply.text)
    assert m, reply.text[:600]
    assert 5.5 <= float(m.group(1)) <= 7
    assert "partial offload" in reply.text


def test_a_card_that_holds_an_8b_gets_no_such_line(ask):
    assert "most people start with" not in ask("what can my rtx 3060 12gb run?").text


# A budget or a home image-generation setup picks among CUDA cards first (every local runtime and the PyTorch tools
# support CUDA first); the budget pick's lead names the largest model at a quant worth running, not a Q2_K squeeze.
def test_a_budget_pick_is_a_cuda_card_and_leads_with_a_quant_worth_running(converse, catalog):
    reply = converse("got about 550 bucks, which graphics card should i buy for running llms?")
    pick = next(g for g in reply.gpus)
    assert catalog.by_name(pick).software == "CUDA"
    first = reply.text.split("\n", 1)[0]
    assert "Q2_K" not in first


def test_a_home_image_generation_buy_leads_with_a_cuda_card(converse, catalog):
    reply = converse("what graphics card should i buy to run flux dev in comfyui at home?")
    lead = reply.text.split("\n", 1)[0]
    card = lead.split("**")[1]
    assert catalog.by_name(card).software == "CUDA"
