"""Several cards in the user's machine, read from the sentence (pure): a card to add ("a second 3090", "another
card"), several cards whose count is unsaid ("both cards", "multiple GPUs", "a pair of 4090s") and two cards told
by their memory alone ("one 24GB and one 16GB card", "24gb + 12gb")."""

from __future__ import annotations

import re

__all__ = ["adds_card", "card_memories", "one_card_owned", "several_cards"]

_SEVERAL = re.compile(
    r"\b(?:2|two|3|three|4|four|6|six|8|eight|dual|multiple|several)(?:\s*x\s*|\s+|-)(?:[a-z]+[- ]?)?"
    r"(?:gpus?|cards?|\d{3,4}(?:\s?ti|\s?super)?s?)\b|\b\d\s*x\s*[a-z]*\s?\d{3,4}"
    r"|\b(?:second|2nd|another|additional|extra)\s+(?:[a-z]+\s+)?(?:gpu|card|\d{3,4})"
    r"|\b\d+\s*gb?\s*\+\s*\d+\s*gb?\b|\bboth (?:gpus|cards)\b"
    r"|\bpair of (?:[a-z]+[- ]?)?(?:gpus?|cards?|\d{3,4}(?:\s?ti|\s?super)?s?)\b"
    # every card in the machine: "on all my GPUs", "all 4 of our cards", "all the gpus"
    r"|\ball\s+(?:(?:\d+|of|my|our|the|these|those)\s+){0,3}(?:gpus|cards|gpu'?s)\b"
)
_ADDS = re.compile(
    r"\b(?:second|2nd|another|additional|extra|adding)\s+(?:[a-z]+\s+)?(?:gpu|card|\d{3,4})|\badd(?:ing)? a\b"
)
_MEMORY_PAIR = re.compile(
    r"\b(?:one|an?)\s+(\d{1,3})\s*gb?\s+(?:\w+\s+)?(?:card|gpu)?\s*and\s+(?:one|an?)\s+(\d{1,3})\s*gb?\s+"
    r"(?:\w+\s+)?(?:cards?|gpus?)\b"
    r"|\b(\d{1,3})\s*gb?\s*\+\s*(\d{1,3})\s*gb?\b"
)


def several_cards(text: str) -> bool:
    """Whether the sentence puts two or more cards in the machine, counted or not ("dual 3090", "both cards")."""
    text = text.lower()
    return bool(_SEVERAL.search(text)) or bool(card_memories(text))


def adds_card(text: str) -> bool:
    """Whether the user weighs adding a card to the one they have ("a second 3090", "adding another GPU")."""
    return bool(_ADDS.search(text.lower()))


def card_memories(text: str) -> tuple[float, ...]:
    """The memory of two cards of one machine told by their sizes alone, in GB; empty when not told so."""
    m = _MEMORY_PAIR.search(text.lower())
    if not m:
        return ()
    a, b = (float(x) for x in m.groups() if x)
    return (a, b) if min(a, b) >= 4 and max(a, b) <= 192 else ()


# the user has one card, other cards named being someone else's run ("the authors used 4 V100s; I only have a single
# T4", "my machine is equipped only with a Tesla T4", "can I train it on my one GPU?")
_ONE_OWNED = re.compile(
    r"\b(?:only|just)\s+(?:have|has|had|got|own|with|equipped with)\s+(?:a\s+|an\s+|one\s+)?(?:single\s+)?"
    r"(?!(?:\d+|two|three|four|six|eight|dual|several|multiple|a pair|a couple)\b)"
    r"|\bequipped\s+only\s+with\s+(?:a\s+|an\s+|one\s+)?(?!(?:\d+|two|three|four|six|eight|dual)\b)"
    r"|\bmy\s+(?:single|one|only)\s+(?:gpu|card|graphics card)\b(?!s)"
)


def one_card_owned(text: str) -> str | None:
    """The words after the user says they have one card ("I only have a single RTX 3090 ..." -> "RTX 3090 ..."),
    "" when the one card is said without its name ("on my one GPU"), None when no one card of theirs is said."""
    m = _ONE_OWNED.search(text.lower())
    if m is None:
        return None
    return re.split(r"[.?!;,]", text[m.end() :], maxsplit=1)[0][:60] if m.group().endswith(" ") else ""
