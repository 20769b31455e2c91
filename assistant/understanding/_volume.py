"""Users (or chats) counted over a day ("10k daily users", "5,000 chats a day") as the users at once at its busiest
moment, and requests counted over a day as requests a second in its busiest hour."""

from __future__ import annotations

import math
import re

from ..sizing import load_assumptions

__all__ = ["peak_requests_how", "peak_requests_per_s", "peak_users", "peak_users_how"]

# "10k daily users", "300 daily active users", "5,000 people a day", "2k users per day", "20k DAU"
_DAILY_USERS = re.compile(
    r"\b(\d+(?:,\d{3})*(?:\.\d+)?)\s*([km]|thousand|million)?\s*(?:"
    r"(?:users?|people|persons|customers|visitors|employees|students|chats|conversations|sessions)\s*"
    r"(?:(?:per|a|an|each|every)\s+|/\s*)day\b"
    r"|daily\s+(?:active\s+)?(?:users?|visitors|customers)\b|dau\b)"
)
_SCALE = {"k": 1e3, "m": 1e6, "thousand": 1e3, "million": 1e6}
# "1M requests a day", "50,000 queries per day", "200k daily requests", "30k messages a day"
_DAILY_REQUESTS = re.compile(
    r"\b(\d+(?:,\d{3})*(?:\.\d+)?)\s*([km]|thousand|million)?\s*(?:"
    r"(?:requests?|quer(?:y|ies)|calls|prompts|completions|messages)\s*"
    r"(?:(?:per|a|an|each|every)\s+|/\s*)day\b|daily\s+(?:requests?|quer(?:y|ies)|calls|messages)\b)"
)


def _daily(pattern: re.Pattern, text: str) -> float | None:
    """The count a day ``pattern`` finds in ``text`` (lower-cased), or None."""
    m = pattern.search(text)
    if m is None:
        return None
    return float(m.group(1).replace(",", "")) * _SCALE.get(m.group(2) or "", 1.0)


def _peak_share() -> float:
    """The share of a day's users active at the same moment in its busiest hour."""
    a = load_assumptions()
    return a.number("peak_hour_share_of_daily_users") * a.number("chat_session_minutes") / 60


def peak_users(text: str) -> int | None:
    """The users at once a day's users make at the peak (at least one), or None when no users a day are said."""
    daily = _daily(_DAILY_USERS, text)
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


def peak_requests_per_s(text: str) -> float | None:
    """The requests a second a day's requests make in its busiest hour, or None when no requests a day are said."""
    daily = _daily(_DAILY_REQUESTS, text)
    share = load_assumptions().number("peak_hour_share_of_daily_users")
    return round(daily * share / 3600, 2) if daily else None


def peak_requests_how() -> str:
    """How ``peak_requests_per_s`` turned a day's requests into requests a second, in words."""
    share = load_assumptions().number("peak_hour_share_of_daily_users")
    return f"{share:.0%} of a day's requests come in its busiest hour"
