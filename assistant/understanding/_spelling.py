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
    # the words a question's ask turns on: a duration or a count of examples ("how lnog would 10k exmaples take"),
    # a memory figure ("memroy"), a month's bill ("mnoth"), a comparison ("comapre", "diffrence"), the cheapest or
    # the fastest ("cheapset"), who is served ("concurent"), the training verb ("trian") and its data ("sampels",
    # "epcohs", "datset")
    "train",
    "examples",
    "example",
    "samples",
    "sample",
    "epochs",
    "dataset",
    "datasets",
    "memory",
    "month",
    "months",
    "monthly",
    "minutes",
    "compare",
    "comparison",
    "difference",
    "recommend",
    "cheapest",
    "fastest",
    "concurrent",
    "concurrency",
    "requests",
    "throughput",
    "latency",
    "budget",
    "serving",
    "users",
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
        "trail",
        "trait",
        "trains",
        "sampled",
        "sampler",
        "examined",
        "mouth",
        "mouths",
        "compered",
        "compares",
        "compared",
        "different",
        "deference",
        "recommends",
        "concurrence",
        "request",
        "budged",
        "budgets",
        "servings",
        "swerving",
        "curving",
        "latent",
        "epoch",
        "minute",
        "minuses",
        "uses",
        "usher",
        "ushers",
        "user",
        "cheapen",
        "fattest",
        "simple",
        "simples",
        "recommended",
        "recommender",
        "datasheet",
        "datasheets",
        "differences",
        "comparisons",
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
# the short words a question's ask turns on, read with two neighbouring letters swapped ("how lnog", "how mcuh",
# "qlroa"): only a swap, and never one that spells another word ("cots", "fats", "fist")
_SWAPPED_KEYS = (
    "long",
    "much",
    "many",
    "cost",
    "time",
    "fast",
    "hour",
    "hours",
    "days",
    "gpus",
    "lora",
    "qlora",
    "rent",
    "price",
    "cheap",
    "cache",  # "kv cahce"
)
_SWAP_REAL = frozenset({"cots", "fats", "fist", "mayn", "hoursr"})


def _swaps(word: str) -> tuple[str, ...]:
    return tuple(word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1))


_SWAPPED = {
    swap: key
    for key in _SWAPPED_KEYS
    for swap in _swaps(key)
    if swap != key and swap not in _SWAP_REAL and swap not in _SWAPPED_KEYS
}
_SWAPPED_WORD = re.compile(r"\b(?:" + "|".join(sorted(_SWAPPED, key=len, reverse=True)) + r")\b", re.I)
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


# a card's number run into the maker or the word after it: "a 3090nvidia graphics card", "my 4070gpu"
_GLUED_CARD = re.compile(r"\b(\d{3,4}(?:ti)?)(nvidia|geforce|graphics|gpu|card)\b", re.I)


def plain_spelling(text: str) -> str:
    """``text`` with mistyped setting words (training verbs, context, quantized, offload, tokens…) spelt the usual
    way, and a card's number run into the next word set apart."""

    def fix(m: re.Match[str]) -> str:
        return _respelled(m.group()) or m.group()

    text = _GLUED_CARD.sub(r"\1 \2", text)
    text = _SHORT_WORD.sub(lambda m: _SHORT[m.group().lower()], text)
    text = _SWAPPED_WORD.sub(lambda m: _SWAPPED[m.group().lower()], text)
    return _WORD.sub(fix, text)
