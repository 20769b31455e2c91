"""A project built on a language model, not on record, asked about on one card: what is known, not a spec sheet."""

from __future__ import annotations

import re

from ..._text import article
from ...sizing import load_assumptions
from .._facts import Facts
from ._format import gb
from ._non_llm import BRACKETED_TAG, LLM_SAID, REPO_SAID, REQUIREMENT_ASKED, TRAINING, reports_oom

__all__ = ["llm_project_answer"]

# the project asked about, said by reference: "run this", "does it need", "the demo"
_REFERENT = re.compile(r"\b(?:run|running|need|needs|use|uses|load|loading|train|training)\s+(?:this|it)\b")


def llm_project_answer(facts: Facts) -> str | None:
    """'How much VRAM does this need? It runs out of memory on my RTX 3080 [a multimodal LLM project]': nothing of
    the project is on record, so no figure for it — what the error says about the card, and what a language model's
    weights take at the usual sizes and formats, with what to tell for an exact answer. None when not asked so."""
    details = facts.understanding.details
    question = facts.understanding.question
    text = question.lower()
    gpus = facts.gpus
    if len(gpus) != 1 or details.has_workload or details.unknown_model or not LLM_SAID.search(text):
        return None
    if TRAINING.search(text) or not (REQUIREMENT_ASKED.search(text) or reports_oom(question)):
        return None  # a training run, or no memory asked: other answers know more
    if not (REPO_SAID.search(text) or BRACKETED_TAG.search(question) or _REFERENT.search(text)):
        return None
    gpu = gpus[0]
    a = load_assumptions()
    wide = a.bytes_per_param("bf16")
    weights = ", ".join(
        f"{article(str(b))} {b}B about {gb(b * wide)}" for b in a["llm_project_sizes_b"].value
    )
    error = (
        f"It ran out of memory on your {gpu.name}, so as you ran it it needs more than the card's "
        f"{gpu.memory_gb:g} GB. "
        if reports_oom(question)
        else ""
    )
    lead = (
        f"**I can't say yes or no** for the {gpu.name}: I have no figure on record for this project."
        if details.yes_no and not error
        else "I have no figure on record for this project, so I can't give its exact memory."
    )
    return (
        f"{lead} {error}For a project built "
        f"on a language model, the model's weights set the floor: {wide:g} bytes per parameter in 16-bit ({weights}), "
        "half that in 8-bit and about a quarter in 4-bit; the KV cache for its context, a vision encoder and any "
        "second model it loads (a detector, a judge) come on top. Loading the language model in 8-bit or 4-bit "
        "(`load_in_8bit` / `load_in_4bit`) is the usual way to fit such a project on a smaller card. Tell me the "
        f"model it builds on (or its size) and I will size it on the {gpu.name}."
    )
