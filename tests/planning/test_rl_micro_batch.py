"""GRPO's micro-batch: a prompt's group of completions is scored against each other and trained together (TRL's
GRPOTrainer needs the batch to be a multiple of num_generations), so unless the user says a batch, a GRPO plan
trains on the whole group at once; PPO and supervised runs keep the one-sequence default."""

from __future__ import annotations

from assistant import Task, WorkloadRequest
from assistant.knowledge import corpus_dir, load_offerings_from
from assistant.planning import plan_workload


def _plan(request, catalog, models, assumptions):
    return plan_workload(request, catalog, models, assumptions, load_offerings_from(corpus_dir()))


def test_grpo_trains_on_the_group_when_no_batch_is_said(catalog, models, assumptions):
    plan = _plan(WorkloadRequest(model="Qwen2.5 7B", task=Task.LORA, rl="grpo"), catalog, models, assumptions)
    group = int(assumptions.number("rl_generations_per_prompt"))
    assert plan.workload.batch == group
    assert plan.estimate.item("rollout KV cache").gb > 0


def test_a_stated_batch_is_kept_for_grpo(catalog, models, assumptions):
    plan = _plan(
        WorkloadRequest(model="Qwen2.5 7B", task=Task.LORA, rl="grpo", batch=2), catalog, models, assumptions
    )
    assert plan.workload.batch == 2


def test_the_group_makes_grpo_far_heavier_than_sft_at_the_same_length(catalog, models, assumptions):
    sft = _plan(
        WorkloadRequest(model="Llama 3 8B", task=Task.QLORA, context=2048), catalog, models, assumptions
    )
    grpo = _plan(
        WorkloadRequest(model="Llama 3 8B", task=Task.QLORA, rl="grpo", context=2048),
        catalog,
        models,
        assumptions,
    )
    # eight completions' activations and fp32 logits (128k vocabulary) against one sequence's
    assert grpo.estimate.total_gb > 2.5 * sft.estimate.total_gb


def test_ppo_keeps_the_one_sequence_default(catalog, models, assumptions):
    plan = _plan(WorkloadRequest(model="Qwen2.5 7B", task=Task.LORA, rl="ppo"), catalog, models, assumptions)
    assert plan.workload.batch == 1


def test_grpo_with_no_length_said_runs_at_trls_prompt_and_completion_defaults(catalog, models, assumptions):
    plan = _plan(WorkloadRequest(model="Qwen2.5 3B", task=Task.LORA, rl="grpo"), catalog, models, assumptions)
    prompt = int(assumptions.number("rl_default_prompt_tokens"))
    completion = int(assumptions.number("rl_default_completion_tokens"))
    assert plan.workload.context == prompt + completion
    assert plan.workload.rl_completion == completion
    assert any(f"{prompt}-token prompt and a {completion}-token completion" in d for d in plan.defaults)


def test_a_said_completion_is_what_the_loss_scores(catalog, models, assumptions):
    plan = _plan(
        WorkloadRequest(model="Qwen2.5 3B", task=Task.LORA, rl="grpo", context=1536, rl_completion=1024),
        catalog,
        models,
        assumptions,
    )
    assert (plan.workload.context, plan.workload.rl_completion) == (1536, 1024)


def test_supervised_fine_tuning_keeps_the_usual_sequence_default(catalog, models, assumptions):
    plan = _plan(WorkloadRequest(model="Qwen2.5 3B", task=Task.LORA), catalog, models, assumptions)
    assert plan.workload.context == int(assumptions.number("default_training_sequence"))
    assert plan.workload.rl_completion is None
