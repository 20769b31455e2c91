"""A memory requirement the question itself quotes ("the paper's 24GB VRAM requirement", "the README says it needs 16 GB").

For a model nothing is on record for, the figure its own README or paper states, quoted by the user, is a better
answer than another model's measurement: the answer weighs the user's card against it, saying whose figure it is.
"""

from __future__ import annotations

import re

__all__ = ["quoted_requirement_gb"]

_GB = r"(\d+(?:\.\d+)?)\s*(?:gb|gib|gigs?|g)\b"
_VRAM = r"(?:\s+(?:of\s+)?(?:v-?ram|gpu memory|video memory|gpu ram|memory))?"
# the figure followed by a requirement word: "the 20GB VRAM requirement", "24 GB of VRAM required", "16gb minimum"
_BEFORE_WORD = re.compile(
    _GB + _VRAM + r"\s+(?:is\s+|are\s+)?(?:requirements?|required|minimum|min\.?|recommended|needed)\b"
)
# a requirement word, then the figure: "requirement of 24 GB", "minimum of 16GB", "recommended 24GB VRAM"
_AFTER_WORD = re.compile(
    r"\b(?:requirements?|minimum|recommended|recommendation)\s+(?:is\s+|of\s+|says\s+|being\s+)?"
    r"(?:at\s+least\s+|about\s+|around\s+|~\s*)?" + _GB
)
# a source said to state it: "the README says it needs 16GB", "the paper states 24 GB", "it lists 12 GB",
# "they say it requires at least 40GB", "it requires 24GB" (a statement, not "does it require 24GB?")
_SOURCE_SAYS = re.compile(
    r"\b(?:readme|paper|docs?|documentation|repo(?:sitory)?|model card|page|authors?|they|it|the model|the project"
    r"|github)\s+(?:says?|states?|lists?|mentions?|claims?|recommends?|suggests?|requires?|needs?)\s+"
    r"(?:that\s+)?(?:it\s+|you\s+)?(?:needs?\s+|requires?\s+|need\s+)?(?:at\s+least\s+|about\s+|around\s+|~\s*)?"
    + _GB
)
# "does it require 24GB?", "do I need 16 GB": a figure asked about, not quoted
_ASKED = re.compile(r"\b(?:does|do|will|would|is|should)\s+(?:it|i|this|the model|you)(?:\s+really)?\s*$")


def quoted_requirement_gb(text: str) -> float | None:
    """The GPU memory requirement (GB) ``text`` quotes from the model's own README, paper or docs, or None: the
    figure said with a requirement word ("the 20GB VRAM requirement", "minimum of 16GB", "24 GB recommended") or
    attributed to a source ("the README says it needs 16 GB", "it requires 24GB"). A figure the user asks about
    ("does it require 24GB?") is no quote; sizes above 2,000 GB are no GPU memory."""
    t = text.lower()
    for pattern in (_BEFORE_WORD, _AFTER_WORD, _SOURCE_SAYS):
        for m in pattern.finditer(t):
            if _ASKED.search(t[max(0, m.start() - 30) : m.start()] + _lead_of(t, m)):
                continue
            value = float(m.group(1))
            if 0 < value <= 2000:
                return value
    return None


def _lead_of(text: str, match: re.Match[str]) -> str:
    """The words of a 'says / requires' match before its number (for the asked-about check)."""
    head = text[match.start() : match.start(1)]
    return re.split(r"\s+(?:need|needs|require|requires)\b", head)[0]
