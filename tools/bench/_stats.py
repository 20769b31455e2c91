"""Small statistics helpers: percentiles and latency summaries (pure)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Latency", "percentile"]


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0–100) by linear interpolation between closest ranks; NaN when empty."""
    if not values:
        return math.nan
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@dataclass(frozen=True)
class Latency:
    """Summary of a list of durations in seconds."""

    n: int
    p50: float
    p95: float
    mean: float
    max: float

    @classmethod
    def of(cls, seconds: Sequence[float]) -> Latency:
        """Summarize ``seconds`` (NaNs when empty)."""
        if not seconds:
            return cls(0, math.nan, math.nan, math.nan, math.nan)
        return cls(
            len(seconds),
            percentile(seconds, 50),
            percentile(seconds, 95),
            sum(seconds) / len(seconds),
            max(seconds),
        )
