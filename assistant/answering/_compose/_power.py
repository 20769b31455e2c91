"""What a card costs in electricity: its board power (the catalog's TDP) x the hours it runs x a price per kWh
(the user's, else the assumptions' U.S. average), as labelled arithmetic.

The board power is the most the card draws; LLM inference often draws less, and the rest of the machine (CPU,
power-supply losses, cooling) is not counted — the answer says both.
"""

from __future__ import annotations

import re

from ...sizing import load_assumptions
from ...understanding import use_said
from .._facts import Facts
from ._format import money

__all__ = ["asks_power_cost", "power_cost_text", "power_figures", "price_per_kwh"]

# "electricity", "power bill", "kWh", "energy cost", "what would it cost to power": a running cost in power
_POWER_COST = re.compile(
    r"\belectric(?:ity|al)?\b|\bpower (?:bills?|costs?|consumption cost)\b|\bkwh\b|\benergy (?:costs?|bills?|use)\b|"
    r"\bcosts? (?:of|in) (?:power|energy)\b|\bcost to power\b"
)
# a price the user states: "$0.30/kWh", "0.25 per kwh", "30 cents a kWh", "30c/kwh"
_STATED_PRICE = re.compile(r"\$?\s*(\d+(?:\.\d+)?)\s*(cents?|¢|c)?\s*(?:/|per|a|an)\s*kwh\b")
# "8 hours a day", "12h/day": how long it runs each day
_HOURS_A_MONTH = 365 * 24 / 12


def asks_power_cost(question: str) -> bool:
    """True when the question asks what running a card costs in electricity."""
    return bool(_POWER_COST.search(question.lower()))


def price_per_kwh(question: str) -> tuple[float, str]:
    m = _STATED_PRICE.search(question.lower())
    if m:
        value = float(m.group(1)) / (100 if m.group(2) else 1)
        if 0 < value < 5:
            return value, "the price you gave"
    return load_assumptions().number(
        "electricity_usd_per_kwh"
    ), "the U.S. average residential price (EIA, 2023)"


def power_figures(facts: Facts) -> tuple[float, ...]:
    """The numbers the electricity answer derives (watts, hours, kWh, cost, price per kWh), for the number check."""
    sized = _sized(facts)
    if sized is None:
        return ()
    gpu, count, price, _, daily = sized
    watts = gpu.tdp_w * count
    hours = daily / 24 * _HOURS_A_MONTH
    kwh = watts * hours / 1000
    return (watts, hours, kwh, kwh * price, price, daily)


def _sized(facts: Facts):
    """(GPU, count, $/kWh, whose price, hours a day) for a power-cost question, or None."""
    question = facts.understanding.question
    if not asks_power_cost(question):
        return None
    setup = next(iter(facts.checks), None) or facts.pick  # a workload: the user's own setup, else the pick
    if facts.gpus:
        gpu, count = facts.gpus[0], facts.understanding.details.gpu_count or 1
    elif setup is not None:
        gpu, count = setup.gpu, getattr(setup, "count", None) or facts.understanding.details.gpu_count or 1
    else:
        return None
    if not gpu.tdp_w:
        return None
    price, whose = price_per_kwh(question)
    use = use_said(question)
    return gpu, count, price, whose, use.daily if use else 24.0


def power_cost_text(facts: Facts) -> str:
    """The electricity a card (or the user's count of it) uses in a month at full board power, and its cost, or
    "" when the question does not ask it or no board power is on record."""
    question = facts.understanding.question
    if not asks_power_cost(question):
        return ""
    setup = next(iter(facts.checks), None) or facts.pick  # a workload: the user's own setup, else the pick
    if facts.gpus:
        gpu, count = facts.gpus[0], facts.understanding.details.gpu_count or 1
    elif setup is not None:
        gpu, count = setup.gpu, getattr(setup, "count", None) or facts.understanding.details.gpu_count or 1
    else:
        return ""
    if not gpu.tdp_w:
        return f"I have no board power (TDP) on record for the {gpu.name}, so I can't work out its electricity cost."
    price, whose = price_per_kwh(question)
    use = use_said(question)
    daily = use.daily if use else 24.0
    hours = daily / 24 * _HOURS_A_MONTH
    watts = gpu.tdp_w * count
    kwh = watts * hours / 1000
    cards = f"{count} x {gpu.name}" if count > 1 else f"the {gpu.name}"
    when = "around the clock" if use is None else use.words
    return (
        f"**Electricity:** {cards} draw{'s' if count == 1 else ''} up to **{watts:,.0f} W** (board power"
        f"{'' if count == 1 else f', {gpu.tdp_w:,.0f} W each'}). Running flat out {when}, that is {watts:,.0f} W x "
        f"{hours:,.0f} hours = **{kwh:,.0f} kWh a month**, about **{money(kwh * price)} per month** at "
        f"{money(price)}/kWh ({whose}). LLM inference often draws less than the board power, and the rest of the "
        "machine (CPU, power-supply losses, cooling) adds to it."
    )
