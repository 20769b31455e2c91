"""Which GPUs fit, how many, and how they rank — on the real catalog."""

from __future__ import annotations

import pytest

from assistant.sizing import (
    Fit,
    NoFit,
    Task,
    Workload,
    context_room,
    estimate_memory,
    fit_gpu,
    fp8_weight_only,
    rank_fits,
)


def workload(models, name, task=Task.INFERENCE, **kw):
    spec = models.by_name(name)
    return Workload(task=task, shape=spec, params=spec.params, **kw)


def test_8b_inference_fits_one_l4(models, catalog, assumptions):
    estimate = estimate_memory(workload(models, "Llama 3.1 8B", precision="bf16"), assumptions)
    fit = fit_gpu(estimate, catalog.by_name("L4"), assumptions)
    assert isinstance(fit, Fit) and fit.count == 1
    assert fit.per_gpu_gb <= fit.usable_gb == pytest.approx(24 * 0.9)
    assert fit.kv_capacity_tokens > 0


def test_70b_fp16_needs_several_gpus_and_pcie_caveat(models, catalog, assumptions):
    estimate = estimate_memory(workload(models, "Llama 3.1 70B", precision="fp16"), assumptions)
    l40s = fit_gpu(estimate, catalog.by_name("L40S"), assumptions)
    assert isinstance(l40s, Fit) and l40s.count == 4
    assert any("PCIe" in c for c in l40s.caveats)
    h100 = fit_gpu(estimate, catalog.by_name("H100 SXM"), assumptions)
    # 141 GB of weights on 2 x 80 GB leaves no room inside vLLM's 90% reservation: 4 GPUs.
    assert estimate.per_gpu_gb(2) > h100.usable_gb
    assert h100.count == 4 and not any("PCIe" in c for c in h100.caveats)
    mi300x = fit_gpu(estimate, catalog.by_name("MI300X"), assumptions)
    assert mi300x.count == 1


