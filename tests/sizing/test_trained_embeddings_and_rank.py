"""LoRA with the embeddings and LM head trained too (PEFT modules_to_save, Unsloth's continued pre-training) holds a
trainable copy of them with gradients and optimizer states; an Unsloth run at a rank above its table's adds the
adapters beyond it. Both were left out of the total."""

from __future__ import annotations

import pytest

from assistant.sizing import Task, Workload, estimate_memory


def _lora(models, task=Task.LORA, **kw):
    spec = models.by_name("Qwen2.5 7B")
    return Workload(task=task, shape=spec, params=spec.params, context=1024, **kw)


def test_trained_embeddings_add_a_full_training_copy(models, assumptions):
    plain = estimate_memory(_lora(models), assumptions)
    trained = estimate_memory(_lora(models, train_embeddings=True), assumptions)
    spec = models.by_name("Qwen2.5 7B")
    per_param = assumptions.number("adamw_mixed_bytes_per_param")
    item = trained.item("trained embeddings and LM head")
    assert item.gb == pytest.approx(spec.embedding_params * per_param / 1e9)
    assert trained.total_gb == pytest.approx(plain.total_gb + item.gb)


def test_unsloth_keeps_its_minimum_and_adds_what_lies_beyond_it_on_one_gpu(models, assumptions):
    base = estimate_memory(_lora(models, Task.QLORA, unsloth=True), assumptions)
    more = estimate_memory(
        _lora(models, Task.QLORA, unsloth=True, lora_rank=128, train_embeddings=True), assumptions
    )
    labels = [i.label for i in more.items]
    assert "Unsloth's published minimum" in labels
    assert "LoRA adapters beyond rank 16" in labels and "trained embeddings and LM head" in labels
    assert more.total_gb > base.total_gb + more.item("trained embeddings and LM head").gb
    assert more.per_gpu_gb(2) == pytest.approx(more.total_gb)  # nothing splits: Unsloth trains on one GPU


def test_a_rank_at_or_below_the_tables_adds_nothing(models, assumptions):
    base = estimate_memory(_lora(models, Task.QLORA, unsloth=True), assumptions)
    low = estimate_memory(_lora(models, Task.QLORA, unsloth=True, lora_rank=8), assumptions)
    assert low.total_gb == pytest.approx(base.total_gb)
