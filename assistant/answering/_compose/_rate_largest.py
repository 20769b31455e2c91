"""'Budget $2/hour, what's the biggest model I can serve?': the largest model of the ladder that a rented setup within
the hourly rate serves, on which setup and at what price, with the next model up and what it would cost."""

from __future__ import annotations

from ...planning import price_note
from .._facts import Facts
from ._format import gb, money

__all__ = ["largest_within_rate_answer"]


def largest_within_rate_answer(facts: Facts) -> str:
    """The model that leads, its setup and price within the rate, its speed, and the next size up."""
    rate = facts.understanding.details.budget_per_hour
    plan, over = facts.plan, facts.over_rate
    if plan is None or plan.pick is None:
        return f"None of the models I track can be served on a setup rented for {money(rate)}/hour or less."
    fit, work = plan.pick, plan.workload
    where = _offering(fit)
    text = (
        f"**{work.model_label}** in {work.precision} is the largest model I track that a setup within "
        f"{money(rate)}/hour serves: **{fit.label}** at {money(fit.price_per_hour)}/hour{where} holds it "
        f"({gb(fit.per_gpu_gb)} per GPU of {gb(fit.usable_gb)} usable, weights plus the KV cache for "
        f"{work.context:,} tokens)."
    )
    if fit.serving is not None:
        text += (
            f" It generates about **{fit.serving.decode_tokens_per_s:,.0f} tokens/s** per sequence at batch 1 "
            "(memory-bandwidth bound)."
        )
    if over is not None and over.pick is not None and over.pick.price_per_hour is not None:
        up = over.pick
        text += (
            f" The next size up, {over.workload.model_label} (in {over.workload.precision}), needs "
            f"{up.label} at {money(up.price_per_hour)}/hour."
        )
    text += (
        " Memory decides the size: a rate buys the most GPU memory on several mid-range cards, and 4-bit weights "
        "(AWQ or GPTQ) hold about four times the parameters of 16-bit ones in the same memory."
    )
    note = price_note([fit.gpu])
    return text + (f"\n\n{note}" if note and not where else "")


def _offering(fit) -> str:
    """' (RunPod `4x A40`, as of 2026-11-29)': the real offering a setup is priced at, else ''."""
    offering = getattr(fit, "offering", None)
    if offering is None:
        return ""
    when = f", as of {offering.as_of.isoformat()}" if getattr(offering, "as_of", None) else ""
    return f" ({offering.provider} `{offering.instance_type}`{when})"
