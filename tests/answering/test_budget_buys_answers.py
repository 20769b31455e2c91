"""A purchase budget said with a workload (issue 9, local, session 16): "what can I get for $X to run model Y"
answers with the hardware the budget buys — the setup, its price arithmetic from the purchase-price table, and the
setups within the budget — or that nothing within it holds the model and the cheapest that does; never a rental.
Real components; phrasings in no evaluation set."""

from __future__ import annotations

import re

from tests.support.checked_answers import checked_answer


def test_a_budget_with_a_model_answers_with_cards_to_buy_within_it(assistant):
    answer = checked_answer(
        assistant,
        "got about 4500 dollars to spend on gpus for running qwen2.5 72b locally, what should i buy?",
    )
    first = answer.first_line
    assert "within your $4,500" in first, first
    assert "/hour" not in answer.draft and "a month" not in answer.draft
    totals = [float(t.replace(",", "")) for t in re.findall(r"\| \$([\d,]+) \|", answer.draft)]
    assert totals and all(t <= 4500 for t in totals), answer.draft
    pick = answer.facts.budget.pick
    assert pick.fit.gpu.name == answer.facts.gpu_names[0]
    assert pick.total_usd <= 4500


def test_a_budget_too_small_says_no_and_the_cheapest_that_holds_it(assistant):
    answer = checked_answer(assistant, "can I buy something under $600 that runs mixtral 8x22b?")
    assert answer.first_line.startswith("**No**"), answer.first_line
    assert "the cheapest setup that does is" in answer.first_line
    over = answer.facts.budget.cheapest_over
    assert over is not None and over.total_usd > 600
    assert f"${over.total_usd:,.0f}" in answer.first_line


def test_a_speed_beside_the_budget_is_a_target_not_a_reading(assistant):
    answer = checked_answer(
        assistant,
        "planning to buy a card, budget 900 usd, need llama 3.1 8b to go at least 30 tokens per second",
    )
    pick = answer.facts.budget.pick
    assert pick.tokens_per_s >= 30 and pick.total_usd <= 900
    cheaper_fast = [
        b for b in answer.facts.budget.within if b.tokens_per_s >= 30 and b.total_usd < pick.total_usd
    ]
    assert not [b for b in cheaper_fast if b.fit.gpu.software == pick.fit.gpu.software and b.fit.count <= 2]
    assert "your 30 tokens/s" in answer.first_line


def test_a_card_budget_for_fine_tuning_with_the_method_unsaid_buys_for_an_adapter_run(ask):
    reply = ask("got about 1800 dollars for a gpu to train mistral 7b on at home, which one?")
    first = reply.text.splitlines()[0]
    assert "within your $1,800" in first and not first.startswith("**No**"), first
    assert "LoRA fine-tuning" in first and "Full fine-tuning needs about" in first, first
