"""'Buy 2x 3090 or rent an H100 for a 70B, 24/7?': each setup sized for the model (the least-compressed format
it holds), the cards to buy priced from corpus/purchase-prices.yaml with their electricity, the card to rent
priced from the offerings table over a month, and the months after which buying costs less.

Every figure is a fact (purchase price, rental offer, board power) or labelled arithmetic on facts.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...sizing import Fit, estimate_memory, fit_gpu, load_assumptions
from ...understanding import asks_buy_or_rent, use_said
from .._facts import Facts
from ._format import gb, money
from ._power import price_per_kwh

__all__ = ["buy_or_rent_figures", "buy_or_rent_text", "open_options"]

# least compressed first: the format a setup is said to hold the model in
_FORMATS = ("bf16", "fp8", "int8", "int4")
_GGUF = ("q8_0", "q6_k", "q4_k_m")
_FORMAT_WORDS = {
    "bf16": "16-bit",
    "fp8": "FP8",
    "int8": "8-bit",
    "int4": "4-bit (AWQ/GPTQ)",
    "q8_0": "GGUF Q8_0 under llama.cpp / Ollama",
    "q6_k": "GGUF Q6_K under llama.cpp / Ollama",
    "q4_k_m": "GGUF Q4_K_M under llama.cpp / Ollama",
}


def open_options(plan, details) -> list:
    """The plan's alternatives the user left open — every fine-tuning method when none was said, every weight
    format for inference when none was said — fullest first; else only the run as asked."""
    if plan.workload.task.is_training:
        methods = [o for o in plan.options if not o.label.startswith("inference in ")]
        return methods if details.method_unstated else [o for o in methods if o.estimate == plan.estimate]
    formats = [o for o in plan.options if o.label.startswith("inference in ")]
    return formats if details.precision is None else [o for o in formats if o.estimate == plan.estimate]


def _holds(facts: Facts, gpu, count: int) -> tuple[str, Fit] | None:
    """What ``count`` x ``gpu`` runs of the model — the least-compressed format it holds for inference, the first of
    the plan's training methods that fits for training — in words ("holds X in 16-bit"), and that fit, or None."""
    assumptions = load_assumptions()
    model = facts.plan.workload.model_label
    inference = {
        o.label.removeprefix("inference in "): o.estimate
        for o in facts.plan.options
        if o.label.startswith("inference in ")
    }
    if not inference:  # a training plan: the methods left open (full, LoRA, QLoRA) in the plan's order
        for option in open_options(facts.plan, facts.understanding.details) or facts.plan.options:
            fit = fit_gpu(option.estimate, gpu, assumptions, count=count)
            if isinstance(fit, Fit):
                return f"runs {option.label} of {model}", fit
        return None
    for fmt in _FORMATS:
        estimate = inference.get(fmt)
        if estimate is None or (fmt == "fp8" and not gpu.fp8):
            continue
        fit = fit_gpu(estimate, gpu, assumptions, count=count)
        if isinstance(fit, Fit):
            return f"holds {model} in {_FORMAT_WORDS[fmt]}", fit
    if (
        gpu.gpu_class == "consumer"
    ):  # a card at home also runs the GGUF files llama.cpp / Ollama split over cards
        for fmt in _GGUF:
            estimate = estimate_memory(
                facts.plan.workload.with_(precision=fmt, runtime="llama.cpp"), assumptions
            )
            fit = fit_gpu(estimate, gpu, assumptions, count=count)
            if isinstance(fit, Fit):
                return f"holds {model} in {_FORMAT_WORDS[fmt]}", fit
    return None


@dataclass(frozen=True)
class _Weighed:
    """The two setups and the arithmetic between them."""

    buy_name: str
    buy_gpu: object
    n_buy: int
    price_said: str
    cost: float  # buying all the cards, USD
    power: float  # their electricity over the month, USD
    watts: float
    kwh_price: float
    whose: str
    rent_name: str
    rent_gpu: object
    n_rent: int
    per_gpu_hour: float
    hours: float  # the hours a month it runs
    rent_month: float
    daily: float

    @property
    def months(self) -> float | None:
        saving = self.rent_month - self.power
        return self.cost / saving if saving > 0 else None


