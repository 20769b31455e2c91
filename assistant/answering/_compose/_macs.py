"""The Macs a question names by their memory but not their chip ("my 16GB MacBook Air")."""

from __future__ import annotations

import re

from ...knowledge import load_catalog
from ...sizing import Task
from .._facts import Facts

__all__ = ["MAC_WORDS", "macs_by_memory", "on_a_mac"]

MAC_WORDS = re.compile(r"\bmac(?:book(?:\s*(?:pro|air))?|\s*studio|\s*mini|\s*pro)?s?\b|\bapple silicon\b")


# the chips each Mac line is sold with
_MAC_CHIPS = (
    ("studio", r"\b(?:Max|Ultra)\b"),
    ("air", r"^M\d \d"),
    ("mini", r"^M\d (?:Pro )?\d"),
    ("macbook pro", r"\b(?:Pro|Max)\b|^M\d \d"),
)


def macs_by_memory(facts: Facts) -> list:
    """The catalog's Macs a question names by memory but not chip ("my 16GB MacBook Air"), narrowed by the Mac
    line; [] when no Mac is meant, a card is named, or the run is neither inference nor training."""
    details = facts.understanding.details
    question = facts.understanding.question.lower()
    work = facts.workload
    if details.gpus or details.ram_gb or not (work.task.is_training or work.task is Task.INFERENCE):
        return []
    if not MAC_WORDS.search(question):
        return []
    macs = [g for g in load_catalog() if g.vendor == "Apple" and g.memory_gb == details.stated_memory_gb]
    family = next((chips for word, chips in _MAC_CHIPS if word in question), None)
    if family and any(re.search(family, g.name) for g in macs):  # a Mac Studio has a Max or Ultra chip
        macs = [g for g in macs if re.search(family, g.name)]
    return macs


def on_a_mac(facts: Facts) -> bool:
    """The user's machine is a Mac: the only hardware named is Apple's, or a Mac told by its memory."""
    gpus = facts.understanding.details.gpus
    if gpus:
        apple = {g.name for g in load_catalog() if g.vendor == "Apple"}
        return all(name in apple for name in gpus)
    return bool(macs_by_memory(facts))
