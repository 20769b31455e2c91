"""Share links: URL query parameters that reproduce a conversation's first question or a Sizing input.

``?q=<question>`` asks the question when the page opens; ``?tab=sizing&model=…&task=…`` fills the Sizing
tab; ``?section=corpus/guides/<file>.md#<anchor>`` opens a guide section in the side panel. Everything read
from a link is data: the question goes through the same checks and plain-text display as a typed one, and
Sizing values that are not among the choices are dropped with a note rather than used.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlencode

__all__ = ["SIZING_FIELDS", "LinkRequest", "chat_link", "read_link", "sizing_link"]

SIZING_FIELDS = ("model", "params", "task", "precision", "context", "batch", "tokens")
MAX_LINK_VALUE_CHARS = (
    20_000  # a question over the limit is still shown with the refusal; anything longer is cut
)


@dataclass(frozen=True)
class LinkRequest:
    """What a link asks the page to show when it opens."""

    question: str = ""
    section: str = ""
    sizing: dict[str, str] = field(default_factory=dict)

    @property
    def wants_sizing(self) -> bool:
        return bool(self.sizing)


def chat_link(question: str) -> str:
    """The query string that asks ``question`` when the app opens ('' for no question)."""
    question = (question or "").strip()
    return "?" + urlencode({"q": question}) if question else ""


def _number(value) -> str | None:
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    if not math.isfinite(number):
        return None
    return f"{number:g}" if number != int(number) else str(int(number))


def sizing_link(model, params_b, task, precision, context, batch, tokens_m) -> str:
    """The query string that fills the Sizing tab with these inputs (empty ones left out)."""
    values = {
        "tab": "sizing",
        "model": model or "",
        "params": _number(params_b),
        "task": task or "",
        "precision": precision or "",
        "context": _number(context or None),  # 0 or empty: the default, left out
        "batch": _number(batch),
        "tokens": _number(tokens_m or None),
    }
    return "?" + urlencode({k: v for k, v in values.items() if v})


def read_link(params: Mapping[str, str]) -> LinkRequest:
    """The request a page's query parameters make (unknown parameters ignored)."""

    def get(name: str) -> str:
        value = params.get(name) or ""
        return value[:MAX_LINK_VALUE_CHARS] if isinstance(value, str) else ""

    sizing = {name: get(name) for name in SIZING_FIELDS if get(name)}
    if get("tab") == "sizing" and not sizing:
        sizing = {"tab": "sizing"}
    return LinkRequest(question=get("q").strip(), section=get("section").strip(), sizing=sizing)
