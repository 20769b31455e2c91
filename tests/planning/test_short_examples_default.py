"""A big per-device batch with no length said is a batch of short examples (instruction pairs, classification): it is
sized at Stanford Alpaca's 512-token maximum, not 2,048 tokens, and the assumption is stated. A small batch, a said
length, RL and pre-training keep their own defaults."""

from __future__ import annotations

from assistant import Task, WorkloadRequest
from assistant.knowledge import corpus_dir, load_offerings_from
from assistant.planning import plan_workload


def _plan(catalog, models, assumptions, **kw):
    request = WorkloadRequest(model=kw.pop("model", "Qwen2.5 7B"), **kw)
    return plan_workload(request, catalog, models, assumptions, load_offerings_from(corpus_dir()))


def test_a_large_batch_with_no_length_is_sized_as_short_examples(catalog, models, assumptions):
    plan = _plan(catalog, models, assumptions, task=Task.LORA, batch=48)
    assert plan.workload.context == int(assumptions.number("short_example_sequence"))
    assert any("a batch of 48 is sized as short examples" in d for d in plan.defaults)


def test_the_threshold_batch_is_included_and_the_one_below_is_not(catalog, models, assumptions):
    start = int(assumptions.number("short_sequence_batch_from"))
    at = _plan(catalog, models, assumptions, task=Task.FULL, batch=start)
    below = _plan(catalog, models, assumptions, task=Task.FULL, batch=start - 1)
    assert at.workload.context == int(assumptions.number("short_example_sequence"))
    assert below.workload.context == int(assumptions.number("default_training_sequence"))


def test_a_said_length_wins(catalog, models, assumptions):
    plan = _plan(catalog, models, assumptions, task=Task.QLORA, batch=32, context=4096)
    assert plan.workload.context == 4096


def test_pretraining_and_grpo_keep_their_own_lengths(catalog, models, assumptions):
    pretrain = _plan(catalog, models, assumptions, task=Task.PRETRAIN, batch=64)
    assert pretrain.workload.context == int(assumptions.number("default_training_sequence"))
    grpo = _plan(catalog, models, assumptions, task=Task.LORA, rl="grpo", batch=16)
    prompt, completion = (
        assumptions.number(k) for k in ("rl_default_prompt_tokens", "rl_default_completion_tokens")
    )
    assert grpo.workload.context == prompt + completion
