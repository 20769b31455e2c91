"""Memory units as people write them, in one spelling: "6 gigs", "24 gig card", "16 gigabytes", "80 GiB",
"24GBs", "12 VRAM" all become "NN gb", so every pattern that reads a memory size needs to know only that one.

Pure text rewriting; numbers are never changed (a GiB is read as a GB, the precision users write with).
"""

from __future__ import annotations

import re

__all__ = ["plain_units"]

_GIGS = re.compile(
    r"\b(\d+(?:\.\d+)?)\s*(?:gigs?|gigabytes?|gibs?|gbs|g(?=\s+(?:of\s+)?(?:vram|ram|memory)\b))\b", re.I
)


# "does it work with 12 VRAM?", "only 6 vram": a bare count of VRAM is gigabytes (no card has 12 MB or TB)
_BARE_VRAM = re.compile(r"(?<![\w.$])(\d{1,3}(?:\.\d+)?)\s+(?=vram\b)", re.I)


def plain_units(text: str) -> str:
    """``text`` with memory sizes spelled 'NN gb'."""
    return _BARE_VRAM.sub(lambda m: f"{m.group(1)} gb ", _GIGS.sub(lambda m: f"{m.group(1)} gb", text))
