"""Users counted over a day ("10k daily users", "5,000 people a day") as the users at once at its busiest moment."""

from __future__ import annotations

import math
import re

from ..sizing import load_assumptions

__all__ = ["peak_users", "peak_users_how"]

# "10k daily users", "300 daily active users", "5,000 people a day", "2k users per day", "20k DAU"
_DAILY_USERS = re.compile(
    r"\b(\d[\d,]*(?:\.\d+)?)\s*([km])?\s*(?:"
    r"(?:users?|people|persons|customers|visitors|employees|students)\s*(?:(?:per|a|an|each|every)\s+|/\s*)day\b"
    r"|daily\s+(?:active\s+)?(?:users?|visitors|customers)\b|dau\b)"
)
_SCALE = {"k": 1e3, "m": 1e6}


def _daily_users(text: str) -> float | None:
    """The users a day ``text`` (lower-cased) counts, or None."""
    m = _DAILY_USERS.search(text)
    if m is None:
        return None
    return float(m.group(1).replace(",", "")) * _SCALE.get(m.group(2) or "", 1.0)


def _peak_share() -> float:
    """The share of a day's users active at the same moment in its busiest hour."""
    a = load_assumptions()
    return a.number("peak_hour_share_of_daily_users") * a.number("chat_session_minutes") / 60


def peak_users(text: str) -> int | None:
    """The users at once a day's users make at the peak (at least one), or None when no users a day are said."""
    daily = _daily_users(text)
    return max(1, math.ceil(daily * _peak_share())) if daily else None


def peak_users_how() -> str:
    """How ``peak_users`` turned a day's users into users at once, in words."""
    a = load_assumptions()
    share = a.number("peak_hour_share_of_daily_users")
    minutes = a.number("chat_session_minutes")
    return (
        f"{share:.0%} of a day's users come in its busiest hour, each active for about {minutes:g} minutes, so "
        f"about {_peak_share():.1%} of them at once"
    )
