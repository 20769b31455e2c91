"""Speculative decoding's draft model: "Llama 3.2 1B as the draft for Llama 3.1 70B", "a 0.5B draft" (pure).

The draft is a second, smaller model every serving GPU holds beside the target: its weights and its own KV cache
are extra memory. It is named next to a draft word ("draft", "--speculative-model", "assistant model") and is the
smaller of the models named; told only by its size ("a 1B draft model"), its shape is the nearest open model's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..knowledge._models import ModelSpecs
from ..sizing import shape_for

__all__ = ["Draft", "read_draft"]

_DRAFT_WORD = re.compile(
    r"\bdraft(?:ing|ers?)?(?:[-_ ]models?)?s?\b|--speculative[-_]model|\bspeculative[-_ ]model\b|\bassistant[-_ ]model\b"
)
_SIZE_NEAR = re.compile(r"(\d+(?:\.\d+)?)\s*([bm])\b")


@dataclass(frozen=True)
class Draft:
    """The draft model as read: its catalog name (None when told by size), parameters and KV values per token."""

    name: str | None
    params: float
    kv_values_per_token: int


def read_draft(question: str, models: ModelSpecs) -> Draft | None:
    """The draft model a speculative-decoding question names next to a draft word, else None."""
    low = question.lower()
    word = _DRAFT_WORD.search(low)
    if word is None:
        return None
    start, end = max(0, word.start() - 50), word.end() + 50
    near = models.find_in_text(question[start:end])
    named = models.find_in_text(question)
    if near and len(named) >= 2:
        draft = min(near, key=lambda m: m.params)
        if draft.params < max(m.params for m in named):
            return Draft(draft.name, draft.params, draft.kv_values_per_token)
    sizes = [m for m in _SIZE_NEAR.finditer(low[start:end])]
    if sizes:
        closest = min(sizes, key=lambda m: abs(start + m.start() - word.start()))
        params = float(closest.group(1)) * (1e9 if closest.group(2) == "b" else 1e6)
        biggest = max((m.params for m in named), default=None)
        if 5e7 <= params <= 4e10 and (biggest is None or params < biggest):
            return Draft(None, params, shape_for(params, models).kv_values_per_token)
    return None
