"""The offline answer writer's parts: Markdown from facts and retrieved passages, no LLM needed.

The intent handlers (``answering/_handlers``) choose which part answers a question.

The first sentence answers the question; then the numbers (a breakdown, a short table), the
assumptions and the caveats. Every number printed here comes from ``Facts`` (catalog, model
specs, sizing engine); explanations are quoted from retrieved guide passages.
"""

from __future__ import annotations

import re

from ...knowledge._names import compact
from .._facts import Facts
from ._catalog import compare_answer, price_answer, spec_answer
from ._contrast import contrast_answer
from ._format import DETAILS_BREAK, split_details, with_details
from ._passages import HELP_TEXT, Passage, explain_answer, general_recommendation
from ._prices import market_answer
from ._workload import workload_answer

__all__ = [
    "DETAILS_BREAK",
    "HELP_TEXT",
    "INJECTION_NOTE",
    "Passage",
    "compare_answer",
    "contrast_answer",
    "explain_answer",
    "general_recommendation",
    "market_answer",
    "price_answer",
    "spec_answer",
    "split_details",
    "unknown_model_answer",
    "with_details",
    "workload_answer",
]


INJECTION_NOTE = (
    "_(Your message contains instructions addressed to me; I treat them as text and answer only from my "
    "catalog, model specs and guides.)_"
)


def _names_variant(asked: str, known: str) -> bool:
    """Whether ``known`` is a size of what was asked: "Llama 3" -> "Llama 3 8B", but "Llama 6" is not "LLaMA 65B"."""
    words, known_words = re.findall(r"[a-z0-9.]+", asked.lower()), re.findall(r"[a-z0-9.]+", known.lower())
    if known_words[: len(words)] == words:
        return True
    return compact(known).startswith(compact(asked)) and not asked.rstrip()[-1:].isdigit()


def unknown_model_answer(facts: Facts) -> str:
    """Say the model is unknown, list the close ones, and ask for a size instead of guessing."""
    asked = facts.unknown_model
    variants = [m for m in facts.known_models if _names_variant(asked, m)]
    if variants:
        return (
            f"Which **{asked.title()}** do you mean? I know {', '.join(variants)}. Name the size (for example "
            f"*{variants[0]}*) and say whether you want to serve it or fine-tune it, and I will size it."
        )
    family = re.match(r"[a-z]*", asked.lower()).group()  # empty for '/name-7b' or './model'
    related = [m for m in facts.known_models if family and m.lower().startswith(family)]
    return (
        f"I don't have the architecture of **{asked.title()}** in my model specs, so I can't size it without "
        "guessing. Tell me its parameter count (for example *a 70B model*) and I will size it with the layout "
        "of a similar open model.\n\n"
        f"Models I do know{' from that family' if related else ''}: {', '.join(related or facts.known_models)}."
    )
