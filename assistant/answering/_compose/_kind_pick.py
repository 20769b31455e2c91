"""'What's the best image generation model I can run on an 8GB card?': no model named, a kind of work and a card (or
its memory) said. The models of that kind on record are weighed against the card: the largest whose usual run fits
leads, then those that fit only with a leaner setting (fp8 or GGUF weights, offloading), then those that do not."""

from __future__ import annotations

import re

from ...knowledge import load_catalog
from ...knowledge._workloads import (
    WorkloadFact,
    WorkloadSpec,
    default_run,
    kind_in_text,
    load_workloads,
    part_only,
)
from .._facts import Facts
from ._format import gb, markdown_table

__all__ = ["kind_pick_answer"]

# a model to pick asked for: "best … model", "which … model", "a good … model", "recommend a … model"
_PICK = re.compile(r"\b(?:best|which|what|good|top|recommend\w*|suggest\w*)\b[^?.!]{0,50}?\bmodels?\b")


def _room(facts: Facts) -> tuple[str, float] | None:
    """The card asked about and its usable memory, else the memory said; None when neither is."""
    details = facts.understanding.details
    if details.gpus:
        gpu = load_catalog().by_name(details.gpus[0])
        return f"the {gpu.name} ({gb(gpu.gpu_memory_gb)} usable)", gpu.gpu_memory_gb
    memory = details.stated_memory_gb or details.min_memory_gb  # "on an 8GB card": a card of that much memory
    return (f"{gb(memory)} of GPU memory", memory) if memory else None


def _weighed(spec: WorkloadSpec, memory: float) -> tuple[WorkloadFact, WorkloadFact | None] | None:
    """A model's usual inference run and the largest whole (not offloading, not part-only) setting that fits
    ``memory`` (else the least offloading one that does, else None); None when it has no inference figure."""
    sized = [f for f in spec.facts if "train" not in f.task.lower() and f.memory_gb is not None]
    usual = default_run(sized)
    if usual is None:
        return None
    fits = [f for f in sized if (f.memory_gb or 0.0) <= memory and not part_only(f)]
    whole = [f for f in fits if not f.offload]
    fit = max(whole, key=lambda f: f.memory_gb or 0.0) if whole else (fits and min(fits, key=_gb)) or None
    return usual, fit


def _leaner(fit: WorkloadFact | None) -> str:
    """The table cell for a model whose usual run does not fit: the leaner setting that does, if any."""
    if fit is None:
        return "no"
    return f"with {'offloading to CPU RAM' if fit.offload else 'a leaner setting'} ({gb(_gb(fit))})"


def _gb(fact: WorkloadFact) -> float:
    return fact.memory_gb or 0.0


def kind_pick_answer(facts: Facts) -> str | None:
    """The models of the kind asked that run on the card, largest first; None when the question is not that."""
    understanding = facts.understanding
    question = understanding.question
    if understanding.details.model or understanding.details.params or not _PICK.search(question.lower()):
        return None
    kind, room = kind_in_text(question), _room(facts)
    if kind is None or room is None:
        return None
    label, memory = room
    weighed = [
        (spec, *pair)
        for spec in load_workloads()
        if spec.kind == kind and not spec.research and (pair := _weighed(spec, memory)) is not None
    ]
    if not weighed:
        return None
    weighed.sort(key=lambda row: -row[0].params_m)
    at_usual = [row for row in weighed if _gb(row[1]) <= memory]
    leaner = [row for row in weighed if row not in at_usual and row[2] is not None]
    if at_usual:
        spec, usual, _ = at_usual[0]
        lead = (
            f"**{spec.name}** is the largest {kind} model on record that runs on {label} at its usual settings: "
            f"{usual.setting} needs about {gb(_gb(usual))}."
        )
    elif leaner:
        spec, usual, fit = leaner[0]
        lead = (
            f"None of the {kind} models on record runs on {label} at its usual settings; **{spec.name}** is the "
            f"largest that fits with a leaner one: {fit.setting} needs about {gb(_gb(fit))} (its usual run, about "
            f"{gb(_gb(usual))})."
        )
    else:
        least = min(weighed, key=lambda row: _gb(row[1]))
        lead = (
            f"**None** of the {kind} models on record fits {label}: the least any needs is {least[0].name}'s about "
            f"{gb(_gb(least[1]))} ({least[1].setting})."
        )
    others = [row for row in leaner if row[0] is not (leaner[0][0] if not at_usual else None)]
    if at_usual and leaner:
        lead += (
            " Larger ones fit only with a leaner setting: "
            + "; ".join(f"{spec.name}, {fit.setting} (about {gb(_gb(fit))})" for spec, _, fit in others[:3])
            + "."
        )
    rows = [
        [
            spec.name,
            f"{spec.params_m / 1000:g}B",
            gb(_gb(usual)),
            "yes" if _gb(usual) <= memory else _leaner(fit),
        ]
        for spec, usual, fit in weighed
    ]
    table = markdown_table(("model", "parameters", "usual run", f"runs on {gb(memory)}"), rows)
    return (
        f"{lead}\n\n{table}\n\nThe figures are the sourced settings on record for each model (the table of each "
        "one's settings comes when you ask about it by name); larger models usually give better results, and each "
        "leaner setting trades some speed or quality for memory."
    )
