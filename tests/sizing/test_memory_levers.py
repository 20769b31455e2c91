"""A training run too big for one card: each usual lever sized again (gradient checkpointing, micro-batch,
sequence, a fused cross-entropy, 8-bit AdamW over bf16 weights, LoRA, QLoRA); Unsloth's published minimum plus
the activations; a fused loss holds no fp32 logits."""

from __future__ import annotations

import pytest

from assistant.sizing import Task, Workload, estimate_memory, memory_levers


def _work(models, name, task, **kw):
    spec = models.by_name(name)
    return Workload(task=task, shape=spec, params=spec.params, **kw)


def test_a_full_fine_tune_whose_model_states_exceed_the_card_fits_only_with_adapters(
    models, catalog, assumptions
):
    work = _work(models, "Llama 2 7B", Task.FULL, context=2048, batch=4, gradient_checkpointing=False)
    levers = {
        lever.label.split(" (")[0]: lever
        for lever in memory_levers(work, catalog.by_name("RTX 4090"), assumptions)
    }
    assert not levers["gradient checkpointing on"].fits
    assert not levers["micro-batch 1"].fits
    assert levers["LoRA"].fits and levers["QLoRA"].fits
    assert levers["LoRA"].gb == pytest.approx(
        estimate_memory(
            work.with_(task=Task.LORA, batch=1, gradient_checkpointing=True), assumptions
        ).total_gb
    )


def test_a_qlora_run_over_a_16gb_card_fits_with_a_smaller_batch_and_sequence(models, catalog, assumptions):
    work = _work(models, "Llama 3 8B", Task.QLORA, context=4096, batch=2)
    levers = memory_levers(work, catalog.by_name("RTX 4060 Ti 16GB"), assumptions)
    combined = next(lever for lever in levers if "+" in lever.label)
    assert combined.workload.batch == 1 and combined.workload.context == 2048 and combined.fits
    assert not any(lever.label.startswith("LoRA") for lever in levers)  # never a heavier method


def test_on_a_10gb_card_a_large_vocabulary_qlora_run_fits_only_with_a_fused_loss(
    models, catalog, assumptions
):
    # Llama 3's 128k vocabulary: at 2,048 tokens the unfused loss's logits alone take ~3 GB
    work = _work(models, "Llama 3 8B", Task.QLORA, context=4096, batch=2)
    levers = memory_levers(work, catalog.by_name("RTX 3080"), assumptions)
    assert not next(lever for lever in levers if "+" in lever.label).fits
    assert next(lever for lever in levers if "chunks" in lever.label).fits


def test_inference_has_no_levers(models, catalog, assumptions):
    work = _work(models, "Llama 3 8B", Task.INFERENCE)
    assert memory_levers(work, catalog.by_name("T4"), assumptions) == ()


def test_a_fused_loss_holds_no_fp32_logits(models, assumptions):
    plain = estimate_memory(_work(models, "Llama 3 8B", Task.QLORA, context=4096), assumptions)
    fused = estimate_memory(
        _work(models, "Llama 3 8B", Task.QLORA, context=4096, fused_loss=True), assumptions
    )
    spec = models.by_name("Llama 3 8B")
    per = assumptions.number("logits_bytes_per_token_vocab")  # 16-bit logits, fp32 copy, gradient
    logits = 4096 * spec.vocab_size * per / 1e9
    # with checkpointing the logits and one recomputed layer are never live together: the larger counts
    layer = 4096 * spec.hidden_size * assumptions.number("activation_bytes_per_token_layer_hidden") / 1e9
    assert plain.total_gb - fused.total_gb == pytest.approx(logits - layer, rel=0.01)


def test_unsloth_is_its_published_minimum_plus_the_activations(models, assumptions):
    work = _work(models, "Llama 3 8B", Task.QLORA, context=2048, unsloth=True)
    estimate = estimate_memory(work, assumptions)
    floor = estimate.item("Unsloth's published minimum")
    assert floor.gb == pytest.approx(6.0, rel=0.01)  # the 8B row of the QLoRA column (8.03B: a little over)
    assert [i.label for i in estimate.items] == ["Unsloth's published minimum", "activations"]


def test_unsloth_between_two_rows_is_interpolated(models, assumptions):
    spec = models.by_name("Qwen2.5 14B")
    work = Workload(task=Task.LORA, shape=spec, params=20e9, unsloth=True)
    floor = estimate_memory(work, assumptions).item("Unsloth's published minimum").gb
    assert 33 < floor < 64  # between the 14B and 27B rows of the 16-bit LoRA column


def test_unsloth_changes_nothing_for_a_full_fine_tune(models, assumptions):
    plain = estimate_memory(_work(models, "Llama 3 8B", Task.FULL), assumptions)
    unsloth = estimate_memory(_work(models, "Llama 3 8B", Task.FULL, unsloth=True), assumptions)
    assert unsloth.item("model states").gb == plain.item("model states").gb


def test_levers_on_several_gpus_are_sized_per_gpu_with_more_sharding(models, catalog, assumptions):
    # a ZeRO-2 full fine-tune on 2 cards: each lever is the memory on each of the 2, and ZeRO-3 (and ZeRO-3 with
    # CPU offload) are levers of their own
    work = _work(models, "Llama 3.1 8B", Task.FULL, zero_stage=2, batch=4, context=4096)
    gpu = catalog.by_name("RTX 3090")
    levers = {lever.label.split(" (")[0]: lever for lever in memory_levers(work, gpu, assumptions, count=2)}
    whole = estimate_memory(levers["micro-batch 1"].workload, assumptions)
    assert levers["micro-batch 1"].gb == whole.per_gpu_gb(2) < whole.per_gpu_gb(1)
    offload = levers["ZeRO-3 with optimizer and weights offloaded to CPU RAM"]
    assert offload.fits and offload.gb < levers["ZeRO-3 / FSDP full sharding"].gb
    one = {lever.label for lever in memory_levers(work, gpu, assumptions)}
    assert not any("ZeRO-3" in label for label in one)
