"""Compute told in GPU-hours and clusters told by their GPU count: "1.3M GPU hours", "24K GPUs", "3 days on 64
H100s" (pure).

A GPU-hour is one GPU busy for one hour, so a job's GPU-hours spread over the GPUs that run it give its
wall-clock time, and a wall-clock time on a cluster gives its GPU-hours. These readers find the three figures
that arithmetic needs in a question; the answer does the division.
"""

from __future__ import annotations

import re

__all__ = ["cluster_gpus", "reference_wall_hours", "stated_gpu_hours", "stated_wall_hours"]

_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9, "billion": 1e9}
_HOUR = r"(?:hours?|hrs?|h)\b"
# "1.3M GPU hours", "6.4 million H100-hours", "40k gpu-hrs", "1000 A100 hours": compute, not wall-clock time
_GPU_HOURS = re.compile(
    r"(?<![\w.])(\d+(?:\.\d+)?)\s*(k|thousand|mn|m|million|bn|b|billion)?\s*(?:total\s+)?"
    r"(?:gpu|[a-z]{1,3}\d{2,4}[a-z]?)[- ]?" + _HOUR
)
# "24K GPUs", "sixteen thousand GPUs", "16384 H100s", "1,024 x H100", "on 2048 accelerators"; never the GPU-hours figure itself
_GPUS = re.compile(
    r"(?<![\w.$])(\d+(?:\.\d+)?)\s*(k\b|thousand\b)?\s*(?:x\s*|-)?(?:nvidia\s+|amd\s+)?"
    r"(?:(?:[a-z]{1,3}\d{2,4}[a-z]?)\s*(?:\d{2,3}\s*gb\s+)?(?:gpus?|cards?)?|gpus?|cards?|accelerators?|chips?)"
    r"(?![\w-]|[- ](?:hours?|hrs?|h)\b)"
)
# GeForce model numbers written before "GPU" / "card" ("a 2080 GPU", "3090 cards"): 1050-5090, 1650, 1660
_CARD_MODEL_NUMBER = re.compile(r"[1-5]0[5-9]0|16[56]0")
# "(24576, to be precise)": the exact count written beside a rounded one
_EXACT = re.compile(r"\s*\(\s*(\d{2,7})\b")
# "53 hours", "2.5 days", "40 minutes", "three weeks" (digits by then): a wall-clock duration
_WALL = re.compile(
    r"(?<![\w.])(\d+(?:\.\d+)?|an?|one)\s*(minutes?|mins?|hours?|hrs?|h|days?|weeks?|months?)\b"
)
_HOURS_IN = {"mi": 1 / 60, "ho": 1.0, "hr": 1.0, "h": 1.0, "da": 24.0, "we": 24.0 * 7, "mo": 24.0 * 365 / 12}
# "13 hours ... but the paper says 3 hours", "vs 6h in the readme": the time someone else reports for the work
_REFERENCE = re.compile(
    r"\b(?:but|while|whereas|vs\.?|versus|compared (?:to|with)|than|instead of|(?:paper|readme|blog|docs?|repo|"
    r"authors?|they|others?|people)\b[^.?!]{0,30}\b(?:said|says|say|report(?:s|ed)?|claims?|took|takes|mention(?:s|ed)?)|"
    r"should (?:only )?take|supposed to take|expected|only took|took only)\b[^.?!\d]{0,40}$"
)


def reference_wall_hours(text: str) -> float | None:
    """The second duration of a comparison ("takes 13 hours on 8 A100s but the paper said 3 hours"): the time
    reported or expected for the same work, against which the first one (``stated_wall_hours``) is judged."""
    plain = _plain(text)
    compute = [m.span() for m in _GPU_HOURS.finditer(plain)]
    walls = [m for m in _WALL.finditer(plain) if not any(a <= m.start() < b for a, b in compute)]
    if len(walls) < 2:
        return None
    for m in walls[1:]:
        if _REFERENCE.search(plain[: m.start()]):
            count = 1.0 if m.group(1) in ("a", "an", "one") else float(m.group(1))
            return count * _HOURS_IN[m.group(2)[:2]]
    return None


def _plain(text: str) -> str:
    return re.sub(r"(?<=\d),(?=\d{3}\b)", "", text.lower())


def stated_gpu_hours(text: str) -> float | None:
    """The GPU-hours a question states ("1.3M GPU hours" -> 1.3e6), or None."""
    m = _GPU_HOURS.search(_plain(text))
    if not m:
        return None
    value = float(m.group(1)) * _SCALE.get(m.group(2) or "", 1.0)
    return value if value >= 1 else None


def cluster_gpus(text: str) -> int | None:
    """The number of GPUs a question puts on the job ("24K GPUs (24576, to be precise)" -> 24576), or None.
    Unlike the count a fit is checked at, any size of cluster is read."""
    plain = _plain(text)
    for m in _GPUS.finditer(plain):
        if not m.group(2) and _CARD_MODEL_NUMBER.fullmatch(m.group(1)):
            continue  # "on one 2080 GPU", "two 3090 cards": a GeForce model number, not a cluster's size
        count = float(m.group(1)) * (1e3 if m.group(2) else 1.0)
        exact = _EXACT.match(plain, m.end())
        if exact and abs(float(exact.group(1)) - count) <= 0.05 * count:
            count = float(exact.group(1))
        if count >= 1 and count == int(count):
            return int(count)
    return None


def stated_wall_hours(text: str) -> float | None:
    """A wall-clock duration the question states ("only 53 hours of pre-training", "for 3 days"), in hours;
    never a GPU-hours figure."""
    plain = _plain(text)
    compute = [m.span() for m in _GPU_HOURS.finditer(plain)]
    for m in _WALL.finditer(plain):
        if any(start <= m.start() < end for start, end in compute):
            continue
        count = 1.0 if m.group(1) in ("a", "an", "one") else float(m.group(1))  # "about a month"
        return count * _HOURS_IN[m.group(2)[:2]]
    return None
