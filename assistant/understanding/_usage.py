"""How long a card is used, as the user said it: "8 hours a day", "10 hrs a week", "40h per month" (pure)."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Use", "use_said", "without_use"]

_USE = re.compile(
    r"(\d+(?:\.\d+)?)\s*(?:hours?|hrs?|h)\s*(?:a|an|per|each|every|/)\s*(day|week|wk|month|mo)\b"
)
_DAYS = {"day": 1.0, "week": 7.0, "month": 365 / 12}
_SPELLED = {"wk": "week", "mo": "month"}


@dataclass(frozen=True)
class Use:
    """Hours of use in each period said ("10 hours a week": 10.0, "week")."""

    hours: float
    period: str

    @property
    def daily(self) -> float:
        """The same use in hours a day."""
        return self.hours / _DAYS[self.period]

    @property
    def per_year(self) -> float:
        """Periods in a year (52.1 weeks, 12 months)."""
        return 365 / _DAYS[self.period]

    @property
    def words(self) -> str:
        return f"{self.hours:g} hours a {self.period}"


def use_said(question: str) -> Use | None:
    """The use said in ``question``, or None (none said, or more hours than the period has)."""
    m = _USE.search(question.lower())
    if m is None:
        return None
    hours, period = float(m.group(1)), _SPELLED.get(m.group(2), m.group(2))
    return Use(hours, period) if 0 < hours <= 24 * _DAYS[period] else None


def without_use(text: str) -> str:
    """``text`` with each use said ("20 hours a week") blanked: how often a card runs is no run's duration."""
    return _USE.sub(" ", text)
