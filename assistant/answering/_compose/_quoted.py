"""A non-LLM model not on record whose own requirement the question quotes: the user's card weighed against it.

"I know my card is below the paper's 24GB VRAM requirement", "the 20GB requirement: can shared memory count?":
the figure is the model's own (its README or paper, quoted by the user), so it answers better than another model's
measurement would. The answer says whose figure it is, weighs the card against it, and says what lowers it.
"""

from __future__ import annotations

import re

from ...knowledge._workloads import kind_in_text
from ...sizing import load_assumptions
from .._facts import Facts
from ._format import gb
from ._non_llm import TRAINING, unknown_levers, usable_capacity

__all__ = ["quoted_requirement_answer"]

# "16GB dedicated + 16GB shared", "can it use shared memory?": Windows' shared GPU memory is system RAM
_SHARED = re.compile(r"\bshared\b")


_GB_SAID = re.compile(r"(\d+(?:\.\d+)?)\s*(?:gb|gib|gigs?|g)\b")


def _users_memory(text: str, need: float, stated: float | None) -> float | None:
    """The user's own GPU memory: the memory understanding read, unless that is the quoted requirement itself ("it
    requires 3.5g of vram, I have a 2gb card"), then the last other memory said, else none."""
    if stated is None or stated != need:
        return stated
    others = [float(m.group(1)) for m in _GB_SAID.finditer(text) if float(m.group(1)) != need]
    return others[-1] if others else None


def quoted_requirement_answer(facts: Facts) -> str:
    """The answer for ``facts.quoted_requirement_gb`` (set only for a model not on record)."""
    need = facts.quoted_requirement_gb or 0.0
    question = facts.understanding.workload_text
    text = question.lower()
    training = bool(TRAINING.search(text))
    capacity = usable_capacity(
        facts.gpus, _users_memory(text, need, facts.understanding.details.stated_memory_gb)
    )
    whose = f"the {gb(need)} requirement you quote (the model's own figure: I have none of my own on record for it)"
    count = facts.understanding.details.gpu_count or 1
    if capacity is not None and count > 1 and capacity[1] < need <= count * capacity[1]:
        # "will 2x 3090 do?": the cards add up only where the code splits the model across them
        lead = (
            f"**Only if** the code splits the model across your {count} cards, going by {whose}: no single one "
            f"holds it ({capacity[0]}), together they have {gb(count * capacity[1])}. Many research repositories run "
            "on one GPU only; look for a multi-GPU or device_map option in the README."
        )
    elif capacity is None:
        lead = f"About **{gb(need)}** of GPU memory, going by {whose}."
    elif need <= (1 - load_assumptions().number("local_tight_fit_share")) * capacity[1]:
        lead = f"**Yes**, going by {whose}: {capacity[0]} holds it, with {gb(capacity[1] - need)} to spare."
    elif need <= capacity[1]:
        lead = (
            f"**Yes**, just, going by {whose}: {capacity[0]} holds it with almost nothing to spare, so the desktop "
            "or a longer or larger run than the authors' default can tip it over."
        )
    else:
        lead = (
            f"**No**, not going by {whose}: {capacity[0]} is {gb(need - capacity[1])} short of it, so its default "
            "run will not fit unless settings that need less memory bring it under."
        )
    parts = [lead]
    if _SHARED.search(text):
        parts.append(
            "Shared GPU memory is system RAM the driver lends the card over PCIe: a job that overflows into it "
            "keeps running but many times slower, so it does not count toward a VRAM requirement."
        )
    kind = kind_in_text(text)
    levers = unknown_levers(kind, training) if kind else None
    if levers:
        parts.append(f"What lowers its memory (each trades some speed or quality): {levers}.")
    parts.append(
        "The requirement usually holds for the authors' default settings (resolution, frames, batch); the README's "
        "hardware section or its issues often list lower-memory options."
    )
    return "\n\n".join(parts)
