"""Number and table formatting shared by every answer."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["DETAILS_BREAK", "gb", "money", "split_details", "with_details"]

# Between an answer's short text and its details (breakdown, assumptions, caveats) in a composed draft.
DETAILS_BREAK = "\n\n<!-- details -->\n\n"


def gb(value: float) -> str:
    """'17.4 GB' (one decimal below 100 GB, none above)."""
    return f"{value:,.1f} GB" if value < 100 else f"{value:,.0f} GB"


def money(value: float | None) -> str:
    """'$2.99' or 'unknown'."""
    if value is None:
        return "unknown"
    return f"${value:,.2f}" if value < 1000 else f"${value:,.0f}"


def _num(value: float | None, unit: str = "", digits: int = 0) -> str:
    return "unknown" if value is None else f"{value:,.{digits}f}{unit}"


def _hours(hours: float) -> str:
    if hours < 1:
        return f"{hours * 60:.0f} minutes"
    if hours < 48:
        return f"{hours:.1f} hours"
    return f"{hours / 24:.1f} days"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def with_details(text: str, details: str) -> str:
    """A composed draft: the short answer, then the details behind ``DETAILS_BREAK`` (if any)."""
    return f"{text}{DETAILS_BREAK}{details}" if details.strip() else text


def split_details(draft: str) -> tuple[str, str]:
    """``(text, details)`` of a composed draft; details are empty when the draft has none."""
    text, _, details = draft.partition(DETAILS_BREAK)
    return text, details
