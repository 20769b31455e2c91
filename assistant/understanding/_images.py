"""Images sent with each request to a vision-language model: how many, and how large ("4 screenshots per request",
"1080p images", "a 1920x1080 photo each"), so their visual tokens can be added to the sequence."""

from __future__ import annotations

import re

from ._number_words import UNITS

__all__ = ["read_images"]

_COUNT = r"(\d{1,3}|" + "|".join(sorted(UNITS, key=len, reverse=True)) + r"|an?|one)"
_IMAGE_WORD = r"(?:images?|screenshots?|photos?|pictures?|pics?|scans?|pages?|frames?)"
# "4 images per request", "two screenshots each", "an image per prompt", "3 images in every request"
_PER_REQUEST = re.compile(
    rf"\b{_COUNT}\s+(?:\w+\s+){{0,2}}?{_IMAGE_WORD}\s+(?:per|each|in each|in every|with each|for each|a|/)"
    r"(?!\s*s(?:ec(?:ond)?s?)?\b)\s*"  # not a frame rate ("30 frames per second", "24 frames/s")
    r"(?:request|prompt|query|call|message|turn|conversation|chat|user|(?:training\s+)?(?:sample|example|item)|"
    r"video|clip)?\b"
)
# a video-language model's frames sampled from each clip: "8 frames", "16 video frames" (not a frame rate: "30 frames
# per second", "24 frames/s"); each frame is an image to the vision encoder
_FRAMES = re.compile(rf"\b{_COUNT}\s+(?:video\s+)?frames\b(?!\s*(?:per\s+sec|a\s+sec|/\s*s))")
# "1920x1080", "1024 x 768", "1080p", "720p", "4k"
_PIXELS = re.compile(r"\b(\d{3,4})\s*[x×*]\s*(\d{3,4})\b")
_LINES = {
    "480p": (854, 480),
    "720p": (1280, 720),
    "1080p": (1920, 1080),
    "1440p": (2560, 1440),
    "2160p": (3840, 2160),
}
_NAMED = re.compile(r"\b(480p|720p|1080p|1440p|2160p|4k)\b")


def read_images(text: str) -> tuple[int | None, tuple[int, int] | None]:
    """(images per request, (width, height)) as ``text`` (lower-cased) says them, each None when unsaid."""
    count = None
    if hit := _PER_REQUEST.search(text) or _FRAMES.search(text):
        word = hit.group(1)
        count = int(word) if word.isdigit() else 1 if word in ("a", "an", "one") else UNITS.get(word)
    size = None
    if hit := _PIXELS.search(text):
        size = (int(hit.group(1)), int(hit.group(2)))
    elif hit := _NAMED.search(text):
        size = (3840, 2160) if hit.group(1) == "4k" else _LINES[hit.group(1)]
    return (count or None), size
