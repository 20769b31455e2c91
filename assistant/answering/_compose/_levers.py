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
    count = facts.understanding.details.gpu_count or 1
    each = "each " + card.removeprefix("the ") if count > 1 else card
    parts = [
        f"{item.label} {gb(_on_each(item, count))}"
        + (f" ({item.detail})" if item.label in ("activations", "model states") else "")
        for item in facts.estimate.items
        if item.label not in _SMALL and item.gb >= 0.05
    ]
    total = f", {gb(facts.estimate.per_gpu_gb(count))} in all" if count > 1 else ""
    lines = [f"**What fills {each}** ({gb(usable)} usable for training{total}): " + "; ".join(parts) + "."]
    fixed = [i for i in facts.estimate.items if i.label not in ("activations", *_SMALL)]
    levers = facts.levers
    if fixed and sum(_on_each(i, count) for i in fixed) > usable:
        lines.append(
            "Without the activations it is still more than the card holds, so a smaller batch, a shorter "
            "sequence or gradient checkpointing alone cannot make it fit."
        )
        # only a lighter method, optimizer or more sharding can: the settings alone are left out
        levers = tuple(lever for lever in levers if _method(lever.workload) != _method(facts.workload))
    on = f"on each of the {count} cards" if count > 1 else "on one card"
    lines.append(f"**What would fit** (each change sized again {on}):")
    lines += [
        f"- {lever.label}: about {gb(lever.gb)} — " + ("fits" if lever.fits else "still too much")
        for lever in levers
    ]
    return "\n".join(lines)


def _on_each(item, count: int) -> float:
    """A breakdown line's share on each of ``count`` GPUs: split when it shards, whole when it does not."""
    return item.gb / count if item.shards else item.gb


def _method(work) -> tuple:
    """What a run trains and where it keeps its model states, not its batch or sequence settings."""
    return (work.task, work.optimizer, work.replicated, work.zero_stage, work.cpu_offload, work.param_offload)
