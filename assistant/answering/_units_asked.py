"""A memory figure in the unit the question asks for: "how much VRAM for a 7B, in GiB please" gets the lead figure
in GiB beside the GB every answer uses (1 GiB = 2^30 bytes = 1.074 GB, what nvidia-smi and PyTorch report)."""

from __future__ import annotations

import re

from ._facts import Facts

__all__ = ["GIB_PER_GB", "asks_gib", "in_units_asked"]

GIB_PER_GB = 1e9 / 2**30


def asks_gib(question: str) -> bool:
    """Whether the question asks for memory in GiB: "in GiB", "GiB please", "how many GiB" — the unit named with no
    number before it ("80 GiB" is a size said, not the unit asked)."""
    return any(
        not re.search(r"\d\s*$", question[: m.start()])
        for m in re.finditer(r"\b(?:gib|gibibytes?)\b", question, re.I)
    )


def in_units_asked(draft: str, facts: Facts) -> str:
    """``draft`` with the lead memory figure also in GiB when the question asks for GiB: its first 'N GB' gets
    '(M GiB)' after it."""
    gb = facts.lead_memory_gb
    if gb is None or not asks_gib(facts.understanding.question):
        return draft
    for m in re.finditer(r"(\*\*)?(\d[\d,]*(?:\.\d+)?) GB(\*\*)?", draft):
        said = float(m.group(2).replace(",", ""))
        if abs(said - gb) <= max(0.06, 0.01 * gb):  # the lead figure as the answer prints it
            return f"{draft[: m.end()]} ({said * GIB_PER_GB:,.1f} GiB){draft[m.end() :]}"
    return draft
