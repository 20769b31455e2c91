"""'What would it cost in electricity?': the card's board power (catalog TDP) x the hours it runs x a price per
kWh (the user's, else the EIA U.S. residential average in corpus/assumptions.yaml), as labelled arithmetic — not
rental prices alone. Real components; phrasings in no evaluation set."""

from __future__ import annotations

from assistant.answering._numbers import unsupported_numbers


def test_a_card_run_around_the_clock_at_the_assumed_price(ask):
    reply = ask("whats my monthly electricity cost if I leave an rtx 4090 crunching all the time?")
    text = reply.text
    assert text.startswith("**Electricity:**")
    # 450 W x 730 h = 328.5 kWh; x $0.16 = $52.56
    assert "450 W" in text and "328 kWh a month" in text and "$52.56 per month" in text
    assert "EIA" in text


def test_a_stated_price_and_hours_a_day_replace_the_assumptions(ask):
    reply = ask("electricity for 2x A6000 running 10 hours a day, we pay 0.28 per kwh")
    # 2 x 300 W x (10/24 x 730 h = 304 h) = 182.5 kWh; x $0.28 = $51.10
    assert "600 W" in reply.text and "182 kWh a month" in reply.text and "$51.10 per month" in reply.text
    assert "the price you gave" in reply.text


def test_a_workload_on_their_cards_gets_the_fit_and_the_power_cost(ask):
    reply = ask("run qwen2.5 32b q4 on my 3090 all month - what's the power bill?")
    assert "**Electricity:**" in reply.text and "350 W" in reply.text
    assert reply.memory_gb is not None  # the model is still sized on the card


def test_every_number_is_backed(assistant):
    state = assistant._prepare("power cost per month of 4 L40S at 20 cents per kWh?", None)
    full = f"{state['draft']}\n\n{state['details']}"
    assert "1,400 W" in full  # 4 x 350 W
    assert unsupported_numbers(full, state["facts"], state["passages"]) == set()
