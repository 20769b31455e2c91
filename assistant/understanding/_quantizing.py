"""Whether quantizing is asked as a necessity ("do I need to quantize it to run on an A10?", "does it have to be
quantized to fit a 4090?", "only after quantization will I be able to run it?", "is quantization required?"): the
model is then weighed as it ships, and the answer is whether the 16-bit weights fit, not a fit in 4-bit (pure)."""

from __future__ import annotations

import re

__all__ = ["QUANTIZING_NEEDED", "asks_if_quantizing_needed"]

# an alternative (leading "|") to join onto a pattern that asks for a named format as a remedy
QUANTIZING_NEEDED = (
    r"|\b(?:do|would|will|should|must)\s+(?:i|we|you)\s+(?:really\s+|absolutely\s+)?(?:need\s+to|have\s+to)\s+"
    r"quanti[sz]e\b"
    r"|\b(?:has|have|need|needs|must)\s+(?:to\s+)?be\s+quanti[sz]ed\b"
    r"|\bonly\b[^.?!]{0,50}?\b(?:after|once|if|when)\s+(?:i\s+|we\s+|you\s+)?(?:have\s+)?quanti[sz]\w*"
    # "only after applying some weight optimizations (e.g. quantization) will I…", "only once I apply quantization"
    r"|\bonly\b[^.?!]{0,50}?\b(?:after|once|if|when)\s+(?:i\s+|we\s+|you\s+)?(?:apply(?:ing)?|do(?:ing)?|us(?:e|ing))\b"
    r"(?:[^.?!]|\.(?=\w)|(?<=\be\.g)\.|(?<=\bi\.e)\.){0,60}?\bquanti[sz]\w*"
    r"|\bis\s+quanti[sz]ation\s+(?:really\s+|even\s+|absolutely\s+)?(?:needed|necessary|required|a must)\b"
    r"|\b(?:need|needs|require|requires)\s+quanti[sz]ation\b"
    r"|\bwithout\s+quanti[sz]\w*[^.?!]{0,40}?\b(?:possible|run|fit|work|load)\b[^.?!]*\?"
)
_ASKED = re.compile(QUANTIZING_NEEDED[1:])


def asks_if_quantizing_needed(text: str) -> bool:
    """Whether ``text`` (lower case) asks whether the model must be quantized to run on the hardware said."""
    return bool(_ASKED.search(text))
