"""'What's the minimum GPU for it?': for each weight format (or fine-tuning method) the user left open, the fewest
and smallest cards that hold it — the least hardware, not the best value."""

from __future__ import annotations

from ...knowledge import GPU, load_catalog
from ...sizing import Fit, MemoryEstimate, fit_gpu, load_assumptions
from .._facts import Facts
from ._format import gb

__all__ = ["minimum_setup_sentence"]

_NAMED = 3  # cards named per setting: the same memory size, first in catalog order


def minimum_setup_sentence(facts: Facts, variants: list[tuple[str, MemoryEstimate]]) -> str:
    """One line per ``(label, estimate)``: its memory and the fewest, smallest cards of the catalog that hold it that hold it
    (data-center and desktop cards on CUDA unless a vendor was said; Macs, laptops and China-market cards aside); "" when the user named a GPU or
    their memory, asked yes or no, or did not ask for the minimum."""
    details = facts.understanding.details
    if (
        not details.minimum_asked
        or details.gpus
        or details.stated_memory_gb
        or details.yes_no
        or not variants
    ):
        return (
            ""  # "is 16 GB the minimum for it?" asks yes or no of the memory they have: the verdict answers
        )
    assumptions = load_assumptions()
    cards = [g for g in load_catalog() if g.gpu_class != "local" and not g.sold_in and g.memory_gb]
    if not details.vendor:  # the usual software stack unless a vendor was said: a TPU is no "minimum GPU"
        cards = [g for g in cards if g.software == "CUDA"] or cards
    parts = []
    for label, estimate in variants:
        setup = _least(estimate, cards, assumptions)
        if setup is None:
            continue
        count, memory, names = setup
        where = f"one {memory:g} GB card" if count == 1 else f"{count} x {memory:g} GB cards"
        parts.append(f"{label}: about {gb(estimate.total_gb)} — {where} ({', '.join(names)})")
    if not parts:
        return ""
    return "**The least hardware that runs it**, by setting — " + "; ".join(parts) + "."


def _least(estimate: MemoryEstimate, cards: list[GPU], assumptions) -> tuple[int, float, list[str]] | None:
    """(GPU count, memory per card, card names) of the fewest cards that hold ``estimate``, the smallest of them."""
    fits = [
        (f.count, g.memory_gb, g.name)
        for g in cards
        if isinstance(f := fit_gpu(estimate, g, assumptions), Fit)
    ]
    if not fits:
        return None
    count, memory = min((c, m) for c, m, _ in fits)  # the fewest cards, then the smallest of them
    names = [n for c, m, n in fits if (c, m) == (count, memory)][:_NAMED]
    return count, memory, names
