"""How long each training example is, when a turn says it on its own ("each example is about 800 tokens", "my
samples are around 300 tokens", "they're ~1.5k tokens each", "sample size is probably 5-6 hundred tokens"): the
tokens per example, a range read at its middle. Pure text reading."""

from __future__ import annotations

import re

__all__ = ["example_length"]

_NUMBER = r"(\d+(?:\.\d+)?)(?:\s*(?:-|–|to)\s*(\d+(?:\.\d+)?))?\s*(k|hundred|thousand)?"
_CUE = (
    r"(?:avg|average|mean|typical|median|each|per (?:sample|example|row|conversation)|"
    r"(?:samples?|examples?|rows?|conversations?|documents?|sequences?)(?: (?:size|length)s?)? (?:is|are|'re)|"
    r"they(?: are|'re| re)|(?:size|length)s?(?: is| are)?)"
)
_CUED = re.compile(_CUE + r"\b[^.?!\d]{0,25}?" + _NUMBER + r"\s*tokens?\b", re.I)
_TRAILED = re.compile(
    _NUMBER + r"\s*tokens?\s*(?:each|per (?:sample|example|row|conversation)|on average|avg|long)\b", re.I
)
# a turn that is only a token count: "~800 tokens", "about 1k tokens?"
_BARE = re.compile(
    r"^\W*(?:about|around|roughly|~|approx(?:imately)?\.?)?\s*" + _NUMBER + r"\s*tokens?\W*$", re.I
)
_FACTOR = {"k": 1e3, "thousand": 1e3, "hundred": 1e2}
_LONGEST = 1_048_576  # more than any model's context: a dataset's size, not one example's


def example_length(text: str) -> float | None:
    """Tokens per training example said in ``text`` (the middle of a range), else None."""
    m = _CUED.search(text) or _TRAILED.search(text) or _BARE.search(text)
    if m is None:
        return None
    low, high, unit = m.group(1), m.group(2), m.group(3)
    value = (float(low) + float(high)) / 2 if high else float(low)
    value *= _FACTOR.get((unit or "").lower(), 1.0)
    return value if 1 <= value <= _LONGEST else None
