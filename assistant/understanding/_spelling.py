"""The words that carry a question's settings as people mistype them, in one spelling, so every pattern that
reads a setting sees one: the training verbs ("funetuning", "fintune", "traning" become "finetuning",
"finetune", "training") and the words of a local run ("contxt", "conext" → "context"; "quantisized",
"quantizied" → "quantized"; "offlaod" → "offload"; "parmeters" → "parameters"; "vrma" → "vram"; "tokesn" →
"tokens"; "secnod" → "second"; "enuogh" → "enough"), the GPU line's "RXT" → "RTX", and chat shorthand for who is served ("20 ppl" → "20 people", "usrs", "ccu").

Pure text rewriting, by edit distance against one vocabulary (Damerau-Levenshtein: a letter added, dropped,
changed or two swapped). A word changes only when it starts with the same letter as the vocabulary word, is one
edit away (two for words of nine letters or more), is not itself a word people write here (``_REAL_WORDS``:
"content" and "contest" are one edit from "context", "interference" two from "inference", "trading" two from
"training"), and only one vocabulary word is that close. Words of four letters or fewer are too close to other
words for that ("ram"/"arm", "cpu"/"cup"): only a swap of two letters of "vram" or "gguf" is read.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import DamerauLevenshtein

__all__ = ["plain_spelling"]

_VOCABULARY = (
    # training verbs (not "trained": "trainer" is one edit away)
    "finetune",
    "finetunes",
    "finetuned",
    "finetuning",
    "training",
    # the words of a local run: its context, quantization, offload, speed and size
    "context",
    "quantized",  # the British "quantised" is one edit away, and is read the same
    "quantize",
    "quantization",
    "offload",
    "offloaded",
    "offloading",
    "tokens",
    "second",
    "seconds",
    "parameters",
    "gigabytes",
    "inference",
    "graphics",
    # the word a yes/no about memory turns on ("enuogh", "enogh", "enought")
    "enough",
    # the words a comparison turns on ("beter", "fatser", "cheapr")
    "better",
    "faster",
    "cheaper",
)
# real words one or two edits from a vocabulary word: never respelt
_REAL_WORDS = frozenset(
    {
        "content",
        "contents",
        "contest",
        "contexts",
        "trading",
        "tracing",
        "trainer",
        "trainers",
        "raining",
        "draining",
        "batter",
        "bitter",
        "butter",
        "bettor",
        "fasten",
        "foster",
        "fester",
        "cheater",
        "straining",
        "interference",
        "inferences",
        "quantizes",
        "quantizer",
        "quantiles",
        "parameter",
        "perimeters",
        "paramedics",
        "seconded",
        "secondly",
        "token",
        "tokenize",
        "offloads",
        "graphic",
        "gigabits",
        "influence",
        "offroad",
        "trailing",
    }
)
# short words read by exact spelling: swapped letters of "vram"/"gguf", and chat shorthand for who is served
_SHORT = {
    "vrma": "vram",
    "rvam": "vram",
    "gugf": "gguf",
    "ggfu": "gguf",
    "ppl": "people",
    "ppls": "people",
    "ppl's": "people's",
    "usrs": "users",
    "ccu": "concurrent users",
    # the GPU line's prefix with two letters swapped: "2 rxt 3090s", "RXT 4090"
    "rxt": "rtx",
    "rtz": "rtx",
}
_WORD = re.compile(r"\b[A-Za-z]{5,14}\b")
_SHORT_WORD = re.compile(r"\b(?:vrma|rvam|gugf|ggfu|ppl(?:s|'s)?|usrs|ccu|rxt|rtz)\b", re.I)


def _respelled(word: str) -> str | None:
    low = word.lower()
    if low in _VOCABULARY or low in _REAL_WORDS:
        return None
    allowed = 2 if len(low) >= 9 else 1
    close = [
        v
        for v in _VOCABULARY
        if v[0] == low[0]
        and abs(len(v) - len(low)) <= allowed
        and DamerauLevenshtein.distance(low, v, score_cutoff=allowed) <= allowed
    ]
    if not close:
        return None
    best = min(close, key=lambda v: DamerauLevenshtein.distance(low, v))
    tied = [v for v in close if DamerauLevenshtein.distance(low, v) == DamerauLevenshtein.distance(low, best)]
    return best if len(tied) == 1 else None


def plain_spelling(text: str) -> str:
    """``text`` with mistyped setting words (training verbs, context, quantized, offload, tokens…) spelt the usual
    way."""

    def fix(m: re.Match[str]) -> str:
        return _respelled(m.group()) or m.group()

    text = _SHORT_WORD.sub(lambda m: _SHORT[m.group().lower()], text)
    return _WORD.sub(fix, text)
