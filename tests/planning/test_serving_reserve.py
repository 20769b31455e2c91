"""A served setup that misses only the serving engine's default reserve is marked as fitting with the reserve
raised (corpus/assumptions.yaml serving_memory_fraction_raised); one the user set, a local runtime, training
and setups that fit or miss by more are not."""

from __future__ import annotations

from assistant import Task, WorkloadRequest
from assistant.planning import plan_workload


def _plan(catalog, models, assumptions, **kw):
    return plan_workload(WorkloadRequest(**kw), catalog, models, assumptions)


def test_just_over_the_default_share_fits_with_the_raised_share(catalog, models, assumptions):
    plan = _plan(
        catalog, models, assumptions, model="Llama 3 70B", task=Task.INFERENCE, precision="int4",
        gpus=("RTX 3090",), gpu_count=2,
    )  # fmt: skip
    fit = plan.raised_share["RTX 3090"]
    default = assumptions.number("serving_memory_fraction") * 24
    raised = assumptions.number("serving_memory_fraction_raised") * 24
    assert default < fit.per_gpu_gb <= raised and fit.count == 2


def test_no_raised_share_where_it_is_not_the_question(catalog, models, assumptions):
    base = dict(model="Llama 3 70B", task=Task.INFERENCE, precision="int4", gpus=("RTX 3090",))
    assert _plan(catalog, models, assumptions, **base, gpu_count=1).raised_share == {}  # far over one card
    assert _plan(catalog, models, assumptions, **base, gpu_count=4).raised_share == {}  # fits as it is
    assert _plan(catalog, models, assumptions, **base, gpu_count=2, memory_fraction=0.85).raised_share == {}
    assert (
        _plan(
            catalog, models, assumptions, **{**base, "precision": "q4_k_m"}, gpu_count=2, runtime="llama.cpp"
        ).raised_share
        == {}
    )
    training = dict(model="Llama 3 8B", task=Task.LORA, gpus=("RTX 4090",), gpu_count=1)
    assert _plan(catalog, models, assumptions, **training).raised_share == {}


def test_many_sequences_at_once_are_a_kv_cache_question_not_the_reserve(catalog, models, assumptions):
    plan = _plan(
        catalog, models, assumptions, model="Mistral 7B", task=Task.INFERENCE, precision="int4",
        gpus=("RTX 4090",), gpu_count=1, batch=32,
    )  # fmt: skip
    assert plan.raised_share == {}


def test_a_speed_per_user_picks_the_cheapest_fit_that_reaches_it(catalog, models, assumptions):
    plan = _plan(catalog, models, assumptions, model="Llama 3 8B", task=Task.INFERENCE, user_tokens_per_s=120)
    assert plan.pick.serving.decode_tokens_per_s >= 120
    slower = [f for f in plan.report.fits if f.serving and f.serving.decode_tokens_per_s < 120]
    assert slower  # the usual cheapest pick would have been one of these
