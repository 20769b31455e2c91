"""A cost question that leaves the number format unsaid weighs the formats that keep quality acceptable: a large
model is planned in 4-bit (AWQ / GPTQ) when that costs less per hour than 16-bit, a small one in 8-bit, and the
other formats' costs are noted. A format the user names is kept. Real catalog and offerings table."""

from __future__ import annotations

import pytest

from assistant import Task, WorkloadRequest
from assistant.knowledge import corpus_dir, load_offerings_from
from assistant.planning import plan_workload


@pytest.fixture(scope="module")
def offerings():
    return load_offerings_from(corpus_dir())


def _plan(catalog, models, assumptions, offerings, **more):
    request = WorkloadRequest(task=Task.INFERENCE, **more)
    return plan_workload(request, catalog, models, assumptions, offerings)


@pytest.mark.parametrize("model", ["Llama 3.1 70B", "Qwen2.5 72B", "Mixtral 8x7B"])
def test_a_large_model_asked_cheaply_is_planned_in_4_bit_and_costs_less(
    model, catalog, models, assumptions, offerings
):
    as_is = _plan(catalog, models, assumptions, offerings, model=model)
    cheap = _plan(catalog, models, assumptions, offerings, model=model, cheaper=True)
    assert as_is.workload.precision == "bf16"
    assert cheap.workload.precision == "int4"
    assert (
        cheap.pick.price_per_hour
        < _plan(
            catalog, models, assumptions, offerings, model=model, cheaper=True, precision="bf16"
        ).pick.price_per_hour
    )
    note = next(d for d in cheap.defaults if d.startswith("note: weights in 4-bit"))
    assert "in 8-bit" in note and "in 16-bit" in note  # the other formats' cheapest setups, priced


def test_a_small_model_asked_cheaply_keeps_close_to_lossless_8_bit(catalog, models, assumptions, offerings):
    cheap = _plan(catalog, models, assumptions, offerings, model="Llama 3.1 8B", cheaper=True)
    assert cheap.workload.precision == "int8"
    assert any(d.startswith("note: weights in 8-bit") for d in cheap.defaults)


@pytest.mark.parametrize(
    "more",
    [
        {"precision": "bf16"},  # the format said
        {"gpus": ("RTX 4090",)},  # their card: a fit question, not a shopping one
        {},  # no cost asked
    ],
)
def test_the_format_is_left_alone_otherwise(more, catalog, models, assumptions, offerings):
    cheaper = "precision" in more or "gpus" in more
    plan = _plan(catalog, models, assumptions, offerings, model="Llama 3.1 70B", cheaper=cheaper, **more)
    assert plan.workload.precision == "bf16"
    assert not any("chosen as the cheapest format" in d for d in plan.defaults)
