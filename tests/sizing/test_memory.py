"""Memory arithmetic against published reference figures (each cited)."""

from __future__ import annotations

import pytest

from assistant.sizing import Task, Workload, estimate_memory, kv_cache_bytes_per_token, shape_for

KIB = 1024
MIB = 1024 * 1024


def named(models, name, task=Task.INFERENCE, **kw):
    spec = models.by_name(name)
    return Workload(task=task, shape=spec, params=spec.params, **kw)


def generic(models, params, task, **kw):
    return Workload(task=task, shape=shape_for(params, models), params=params, shape_is_proxy=True, **kw)


# KV cache per token. Source: "Mastering LLM Techniques: Inference Optimization", NVIDIA
# Technical Blog (2023): Llama-2-7B at fp16 needs ~0.5 MB per token (2 x 32 layers x 4096 x 2 bytes).
def test_llama2_7b_kv_cache_is_half_a_mib_per_token(models, assumptions):
    assert kv_cache_bytes_per_token(named(models, "Llama 2 7B"), assumptions) == 512 * KIB


# Llama 3 8B has 8 KV heads (GQA): 2 x 32 x 8 x 128 x 2 = 128 KiB/token.
# Source: Meta Llama 3 model card / config.json (num_key_value_heads = 8).
def test_llama3_8b_kv_cache_uses_gqa(models, assumptions):
    assert kv_cache_bytes_per_token(named(models, "Llama 3 8B"), assumptions) == 128 * KIB


# Llama 2 70B: 2 x 80 layers x 8 KV heads x 128 x 2 bytes = 320 KiB/token.
# Source: Llama 2 paper (Touvron et al. 2023), GQA for 70B; Hugging Face config.json.
def test_llama2_70b_kv_cache(models, assumptions):
    assert kv_cache_bytes_per_token(named(models, "Llama 2 70B"), assumptions) == 320 * KIB


def test_kv_cache_scales_with_tokens_and_sequences(models, assumptions):
    one = estimate_memory(named(models, "Llama 3 8B", context=1000, batch=1), assumptions)
    many = estimate_memory(named(models, "Llama 3 8B", context=4000, batch=8), assumptions)
    assert many.item("KV cache").gb == pytest.approx(one.item("KV cache").gb * 32)
    assert one.item("KV cache").gb == pytest.approx(1000 * 128 * KIB / 1e9)


# 70B weights: ~140 GB in fp16, ~70 GB in int8, ~35 GB in int4 (2 / 1 / 0.5 bytes per parameter).
# Source: Hugging Face blog "Llama 2 is here" (2023) and the Llama 2 70B model card hardware notes.
# Quantization scales (group 128) and 16-bit embeddings add a few percent, which we show.
@pytest.mark.parametrize(
    ("precision", "low", "high"),
    [("fp16", 135, 145), ("bf16", 135, 145), ("int8", 68, 75), ("int4", 34, 39), ("fp8", 68, 72)],
)
def test_70b_weights_by_precision(models, assumptions, precision, low, high):
    weights = estimate_memory(named(models, "Llama 2 70B", precision=precision), assumptions).item("weights")
    assert low <= weights.gb <= high


def test_fp32_weights_are_four_bytes_per_param(models, assumptions):
    work = named(models, "Llama 2 7B", precision="fp32")
    assert estimate_memory(work, assumptions).item("weights").gb == pytest.approx(work.params * 4 / 1e9)


def test_moe_keeps_every_expert_resident(models, assumptions):
    mixtral = named(models, "Mixtral 8x7B", precision="bf16")
    weights = estimate_memory(mixtral, assumptions).item("weights")
    assert weights.gb == pytest.approx(mixtral.params * 2 / 1e9)
    assert "all experts resident" in weights.detail


# Full fine-tuning of a 7B model: 16–18 bytes/param of model states = 112–126 GB.
# Source: ZeRO (Rajbhandari et al. 2020) section 3.1; Hugging Face "Model training anatomy".
def test_7b_full_finetune_model_states(models, assumptions):
    estimate = estimate_memory(generic(models, 7e9, Task.FULL), assumptions)
    states = estimate.item("model states").gb
    assert 112 <= states <= 126
    assert dict(estimate.alternatives)["model states at 18 bytes/param"] == pytest.approx(126)
    assert any(a.key == "adamw_mixed_bytes_per_param" for a in estimate.assumptions)


def test_checkpointing_saves_activation_memory(models, assumptions):
    with_ckpt = estimate_memory(generic(models, 7e9, Task.FULL, context=4096), assumptions)
    without = estimate_memory(
        generic(models, 7e9, Task.FULL, context=4096, gradient_checkpointing=False), assumptions
    )
    assert without.item("activations").gb > 5 * with_ckpt.item("activations").gb
    assert dict(with_ckpt.alternatives)["activations without gradient checkpointing"] == pytest.approx(
        without.item("activations").gb
    )


def test_8bit_optimizer_shrinks_model_states(models, assumptions):
    adamw = estimate_memory(generic(models, 7e9, Task.FULL), assumptions).item("model states").gb
    eight = estimate_memory(generic(models, 7e9, Task.FULL, optimizer="adam8bit"), assumptions)
    assert eight.item("model states").gb == pytest.approx(adamw * 10 / 16)


