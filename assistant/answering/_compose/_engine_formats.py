"""'Serve it in vLLM with 4-bit weights': which checkpoint formats the serving engine loads at that width, from its
docs (``corpus/software.yaml`` features with ``weight_bits``) — for a server, "4-bit" means one of them (pure)."""

from __future__ import annotations

from ...knowledge._software import load_software
from ...sizing import Task, is_local
from .._facts import Facts

__all__ = ["engine_formats_text"]

_WIDTH = {"int4": 4, "int8": 8}


def engine_formats_text(facts: Facts) -> str:
    """The quantized-weight formats the engine named loads at the width the user asked for, or ""."""
    work, details = facts.workload, facts.understanding.details
    if work is None or work.task is not Task.INFERENCE or is_local(work.runtime):
        return ""
    bits = _WIDTH.get(details.precision or "")
    if bits is None:
        return ""
    table = load_software()
    for key in details.tools_named:
        found = table.find(key)
        if found is None:
            continue
        tool, _ = found
        formats = [f.name for f in tool.features if bits in f.weight_bits]
        if formats:
            listed = ", ".join(formats[:-1]) + f" or {formats[-1]}" if len(formats) > 1 else formats[0]
            return (
                f"**In {tool.name}, {bits}-bit weights** mean a checkpoint quantized to one of the formats it loads — "
                f"{listed} — not any {bits}-bit file (its docs)."
            )
    return ""
