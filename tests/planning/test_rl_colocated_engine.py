"""A GRPO run told its vLLM shares the training GPUs reserves the share the user set, or TRL's colocate default
(corpus/assumptions.yaml, cited from GRPOConfig), and says so; a run with no colocated engine keeps the whole card."""

from __future__ import annotations

from assistant.planning import WorkloadRequest, plan_workload
from assistant.sizing import Task


def _plan(catalog, models, assumptions, **kw):
    request = WorkloadRequest(
        task=Task.LORA, model="Qwen2.5 7B", gpus=("A100 40GB",), gpu_count=1, rl="grpo", **kw
    )
    return plan_workload(request, catalog, models, assumptions)


def test_the_share_said_is_reserved(catalog, models, assumptions):
    plan = _plan(catalog, models, assumptions, rl_colocated=True, memory_fraction=0.6)
    assert plan.workload.engine_share == 0.6
    assert any("reserves 60% of each card" in d for d in plan.defaults)


def test_unsaid_share_is_trls_default(catalog, models, assumptions):
    plan = _plan(catalog, models, assumptions, rl_colocated=True)
    assert plan.workload.engine_share == assumptions.number("trl_vllm_colocate_memory_utilization")


def test_no_colocated_engine_no_share(catalog, models, assumptions):
    assert _plan(catalog, models, assumptions).workload.engine_share is None


def test_vllm_named_without_its_placement_names_its_share_as_the_lever(catalog, models, assumptions):
    plan = _plan(catalog, models, assumptions, rl_vllm=True)
    assert plan.workload.engine_share is None
    assert any("vllm_gpu_memory_utilization" in d and "first lever" in d for d in plan.defaults)
    assert not any("vllm_gpu_memory_utilization" in d for d in _plan(catalog, models, assumptions).defaults)
