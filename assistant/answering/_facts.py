"""Facts for an answer: the plan for a workload, or the catalog rows a question is about (pure).

This is the "sizing tool" step of the chain: it turns an ``Understanding`` into numbers taken only
from the catalog, the model specs and the planner, with the defaults it had to assume.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..knowledge import GPU, Catalog, ModelSpec, ModelSpecs
from ..planning import CatalogFilter, Option, Plan, WorkloadRequest, filter_catalog, plan_workload
from ..sizing import Assumptions, Fit, FitReport, MemoryEstimate, NoFit, Workload
from ..understanding import Details, Intent, Understanding

__all__ = ["Facts", "Option", "gather_facts", "ground_in_passages", "request_for"]

_LOCAL = re.compile(r"\b(?:local(?:ly)?|home|desktop|workstation|consumer|gaming card|my pc|laptop|hobby)\b")
_WORKLOAD_INTENTS = (Intent.RECOMMEND, Intent.SIZE, Intent.COMPARE, Intent.PRICE)


@dataclass(frozen=True)
class Facts:
    """Everything numeric an answer may say, with where it came from."""

    understanding: Understanding
    plan: Plan | None = None
    gpus: tuple[GPU, ...] = ()
    filters: tuple[str, ...] = ()
    unknown_model: str | None = None
    known_models: tuple[str, ...] = ()

    # --- the plan's parts, for the composer ------------------------------------------------------
    @property
    def workload(self) -> Workload | None:
        return self.plan.workload if self.plan else None

    @property
    def estimate(self) -> MemoryEstimate | None:
        return self.plan.estimate if self.plan else None

    @property
    def report(self) -> FitReport | None:
        return self.plan.report if self.plan else None

    @property
    def pick(self) -> Fit | None:
        return self.plan.pick if self.plan else None

    @property
    def shown(self) -> tuple[Fit, ...]:
        return self.plan.shown if self.plan else ()

    @property
    def checks(self) -> tuple[Fit | NoFit, ...]:
        return self.plan.checks if self.plan else ()

    @property
    def options(self) -> tuple[Option, ...]:
        return self.plan.options if self.plan else ()

    @property
    def defaults(self) -> tuple[str, ...]:
        return self.plan.defaults if self.plan else ()

    @property
    def model(self) -> ModelSpec | None:
        return self.plan.model if self.plan else None

    @property
    def max_gpus(self) -> int:
        return self.plan.max_gpus if self.plan else 0

    @property
    def gpu_names(self) -> list[str]:
        """GPU names discussed, best first, without repeats."""
        names: list[str] = []
        checked = [c.gpu.name for c in self.checks]  # GPUs the question named come first
        for name in checked + ([self.pick.gpu.name] if self.pick else []) + [g.name for g in self.gpus]:
            if name not in names:
                names.append(name)
        return names


def request_for(understanding: Understanding) -> WorkloadRequest:
    """The planner's request for the workload and constraints a question states."""
    d = understanding.details
    return WorkloadRequest(
        model=d.model,
        params=d.params,
        task=d.task,
        precision=d.precision,
        context=d.context,
        batch=d.batch,
        tokens=d.tokens,
        gpus=d.gpus,
        gpu_count=d.gpu_count,
        vendor=d.vendor,
        min_memory_gb=d.min_memory_gb,
        budget_per_hour=d.budget_per_hour,
        cheaper=d.cheaper,
        faster=d.faster,
        local=bool(_LOCAL.search(understanding.question.lower())),
    )


def gather_facts(
    understanding: Understanding, catalog: Catalog, models: ModelSpecs, assumptions: Assumptions
) -> Facts:
    """Compute the facts an answer to ``understanding`` needs."""
    facts = Facts(understanding)
    details = understanding.details
    intent = understanding.intent
    if intent in (Intent.GREETING, Intent.OUT_OF_SCOPE):
        return facts
    named = [catalog.by_name(n) for n in details.gpus]
    if details.unknown_model and not details.has_workload and intent not in (Intent.SPEC, Intent.COMPARE):
        return replace(facts, unknown_model=details.unknown_model, known_models=tuple(m.name for m in models))
    if details.has_workload and intent in _WORKLOAD_INTENTS:
        plan = plan_workload(request_for(understanding), catalog, models, assumptions)
        gpus = named + [f.gpu for f in plan.shown if f.gpu not in named]
        return replace(facts, plan=plan, gpus=tuple(gpus), filters=plan.filters)
    if intent in (Intent.SPEC, Intent.COMPARE, Intent.PRICE) and named:
        gpus = named
        if intent is Intent.PRICE and details.cheaper:
            gpus = sorted(named, key=lambda g: (g.price_per_hour is None, g.price_per_hour or 0.0))
        return replace(facts, gpus=tuple(gpus))
    if intent in (Intent.PRICE, Intent.RECOMMEND) and not named:
        constraints = _constraints(details)
        filters = tuple(constraints.describe())
        gpus = filter_catalog(catalog, constraints)
        if intent is Intent.RECOMMEND and not filters:
            gpus = []  # a general recommendation names the GPUs its guide passage names
        if intent is Intent.PRICE or details.cheaper:
            gpus = sorted(gpus, key=lambda g: (g.price_per_hour is None, g.price_per_hour or 0.0, g.name))
        return replace(facts, gpus=tuple(gpus), filters=filters)
    return facts


def _constraints(details: Details) -> CatalogFilter:
    return CatalogFilter(
        vendors=(details.vendor,) if details.vendor else (),
        min_memory_gb=details.min_memory_gb,
        max_price_per_hour=details.budget_per_hour,
    )


def ground_in_passages(facts: Facts, passages, catalog: Catalog) -> Facts:
    """For a general recommendation, the GPUs discussed are the ones the top guide passage names."""
    if (
        facts.understanding.intent is Intent.RECOMMEND
        and facts.plan is None
        and not facts.gpus
        and passages
    ):
        return replace(facts, gpus=tuple(catalog.find_in_text(passages[0].page_content)))
    return facts
