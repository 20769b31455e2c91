"""Facts for an answer: the workload, its memory, the GPUs that fit and the catalog rows (pure).

This is the "sizing tool" step of the chain: it turns an ``Understanding`` into numbers taken only
from the catalog, the model specs and the sizing engine, with the defaults it had to assume.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ._catalog import GPU, Catalog
from ._models import ModelSpec, ModelSpecs
from ._understanding import Details, Intent, Understanding
from .sizing import (
    Assumptions,
    Fit,
    FitReport,
    MemoryEstimate,
    NoFit,
    Task,
    Workload,
    estimate_memory,
    fit_gpu,
    rank_fits,
    shape_for,
)

__all__ = ["Facts", "Option", "gather_facts", "ground_in_passages"]

_LOCAL = re.compile(r"\b(?:local(?:ly)?|home|desktop|workstation|consumer|gaming card|my pc|laptop|hobby)\b")


@dataclass(frozen=True)
class Option:
    """An alternative way to run the workload (another task or precision) and its cheapest fit."""

    label: str
    estimate: MemoryEstimate
    best: Fit | None
    on_named: dict[str, Fit | NoFit] = field(default_factory=dict)


@dataclass
class Facts:
    """Everything numeric an answer may say, with where it came from."""

    understanding: Understanding
    workload: Workload | None = None
    estimate: MemoryEstimate | None = None
    report: FitReport | None = None
    shown: list[Fit] = field(default_factory=list)
    pick: Fit | None = None
    checks: list[Fit | NoFit] = field(default_factory=list)
    options: list[Option] = field(default_factory=list)
    gpus: list[GPU] = field(default_factory=list)
    model: ModelSpec | None = None
    defaults: list[str] = field(default_factory=list)
    filters: list[str] = field(default_factory=list)
    unknown_model: str | None = None
    known_models: list[str] = field(default_factory=list)
    max_gpus: int = 0

    @property
    def gpu_names(self) -> list[str]:
        """GPU names discussed, best first, without repeats."""
        names: list[str] = []
        checked = [c.gpu.name for c in self.checks]  # GPUs the question named come first
        for name in checked + ([self.pick.gpu.name] if self.pick else []) + [g.name for g in self.gpus]:
            if name not in names:
                names.append(name)
        return names


def gather_facts(
    understanding: Understanding, catalog: Catalog, models: ModelSpecs, assumptions: Assumptions
) -> Facts:
    """Compute the facts an answer to ``understanding`` needs."""
    facts = Facts(understanding)
    details = understanding.details
    if understanding.intent in (Intent.GREETING, Intent.OUT_OF_SCOPE):
        return facts
    named = [catalog.by_name(n) for n in details.gpus]
    if (
        details.unknown_model
        and not details.has_workload
        and understanding.intent not in (Intent.SPEC, Intent.COMPARE)
    ):
        facts.unknown_model = details.unknown_model
        facts.known_models = [m.name for m in models]
        return facts
    if details.has_workload and understanding.intent in (
        Intent.RECOMMEND,
        Intent.SIZE,
        Intent.COMPARE,
        Intent.PRICE,
    ):
        _workload_facts(facts, details, named, catalog, models, assumptions)
    elif understanding.intent in (Intent.SPEC, Intent.COMPARE, Intent.PRICE) and named:
        facts.gpus = named
        if understanding.intent is Intent.PRICE and details.cheaper:
            facts.gpus = sorted(named, key=lambda g: (g.price_per_hour is None, g.price_per_hour or 0.0))
    elif understanding.intent in (Intent.PRICE, Intent.RECOMMEND) and not named:
        facts.gpus = _filtered(catalog, details, facts)
        if understanding.intent is Intent.RECOMMEND and not facts.filters:
            facts.gpus = []  # a general recommendation names the GPUs its guide passage names
        if understanding.intent is Intent.PRICE or details.cheaper:
            facts.gpus = sorted(
                facts.gpus, key=lambda g: (g.price_per_hour is None, g.price_per_hour or 0.0, g.name)
            )
    return facts


def _workload(details: Details, models: ModelSpecs, facts: Facts, assumptions: Assumptions) -> Workload:
    if details.model:
        spec = models.by_name(details.model)
        shape, proxy, params = spec, False, spec.params
        facts.model = spec
    else:
        shape, proxy, params = shape_for(details.params, models), True, details.params
        facts.defaults.append(
            f"architecture (layers, hidden size, KV heads) taken from {shape.name}, the nearest open model in size"
        )
    task = details.task
    if task is None:
        task = Task.INFERENCE
        facts.defaults.append("inference (you did not say training or fine-tuning)")
    if task.is_training:
        context = details.context or int(assumptions.number("default_training_sequence"))
        if not details.context:
            facts.defaults.append(
                f"sequence length {context:,} tokens, micro-batch {details.batch or 1}, gradient checkpointing on"
            )
        precision = "bf16"
    else:
        context = details.context or min(
            int(assumptions.number("default_inference_context")), shape.max_context
        )
        if not details.context:
            facts.defaults.append(f"context of {context:,} tokens per sequence")
        if not details.batch:
            facts.defaults.append("one sequence at a time (say how many concurrent users for more)")
        precision = details.precision or "bf16"
        if not details.precision:
            facts.defaults.append("bf16 weights (16-bit, unquantized)")
    if context > shape.max_context and not proxy:
        facts.defaults.append(
            f"note: {shape.name} supports at most {shape.max_context:,} tokens of context, so it is sized at that, "
            f"not the {context:,} asked for"
        )
        context = shape.max_context
    return Workload(
        task=task,
        shape=shape,
        params=params,
        shape_is_proxy=proxy,
        precision=precision,
        context=context,
        batch=details.batch or 1,
        tokens=details.tokens,
    )


def _filtered(catalog: Catalog, details: Details, facts: Facts) -> list[GPU]:
    """Catalog rows that pass the question's vendor, budget, memory and class filters."""
    gpus = list(catalog)
    if details.vendor:
        gpus = [g for g in gpus if g.vendor == details.vendor]
        facts.filters.append(f"{details.vendor} only")
    if details.min_memory_gb:
        gpus = [g for g in gpus if g.memory_gb >= details.min_memory_gb]
        facts.filters.append(f"at least {details.min_memory_gb:.0f} GB")
    if details.budget_per_hour:
        gpus = [
            g for g in gpus if g.price_per_hour is not None and g.price_per_hour <= details.budget_per_hour
        ]
        facts.filters.append(f"at most ${details.budget_per_hour:.2f} per GPU-hour")
    return gpus


