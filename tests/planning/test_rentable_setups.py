"""Recommendations only among real offerings: every setup the planner shows is an instance someone rents."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant import CatalogFilter, OfferingsTable, Task, WorkloadRequest
from assistant.knowledge import Offering, corpus_dir, is_auction, load_offerings_from
from assistant.planning import plan_workload
from assistant.planning._offerings import CLUSTER_INTERCONNECTS, OfferedFit
from assistant.sizing import Fit, NoFit

MAX_CONSUMER_CARDS = 8

WORKLOADS = {
    "8B on one 24 GB card": WorkloadRequest(model="Llama 3.1 8B", task=Task.INFERENCE),
    "7B LoRA": WorkloadRequest(params=7e9, task=Task.LORA),
    "13B QLoRA": WorkloadRequest(model="Llama 2 13B", task=Task.QLORA),
    "70B serving": WorkloadRequest(model="Llama 3.1 70B", task=Task.INFERENCE),
    "70B full fine-tune": WorkloadRequest(model="Llama 3.1 70B", task=Task.FULL),
    "70B full fine-tune, 1B tokens": WorkloadRequest(model="Llama 3.1 70B", task=Task.FULL, tokens=1e9),
    "405B fp8 serving": WorkloadRequest(model="Llama 3.1 405B", task=Task.INFERENCE, precision="fp8"),
    "DeepSeek-V3 serving": WorkloadRequest(model="DeepSeek-V3", task=Task.INFERENCE),
    "DeepSeek-V3 fp8 serving": WorkloadRequest(model="DeepSeek-V3", task=Task.INFERENCE, precision="fp8"),
}


@pytest.fixture(scope="module")
def offerings():
    return load_offerings_from(corpus_dir())


def recommended(plan) -> list[Fit]:
    """The pick, every shown alternative and the best setup of every other method or precision."""
    setups = [plan.pick, *plan.shown, *(option.best for option in plan.options)]
    return [fit for fit in setups if fit is not None]


@pytest.mark.parametrize("name", list(WORKLOADS))
def test_every_recommended_setup_is_an_offering_in_the_table(name, offerings, catalog, models, assumptions):
    plan = plan_workload(WORKLOADS[name], catalog, models, assumptions, offerings)
    setups = recommended(plan)
    assert plan.pick is not None and setups
    rows = set(offerings)
    for fit in setups:
        assert isinstance(fit, OfferedFit), fit.label
        offer = fit.offering
        assert offer in rows, f"{fit.label}: {offer.provider} {offer.instance_type} is not in the table"
        assert offer.gpu == fit.gpu.name
        assert offer.gpus_per_instance * fit.instances == fit.count
        assert fit.price_per_hour == pytest.approx(offer.on_demand_per_hour * fit.instances)
        assert not offer.price_suspect
        assert not is_auction(offer), f"{fit.label}: an auction bid is not an on-demand price"
        if fit.instances > 1:  # multi-node only over a cluster fabric, never consumer cards
            assert offer.interconnect in CLUSTER_INTERCONNECTS, fit.where
            assert fit.gpu.gpu_class != "consumer", fit.where
        if fit.gpu.gpu_class == "consumer":
            assert fit.count <= MAX_CONSUMER_CARDS, fit.label
        assert any(offer.instance_type in c and offer.as_of.isoformat() in c for c in fit.caveats)


def test_single_gpu_only_parts_and_consumer_clusters_are_gone(offerings, catalog, models, assumptions):
    for request in WORKLOADS.values():
        plan = plan_workload(request, catalog, models, assumptions, offerings)
        for fit in recommended(plan):
            assert not (fit.gpu.name == "GH200" and fit.count > 1), fit.label  # GH200 is rented one at a time
            assert not (fit.gpu.gpu_class == "consumer" and fit.count > MAX_CONSUMER_CARDS), fit.label
            assert not (fit.gpu.name == "A40" and fit.count > 8), fit.label  # no A40 cluster fabric offered
        gh200 = next((n for n in plan.report.no_fits if n.gpu.name == "GH200"), None)
        if gh200 is not None and "more than" not in gh200.reason:
            assert "at most 1 per instance" in gh200.reason


def test_job_costs_and_prices_are_those_of_the_instances_rented(offerings, catalog, models, assumptions):
    request = WORKLOADS["70B full fine-tune, 1B tokens"]
    plan = plan_workload(request, catalog, models, assumptions, offerings)
    for fit in plan.shown:
        hours = fit.training.hours
        assert fit.job_cost == pytest.approx(hours * fit.price_per_hour, rel=1e-6)
    assert any("cheapest on-demand offer" in c for c in plan.caveats)


def _offering(gpu: str, count: int, price: float, interconnect: str | None = None) -> Offering:
    return Offering(
        provider="example",
        instance_type=f"{count}x-{gpu}",
        gpu=gpu,
        gpus_per_instance=count,
        region="us-east-1",
        on_demand_per_hour=price,
        interconnect=interconnect,
        source="https://example.invalid/test-table",
        as_of=dt.date(2026, 11, 1),
    )


def test_a_one_gpu_job_on_an_eight_gpu_only_offering_pays_for_eight(catalog, models, assumptions):
    table = OfferingsTable([_offering("H100 SXM", 8, 24.0)])
    plan = plan_workload(WORKLOADS["8B on one 24 GB card"], catalog, models, assumptions, table)
    assert [f.gpu.name for f in plan.report.fits] == ["H100 SXM"]
    fit = plan.report.fits[0]
    assert fit.count == 8 and fit.price_per_hour == 24.0
    assert any("pays for, and runs on, 8" in c for c in fit.caveats)
    l4 = next(n for n in plan.report.no_fits if n.gpu.name == "L4")
    assert l4.reason == "no provider in the offerings table rents it at an on-demand price"


def test_multi_node_needs_a_cluster_interconnect(catalog, models, assumptions):
    request = WORKLOADS["70B full fine-tune"]
    without = OfferingsTable([_offering("H100 SXM", 8, 24.0)])
    outcome = next(
        n
        for n in plan_workload(request, catalog, models, assumptions, without).report.no_fits
        if n.gpu.name == "H100 SXM"
    )
    assert isinstance(outcome, NoFit) and "cluster interconnect" in outcome.reason
    joined = OfferingsTable([_offering("H100 SXM", 8, 24.0, "InfiniBand")])
    fit = plan_workload(request, catalog, models, assumptions, joined).report.fits[0]
    assert isinstance(fit, OfferedFit) and fit.instances == fit.count // 8 > 1
    assert fit.price_per_hour == 24.0 * fit.instances


def test_local_hardware_and_no_table_keep_the_catalog_sizing(catalog, models, assumptions, offerings):
    local = WorkloadRequest(model="Llama 3.1 8B", task=Task.INFERENCE, local=True)
    for plan in (
        plan_workload(local, catalog, models, assumptions, offerings),
        plan_workload(WORKLOADS["8B on one 24 GB card"], catalog, models, assumptions),
    ):
        assert not any(isinstance(f, OfferedFit) for f in plan.report.fits)


@pytest.mark.parametrize("name", sorted(WORKLOADS))
@pytest.mark.parametrize("vendor", [None, "AMD"])
def test_best_offered_is_the_first_preferred_setup_of_the_full_report(
    name, vendor, offerings, catalog, models, assumptions
):
    """best_offered builds only the setups it may pick, yet picks what ranking every GPU would."""
    from dataclasses import replace

    from assistant.planning import filter_catalog
    from assistant.planning._offerings import _rank_key, best_offered, offered_fit, offered_report
    from assistant.planning._plan import _preferred, _preferred_setup, _workload
    from assistant.sizing import estimate_memory, rank_fits

    request = replace(WORKLOADS[name], vendor=vendor)
    work, _ = _workload(request, models, assumptions, [])
    candidates = filter_catalog(catalog, CatalogFilter(vendors=(vendor,) if vendor else ()))
    for variant in (work, work.with_(precision="int4"), work.with_(task=Task.QLORA)):
        estimate = estimate_memory(variant, assumptions)
        report = offered_report(estimate, candidates, offerings, assumptions)
        # the report builds each GPU's setup straight from the count it needs: the same setups as offering
        # every fit of the full sizing report
        each = [
            offered_fit(f, estimate, offerings, assumptions)
            for f in rank_fits(estimate, candidates, assumptions).fits
        ]
        assert report.fits == tuple(sorted((f for f in each if not isinstance(f, NoFit)), key=_rank_key))
        expected = next((f for f in report.fits if _preferred(f, request, False)), None)
        best = best_offered(
            estimate,
            candidates,
            offerings,
            assumptions,
            lambda gpu, count, price: _preferred_setup(gpu, count, price, request, False),
        )
        assert best == expected


@pytest.mark.parametrize(
    ("request_", "count"),
    [
        (WorkloadRequest(model="Llama 3 8B", task=Task.FULL, gpus=("A100 80GB SXM", "L40S")), None),
        (WorkloadRequest(model="Llama 3.1 8B", task=Task.INFERENCE, gpus=("L4",)), None),
        (WorkloadRequest(model="Llama 3.1 405B", task=Task.INFERENCE, gpus=("H100 SXM",), gpu_count=16), 16),
    ],
)
def test_a_named_gpu_is_priced_as_the_plan_rents_it(request_, count, offerings, catalog, models, assumptions):
    """The GPUs the user names are priced at the same real instance as the plan's own list of setups, so one
    answer never shows the same setup at two prices."""
    plan = plan_workload(request_, catalog, models, assumptions, offerings)
    for check in plan.checks:
        offered = next(f for f in plan.report.fits if f.gpu.name == check.gpu.name)
        assert offered.count == check.count and (count is None or check.count == count)
        assert isinstance(check, OfferedFit) and check.price_per_hour == offered.price_per_hour
