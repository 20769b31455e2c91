"""A size the user claims for the model itself, checked against parameters x bytes per parameter: "why can't I run
a 13b model in fp16 when it's only 13 GB?" is owed "in fp16 each parameter takes 2 bytes: 13B x 2 = 26 GB of
weights" before the verdict."""

from __future__ import annotations

import re

from ..sizing import load_assumptions
from ._compose._format import capitalized
from ._facts import Facts

__all__ = ["claimed_model_gb", "correct_size_claim"]

# "it's only 13 GB", "a 7b model in fp16 is 7 GB", "llama 3 8b is 8gb", "weighs 4 GB": said of the model
_SUBJECT = r"(?:(?:\d+(?:\.\d+)?\s*b|model|weights)(?:\s+(?:in|at)\s+[\w-]+)?)"
_CLAIM = re.compile(
    r"(?:\b(?:it'?s|it is|weighs)\s+|\b" + _SUBJECT + r"\s+(?:is|are)\s+|\b" + _SUBJECT + r"\s+(?=only|just))"
    r"(?:only\s+|just\s+|about\s+|around\s+|roughly\s+|~)?(\d+(?:\.\d+)?)\s*(?:gb|gib)\b"
)


# "my 3090, it's 24 GB", "the card is 16 GB": the figure said of the card
_CARD_BEFORE = re.compile(
    r"\b(?:gpu|card|vram|rtx|gtx|\d{4}(?:\s*ti)?|a\d{2,3}|h\d{3}|l4|t4)\W*(?:it'?s|it is|is)\s+(?:only\s+|just\s+)?\d"
)


def claimed_model_gb(question: str) -> float | None:
    """The size the question claims for the model, in GB, if it claims one."""
    m = _CLAIM.search(question.lower())
    return float(m.group(1)) if m else None


def correct_size_claim(draft: str, facts: Facts) -> str:
    """``draft`` led by the weights' real size when the question claims the model is well under it (a 16-bit
    model taken at one byte per parameter); else unchanged."""
    work = facts.workload
    claimed = claimed_model_gb(facts.understanding.question)
    if claimed is None or work is None or not work.params:
        return draft
    details = facts.understanding.details
    cards = {g.memory_gb for g in facts.gpus if g.name in details.gpus} | {details.stated_memory_gb}
    if claimed in cards or _CARD_BEFORE.search(facts.understanding.question.lower()):
        return draft  # "I have a 3090, it's 24 GB": the card's memory, not a size claimed for the model
    per = load_assumptions().bytes_per_param(work.precision)
    weights = work.params * per / 1e9
    if claimed >= 0.8 * weights:
        return draft
    billions = work.params / 1e9
    return (
        f"**{capitalized(work.model_label)} is about {weights:,.1f} GB in {work.precision}, not {claimed:g} GB**: each parameter "
        f"takes {per:g} bytes ({billions:,.1f}B x {per:g}), before the KV cache and the framework's share.\n\n{draft}"
    )
