"""A local run's default context (round 11, local): with no context said, llama.cpp-family runs (Ollama, LM Studio,
Jan, llama-cpp-python) and mlx-lm are sized at their own short default (Ollama's num_ctx was 2048 until v0.6.7),
serving engines and ExLlamaV2 at the serving default; a context the user states always wins."""

from __future__ import annotations

import pytest

from assistant.knowledge import load_catalog, load_models
from assistant.planning import WorkloadRequest, plan_workload
from assistant.sizing import Task, load_assumptions


@pytest.fixture(scope="module")
def data():
    return load_catalog(), load_models(), load_assumptions()


def test_the_assumption_reads_by_runtime():
    a = load_assumptions()
    local, serving = int(a.number("local_default_context")), int(a.number("default_inference_context"))
    assert local < serving
    assert a.default_context("llama.cpp") == a.default_context("mlx") == local
    assert a.default_context("exllamav2") == a.default_context("server") == a.default_context(None) == serving


@pytest.mark.parametrize(("runtime", "key"), [("llama.cpp", "local_default_context"), ("mlx", "local_default_context"),
                                              ("server", "default_inference_context"), (None, "default_inference_context")])  # fmt: skip
def test_a_plan_with_no_context_uses_its_runtimes_default(data, runtime, key):
    catalog, models, assumptions = data
    request = WorkloadRequest(task=Task.INFERENCE, model="Mistral 7B", runtime=runtime, precision="q4_k_m"
                              if runtime == "llama.cpp" else None)  # fmt: skip
    plan = plan_workload(request, catalog, models, assumptions)
    assert plan.workload.context == int(assumptions.number(key))
    assert f"context of {int(assumptions.number(key)):,} tokens per sequence" in " ".join(plan.defaults)


def test_a_stated_context_wins_over_the_local_default(data):
    catalog, models, assumptions = data
    request = WorkloadRequest(task=Task.INFERENCE, model="Mistral 7B", runtime="llama.cpp", precision="q4_k_m",
                              context=16384)  # fmt: skip
    assert plan_workload(request, catalog, models, assumptions).workload.context == 16384


def test_a_home_pick_with_no_runtime_is_sized_at_the_local_default(data):
    # choosing hardware for home: the runtime defaults to llama.cpp, and the context with it
    catalog, models, assumptions = data
    request = WorkloadRequest(task=Task.INFERENCE, model="Mistral 7B", local=True)
    plan = plan_workload(request, catalog, models, assumptions)
    assert plan.workload.context == int(assumptions.number("local_default_context"))


def test_a_run_on_ones_own_card_with_no_runtime_is_sized_at_the_local_default(data):
    catalog, models, assumptions = data
    request = WorkloadRequest(task=Task.INFERENCE, model="Mistral 7B", local=True, gpus=("RTX 3060 12GB",))
    plan = plan_workload(request, catalog, models, assumptions)
    assert plan.workload.context == int(assumptions.number("local_default_context"))
