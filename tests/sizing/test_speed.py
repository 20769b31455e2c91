"""Speed and cost arithmetic: decode from bandwidth, throughput from compute, training time."""

from __future__ import annotations

import pytest

from assistant.sizing import (
    Task,
    Workload,
    estimate_memory,
    estimate_serving,
    estimate_training_time,
)


def test_decode_speed_is_bandwidth_over_bytes(models, catalog, assumptions):
    spec = models.by_name("Llama 2 7B")
    work = Workload(task=Task.INFERENCE, shape=spec, params=spec.params, precision="fp16", context=1)
    estimate = estimate_memory(work, assumptions)
    h100 = catalog.by_name("H100 SXM")
    speed = estimate_serving(estimate, h100, 1, assumptions)
    bytes_per_token = estimate.item("weights").gb * 1e9 + 512 * 1024
    expected = h100.memory_bandwidth_gbs * 1e9 * 0.7 / bytes_per_token
    assert speed.decode_tokens_per_s == pytest.approx(expected)
    # A 13.5 GB model on 3.35 TB/s: well over 100 and under 250 tokens/s at batch 1.
    assert 100 < speed.decode_tokens_per_s < 250


def test_moe_decode_reads_only_active_experts(models, catalog, assumptions):
    spec = models.by_name("Mixtral 8x7B")
    work = Workload(task=Task.INFERENCE, shape=spec, params=spec.params, context=1)
    estimate = estimate_memory(work, assumptions)
    speed = estimate_serving(estimate, catalog.by_name("H100 SXM"), 1, assumptions)
    dense_equivalent = (
        catalog.by_name("H100 SXM").memory_bandwidth_gbs * 1e9 * 0.7 / (estimate.item("weights").gb * 1e9)
    )
    assert speed.decode_tokens_per_s > 3 * dense_equivalent


def test_serving_cost_per_million_tokens(models, catalog, assumptions):
    spec = models.by_name("Llama 3.1 8B")
    work = Workload(task=Task.INFERENCE, shape=spec, params=spec.params)
    gpu = catalog.by_name("L4")
    speed = estimate_serving(estimate_memory(work, assumptions), gpu, 1, assumptions)
    expected = gpu.price_per_hour / (speed.throughput_tokens_per_s * 3600) * 1e6
    assert speed.cost_per_million_tokens == pytest.approx(expected)


# Training time = 6 x N x D / (GPUs x peak x MFU). Source: Kaplan et al. 2020; e.g. a 7B model
# on 1T tokens at 40% MFU on 64 H100s: 6*7e9*1e12 / (64 * 989e12 * 0.4) ≈ 1.66e6 s ≈ 461 h.
def test_training_time_formula(models, catalog, assumptions):
    spec = models.by_name("Mistral 7B")
    work = Workload(task=Task.PRETRAIN, shape=spec, params=7e9, shape_is_proxy=True, tokens=1e12)
    h100 = catalog.by_name("H100 SXM")
    result = estimate_training_time(estimate_memory(work, assumptions), h100, 64, assumptions)
    assert result.hours == pytest.approx(6 * 7e9 * 1e12 / (64 * h100.fp16_tflops * 1e12 * 0.4) / 3600)
    assert result.gpu_hours == pytest.approx(result.hours * 64)
    assert result.cost == pytest.approx(result.gpu_hours * h100.price_per_hour)


def test_no_training_time_without_tokens(models, catalog, assumptions):
    spec = models.by_name("Mistral 7B")
    work = Workload(task=Task.FULL, shape=spec, params=spec.params)
    assert (
        estimate_training_time(
            estimate_memory(work, assumptions), catalog.by_name("A100 80GB SXM"), 1, assumptions
        )
        is None
    )


def test_training_time_carries_the_range_typical_utilisation_gives(models, catalog, assumptions):
    """The central figure at training_mfu, and the short and long ends at the high and low MFU of the
    corpus: time scales as 1 / MFU."""
    spec = models.by_name("Llama 2 13B")
    work = Workload(
        task=Task.PRETRAIN, shape=spec, params=spec.params, precision="bf16", context=2048, tokens=2e11
    )
    t = estimate_training_time(
        estimate_memory(work, assumptions), catalog.by_name("A100 40GB"), 256, assumptions
    )
    mfu = assumptions.number("training_mfu")
    fast, slow = t.hours_range
    assert fast == pytest.approx(t.hours * mfu / assumptions.number("training_mfu_high"))
    assert slow == pytest.approx(t.hours * mfu / assumptions.number("training_mfu_low"))
    assert fast < t.hours < slow
    assert "200B tokens" in t.detail and "256 x" in t.detail
