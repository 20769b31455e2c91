"""Number and table formatting shared by every answer."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["gb", "money"]


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
