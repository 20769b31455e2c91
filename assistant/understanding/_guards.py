"""Counts a question cannot mean: negative or zero GPUs, users or batch sizes, refused with a message (pure).

The question parser reads the digits of "-8 H100s" as 8 and drops "0 GPUs" without a word; this check
runs first and says what is wrong instead of answering a different question. GPU names come from the
catalog, so a new row is covered without touching this file.
"""

from __future__ import annotations

import re

from .._errors import InvalidQuestion
from ..knowledge._catalog import Catalog

__all__ = ["check_counts"]

# A number written with a minus sign (not a range such as "2-4"), or a zero, and the words after it.
_COUNT = re.compile(r"(?<![\w.,])(?:([-−–]\s*)(\d+(?:\.\d+)?)|(0+(?:\.0+)?)(?![.,]?\d))\s*(?:x\s*)?")
_NOUN = re.compile(
    r"(?:nvidia\s+|amd\s+)?(?:gpus?|cards?|accelerators?|chips?|devices?|nodes?|"
    r"(?:concurrent\s+|simultaneous\s+|parallel\s+)?(?:users?|requests?|sequences?|sessions?|people|customers))\b",
    re.I,
)
_BATCH = re.compile(r"batch(?:[- ]size)?\s*(?:of|=|:)?\s*$", re.I)
_AFTER = 40  # characters after the number that may name what is counted


def check_counts(question: str, catalog: Catalog) -> None:
    """InvalidQuestion when the question counts GPUs, users or a batch with a negative number or zero."""
    for match in _COUNT.finditer(question):
        after = question[match.end() : match.end() + _AFTER]
        counted = _counted(after, catalog)
        if counted is not None:
            kind, end = counted
            shown = question[match.start() : match.end() + end].strip()
        elif _BATCH.search(question[max(0, match.start() - 20) : match.start()]):
            kind = "batch size"
            shown = question[max(0, match.start() - 20) : match.end()].strip()
        else:
            continue
        if match.group(1) is not None:
            raise InvalidQuestion(
                f"'{shown}' is a negative count: the number of {kind} must be 1 or more. "
                f"Did you mean {match.group(2)}?"
            )
        raise InvalidQuestion(
            f"'{shown}' is a count of zero, and nothing runs with zero {kind}. Say how many you mean "
            "(1 or more), or leave the count out and I will work out how many are needed."
        )


def _counted(after: str, catalog: Catalog) -> tuple[str, int] | None:
    """What the words right after a number count ('GPUs', 'users', a GPU the catalog names) and where they end."""
    noun = _NOUN.match(after)
    if noun:
        return noun.group().split()[-1], noun.end()
    lowered = after.lower()
    for gpu in catalog.find_in_text(after):
        for label in sorted((gpu.name, *gpu.aliases), key=len, reverse=True):
            parts = [re.escape(part) for part in re.split(r"[\s-]+", label.lower()) if part]
            named = re.match(r"(?:nvidia\s+|amd\s+)?" + r"[\s-]*".join(parts) + r"s?\b", lowered)
            if parts and named:
                return "GPUs", named.end()
    return None
