"""A training run out of memory on the user's one GPU: what fills the card, and which usual change (each sized
again in ``Facts.levers``) brings it under the card's usable memory."""

from __future__ import annotations

from .._facts import Facts
from ._format import gb

__all__ = ["levers_text"]

_SMALL = ("CUDA context and framework",)


def levers_text(facts: Facts) -> str:
    """'What fills the RTX 3080: …' and one line per lever with its memory and whether it fits; '' without
    levers (the run fits as stated, or no out-of-memory report on one GPU)."""
    if not facts.levers:
        return ""
    gpu = facts.checks[0].gpu if facts.checks and facts.understanding.details.gpus else None
    stated = facts.understanding.details.stated_memory_gb
    card = f"the {gpu.name}" if gpu is not None else f"your {stated:g} GB card" if stated else "the card"
    usable = facts.levers[0].usable_gb
    parts = [
        f"{item.label} {gb(item.gb)}"
        + (f" ({item.detail})" if item.label in ("activations", "model states") else "")
        for item in facts.estimate.items
        if item.label not in _SMALL and item.gb >= 0.05
    ]
    lines = [f"**What fills {card}** ({gb(usable)} usable for training): " + "; ".join(parts) + "."]
    fixed = [i for i in facts.estimate.items if i.label not in ("activations", *_SMALL)]
    levers = facts.levers
    if fixed and sum(i.gb for i in fixed) > usable:
        lines.append(
            "Without the activations it is still more than the card holds, so a smaller batch, a shorter "
            "sequence or gradient checkpointing alone cannot make it fit."
        )
        work = facts.workload  # only a lighter method or optimizer can: the settings alone are left out
        levers = tuple(
            lever
            for lever in levers
            if (lever.workload.task, lever.workload.optimizer) != (work.task, work.optimizer)
        )
    lines.append("**What would fit** (each change sized again on one card):")
    lines += [
        f"- {lever.label}: about {gb(lever.gb)} — " + ("fits" if lever.fits else "still too much")
        for lever in levers
    ]
    return "\n".join(lines)
