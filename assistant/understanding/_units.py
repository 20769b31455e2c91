"""Memory units as people write them, in one spelling: "6 gigs", "24 gig card", "16 gigabytes", "80 GiB",
"24GBs" all become "NN gb", so every pattern that reads a memory size needs to know only that one.

Pure text rewriting; numbers are never changed (a GiB is read as a GB, the precision users write with).
"""

from __future__ import annotations

import re

__all__ = ["plain_units"]

_GIGS = re.compile(
    r"\b(\d+(?:\.\d+)?)\s*(?:gigs?|gigabytes?|gibs?|gbs|g(?=\s+(?:of\s+)?(?:vram|ram|memory)\b))\b", re.I
)


def plain_units(text: str) -> str:
    """``text`` with memory sizes spelled 'NN gb'."""
    return _GIGS.sub(lambda m: f"{m.group(1)} gb", text)
