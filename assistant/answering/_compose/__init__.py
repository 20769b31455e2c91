"""The offline answer writer: Markdown from facts and retrieved passages, no LLM needed.

The first sentence answers the question; then the numbers (a breakdown, a short table), the
assumptions and the caveats. Every number printed here comes from ``Facts`` (catalog, model
specs, sizing engine); explanations are quoted from retrieved guide passages.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...knowledge._names import compact
from ...understanding._understand import Intent
from .._facts import Facts
from ._catalog import compare_answer, price_answer, spec_answer
from ._passages import HELP_TEXT, Passage, _explain, _general_recommendation
from ._workload import workload_answer

__all__ = ["HELP_TEXT", "Passage", "compose"]


def compose(facts: Facts, passages: Sequence[Passage]) -> str:
    """The complete Markdown answer for ``facts``."""
    intent = facts.understanding.intent
    if intent is Intent.GREETING:
        return "Hi! " + HELP_TEXT
    if intent is Intent.OUT_OF_SCOPE:
        return "That is outside what I can help with. " + HELP_TEXT
    if facts.unknown_model:
        return _unknown_model(facts)
    if facts.estimate is not None:
        return workload_answer(facts, passages)
    if intent is Intent.COMPARE and len(facts.gpus) >= 2:
        return compare_answer(facts)
    if intent is Intent.PRICE and facts.gpus:
        return price_answer(facts)
    if intent is Intent.SPEC and facts.gpus:
        return spec_answer(facts)
    if intent is Intent.RECOMMEND:
        return _general_recommendation(facts, passages)
    return _explain(facts, passages)


def _unknown_model(facts: Facts) -> str:
    asked = facts.unknown_model
    variants = [m for m in facts.known_models if compact(m).startswith(compact(asked))]
    if variants:
        return (
            f"Which **{asked.title()}** do you mean? I know {', '.join(variants)}. Name the size (for example "
            f"*{variants[0]}*) and say whether you want to serve it or fine-tune it, and I will size it."
        )
    family = re.match(r"[a-z]+", asked.lower()).group()
    related = [m for m in facts.known_models if m.lower().startswith(family)]
    return (
        f"I don't have the architecture of **{asked.title()}** in my model specs, so I can't size it without "
        "guessing. Tell me its parameter count (for example *a 70B model*) and I will size it with the layout "
        "of a similar open model.\n\n"
        f"Models I do know{' from that family' if related else ''}: {', '.join(related or facts.known_models)}."
    )
