"""'How much does 8-bit Adam save?', 'AdamW vs Adafactor memory?': a full fine-tune sized with the optimizer the
user named, set against the same run with mixed-precision AdamW (each optimizer's bytes per parameter from the
assumptions), so the saving asked is a number, not only the new total."""

from __future__ import annotations

import re

from ...sizing import Task, estimate_memory, load_assumptions
from .._facts import Facts
from ._format import gb

__all__ = ["optimizer_saving_text", "saving_asked"]

# the optimizer's effect asked: "how much does it save", "adamw vs adafactor", "compared to adam", "instead of"
_WEIGHED = re.compile(
    r"\bsav(?:e|es|ing|ings)\b|\bvs\.?\b|\bversus\b|\bcompared?\b|\binstead of\b|\bdifference\b|\bthan\b"
)
_SAVING = re.compile(r"\bsav(?:e|es|ing|ings)\b")
_NAMES = {"adam8bit": "8-bit Adam", "adafactor": "Adafactor"}
_KEYS = {"adam8bit": "adam8bit_bytes_per_param", "adafactor": "adafactor_bytes_per_param"}


def optimizer_saving_text(facts: Facts) -> str:
    """'Against mixed-precision AdamW (about 133 GB) Adafactor saves about 61 GB: 8 bytes per parameter instead
    of 16.' for a full fine-tune with a named optimizer whose saving is asked; '' otherwise."""
    work = facts.workload
    name = _NAMES.get(work.optimizer)
    if (
        name is None
        or work.task not in (Task.FULL, Task.PRETRAIN)
        or not _WEIGHED.search(facts.understanding.question.lower())
    ):
        return ""
    assumptions = load_assumptions()
    adamw = estimate_memory(work.with_(optimizer="adamw"), assumptions)
    saved = adamw.total_gb - facts.estimate.total_gb
    if saved <= 0:
        return ""
    ours = assumptions.number(_KEYS[work.optimizer])
    usual = assumptions.number("adamw_mixed_bytes_per_param")
    return (
        f"Against mixed-precision AdamW (about {gb(adamw.total_gb)} in all), {name} saves about **{gb(saved)}**: "
        f"{ours:g} bytes per parameter of model states instead of {usual:g}."
    )


def saving_asked(facts: Facts) -> bool:
    """Whether the question asks what the optimizer saves ('how much does 8-bit Adam save?'): that number leads."""
    return bool(_SAVING.search(facts.understanding.question.lower()))
