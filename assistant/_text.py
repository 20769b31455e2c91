"""English glue shared by every package's prose (pure): the article before a format, a card or a number."""

from __future__ import annotations

import re

__all__ = ["article"]

# letters whose spoken name starts with a vowel sound: "an F", "an H", "an M", "an RTX"
_VOWEL_SOUND_LETTERS = frozenset("aefhilmnorsx")
# words that start with a vowel letter but a consonant sound: "a unified", "a one-off", "a user"
_CONSONANT_SOUND = re.compile(r"(?:uni|use|usa|uti|eu|one\b|once\b)", re.IGNORECASE)
_LEAD = re.compile(r"[^A-Za-z0-9]*(?P<digits>\d[\d,]*)|[^A-Za-z0-9]*(?P<letters>[A-Za-z]+)(?P<more>\S*)")


def article(phrase: str) -> str:
    """'a' or 'an' as the phrase is spoken: an fp8, a bf16, an int8, an 8-bit, a 16-bit, an H100, a T4, an RTX."""
    lead = _LEAD.match(phrase)
    if lead is None:
        return "a"
    if lead["digits"]:
        return "an" if _number_sounds_vowel(lead["digits"]) else "a"
    letters = lead["letters"]
    if _spelled_out(letters, lead["more"]):
        return "an" if letters[0].lower() in _VOWEL_SOUND_LETTERS else "a"
    return "an" if letters[0].lower() in "aeiou" and not _CONSONANT_SOUND.match(letters) else "a"


def _spelled_out(letters: str, rest: str) -> bool:
    """Whether a leading letter run is read letter by letter: one letter ("H100"), no vowel ("fp8", "RTX"),
    or a short capitalised acronym ("AWQ", "TPU")."""
    if len(letters) == 1 and (rest[:1].isdigit() or rest[:1] in "-_" or not rest):
        return True
    return not re.search(r"[aeiouy]", letters, re.IGNORECASE) or (letters.isupper() and len(letters) <= 4)


def _number_sounds_vowel(digits: str) -> bool:
    """Whether a number's spoken form starts with a vowel: 8, 80, 800, 8,192, 11, 18, 11,000 (not 1,100)."""
    group = digits.split(",")[0] if "," in digits else digits[: len(digits) % 3 or 3]
    return group.startswith("8") or group in ("11", "18")
