"""A tool named for the job sets the oldest NVIDIA generation a plan weighs: vLLM's AWQ kernels need compute
capability 7.5, so a V100 (7.0) is never the pick for an AWQ model under vLLM; a card the user names is still
checked, and the filter says what set it."""

from __future__ import annotations

from assistant import Task, WorkloadRequest
from assistant.knowledge._software import cuda_floor, load_software
from assistant.planning import plan_workload
from assistant.planning._filters import CatalogFilter, filter_catalog


def test_the_floor_is_the_newest_minimum_of_what_was_named(catalog):
    software = load_software(catalog=catalog)
    assert cuda_floor(software.named_in("an awq checkpoint under vllm")) == (7.5, "AWQ in vLLM")
    assert cuda_floor(software.named_in("vllm with flash attention 2")) == (8.0, "FlashAttention-2")
    assert cuda_floor(software.named_in("plain pytorch")) == (5.0, "PyTorch")
    assert cuda_floor(software.named_in("a model on my laptop")) is None


def test_cards_below_the_floor_leave_the_ranking(catalog, models, assumptions):
    request = WorkloadRequest(
        model="Llama 2 13B",
        task=Task.INFERENCE,
        precision="int4",
        min_compute_capability=7.5,
        compute_floor_by="AWQ in vLLM",
    )
    plan = plan_workload(request, catalog, models, assumptions)
    ranked = [f.gpu for f in plan.report.fits]
    assert ranked and all(g.compute_capability is None or g.compute_capability >= 7.5 for g in ranked)
    assert plan.lead.gpu.compute_capability >= 7.5
    assert any("compute capability 7.5 or newer for AWQ in vLLM" in f for f in plan.filters)
    without = plan_workload(
        WorkloadRequest(model="Llama 2 13B", task=Task.INFERENCE, precision="int4"),
        catalog,
        models,
        assumptions,
    )
    assert any(f.gpu.name.startswith("V100") for f in without.report.fits)  # the floor is what removed them


def test_a_card_named_below_the_floor_is_still_checked(catalog, models, assumptions):
    request = WorkloadRequest(
        model="Llama 2 13B",
        task=Task.INFERENCE,
        precision="int4",
        gpus=("V100 32GB",),
        min_compute_capability=7.5,
    )
    plan = plan_workload(request, catalog, models, assumptions)
    assert [c.gpu.name for c in plan.checks] == ["V100 32GB"]


def test_the_filter_drops_only_nvidia_cards_below_it(catalog):
    kept = filter_catalog(catalog, CatalogFilter(min_compute_capability=8.0))
    names = {g.name for g in kept}
    assert "T4" not in names and "A100 80GB SXM" in names and "MI300X" in names
