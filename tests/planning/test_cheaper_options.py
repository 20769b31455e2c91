"""'Cheaper?': every method's example setup is its cheapest priced fit, as the pick is, so the lines under the
headline name the same setups the headline does (they used to keep the preferred data-centre setup)."""

from __future__ import annotations

import pytest

from assistant import Task, WorkloadRequest
from assistant.knowledge import corpus_dir, load_offerings_from
from assistant.planning import plan_workload


@pytest.fixture(scope="module")
def offerings():
    return load_offerings_from(corpus_dir())


def _option(plan, task):
    return next(o for o in plan.options if o.label == task.label)


@pytest.mark.parametrize("task", [Task.FULL, Task.LORA, Task.QLORA])
def test_each_method_names_the_setup_its_own_cheaper_plan_picks(
    task, offerings, catalog, models, assumptions
):
    def plan(t, **more):
        return plan_workload(
            WorkloadRequest(model="Mistral 7B", task=t, **more), catalog, models, assumptions, offerings
        )

    asked = _option(plan(Task.FULL, cheaper=True), task).best
    own = plan(task, cheaper=True).pick
    assert (asked.gpu, asked.count, asked.price_per_hour) == (own.gpu, own.count, own.price_per_hour)


def test_cheaper_full_fine_tune_example_costs_less_than_the_usual_one(
    offerings, catalog, models, assumptions
):
    def full(**more):
        request = WorkloadRequest(model="Mistral 7B", task=Task.FULL, **more)
        return _option(plan_workload(request, catalog, models, assumptions, offerings), Task.FULL).best

    assert full(cheaper=True).price_per_hour < full().price_per_hour


def test_a_china_market_card_is_never_a_default_pick(offerings, catalog, models, assumptions):
    # Cudo rents the A800 80GB PCIe below the A100s, but a card sold for one market is weighed only when named
    for cheaper in (False, True):
        plan = plan_workload(
            WorkloadRequest(model="Llama 3.1 8B", task=Task.FULL, cheaper=cheaper),
            catalog,
            models,
            assumptions,
            offerings,
        )
        assert all(
            not f.gpu.sold_in for f in (plan.pick, *plan.shown, *(o.best for o in plan.options if o.best))
        )
    named = plan_workload(
        WorkloadRequest(model="Llama 3.1 8B", task=Task.FULL, gpus=("A800 80GB PCIe",)),
        catalog,
        models,
        assumptions,
        offerings,
    )
    assert named.checks[0].gpu.name == "A800 80GB PCIe"
