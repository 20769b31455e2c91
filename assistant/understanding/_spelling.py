"""The training verbs as people mistype them, in one spelling: "funetuning", "fintune", "finetuing",
"traning", "trainning" become "finetuning", "finetune", "finetuning", "training", "training", so every
pattern that reads a fine-tune (``\\bfinetun``, ``\\btrain``) sees one.

Pure text rewriting: only a word one edit (a letter added, dropped, changed or two swapped) away from one of
these spellings, and not itself a word people write here ("trading", "tracing" are two edits away), changes.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import DamerauLevenshtein

__all__ = ["plain_spelling"]

_SPELLINGS = (
    "finetune",
    "finetunes",
    "finetuned",
    "finetuning",
    "training",
)  # not "trained": "trainer" is one edit away
_WORD = re.compile(r"\b[A-Za-z]{6,12}\b")


def _respelled(word: str) -> str | None:
    low = word.lower()
    if low in _SPELLINGS or low[0] not in "ft":
        return None
    best = min(_SPELLINGS, key=lambda s: DamerauLevenshtein.distance(low, s))
    return best if DamerauLevenshtein.distance(low, best) == 1 else None


def plain_spelling(text: str) -> str:
    """``text`` with mistyped fine-tuning and training verbs spelled the usual way."""

    def fix(m: re.Match[str]) -> str:
        return _respelled(m.group()) or m.group()

    return _WORD.sub(fix, text)
