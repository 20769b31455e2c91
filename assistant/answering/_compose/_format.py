"""Number and table formatting shared by every answer."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "DETAILS_BREAK",
    "capitalized",
    "duration_text",
    "gb",
    "markdown_table",
    "money",
    "number_text",
    "split_details",
    "token_count",
    "with_details",
]

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


def number_text(value: float | None, unit: str = "", digits: int = 0) -> str:
    """'1,234 GB' at the digits asked, or 'unknown'."""
    return "unknown" if value is None else f"{value:,.{digits}f}{unit}"


def duration_text(hours: float) -> str:
    """A duration in its usual unit: '32 minutes', '5.5 hours', '2.1 days'."""
    if hours < 1:
        return f"{hours * 60:.0f} minutes"
    if hours < 48:
        return f"{hours:.1f} hours"
    return f"{hours / 24:.1f} days"


def hours_as_asked(hours: float, unit: str | None) -> str:
    """A duration in the unit the question asked for ("how many hours?" -> "0.5 hours (32 minutes)", "how many
    days?" -> "1.3 days (31.0 hours)"), with the usual unit beside it when they differ; the usual unit alone when
    none was asked."""
    usual = duration_text(hours)
    if unit == "hours" and not usual.endswith(" hours"):
        return f"{hours:.2g} hours ({usual})" if hours < 1 else f"{hours:,.0f} hours ({usual})"
    if unit == "days" and not usual.endswith(" days"):
        return f"{hours / 24:.2g} days ({usual})"
    if unit == "minutes" and not usual.endswith(" minutes"):
        return f"{hours * 60:,.0f} minutes ({usual})"
    return usual


def token_count(n: float) -> str:
    """'400B', '1T', '50M': a token count as people write it."""
    for scale, unit in ((1e12, "T"), (1e9, "B"), (1e6, "M")):
        if n >= scale:
            return f"{n / scale:,.3g}{unit}"
    return f"{n:,.0f}"


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A Markdown table of the header and rows."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def capitalized(text: str) -> str:
    """The text with its first character in upper case, unless its first word is a name cased on purpose ('vLLM',
    'iPhone', 'mlx-lm' stays as written only when it has capitals after its first letter)."""
    first = text.split(" ", 1)[0]
    if any(c.isupper() for c in first[1:]):
        return text
    return text[:1].upper() + text[1:]


def with_details(text: str, details: str) -> str:
    """A composed draft: the short answer, then the details behind ``DETAILS_BREAK`` (if any)."""
    return f"{text}{DETAILS_BREAK}{details}" if details.strip() else text


def split_details(draft: str) -> tuple[str, str]:
    """``(text, details)`` of a composed draft.

    A composer that marks its own break (``DETAILS_BREAK``) decides; any other draft is cut after its
    first table, or after ``SHORT_PARAGRAPHS`` paragraphs of prose, so every answer is short by default.
    """
    if DETAILS_BREAK in draft:
        text, _, details = draft.partition(DETAILS_BREAK)
        return text, details
    return _cut_after_first_table(draft)


# Paragraphs of prose an answer without a table keeps before its details fold.
SHORT_PARAGRAPHS = 3


def _cut_after_first_table(draft: str) -> tuple[str, str]:
    blocks = draft.split("\n\n")
    kept: list[str] = []
    for i, block in enumerate(blocks):
        kept.append(block)
        if _is_table(block):
            break
        prose = sum(not _is_table(b) for b in kept)
        next_is_table = i + 1 < len(blocks) and _is_table(blocks[i + 1])
        if prose >= SHORT_PARAGRAPHS and not next_is_table:
            break
    return "\n\n".join(kept), "\n\n".join(blocks[len(kept) :]).strip()


def _is_table(block: str) -> bool:
    return block.lstrip().startswith("|")
