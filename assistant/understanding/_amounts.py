"""Amounts of non-LLM work in a question ("100 hours of audio", "2 million documents", "five thousand images") and
whether a speed is asked ("images per minute", "how fast", "real-time factor")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._number_words import TENS, UNITS

__all__ = ["WorkAmount", "asks_live", "asks_rate", "work_amount"]


@dataclass(frozen=True)
class WorkAmount:
    """How much work the question brings, in the unit a measured rate counts (see ``RateUnit``)."""

    quantity: float  # seconds of audio, images or texts
    unit: str  # "seconds of audio" | "images" | "texts"
    phrase: str  # the words it was read from, as written


_SCALE = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mil": 1e6,
    "million": 1e6,
    "b": 1e9,
    "billion": 1e9,
}
# a count, not a version or model size glued to a name ("sd 1.5", "v2", "3.5 large") nor a GeForce card's number
# ("can a 12gb 3060 run photo animation": 1050-5090, the x0[5-9]0 numbers, are cards, not 3,060 photos)
_NUM = (
    r"(?<![\w.])(?<!sd )(?<!sdxl )(?<!v)(?![1-5]0[5-9]0\b)(\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)\s*"
    r"(k|thousand|m|mn|mil|million|b|billion)?"
)
# words that may sit between a count and what it counts ("5,000 product images"), never a rate's "per" or a time
_FILLER = r"(?:(?!per\b|a\b|an\b|each\b|seconds?\b|secs?\b|minutes?\b|mins?\b|hours?\b|s\b)[\w'-]+\s+){0,2}?"
_AUDIO_WORDS = (
    r"audio|recordings?|speech|podcasts?|calls?|videos?|lectures?|meetings?|interviews?|files?|content|footage|"
    r"voice|sound|episodes?|mp3s?|wavs?|tapes?|sermons?|hearings?|shows?"
)
_AUDIO = re.compile(
    _NUM + r"\s*(hours?|hrs?|h|minutes?|mins?)\b(?:\s+(?:of|worth\s+of))?\s+(?:[\w'-]+\s+){0,2}?"
    r"(?:" + _AUDIO_WORDS + r")\b"
)
# "a 1h19min video", "2 hours 30 minutes of audio", "1 hr and 5 mins of recordings"
_AUDIO_HM = re.compile(
    r"(\d+)\s*(?:hours?|hrs?|h)\s*(?:and\s+)?(\d+)\s*(?:minutes?|mins?|m)\b(?:\s+(?:of|worth\s+of))?\s+"
    r"(?:[\w'-]+\s+){0,2}?(?:" + _AUDIO_WORDS + r")\b"
)
# "transcribe 500 hours", "transcribing about 2,000 hrs a month"
_TRANSCRIBE = re.compile(
    r"\b(?:transcri\w*|process\w*|caption\w*|subtitl\w*)\s+(?:about\s+|around\s+|roughly\s+|~\s*)?"
    + _NUM
    + r"\s*(hours?|hrs?|h|minutes?|mins?)\b"
)
# "a 5B image-to-video model", "300M text-to-speech": a model's size before the kind it is named for, not an amount
_NOT_A_KIND = r"(?![- ]?(?:to|2)[- ])"
# "8 images at once", "4 pics in one batch": the batch generated together, not an amount of work to time
_NOT_A_BATCH = (
    r"(?!\s+(?:at once|at a time|in (?:one|1|a|a single|the same) batch|per (?:batch|call)|simultaneously))"
)
_TEXTS = re.compile(
    _NUM + r"\s+" + _FILLER + r"(?:documents?|docs|sentences|chunks|passages|records|texts|paragraphs|pages|"
    r"articles|embeddings|vectors|rows|items|products|tweets|reviews|emails|pdfs|queries|strings)\b"
    + _NOT_A_KIND
)
_IMAGES = re.compile(
    _NUM + r"\s+" + _FILLER + r"(?:images?|pictures?|pics|photos?|renders?|portraits?|avatars?|thumbnails?|"
    r"illustrations?|wallpapers?|product shots?)\b" + _NOT_A_KIND + _NOT_A_BATCH
)
_SECONDS = {"h": 3600, "m": 60}

# "one thousand", "a hundred", "fifty", "twenty-five", "ten thousand" -> digits, so the patterns above read them
_WORD_UNITS = {**UNITS, **TENS, "a": 1, "an": 1}
_WORD_NUMBER = re.compile(
    r"\b(?:(" + "|".join(sorted(TENS, key=len, reverse=True)) + r")[\s-]+(" + "|".join(UNITS) + r")"
    r"|(" + "|".join(sorted(_WORD_UNITS, key=len, reverse=True)) + r"))"
    r"(?:\s+(hundred))?(?:\s+(thousand|million|billion))?\b"
)


def _digits(text: str) -> str:
    def one(m: re.Match[str]) -> str:
        value = TENS[m.group(1)] + UNITS[m.group(2)] if m.group(1) else _WORD_UNITS[m.group(3)]
        if not (m.group(4) or m.group(5)) and m.group(3) in ("a", "an"):
            return m.group(0)  # "a" and "an" count only before "hundred" / "thousand"
        if m.group(4):
            value *= 100
        scale = m.group(5)
        return f"{value} {scale}" if scale else str(value)

    return _WORD_NUMBER.sub(one, text)


def _quantity(number: str, scale: str | None) -> float | None:
    digits = (
        number.replace(",", "") if re.fullmatch(r"\d{1,3}(?:,\d{3})+", number) else number.replace(",", ".")
    )
    try:
        value = float(digits)
    except ValueError:
        return None
    return value * _SCALE.get((scale or "").lower(), 1.0)


# "an hour of audio", "a minute of speech", "half an hour of recordings": one unit said with the article
_ONE_UNIT = re.compile(r"\ban? (hour|minute)(?=\s+(?:of|worth)\b)")
_HALF_HOUR = re.compile(r"\bhalf an hour\b|\ba half hour\b")


def work_amount(text: str) -> WorkAmount | None:
    """The first amount of audio, images or texts the question brings, or None."""
    lowered = _ONE_UNIT.sub(r"1 \1", _HALF_HOUR.sub("30 minutes", _digits(text.lower())))
    m = _AUDIO_HM.search(lowered)
    if m:
        seconds = int(m.group(1)) * 3600 + int(m.group(2)) * 60
        return WorkAmount(float(seconds), "seconds of audio", m.group(0).strip())
    for pattern in (_AUDIO, _TRANSCRIBE):
        m = pattern.search(lowered)
        if m:
            quantity = _quantity(m.group(1), m.group(2))
            if quantity:
                return WorkAmount(quantity * _SECONDS[m.group(3)[0]], "seconds of audio", m.group(0).strip())
    for pattern, unit in ((_IMAGES, "images"), (_TEXTS, "texts")):
        m = pattern.search(lowered)
        if m:
            quantity = _quantity(m.group(1), m.group(2))
            # a count of images or texts is whole unless scaled ("1.5 million"): "1.5 images" is a version number
            if quantity and (m.group(2) or quantity.is_integer()):
                return WorkAmount(quantity, unit, m.group(0).strip())
    return None


# "can it transcribe in real time?", "will it keep up with live audio?", "face recognition at camera speed?"
_LIVE = (
    r"\breal[- ]?time\b|\bkeep up\b|\blive (?:audio|stream|transcri\w*|caption\w*|video|feed|camera|webcam)"
    r"|\bcamera (?:speed|frame ?rate)\b"
)
_LIVE_SAID = re.compile(_LIVE)


def asks_live(text: str) -> bool:
    """The question asks whether the work keeps up with a live input (audio or a camera) as it arrives."""
    return bool(_LIVE_SAID.search(text.lower()))


_RATE = re.compile(
    _LIVE + r"|\b(?:images?|pics?|pictures?|photos?|generations?|renders?)\s*(?:per|a|an|/|each)\s*"
    r"(?:second|sec|minute|min|hour|hr)\b|\bit/s\b|\bits/s\b|\bs/it\b"
    r"|\biterations? per second\b|\bseconds? (?:per|for (?:one|an?|each)) (?:[\w.-]+ ){0,2}?(?:image|picture|generation)\b"
    r"|\b(?:pairs|queries|passages|chunks|vectors|clips) (?:per|a|/) ?(?:second|sec)\b"
    r"|\bper image\b|\bhow fast\b|\bhow quick(?:ly)?\b|\breal[- ]?time factor\b|\brtf\b|\bx real[- ]?time\b"
    r"|\bthroughput\b|\bhow many (?:images|pics|pictures|photos|sentences|documents|docs|texts)\b"
    r"|\b(?:sentences|documents|docs|texts|embeddings) (?:per|a|/) ?(?:second|sec|minute|min|hour)\b"
    r"|\bgeneration (?:speed|time)\b|\bimage speed\b"
    r"|\bfps\b|\bframes? (?:per|a|/) ?(?:second|sec)\b|\bframe ?rate\b"
)


def asks_rate(text: str) -> bool:
    """The question asks how fast the work goes (images per minute, it/s, a real-time factor, throughput)."""
    return bool(_RATE.search(text.lower()))
