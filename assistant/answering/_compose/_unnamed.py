"""A fit asked with nothing named to fit ("available for low VRAM? 8gb cards?", "does it work on 6 GB ones?"): which
model or tool it is decides the answer, so the answer asks for it and says what decides it, rather than quoting a
guide picked for the question's other words (pure)."""

from __future__ import annotations

import re

from ...knowledge._workloads import kind_in_text
from .._facts import Facts
from ._non_llm import LLM_SAID, REPO_SAID, names_project

__all__ = ["unnamed_fit_answer"]

# a memory size or a class of low-memory card: "8gb cards", "6 GB ones", "low VRAM", "lower-end cards"
_MEMORY_CLASS = re.compile(
    r"\b(\d+(?:\.\d+)?)\s*(?:gb|gib|g)\b|\blow(?:er)?[- ]?(?:v-?ram|memory|end)\b|\b(?:budget|cheap|weak|older) (?:gpus?|cards?)\b"
)
# whether it runs, fits or is available there
_FIT_WORDS = re.compile(
    r"\bavailab\w*|\bwork\w*|\brun\w*|\bsupport\w*|\bfit\w*|\bpossible\b|\benough\b|\busable\b|\bcompatib\w*|\bok\b"
)
# a subject other than the unnamed one: a vendor, a platform, a cloud, a price ("alternatives to NVIDIA")
_OTHER_SUBJECT = re.compile(
    r"\balternatives?\b|\bvendors?\b|\bcloud\b|\bprice\b|\bcost\b|\brent\w*|\bbuy\w*|\bnvidia\b|\bamd\b|\bintel\b"
)


def unnamed_fit_answer(facts: Facts) -> str | None:
    """The answer to a fit asked of a memory size or low-memory cards with no model, tool, kind of work or release
    named; None when the question names one or asks something else."""
    u = facts.understanding
    d = u.details
    if d.has_workload or d.model or d.params or d.unknown_model or d.gpus or d.software or facts.gpus:
        return None
    text = u.question.lower()
    memory = _MEMORY_CLASS.search(text)
    if memory is None or not (d.yes_no or _FIT_WORDS.search(text)) or _OTHER_SUBJECT.search(text):
        return None
    if LLM_SAID.search(text) or kind_in_text(text) is not None:
        return None
    if REPO_SAID.search(text) or names_project(u.question):
        return None
    size = next((m.group(1) for m in _MEMORY_CLASS.finditer(text) if m.group(1)), None)
    where = f"{size} GB" if size else "a low-memory card"
    return (
        f"It depends on what you want to run on {where}, and you haven't named it: which model or tool is it? "
        "What decides it: the model's weights (its parameter count x 2 bytes in fp16, about a quarter of that in "
        "4-bit), plus what the run adds on top (activations for image, video or audio work, which grow with the "
        "resolution, frames or length; the KV cache for a language model's context), and the memory savers its "
        "tool offers (CPU offload, quantized weights, tiled decoding), each trading speed. Name it and I will check "
        f"it against {where}."
    )
