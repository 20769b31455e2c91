"""Two cards weighed for an image, video, speech or vision job ('should I get a 3090 or a 4070 Ti Super for
SDXL?', 'will an L4 be faster than a T4 for Whisper?'): one card named, and why, in one sentence.

First the card that holds the run a user who changes nothing makes (the workload's sourced default run); when both
hold it, the faster one by dense 16-bit tensor TFLOPS (denoising, vision encoders, Whisper's encoder and training
are compute-bound), said as a spec-sheet ratio, not a measurement; when neither holds it, the one with more
memory, which takes the leaner settings.
A yes/no ('will A be faster than B?') gets its word from the pick (answering._verdict).
"""

from __future__ import annotations

import re

from ...knowledge import GPU
from ...knowledge._workloads import WorkloadFact, WorkloadSpec, default_run
from ._format import gb

__all__ = ["bandwidth_caveat", "choice_lead"]

_WHY = re.compile(r"\bwhy\b|\bhow come\b|\bwhat makes\b")


def choice_lead(
    spec: WorkloadSpec,
    rows: list[WorkloadFact],
    gpus: tuple[GPU, ...],
    details,
    training: bool,
    question: str,
) -> str | None:
    """The card to pick of the first two named, with the reason; None unless two cards are weighed."""
    if len(gpus) < 2 or not details.cards_weighed or _WHY.search(question.lower()):
        return None  # "why is it slower on the V100 than the L4?" asks for a cause, not a pick
    first, second = gpus[0], gpus[1]
    usual = default_run([f for f in rows if f.memory_gb is not None])
    need = usual.memory_gb if usual is not None else None
    holds = [g for g in (first, second) if need is None or need <= g.gpu_memory_gb]
    if not all(g.training_tflops for g in (first, second)):
        return None  # no compute figure to weigh them by
    task = f"{spec.name} {'training' if training else ''}".strip()
    if len(holds) == 1:
        pick, other = holds[0], (second if holds[0] is first else first)
        why = (
            f"only it holds the usual run ({usual.setting}, about {gb(need or 0.0)}) in its "
            f"{gb(pick.gpu_memory_gb)}; the {other.name} has {gb(other.gpu_memory_gb)} and needs a leaner setting"
        )
    elif not holds and first.gpu_memory_gb != second.gpu_memory_gb:
        pick, other = sorted((first, second), key=lambda g: g.gpu_memory_gb, reverse=True)
        why = (
            f"neither holds the usual run (about {gb(need or 0.0)}), and memory decides what does: its "
            f"{gb(pick.gpu_memory_gb)} against {gb(other.gpu_memory_gb)} takes the leaner settings (fp8 or "
            "quantized weights, offloading) with less lost"
        )
    else:
        pick, other = sorted((first, second), key=lambda g: g.training_tflops or 0.0, reverse=True)
        ratio = (pick.training_tflops or 0.0) / max(other.training_tflops or 0.0, 1e-9)
        if ratio < 1.1 and other.gpu_memory_gb > pick.gpu_memory_gb:
            # about as fast: the memory for bigger batches, resolutions and training decides
            pick, other = other, pick
            held = f"both hold the usual run (about {gb(need)}) " if need is not None and holds else ""
            return (
                f"**The {pick.name}** for {task}: {held}at close to the same speed ({pick.training_tflops:,.1f} "
                f"against {other.training_tflops:,.1f} dense FP16 tensor TFLOPS), so memory decides: "
                f"{gb(pick.gpu_memory_gb)} against {gb(other.gpu_memory_gb)} takes bigger batches, resolutions "
                "and training runs."
            )
        held = f"both hold the usual run (about {gb(need)}), so " if need is not None and holds else ""
        pace = f"about {ratio:.1f}x" if ratio >= 1.1 else "close to the same speed"
        why = (
            f"{held}speed decides, and this work is bound by 16-bit tensor compute: "
            f"{pick.training_tflops:,.1f} dense FP16 tensor TFLOPS against {other.training_tflops:,.1f}, {pace} "
            "(a spec-sheet ratio, not a measurement)"
        )
        if other.gpu_memory_gb > pick.gpu_memory_gb:
            why += (
                f"; the {other.name}'s larger memory ({gb(other.gpu_memory_gb)}) matters for bigger batches, "
                "resolutions or training"
            )
        if not training and (caveat := bandwidth_caveat(pick, other)):
            why += f"; but {caveat}"
    return f"**The {pick.name}** for {task}: {why}."


def bandwidth_caveat(pick: GPU, other: GPU) -> str:
    """When the card not picked reads memory much faster, the clause saying so: at small images and batch 1 the
    steps wait on memory as much as on compute, so the spec-sheet compute lead narrows or turns; '' otherwise."""
    ratio = other.memory_bandwidth_gbs / pick.memory_bandwidth_gbs
    if ratio < _BANDWIDTH_GAP:
        return ""
    return (
        f"the {other.name} reads memory {ratio:.1f}x as fast ({other.memory_bandwidth_gbs:,.0f} against "
        f"{pick.memory_bandwidth_gbs:,.0f} GB/s), which narrows that lead or turns it at small images and batch 1, "
        "so a run measured on both is the tie-breaker"
    )


_BANDWIDTH_GAP = 1.5  # a bandwidth lead this large against the compute pick is worth saying
