"""The completions per prompt a GRPO question states ("num_generations 16") are the ones whose KV cache is held
while they are generated, and the ones the assumptions name; unsaid, TRL's default group is used."""

from __future__ import annotations

import pytest

from assistant import Task, WorkloadRequest
from assistant.knowledge import corpus_dir, load_offerings_from
from assistant.planning import plan_workload


def _plan(request, catalog, models, assumptions):
    return plan_workload(request, catalog, models, assumptions, load_offerings_from(corpus_dir()))


def test_the_stated_group_sizes_the_rollout_cache(catalog, models, assumptions):
    default = _plan(
        WorkloadRequest(model="Qwen2.5 3B", task=Task.FULL, rl="grpo", batch=2), catalog, models, assumptions
    )
    sixteen = _plan(
        WorkloadRequest(model="Qwen2.5 3B", task=Task.FULL, rl="grpo", batch=2, rl_generations=16),
        catalog,
        models,
        assumptions,
    )
    group = assumptions.number("rl_generations_per_prompt")
    assert sixteen.estimate.item("rollout KV cache").gb == pytest.approx(
        default.estimate.item("rollout KV cache").gb * 16 / group
    )
    assert any("16 completions per prompt" in d for d in sixteen.defaults)