def _weighed(facts: Facts) -> _Weighed | None:
    """The buy-or-rent arithmetic, or None when the question is not one or lacks a card to buy and one to rent."""
    question = facts.understanding.question
    details = facts.understanding.details
    plan = facts.plan
    if plan is None or not asks_buy_or_rent(question) or not facts.purchases:
        return None
    counts = dict(details.setups) if details.setups else {}
    gpus = {c.gpu.name: c.gpu for c in plan.checks}
    prices = {p.name: p for p in facts.purchases}
    bought = [n for n in gpus if n in prices]
    rented = [n for n in gpus if n not in prices] or bought[:1]  # "buy a 3090 or rent one?": the same card
    if len(bought) > 1 and rented == bought[:1] and len(details.gpus) > 1:
        # "buy 2 L40S or rent H100s?", both sold: the card said on the renting side is the rented one
        rent_first = question.lower().find("rent") < question.lower().find("buy")
        rented = [details.gpus[0] if rent_first else details.gpus[1]]
        bought = [n for n in bought if n != rented[0]] or bought
    if not bought:
        return None
    use = use_said(question)
    daily = use.daily if use else 24.0
    hours = daily / 24 * load_assumptions().number("hours_per_month")
    kwh_price, whose = price_per_kwh(question)
    buy_name, rent_name = bought[0], rented[0]
    buy_gpu, rent_gpu = gpus[buy_name], gpus[rent_name]
    n_buy = counts.get(buy_name, details.gpu_count or 1)
    n_rent = n_buy if rent_name == buy_name else counts.get(rent_name, 1)  # the same card: as many of it
    p = prices[buy_name]
    price_said = (
        f"{money(p.street.usd)} each (street price, {p.street.as_of.isoformat()})"
        if p.street
        else f"{money(p.msrp_usd)} each (launch MSRP)"
    )
    watts = (buy_gpu.tdp_w or 0) * n_buy
    rent_check = next(c for c in plan.checks if c.gpu.name == rent_name)
    per_gpu_hour = (
        rent_check.price_per_hour / rent_check.count
        if isinstance(rent_check, Fit) and rent_check.price_per_hour
        else rent_gpu.price_per_hour
    )
    if not per_gpu_hour:
        return None
    return _Weighed(
        buy_name=buy_name,
        buy_gpu=buy_gpu,
        n_buy=n_buy,
        price_said=price_said,
        cost=p.price_usd * n_buy,
        power=watts * hours / 1000 * kwh_price,
        watts=watts,
        kwh_price=kwh_price,
        whose=whose,
        rent_name=rent_name,
        rent_gpu=rent_gpu,
        n_rent=n_rent,
        per_gpu_hour=per_gpu_hour,
        hours=hours,
        rent_month=per_gpu_hour * n_rent * hours,
        daily=daily,
    )


def buy_or_rent_figures(facts: Facts) -> tuple[float, ...]:
    """The numbers the buy-or-rent answer derives (hours, costs, power, break-even months), for the number check."""
    w = _weighed(facts)
    if w is None:
        return ()
    return (
        w.hours,
        w.cost,
        w.power,
        w.watts,
        w.per_gpu_hour,
        w.rent_month,
        w.rent_month - w.power,
        w.months or 0.0,
    )


def _setup(name: str, n: int) -> str:
    return f"{n}x {name}" if n > 1 else f"one {name}"


def buy_or_rent_text(facts: Facts) -> str:
    """The comparison with the break-even first, or "" when the question is not a buy-or-rent one."""
    w = _weighed(facts)
    if w is None:
        return ""
    model = facts.plan.workload.model_label
    use = use_said(facts.understanding.question)
    when = use.words if use else "around the clock"
    held = {"buy": _holds(facts, w.buy_gpu, w.n_buy), "rent": _holds(facts, w.rent_gpu, w.n_rent)}
    inference = any(o.label.startswith("inference in ") for o in facts.plan.options)

    def holds_text(which: str) -> str:
        if held[which] is None:
            return (
                f"does not hold {model} in any format (even 4-bit)"
                if inference
                else f"trains {model} in none of the ways sized below"
            )
        runs, fit = held[which]
        return f"{runs} ({gb(fit.per_gpu_gb)} of {gb(fit.usable_gb)} per GPU)"

    buying, renting = _setup(w.buy_name, w.n_buy), _setup(w.rent_name, w.n_rent)
    months = w.months
    years = load_assumptions().number("card_keep_years")
    if months is not None and months > years * 12:
        lead = (
            f"**Renting costs less** at {when}: buying {buying} pays for itself only after about {months:,.0f} "
            f"months ({months / 12:,.1f} years) against renting {renting} at {money(w.rent_month)} a month — "
            f"longer than the {years:g} years a card is weighed over here"
        )
    elif months is not None:
        lead = (
            f"**Buying {buying} pays for itself after about {months:,.1f} months** of running {when}, against "
            f"renting {renting} at {money(w.rent_month)} a month"
        )
    else:
        lead = f"**Renting {renting} costs less** than the electricity alone for {buying}"
    if held["buy"] is None or held["rent"] is None:
        lead += "; but only one of them can run the model — see below"
    lines = [
        lead + ".",
        f"- **Buy {buying}:** {w.price_said} = **{money(w.cost)}**; it {holds_text('buy')}. Electricity at full "
        f"board power {when}: {w.watts:,.0f} W, about {money(w.power)} a month at {money(w.kwh_price)}/kWh "
        f"({w.whose}).",
        f"- **Rent {renting}:** {money(w.per_gpu_hour)} per GPU-hour (offerings table) x {w.hours:,.0f} hours = "
        f"about **{money(w.rent_month)} a month**; it {holds_text('rent')}.",
    ]
    if months is not None:
        lines.append(
            f"Break-even: {money(w.cost)} / ({money(w.rent_month)} rent − {money(w.power)} power) ≈ {months:,.1f} "
            "months. The rest of the PC, its own power and the cards' resale value are not counted; renting needs "
            "no upfront money and can stop any time."
        )
    return "\n".join(lines)
