"""Wrong premises corrected first: "The L4 has 24 GB, not 48 GB." before the answer (which already uses the
catalog's figure, since understanding keeps the catalog row for a GPU whose stated memory is wrong)."""

from __future__ import annotations

from ..understanding import Understanding

__all__ = ["correct_premises", "premise_sentences", "setup_sentence"]


def _gb(value: float) -> str:
    return f"{value:,.0f} GB" if value == int(value) else f"{value:,.1f} GB"


def premise_sentences(understanding: Understanding) -> list[str]:
    """One sentence per premise the catalog contradicts, e.g. 'The L4 has 24 GB, not 48 GB.'"""
    out = []
    for p in understanding.premises:
        if p.spec != "memory_gb":
            continue
        if p.variants:
            sizes = [_gb(v) for v in sorted({p.actual, *p.variants})]
            listed = ", ".join(sizes[:-1]) + f" or {sizes[-1]}"
            out.append(f"The {p.product or p.gpu} comes with {listed}, not {_gb(p.stated)}.")
        else:
            out.append(f"The {p.gpu} has {_gb(p.actual)}, not {_gb(p.stated)}.")
    return out


def setup_sentence(understanding: Understanding) -> str | None:
    """What a cloud instance type named in the question holds, e.g. 'A g5.12xlarge has 4x A10G.'"""
    d = understanding.details
    if not d.instance or not d.gpus or d.instance.lower() not in understanding.question.lower():
        return None
    count = f"{d.gpu_count}x " if d.gpu_count else ""
    return f"Read as {count}{d.gpus[0]} (what a {d.instance} holds)."


def correct_premises(draft: str, understanding: Understanding) -> str:
    """``draft`` opened by the corrections of any wrong premises the question stated (unchanged if none); a
    named instance type's reading follows the headline, so the answer still comes first."""
    setup = setup_sentence(understanding)
    if setup:
        head, sep, rest = draft.partition("\n\n")
        draft = f"{head}\n\n_{setup}_{sep}{rest}"
    sentences = premise_sentences(understanding)
    if not sentences:
        return draft
    return f"{' '.join(sentences)} The answer below uses the catalog's figure.\n\n{draft}"
