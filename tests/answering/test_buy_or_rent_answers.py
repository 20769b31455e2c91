"""'Buy these cards or rent that one for model X?': each setup sized for the model, the cards to buy priced from
corpus/purchase-prices.yaml with their electricity, the rented card from the offerings table over a month, and the
break-even in months — not a bare fit verdict. Real components; phrasings in no evaluation set."""

from __future__ import annotations

import re
import uuid

import pytest

from assistant.answering._numbers import unsupported_numbers


@pytest.fixture(scope="module")
def ask(assistant):
    def _ask(question):
        return assistant.ask(question, conversation_id=f"buy-rent-{uuid.uuid4().hex}")

    return _ask


def test_two_home_cards_against_a_rented_h100_for_a_70b(ask):
    reply = ask(
        "thinking of getting two 3090s vs just renting an H100 on runpod for llama 3.1 70b running nonstop, which?"
    )
    text = reply.text
    assert re.match(r"\*\*Buying 2x RTX 3090 pays for itself after about [\d.]+ months\*\*", text)
    assert "**$1,900**" in text  # 2 x $950, the dated used street price (corpus/purchase-prices.yaml)
    assert "GGUF Q4_K_M" in text  # the home pair holds the 4-bit GGUF split over both cards
    assert "a month" in text and "Break-even:" in text
    assert "700 W" in text  # their electricity: 2 x 350 W board power


def test_the_hours_a_day_said_scale_the_rent_and_the_power(ask):
    reply = ask("buy an rtx 5090 or rent an L40S for qwen2.5 14b, about 6 hours a day?")
    text = reply.text
    assert "6 hours a day" in text
    assert "x 182 hours" in text  # 6/24 of a 730-hour month
    assert "575 W" in text


def test_without_a_card_to_buy_on_record_it_is_not_claimed(ask):
    # no purchase price for an H100 in the catalog: nothing to break even against
    reply = ask("buy an H100 or rent one for serving llama 3 8b?")
    assert "pays for itself" not in reply.text


def test_every_number_is_backed(assistant):
    state = assistant._prepare("purchase a 4090 or rent an A100 80GB for mistral 7b around the clock?", None)
    full = f"{state['draft']}\n\n{state['details']}"
    assert "Break-even:" in full
    assert unsupported_numbers(full, state["facts"], state["passages"]) == set()