def test_smallest_count_is_chosen(models, catalog, assumptions):
    estimate = estimate_memory(workload(models, "Llama 3.1 405B", precision="fp8"), assumptions)
    fit = fit_gpu(estimate, catalog.by_name("H100 SXM"), assumptions)
    assert estimate.per_gpu_gb(fit.count) <= fit.usable_gb < estimate.per_gpu_gb(fit.count // 2)


def test_sharded_training_takes_the_smallest_count_not_the_next_power_of_two(models, catalog, assumptions):
    # ZeRO-3 / FSDP shard model states over any number of GPUs within one server (3 x A6000); inference keeps
    # tensor-parallel counts (powers of two).
    estimate = estimate_memory(workload(models, "Mistral 7B", task=Task.FULL), assumptions)
    fit = fit_gpu(estimate, catalog.by_name("RTX A6000"), assumptions)
    assert isinstance(fit, Fit)
    assert estimate.per_gpu_gb(fit.count) <= fit.usable_gb < estimate.per_gpu_gb(fit.count - 1)
    assert fit.count == 3
    serving = estimate_memory(workload(models, "Llama 3.1 70B", precision="bf16"), assumptions)
    count = fit_gpu(serving, catalog.by_name("RTX 4090"), assumptions).count
    assert count & (count - 1) == 0


def test_training_past_one_server_takes_whole_servers(models, catalog, assumptions):
    # a full fine-tune of a 70B that just misses 16 A100s is rented as whole 8-GPU servers: 24, not 17
    estimate = estimate_memory(workload(models, "Llama 3.1 70B", task=Task.FULL), assumptions)
    fit = fit_gpu(estimate, catalog.by_name("A100 80GB SXM"), assumptions)
    per_node = int(assumptions.number("gpus_per_node"))
    assert isinstance(fit, Fit) and fit.count % per_node == 0
    assert estimate.per_gpu_gb(fit.count) <= fit.usable_gb < estimate.per_gpu_gb(fit.count - per_node)


def test_fp8_workload_excludes_gpus_without_fp8(models, catalog, assumptions):
    estimate = estimate_memory(workload(models, "Llama 3.1 8B", precision="fp8"), assumptions)
    assert isinstance(fit_gpu(estimate, catalog.by_name("V100 32GB"), assumptions), NoFit)
    assert isinstance(fit_gpu(estimate, catalog.by_name("T4"), assumptions), NoFit)
    assert isinstance(fit_gpu(estimate, catalog.by_name("H100 SXM"), assumptions), Fit)


def test_fp8_serves_weight_only_on_ampere(models, catalog, assumptions):
    # vLLM's FP8 Marlin kernel (vllm-project/vllm#5975) unpacks FP8 weights to 16-bit on compute capability 8.0+:
    # the weights take FP8's memory on an A100 or an A10G; training in FP8 still needs FP8 hardware
    ampere = ("A100 40GB", "A10G", "RTX 3090")
    served = estimate_memory(
        workload(models, "Qwen2.5 14B", precision="fp8", fp8_weight_only_on=ampere), assumptions
    )
    for name in ampere:
        assert fp8_weight_only(catalog.by_name(name), served.workload)
        assert isinstance(fit_gpu(served, catalog.by_name(name), assumptions), Fit), name
    # only on the GPUs the user runs their FP8 build on: the planner's own choices never lean on it
    unnamed = estimate_memory(workload(models, "Qwen2.5 14B", precision="fp8"), assumptions)
    assert isinstance(fit_gpu(unnamed, catalog.by_name("A10G"), assumptions), NoFit)
    assert not fp8_weight_only(catalog.by_name("L4"), served.workload)  # Ada computes in FP8 itself
    trained = estimate_memory(
        workload(models, "Qwen2.5 14B", Task.LORA, precision="fp8", fp8_weight_only_on=("A100 80GB SXM",)),
        assumptions,
    )
    assert isinstance(fit_gpu(trained, catalog.by_name("A100 80GB SXM"), assumptions), NoFit)


def test_training_on_t4_warns_about_bf16(models, catalog, assumptions):
    estimate = estimate_memory(workload(models, "Qwen2.5 0.5B", task=Task.QLORA), assumptions)
    fit = fit_gpu(estimate, catalog.by_name("T4"), assumptions)
    assert any("bf16" in c for c in fit.caveats)
    assert any("FlashAttention-2" in c for c in fit.caveats)


def test_ranking_is_by_price_with_unknown_prices_last(models, catalog, assumptions):
    report = rank_fits(estimate_memory(workload(models, "Llama 3.1 8B"), assumptions), catalog, assumptions)
    prices = [f.price_per_hour for f in report.fits]
    known = [p for p in prices if p is not None]
    assert known == sorted(known)
    assert prices[: len(known)] == known
    assert {f.gpu.name for f in report.fits} | {n.gpu.name for n in report.no_fits} == set(catalog.names)


def test_ranking_uses_job_cost_when_tokens_known(models, catalog, assumptions):
    work = workload(models, "Llama 3.1 8B", task=Task.FULL, tokens=1e9)
    report = rank_fits(estimate_memory(work, assumptions), catalog, assumptions)
    costs = [f.job_cost for f in report.fits if f.job_cost is not None]
    assert costs and costs == sorted(costs)


def test_nvlink_bridge_joins_only_pairs(models, catalog, assumptions):
    estimate = estimate_memory(workload(models, "Llama 3.1 70B", precision="fp16"), assumptions)
    a40 = fit_gpu(estimate, catalog.by_name("A40"), assumptions)
    assert a40.count == 4 and any("joins only 2" in c for c in a40.caveats)
    h100 = fit_gpu(estimate, catalog.by_name("H100 SXM"), assumptions)
    assert not any("PCIe" in c for c in h100.caveats)


def test_context_room_is_the_longest_context_that_still_fits(models, catalog, assumptions):
    """A 13B in bf16 on one 32 GB card: the weights fit, the default 4,096 tokens do not; the room is the
    context at which the same estimate just fits the usable memory (and a token more does not)."""
    gpu = catalog.by_name("V100 32GB")
    full = estimate_memory(workload(models, "Llama 2 13B", precision="bf16", context=4096), assumptions)
    assert isinstance(fit_gpu(full, gpu, assumptions, count=1), NoFit)
    room = context_room(full, gpu, 1, assumptions)
    assert 1024 <= room < 4096
    at_room = estimate_memory(workload(models, "Llama 2 13B", precision="bf16", context=room), assumptions)
    over = estimate_memory(workload(models, "Llama 2 13B", precision="bf16", context=room + 64), assumptions)
    usable = gpu.memory_gb * assumptions.number("serving_memory_fraction")
    assert at_room.per_gpu_gb(1) <= usable < over.per_gpu_gb(1)
    # training has no KV cache to shorten
    train = estimate_memory(workload(models, "Llama 2 13B", task=Task.LORA), assumptions)
    assert context_room(train, gpu, 1, assumptions) is None


def test_activations_no_gpu_count_can_split_say_so_not_more_gpus(models, catalog, assumptions):
    """LoRA of Llama 3 8B at micro-batch 16 of 4,096 tokens without checkpointing: each GPU holds its micro-batch's
    activations whole, more than a 24 GB card, so the reason names that, never "needs more than 64 GPUs"."""
    work = workload(models, "Llama 3 8B", Task.LORA, context=4096, batch=16, gradient_checkpointing=False)
    outcome = fit_gpu(estimate_memory(work, assumptions), catalog.by_name("RTX 4090"), assumptions)
    assert isinstance(outcome, NoFit)
    assert "whole at this micro-batch and sequence" in outcome.reason and "64" not in outcome.reason
