"""GPU-hours and wall-clock time on a cluster: "1.3M GPU hours on 24K GPUs is only 53 hours, right?", "we ran
64 H100s for 3 days, how many GPU hours is that?" (pure arithmetic on the figures the question states)."""

from __future__ import annotations

import re

from .._facts import Facts
from ._format import money

__all__ = ["cluster_hours", "cluster_time_answer"]

# the question asks for compute, not the wall clock: "how many GPU hours", "H100-hours is that"
_ASKS_GPU_HOURS = re.compile(r"\b(?:gpu|[a-z]{1,3}\d{2,4}[a-z]?)[- ]?(?:hours?|hrs?)\b")
_CLOSE = 0.1  # a stated figure within 10% of the arithmetic is the same figure, rounded


def cluster_hours(facts: Facts) -> tuple[float, float] | None:
    """(GPU-hours, wall-clock hours) the question's figures give, or None when it states too little."""
    d = facts.understanding.details
    n = d.cluster_gpus
    if not n:
        return None
    if d.stated_gpu_hours:
        return d.stated_gpu_hours, d.stated_gpu_hours / n
    if d.stated_wall_hours and _ASKS_GPU_HOURS.search(facts.understanding.question.lower()):
        return d.stated_wall_hours * n, d.stated_wall_hours
    return None


def cluster_time_answer(facts: Facts) -> str | None:
    """The wall-clock time of a stated number of GPU-hours on a stated number of GPUs (or the GPU-hours of a
    stated time on them), checked against the user's own figure when they give one; None when not asked."""
    figures = cluster_hours(facts)
    if figures is None:
        return None
    d = facts.understanding.details
    gpu_hours, hours = figures
    n = d.cluster_gpus
    if d.stated_gpu_hours:
        lead = (
            f"{_amount(gpu_hours)} GPU-hours spread over {n:,} GPUs is about **{_clock(hours)}** of wall-clock "
            f"time ({_amount(gpu_hours)} ÷ {n:,})"
        )
        if d.stated_wall_hours:
            same = abs(d.stated_wall_hours - hours) <= _CLOSE * hours
            lead = ("**Yes** — " if same else "**No** — ") + lead[0].lower() + lead[1:]
            if not same:
                said = d.stated_wall_hours
                lead += (
                    f", not {said / 24:g} days" if said >= 48 and said % 24 == 0 else f", not {said:g} hours"
                )
        text = (
            f"{lead}. That holds if all {n:,} GPUs work on this one job the whole time: a quoted GPU-hours figure "
            "already reflects the utilisation the run achieved, and time lost to failures and restarts comes on "
            "top unless it was counted in it."
        )
    else:
        text = (
            f"About **{_amount(gpu_hours)} GPU-hours**: {n:,} GPUs × {hours:,.0f} hours of wall-clock time."
        )
    priced = next((g for g in facts.gpus if g.price_per_hour), None) if d.wants_cost else None
    if priced is not None:
        text += (
            f" At {money(priced.price_per_hour)} per {priced.name}-hour (a typical on-demand rate), that is about "
            f"**{money(gpu_hours * priced.price_per_hour)}**."
        )
    return text


def _amount(value: float) -> str:
    """'1.3M', '40,000': GPU-hours as people write them."""
    return f"{value / 1e6:,.4g}M" if value >= 1e6 else f"{value:,.0f}"


def _clock(hours: float) -> str:
    """'52.9 hours (2.2 days)', '5.6 hours', '3.4 days (81 hours)'."""
    if hours < 48:
        return f"{hours:,.1f} hours"
    if hours < 24 * 60:
        return f"{hours:,.1f} hours ({hours / 24:,.1f} days)"
    return f"{hours / 24:,.0f} days ({hours / 24 / 7:,.1f} weeks)"
