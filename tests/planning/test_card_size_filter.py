"""A plan asked for cards of one size ranks only cards of that size (within 1 GB)."""

from __future__ import annotations

from assistant import Task, WorkloadRequest
from assistant.planning import plan_workload
from assistant.planning._filters import CatalogFilter, filter_catalog


def test_only_cards_of_the_size_asked_are_ranked(catalog, models, assumptions):
    plan = plan_workload(
        WorkloadRequest(model="Qwen2.5 32B", task=Task.INFERENCE, card_memory_gb=24),
        catalog,
        models,
        assumptions,
    )
    ranked = [f.gpu for f in plan.report.fits]
    assert ranked and all(abs(g.memory_gb - 24) <= 1 for g in ranked)
    assert plan.report.fits[0].count >= 3  # 67.9 GB of bf16 weights and KV cannot sit on two 24 GB cards


def test_the_filter_describes_itself(catalog):
    constraints = CatalogFilter(card_memory_gb=80)
    assert "80 GB cards" in constraints.describe()
    assert {g.memory_gb for g in filter_catalog(catalog, constraints)} <= {79.0, 80.0, 81.0}
