"""Answers about non-LLM workloads: the sourced figures for the model named, and what a named GPU can do."""

from __future__ import annotations

import re

from ...knowledge import GPU
from ...knowledge._workloads import WorkloadFact, WorkloadSpec
from .._facts import Facts
from ._format import _table, gb

__all__ = ["TRAINING", "headline_memory_gb", "non_llm_answer"]

TRAINING = re.compile(r"\btrain|\bfine[- ]?tun|\bdreambooth\b|\blora\b|\bfinetun")
_BASIS = {
    "measured": "measured",
    "published": "the authors' stated requirement",
    "arithmetic": "weight arithmetic (parameters x bytes), not a measurement",
}


def non_llm_answer(facts: Facts) -> str:
    """The figures for the first workload named, a verdict for each GPU named, and the sources."""
    spec = facts.workloads[0]
    training = bool(TRAINING.search(facts.understanding.question.lower()))
    rows = [f for f in spec.facts if ("train" in f.task.lower()) == training]
    parts = []
    if not rows:
        rows = list(spec.facts)
        what = "training" if training else "inference"
        parts.append(f"I have no sourced {what} figure for {spec.name}; below is what is on record for it.")
        nearest = next(
            (w for w in facts.workloads[1:] if any(("train" in f.task.lower()) == training for f in w.facts)),
            None,
        )
        if nearest is not None:
            near_rows = [f for f in nearest.facts if ("train" in f.task.lower()) == training]
            parts.append(
                f"The nearest model of the same kind with {what} figures is **{nearest.name}** "
                f"({nearest.params_m:,.0f}M parameters, vs {spec.params_m:,.0f}M), so expect more than these:\n\n"
                + _table(("task", "setting", "GPU memory", "time", "basis"), [_row(f) for f in near_rows])
            )
    parts.insert(0, _lead(spec, rows, facts.gpus))
    parts.append(_table(("task", "setting", "GPU memory", "time", "basis"), [_row(f) for f in rows]))
    parts.append(
        f"{spec.name}: {spec.params_m:,.0f}M parameters"
        + (f" ({spec.params_note})" if spec.params_note else "")
        + ". These figures are sourced measurements or published requirements, not the LLM memory "
        "formula, which does not apply to this kind of model."
    )
    shown = rows + [
        f for w in facts.workloads[1:] for f in w.facts if ("train" in f.task.lower()) == training
    ]
    sources = sorted({f.source for f in shown})
    parts.append("**Sources**\n" + "\n".join(f"- {s}" for s in sources))
    return "\n\n".join(parts)


def _lead(spec: WorkloadSpec, rows: list[WorkloadFact], gpus: tuple[GPU, ...]) -> str:
    sized = [f for f in rows if f.memory_gb is not None]
    if not gpus or not sized:
        if sized:
            low = min(sized, key=lambda f: f.memory_gb or 0.0)
            return (
                f"**{spec.name}** ({spec.kind}): from about **{gb(low.memory_gb or 0.0)}** of GPU memory "
                f"({low.setting}; {_BASIS[low.basis]})."
            )
        return f"**{spec.name}** ({spec.kind}): the measured times below are what is known."
    verdicts = []
    for gpu in gpus[:3]:
        ok = [f for f in sized if (f.memory_gb or 0.0) <= gpu.gpu_memory_gb]
        if ok:
            best = max(ok, key=lambda f: f.memory_gb or 0.0)
            verdicts.append(
                f"**Yes** on the {gpu.name} ({gb(gpu.gpu_memory_gb)} usable): {best.setting} needs about "
                f"{gb(best.memory_gb or 0.0)} ({_BASIS[best.basis]})."
            )
        else:
            low = min(sized, key=lambda f: f.memory_gb or 0.0)
            verdicts.append(
                f"**No**, not as listed, on the {gpu.name} ({gb(gpu.gpu_memory_gb)} usable): the smallest setting on "
                f"record, {low.setting}, needs about {gb(low.memory_gb or 0.0)} ({_BASIS[low.basis]})."
            )
    return " ".join(verdicts)


def _row(fact: WorkloadFact) -> list[str]:
    memory = gb(fact.memory_gb) if fact.memory_gb is not None else "—"
    if fact.hours is not None:
        time = f"~{fact.hours:g} h on {fact.gpus}x {fact.gpu}" if fact.gpu else f"~{fact.hours:g} h"
    else:
        time = "—"
    where = f" ({fact.hardware})" if fact.hardware else ""
    return [fact.task, fact.setting + where, memory, time, _BASIS[fact.basis]]


def headline_memory_gb(spec: WorkloadSpec, question: str, gpus: tuple[GPU, ...]) -> float | None:
    """The memory figure the answer leads with: the largest that fits the first GPU named, else the smallest."""
    training = bool(TRAINING.search(question.lower()))
    sized = [f for f in spec.facts if f.memory_gb is not None and ("train" in f.task.lower()) == training]
    if not sized:
        return None
    fitting = [f for f in sized if gpus and (f.memory_gb or 0.0) <= gpus[0].gpu_memory_gb]
    chosen = (
        max(fitting, key=lambda f: f.memory_gb or 0.0)
        if fitting
        else min(sized, key=lambda f: f.memory_gb or 0.0)
    )
    return chosen.memory_gb