def _preferred(fit: Fit, details: Details, local: bool) -> bool:
    """A sensible default pick: priced, data-center, CUDA unless another vendor was asked for."""
    gpu = fit.gpu
    if gpu.price_per_hour is None:
        return False
    if gpu.gpu_class == "consumer" and not local:
        return False
    if not details.vendor and gpu.software != "CUDA":
        return False
    return not (fit.count > 1 and not gpu.fast_link_joins(fit.count))


def _workload_facts(facts, details, named, catalog, models, assumptions) -> None:
    work = _workload(details, models, facts, assumptions)
    facts.max_gpus = int(assumptions.number("max_gpus"))
    facts.workload = work
    facts.estimate = estimate_memory(work, assumptions)
    candidates = _filtered(catalog, details, facts)
    facts.report = rank_fits(facts.estimate, candidates, assumptions)
    for gpu in named:
        facts.checks.append(_check(facts.estimate, gpu, details.gpu_count, assumptions))
    fits = list(facts.report.fits)
    if details.faster:
        fits.sort(key=lambda f: -_speed(f))
    local = bool(_LOCAL.search(facts.understanding.question.lower()))
    if details.cheaper:
        pick = next((f for f in fits if f.price_per_hour is not None), None)
    else:
        pick = next((f for f in fits if _preferred(f, details, local)), None)
        pick = pick or next(iter(fits), None)
    facts.pick = pick
    shown = [pick] if pick else []
    for fit in fits:
        if len(shown) >= 6:
            break
        if fit is not pick and fit.price_per_hour is not None:
            shown.append(fit)
    facts.shown = shown
    facts.gpus = named + [f.gpu for f in shown if f.gpu not in named]
    facts.options = _options(work, details, candidates, named, assumptions)


def _speed(fit: Fit) -> float:
    if fit.serving:
        return fit.serving.decode_tokens_per_s
    return (fit.gpu.training_tflops or 0.0) * fit.count


def _check(estimate: MemoryEstimate, gpu: GPU, count: int | None, assumptions: Assumptions) -> Fit | NoFit:
    """The workload on a GPU the user named, at the count they named (or the smallest that fits)."""
    outcome = fit_gpu(estimate, gpu, assumptions)
    if count and isinstance(outcome, Fit) and outcome.count > count:
        return NoFit(gpu, f"needs {outcome.count} of them, not {count}")
    return outcome


def _options(
    work: Workload, details: Details, candidates: list[GPU], named: list[GPU], assumptions: Assumptions
) -> list[Option]:
    """Alternatives worth knowing: other fine-tuning methods, or other precisions for inference."""
    variants: list[tuple[str, Workload]] = []
    if work.task in (Task.FULL, Task.LORA, Task.QLORA):
        for task in (Task.FULL, Task.LORA, Task.QLORA):
            variants.append((task.label, work.with_(task=task)))
    elif work.task is Task.INFERENCE:
        for precision in ("bf16", "fp8", "int8", "int4"):
            variants.append((f"inference in {precision}", work.with_(precision=precision)))
    options = []
    for label, variant in variants:
        estimate = estimate_memory(variant, assumptions)
        report = rank_fits(estimate, candidates, assumptions)
        best = next((f for f in report.fits if _preferred(f, details, False)), None)
        on_named = {gpu.name: _check(estimate, gpu, details.gpu_count, assumptions) for gpu in named}
        options.append(Option(label, estimate, best, on_named))
    return options


def ground_in_passages(facts: Facts, passages, catalog: Catalog) -> None:
    """For a general recommendation, the GPUs discussed are the ones the top guide passage names."""
    if (
        facts.understanding.intent is Intent.RECOMMEND
        and facts.estimate is None
        and not facts.gpus
        and passages
    ):
        facts.gpus = catalog.find_in_text(passages[0].page_content)
