"""A follow-up after an answer that picked among alternatives ("lora or full?", "A or B for it?") is about the pick:
the method, GPU (with its count) and weight format the answer chose, not the one it turned down. Phrasings here are
in no evaluation set."""

from __future__ import annotations


def _lead(reply) -> str:
    return reply.text.split("\n")[0]


def test_a_cost_follow_up_prices_the_method_picked(converse):
    first = "qlora or full fine-tuning for phi-3 mini on a single rtx 4090, what would you pick?"
    assert _lead(converse(first)).startswith("**QLoRA**")
    lead = _lead(converse(first, "and the bill for 5M tokens?"))
    assert "QLoRA fine-tuning of Phi-3 mini" in lead and "full fine-tuning" not in lead.lower()


def test_the_method_picked_carries_when_the_more_exact_one_fits_too(converse):
    first = "for llama 3.1 8b on an 80gb h100, lora or qlora - which?"
    assert _lead(converse(first)).startswith("**LoRA**")
    lead = _lead(converse(first, "roughly how long for 30M tokens?"))
    assert "LoRA fine-tuning of Llama 3.1 8B" in lead and "QLoRA" not in lead


def test_a_cost_follow_up_prices_the_gpu_picked_not_the_cheaper_one(converse):
    first = "H100 or L40S to host mixtral 8x7b for lots of concurrent users?"
    assert _lead(converse(first)).startswith("**The H100 SXM**")
    lead = _lead(converse(first, "and per month?"))
    assert "per month" in lead and "H100 SXM" in lead and "L40S" not in lead


def test_the_count_the_pick_needed_carries_with_it(converse):
    first = "l4 or a10g for gemma 2 27b, which one?"
    assert "4x A10G" in _lead(converse(first))
    reply = converse(first, "how many users could it serve?")
    assert "on 4x A10G for Gemma 2 27B in bf16" in reply.text


def test_the_format_picked_with_the_gpu_carries_too(converse):
    first = "for serving qwen2.5 32b, an L40S or an A100 40GB - which one is the better buy?"
    assert _lead(converse(first)).startswith("**The L40S** for inference in FP8")
    reply = converse(first, "then how many people at once could it handle?")
    assert "on 1x L40S for Qwen2.5 32B in fp8" in reply.text
    assert "A100 40GB" not in reply.text.split("\n\n")[0]


def test_a_speed_follow_up_runs_in_the_format_the_verdict_settled_on(converse):
    first = "could I run gemma 2 27b on two RTX 4070 Ti Super cards with vllm?"
    lead = _lead(converse(first))
    assert lead.startswith("**Only with 4-bit (int4) weights**"), lead
    reply = converse(first, "what t/s would that give?")
    assert _lead(reply).startswith("On 2 x RTX 4070 Ti Super, inference of Gemma 2 27B in int4"), _lead(reply)


def test_a_bare_cheaper_still_weighs_the_cards_again(converse):
    first = "for mixtral 8x7b at 20 concurrent chats, H100 or L40S?"
    assert _lead(converse(first)).startswith("**The ")
    assert _lead(converse(first, "cheaper?")).startswith("**The ")


def test_a_time_asked_after_a_recommendation_is_on_the_recommended_card(converse):
    # no GPU named: "cheaper?" recommends one card, and "how long?" is then about that card, not the first pick
    cheaper = converse("what should i rent to qlora phi-3 medium?", "anything less expensive?")
    first_line = cheaper.text.split("\n")[0]
    picked = cheaper.gpus[0]
    assert f"**one {picked}**" in first_line
    timed = converse(
        "what should i rent to qlora phi-3 medium?",
        "anything less expensive?",
        "how many hours for 20m tokens?",
    )
    assert f"on 1x {picked}" in timed.text.split("\n")[0]


def test_a_figure_asked_after_a_bare_sizing_answer_names_no_card_of_its_own(converse):
    # the lead named no card in bold: nothing was picked, so the follow-up is not pinned to a card
    reply = converse(
        "how much vram to full fine tune llama 3.2 1b?", "and what would it cost for 10m tokens?"
    )
    assert reply.text.startswith("About ")


def test_why_that_one_after_a_serving_pick_gives_the_cost_per_token_against_the_others(converse):
    reply = converse("best gpu setup to serve qwen2.5 72b?", "why this one?")
    pick = converse("best gpu setup to serve qwen2.5 72b?").plan.pick
    assert f"**Why {pick.label}:**" in reply.text
    assert "per million" in reply.text.split(f"**Why {pick.label}:**")[1].split("\n")[0]


def test_a_speed_to_meet_after_a_pick_weighs_the_setups_again(converse):
    first = converse("best gpus to serve llama 3.1 70b?")
    reply = converse("best gpus to serve llama 3.1 70b?", "what if we'd be fine with 8 tokens/s?")
    assert "meeting the 8 tokens/s asked" in reply.text.split("\n")[0], reply.text[:200]
    assert reply.plan.pick.price_per_hour <= first.plan.pick.price_per_hour