# QLoRA of a 7B model fits in 5–10 GB. Source: QLoRA (Dettmers et al. 2023), Table/Fig. 6:
# a 7B LLaMA fine-tunes in under 10 GB with NF4 + double quantization + paged optimizers.
def test_7b_qlora_total(models, assumptions):
    total = estimate_memory(generic(models, 7e9, Task.QLORA), assumptions).total_gb
    assert 5 <= total <= 10


# LoRA of a 7B model with a bf16 base: 15–20 GB. Source: Hugging Face PEFT docs / Lightning AI
# "Finetuning LLMs with LoRA" (Raschka 2023): ~14–21 GB for 7B LoRA with bf16 weights.
def test_7b_lora_total(models, assumptions):
    total = estimate_memory(generic(models, 7e9, Task.LORA), assumptions).total_gb
    assert 15 <= total <= 20


# LoRA on a base loaded in 8-bit (alpaca-lora's load_in_8bit): 1 byte/param for the frozen base, so
# 7B weights ~7 GB instead of ~14; the same adapters and activations on top: 8-13 GB in all.
def test_7b_lora_on_an_8bit_base(models, assumptions):
    total = estimate_memory(generic(models, 7e9, Task.LORA, precision="int8"), assumptions).total_gb
    assert 8 <= total <= 13
    bf16 = estimate_memory(generic(models, 7e9, Task.LORA), assumptions).total_gb
    assert bf16 - total == pytest.approx(7, abs=1)


# ZeRO-3 on 8 GPUs: 7B model states 112 GB / 8 = 14 GB per GPU, plus activations: 14–18 GB.
# Source: DeepSpeed ZeRO-3 memory estimator docs (estimate_zero3_model_states_mem_needs).
def test_zero3_7b_on_8_gpus(models, assumptions):
    per_gpu = estimate_memory(generic(models, 7e9, Task.FULL), assumptions).per_gpu_gb(8)
    assert 14 <= per_gpu <= 18


def test_breakdown_adds_up_and_states_assumptions(models, assumptions):
    estimate = estimate_memory(
        named(models, "Llama 3.1 70B", precision="int4", context=8192, batch=4), assumptions
    )
    assert estimate.total_gb == pytest.approx(sum(item.gb for item in estimate.items))
    keys = {a.key for a in estimate.assumptions}
    assert {"bytes_per_param", "quant_group_size", "cuda_context_gb"} <= keys


def test_proxy_shape_is_nearest_dense_model(models):
    assert shape_for(70e9, models).params_b == pytest.approx(70, rel=0.05)
    assert not shape_for(47e9, models).is_moe


def test_workload_rejects_nonsense(models):
    spec = models.by_name("Llama 2 7B")
    with pytest.raises(ValueError):
        Workload(task=Task.INFERENCE, shape=spec, params=-1)
    with pytest.raises(ValueError):
        Workload(task=Task.INFERENCE, shape=spec, params=spec.params, context=0)


def test_plain_data_parallel_keeps_a_full_copy_on_every_gpu(models, assumptions):
    # DDP replicates weights, gradients and optimizer states; only ZeRO/FSDP shard them
    sharded = estimate_memory(named(models, "Qwen2.5 3B", Task.FULL), assumptions)
    replicated = estimate_memory(named(models, "Qwen2.5 3B", Task.FULL, replicated=True), assumptions)
    assert replicated.total_gb == pytest.approx(sharded.total_gb)
    assert replicated.per_gpu_gb(4) == pytest.approx(replicated.total_gb)
    assert sharded.per_gpu_gb(4) < replicated.per_gpu_gb(4) / 2


@pytest.mark.parametrize(("stage", "kept_bytes"), [(1, 4), (2, 2)])
def test_zero_1_and_2_keep_the_16_bit_weights_whole_on_every_gpu(models, assumptions, stage, kept_bytes):
    sharded = estimate_memory(named(models, "Llama 2 7B", Task.FULL, zero_stage=3), assumptions)
    staged = estimate_memory(named(models, "Llama 2 7B", Task.FULL, zero_stage=stage), assumptions)
    params = models.by_name("Llama 2 7B").params
    assert staged.total_gb == pytest.approx(sharded.total_gb)  # the same bytes, split differently
    # on 8 GPUs the unsharded part costs (1 - 1/8) of its size more per GPU than under ZeRO-3
    extra = params * kept_bytes / 1e9 * (1 - 1 / 8)
    assert staged.per_gpu_gb(8) - sharded.per_gpu_gb(8) == pytest.approx(extra, rel=0.01)


# gpt-oss ships its experts in MXFP4 and its attention in bf16 (config.json quantization_config
# modules_to_not_convert: self_attn, router, embed_tokens, lm_head); the checkpoints are ~65 GB (120b) and ~14 GB
# (20b), the sizes Ollama lists for gpt-oss:120b and gpt-oss:20b.
def test_mxfp4_moe_keeps_attention_in_16_bit(models, assumptions):
    for name, published in (("gpt-oss-120b", 65), ("gpt-oss-20b", 14)):
        work = named(models, name, precision="mxfp4")
        weights = estimate_memory(work, assumptions).item("weights")
        assert weights.gb == pytest.approx(published, rel=0.05), name
        assert "attention" in weights.detail
