"""Memory units as people write them, in one spelling: "6 gigs", "24 gig card", "16 gigabytes", "80 GiB",
"24GBs", "12 VRAM", the French "16 Go" all become "NN gb", so every pattern that reads a memory size needs to know only that one;
and speeds after a number ("9 tokens/sec", "3 toks/s", "12 tk/s", "5 tokens a second", "40 tokens/second",
"7 t/sec") become "N tok/s" for the same reason.

Pure text rewriting; numbers are never changed (a GiB is read as a GB, the precision users write with), except
terabytes, which become their gigabytes ("1.5TB" is "1500 gb").
"""

from __future__ import annotations

import re

__all__ = ["plain_units"]

_GIGS = re.compile(
    r"\b(\d+(?:\.\d+)?)\s*(?:gigs?|gigabytes?|g ?bytes?|gibs?|gbs|g(?=\s+(?:of\s+)?(?:(?:ddr\d|lpddr\d\w?|system|cpu)\s+){0,2}(?:vram|ram|memory|mem|unified)\b))\b",
    re.I,
)


# French octets: "4Go", "16 Go de VRAM", "8 gigaoctets", "24 Gio" (not the verb: "2 go" apart is read only as "Go")
_OCTETS = re.compile(r"\b(\d+(?:\.\d+)?)(?:\s*(?:Go|Gio|gigaoctets?|gibioctets?)|go|gio)\b")


# "does it work with 12 VRAM?", "only 6 vram", "works 8vram?", "a 10gbvram card": a bare count of VRAM, or one run
# into the word, is gigabytes (no card has 12 MB or TB)
_BARE_VRAM = re.compile(r"(?<![\w.$])(\d{1,3}(?:\.\d+)?)\s*(?:gib|gb|g)?(?=vram\b)", re.I)


# a generation speed after its number, in any of the ways people write it
_SPEED = re.compile(
    r"(?<![\w.])(\d+(?:\.\d+)?)\s*(?:"
    r"t(?:ok(?:en)?s?|k)?\s*/\s*s(?:ec(?:ond)?s?)?"  # t/s, tk/s, tok/s, toks/s, token/s, tokens/sec, t/sec
    r"|tok(?:en)?s?\s+(?:per|a|an|every|each|/)\s+sec(?:ond)?s?"  # tokens per second, tokens a sec, toks per sec
    r"|tps|tok(?:en)?s?\s*p/?s"  # tps, tokens p/s
    r")(?![\w/])",
    re.I,
)


# "1.5TB of GPU memory", "2 TiB of RAM": terabytes, said in gigabytes like every other size (x1000, a TiB x1024)
_TERA = re.compile(r"\b(\d+(?:\.\d+)?)\s*(tb|tib|terabytes?)\b(?!\s*(?:/|per\b|a\b)\s*s)", re.I)  # not TB/s


def _in_gb(match: re.Match) -> str:
    gb = float(match.group(1)) * (1024 if match.group(2).lower() == "tib" else 1000)
    return f"{gb:g} gb"


def plain_units(text: str) -> str:
    """``text`` with memory sizes spelled 'NN gb' and generation speeds 'N tok/s'."""
    text = _OCTETS.sub(lambda m: f"{m.group(1)} gb", _TERA.sub(_in_gb, text))
    text = _BARE_VRAM.sub(lambda m: f"{m.group(1)} gb ", _GIGS.sub(lambda m: f"{m.group(1)} gb", text))
    return _SPEED.sub(lambda m: f"{m.group(1)} tok/s", text)
