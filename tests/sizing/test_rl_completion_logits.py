"""An online RL loss scores only the completion: TRL's GRPO trainer asks the model for the logits of the completion's
positions (logits_to_keep), so the logits over the vocabulary grow with the completion, not the prompt before it;
Unsloth's GRPO computes the log-probabilities in chunks and holds no whole logits at all."""

from __future__ import annotations

import pytest

from assistant.sizing import Task, Workload, estimate_memory


def _grpo(models, **kw):
    spec = models.by_name("Qwen2.5 1.5B")
    settings = dict(task=Task.FULL, shape=spec, params=spec.params, context=1536, batch=8, rl="grpo")
    settings.update(kw)
    return Workload(**settings)


def test_the_logits_cover_the_completion_tokens_only(models, assumptions):
    whole = estimate_memory(_grpo(models, gradient_checkpointing=False), assumptions)
    completion = estimate_memory(_grpo(models, gradient_checkpointing=False, rl_completion=1024), assumptions)
    vocab = models.by_name("Qwen2.5 1.5B").vocab_size
    per = assumptions.number("logits_bytes_per_token_vocab")
    # 8 sequences x (1536 - 1024) prompt tokens whose logits are never computed
    saved = 8 * 512 * vocab * per / 1e9
    assert whole.item("activations").gb - completion.item("activations").gb == pytest.approx(saved, rel=1e-6)
    assert "1,024 completion tokens only" in completion.item("activations").detail


def test_a_completion_longer_than_the_sequence_is_capped_at_it(models, assumptions):
    whole = estimate_memory(_grpo(models), assumptions)
    capped = estimate_memory(_grpo(models, rl_completion=99_999), assumptions)
    assert capped.item("activations").gb == pytest.approx(whole.item("activations").gb)


def test_supervised_runs_keep_logits_over_every_token(models, assumptions):
    spec = models.by_name("Qwen2.5 1.5B")
    sft = Workload(task=Task.FULL, shape=spec, params=spec.params, context=1536, batch=8)
    # rl_completion means nothing without an RL method
    same = Workload(task=Task.FULL, shape=spec, params=spec.params, context=1536, batch=8, rl_completion=256)
    assert estimate_memory(same, assumptions).total_gb == pytest.approx(
        estimate_memory(sft, assumptions).total_gb
    )


def test_unsloth_grpo_holds_no_whole_logits(models, assumptions):
    plain = estimate_memory(_grpo(models, task=Task.QLORA, rl_completion=1024), assumptions)
    unsloth = estimate_memory(_grpo(models, task=Task.QLORA, rl_completion=1024, unsloth=True), assumptions)
    assert unsloth.item("activations").gb < plain.item("activations").gb / 3
    assert "in chunks" in unsloth.item("activations").detail
    assert "unsloth_rl_chunked_logits" in {a.key for a in unsloth.assumptions}
