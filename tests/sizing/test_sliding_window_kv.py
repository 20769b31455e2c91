"""Sliding-window attention in the KV-cache arithmetic: a local layer keeps only its window of a sequence, so long
sequences of Gemma 2/3 and gpt-oss cost a fraction of every layer in full (config.json 'sliding_window' and
'layer_types' / 'sliding_window_pattern', cited on each models.yaml row)."""

from __future__ import annotations

import pytest

from assistant.sizing import Task, Workload, estimate_memory, kv_cache_bytes_per_token

KIB = 1024


def served(models, name, context, batch=1):
    spec = models.by_name(name)
    return Workload(task=Task.INFERENCE, shape=spec, params=spec.params, context=context, batch=batch)


def test_gemma3_27b_long_context_keeps_only_the_window_on_local_layers(models, assumptions):
    # 62 layers of 2 x 16 KV heads x 128 x 2 bytes = 8 KiB each; 10 global layers hold all 131,072 tokens, the
    # 52 local ones their last 1,024
    work = served(models, "Gemma 3 27B", 131_072)
    expected = (10 * 8 * KIB * 131_072 + 52 * 8 * KIB * 1024) / 131_072
    assert kv_cache_bytes_per_token(work, assumptions) == pytest.approx(expected)
    kv = estimate_memory(work, assumptions).item("KV cache")
    assert kv.gb == pytest.approx(11.2, abs=0.1)  # not the 66.6 GB of every layer in full
    assert "sliding window" in kv.detail


def test_within_the_window_every_layer_counts_in_full(models, assumptions):
    work = served(models, "Gemma 3 12B", 1000)
    assert kv_cache_bytes_per_token(work, assumptions) == 48 * 8 * KIB


def test_each_sequence_keeps_its_own_window(models, assumptions):
    one = estimate_memory(served(models, "gpt-oss-20b", 8192), assumptions).item("KV cache").gb
    many = estimate_memory(served(models, "gpt-oss-20b", 8192, batch=10), assumptions).item("KV cache").gb
    assert many == pytest.approx(10 * one)
    # 12 full layers x 2 x 8 x 64 x 2 bytes x 8,192 tokens + 12 windowed layers x 128 tokens
    assert one == pytest.approx((12 * 2 * 8 * 64 * 2 * 8192 + 12 * 2 * 8 * 64 * 2 * 128) / 1e9)


def test_models_without_a_window_are_unchanged(models, assumptions):
    work = served(models, "Llama 3.1 8B", 131_072)
    assert kv_cache_bytes_per_token(work, assumptions) == 128 * KIB
    assert "sliding window" not in estimate_memory(work, assumptions).item("KV cache").detail
