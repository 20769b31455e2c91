"""'Buy these cards or rent that one for model X?': each setup sized for the model, the cards to buy priced from
corpus/purchase-prices.yaml with their electricity, the rented card from the offerings table over a month, and the
break-even in months — not a bare fit verdict. Real components; phrasings in no evaluation set."""

from __future__ import annotations

import re

from assistant.answering._numbers import unsupported_numbers


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


def test_the_same_card_bought_or_rented_is_weighed(ask):
    # "buy a 4090 or rent one?": one card named, so the rented one is the same card from the offerings table
    text = ask(
        "is it smarter to purchase an rtx 4090 or rent one on vast for phi-3 mini, 3 hours a day?"
    ).text
    # a few hours a day: the card pays for itself only after its years of use, so renting is the answer
    assert re.match(r"\*\*Renting costs less\*\* at 3 hours a day: buying one RTX 4090 pays for itself", text)
    assert "against renting one RTX 4090" in text
    assert "**No**" not in text.split("\n\n")[0]


def test_a_training_job_is_weighed_by_the_method_each_setup_runs(ask):
    # a fine-tune is no inference format: each setup runs the first of full / LoRA / QLoRA that fits it
    text = ask("get a 3090 or rent an h100 to lora finetune llama 3.1 8b for 15 hours a week?").text
    assert "pays for itself" in text
    assert "fine-tuning of Llama 3.1 8B" in text
    assert "does not hold" not in text and "even 4-bit" not in text


def test_hours_a_week_of_use_are_no_slow_run(ask):
    # "20 hours a week" beside "training" is how often the card runs, not a many-fold slowdown to explain
    text = ask("rent or buy a 4090 for flux lora training, about 15 hours a week?").text
    assert "slowdown" not in text and "sysmem" not in text


def test_buy_or_rent_with_no_card_named_weighs_the_cheapest_card_that_holds_it(ask):
    # nothing named: the card to buy is chosen for the work (LoRA of a 7B needs a 24 GB card), rented alike
    text = ask("own hardware or cloud? I do LoRA fine-tunes of mistral 7b roughly 6 hours a week").text
    assert re.match(r"\*\*Renting costs less\*\* at 6 hours a week: buying one RTX 3090", text)
    assert "longer than the 3 years" in text
    assert "**Rent one RTX 3090:**" in text and "LoRA fine-tuning" in text


def test_buy_or_rent_for_a_served_model_around_the_clock_can_favour_buying(ask):
    text = ask("for a 24/7 llama 3.1 8b endpoint, should we purchase a card or keep renting?").text
    assert re.match(r"\*\*Buying (one|2x) [\w ]+ pays for itself after about [\d.]+ months\*\*", text)
    assert "around the clock" in text
