"""The whole run's time from the progress a user sees part-way: "30 mins for 0.01 epochs", "2 hours per epoch, 3
epochs", "step 150/6000 after 45 minutes", "12% done in 3 hours", "4.2 s/it with 2000 steps". Pure text reading:
the time they saw, scaled by how much of the run it covered."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._thousands import joined_thousands

__all__ = ["Pace", "run_pace"]

_UNIT_HOURS = {"s": 1 / 3600, "m": 1 / 60, "h": 1.0, "d": 24.0}
_TIME = r"(\d+(?:\.\d+)?)\s*(sec(?:ond)?s?|s|min(?:ute)?s?|m|hours?|hrs?|h|days?|d)\b"
_NUM = r"(\d+(?:\.\d+)?)"
# "30 mins for 0.01 epochs", "45 minutes per 0.05 epoch", "2 hours per epoch"
_TIME_PER_EPOCHS = re.compile(
    _TIME
    + r"\s*(?:for|per|to (?:do|finish|complete|get through)|each)\s+(?:an?\s+|one\s+)?"
    + r"(?:"
    + _NUM
    + r"\s*)?epochs?\b",
    re.I,
)
# "0.01 epochs in 30 minutes", "0.01 epoch took 30 mins", "1 epoch takes 2 hours"
_EPOCHS_IN_TIME = re.compile(
    r"(?<![\w.])"
    + _NUM
    + r"\s*epochs?\s*(?:(?:done|complete|completed|finished|through)\s+)?(?:in|took|takes|taking|after|=)\s*(?:about\s+|around\s+|~)?"
    + _TIME,
    re.I,
)
# "step 150/6000 after 45 minutes", "150 of 6000 steps in 45 mins", "at 150/6000 (45 min)"
_STEPS_DONE = re.compile(
    r"(?<![\w.])"
    + _NUM
    + r"\s*(?:/|of|out of)\s*"
    + _NUM
    + r"\s*(?:steps|its|iterations|batches)?\b[^.?!\d]{0,25}?"
    r"(?:after|in|took|taking|=|\()\s*(?:about\s+|around\s+|~)?" + _TIME,
    re.I,
)
# "12% done in 3 hours", "3 hours for 12%", "at 12% after 3 hours"
_PERCENT_IN_TIME = re.compile(
    _NUM
    + r"\s*%\s*(?:done|complete|completed|finished|through|of (?:the )?(?:epoch|run|training))?\s*(?:in|after|took|=)\s*(?:about\s+|around\s+|~)?"
    + _TIME,
    re.I,
)
_TIME_FOR_PERCENT = re.compile(
    _TIME + r"\s*(?:for|to (?:do|get through|reach))\s+(?:the first\s+)?" + _NUM + r"\s*%", re.I
)
# "4.2 s/it ... 2000 steps", "2000 steps at 4.2s/it"
_SECONDS_PER_STEP = re.compile(r"(\d+(?:\.\d+)?)\s*s\s*/\s*it\b", re.I)
_STEP_TOTAL = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s*(k)?\s*(?:total\s+)?(?:steps|iterations|its)\b", re.I)
_EPOCHS_PLANNED = re.compile(r"(?<![\w.])(\d+)\s*epochs\b|\bepochs?\s*(?:=|:)\s*(\d+)\b", re.I)


@dataclass(frozen=True)
class Pace:
    """The whole run's hours at the pace seen, and that pace as the user said it."""

    hours: float
    seen: str


def _hours(value: str, unit: str) -> float:
    return float(value) * _UNIT_HOURS[unit.lower()[0]]


def run_pace(text: str) -> Pace | None:
    """The time the whole run takes at the pace ``text`` reports part-way through, else None."""
    plain = joined_thousands(text)
    planned = _EPOCHS_PLANNED.search(plain)
    epochs = float(planned.group(1) or planned.group(2)) if planned else 1.0
    if m := _TIME_PER_EPOCHS.search(plain):
        part = float(m.group(3)) if m.group(3) else 1.0
        if 0 < part <= 1 and (part < 1 or planned):
            return Pace(_hours(m.group(1), m.group(2)) / part * epochs, m.group(0).strip())
    if m := _EPOCHS_IN_TIME.search(plain):
        part = float(m.group(1))
        if 0 < part < 1 or (part == 1 and planned):
            return Pace(_hours(m.group(2), m.group(3)) / part * epochs, m.group(0).strip())
    if m := _STEPS_DONE.search(plain):
        done, total = float(m.group(1)), float(m.group(2))
        if 0 < done < total:
            return Pace(_hours(m.group(3), m.group(4)) * total / done, m.group(0).strip())
    for pattern, value_first in ((_PERCENT_IN_TIME, True), (_TIME_FOR_PERCENT, False)):
        if m := pattern.search(plain):
            share, (value, unit) = (m.group(1), m.group(2, 3)) if value_first else (m.group(3), m.group(1, 2))
            if 0 < float(share) < 100:
                return Pace(_hours(value, unit) * 100 / float(share), m.group(0).strip())
    if (per := _SECONDS_PER_STEP.search(plain)) and (total := _STEP_TOTAL.search(plain)):
        steps = float(total.group(1)) * (1000 if total.group(2) else 1)
        return Pace(float(per.group(1)) * steps / 3600, f"{per.group(0)} over {total.group(0)}")
    return None
