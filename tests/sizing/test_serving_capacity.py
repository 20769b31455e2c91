"""Serving capacity as a roofline: KV-cache room limits concurrency, decode is memory-bound at small batch,
and the totals stay near published vLLM measurements (cited per test)."""

from __future__ import annotations

import pytest

from assistant.planning import WorkloadRequest, plan_workload
from assistant.sizing import Task


@pytest.fixture()
def serving(catalog, models, assumptions):
    def _serving(model, gpu, context, precision="bf16", count=None):
        request = WorkloadRequest(
            model=model,
            task=Task.INFERENCE,
            context=context,
            precision=precision,
            gpus=(gpu,),
            gpu_count=count,
        )
        return plan_workload(request, catalog, models, assumptions).checks[0].serving

    return _serving


def test_batch_one_decode_matches_a_measured_a100_sweep(serving):
    # johnmusgrave.com "vLLM throughput-latency sweep on NVIDIA A100": Llama-3.1-8B-Instruct BF16 on one
    # A100 40GB, 1024-token input, 128 output, vLLM 0.23: about 75 tokens/s at one request at a time.
    s = serving("Llama 3.1 8B", "A100 40GB", 1152)
    assert s.decode_tokens_per_s == pytest.approx(75, rel=0.25)


def test_full_load_throughput_matches_published_h100_figures(serving):
    # morphllm.com "vLLM Benchmarks" (third-party figures 2025-2026): Llama 3.1 8B BF16 on 1x H100 80GB,
    # ~12,500 output tokens/s at saturation with short ShareGPT-style prompts.
    s = serving("Llama 3.1 8B", "H100 SXM", 1152)
    assert s.throughput_tokens_per_s == pytest.approx(12_500, rel=0.25)


def test_long_context_leaves_room_for_few_sequences_and_costs_more_per_token(serving):
    short, long = serving("Llama 3 8B", "RTX 3090", 2048), serving("Llama 3 8B", "RTX 3090", 8192)
    assert long.max_sequences < short.max_sequences and long.max_sequences <= 8
    assert long.throughput_tokens_per_s < short.throughput_tokens_per_s
    assert long.cost_per_million_tokens > short.cost_per_million_tokens
    # never the compute-bound fantasy: a few sequences on a 3090 stay within a few hundred tokens/s
    assert long.throughput_tokens_per_s < 500


def test_users_at_a_fluid_speed_never_exceed_what_the_kv_cache_holds(serving):
    s = serving("Mistral 7B", "L40S", 4096)
    assert 0 < s.users <= s.max_sequences
    assert s.user_tokens_per_s == 10


def test_time_to_first_token_grows_with_the_prompt(serving):
    assert (
        serving("Llama 3 8B", "L4", 8192).time_to_first_token_s
        > serving("Llama 3 8B", "L4", 1024).time_to_first_token_s
    )


def test_more_gpus_than_needed_are_described_as_asked(serving, catalog, models, assumptions):
    request = WorkloadRequest(model="Llama 3 8B", task=Task.INFERENCE, gpus=("H100 SXM",), gpu_count=4)
    check = plan_workload(request, catalog, models, assumptions).checks[0]
    assert check.count == 4 and check.price_per_hour == pytest.approx(
        4 * catalog.by_name("H100 SXM").price_per_hour
    )


def test_fp8_kv_cache_halves_the_bytes_per_token_as_published(models, assumptions):
    # AWS Neuron docs, "KV Cache Quantization" (vllm-neuron design notes, 2026-06-23): for GPT-OSS 120B (36 layers,
    # 8 KV heads, head dim 64) one 131k-token sequence takes ~9.66 GB in BF16 and ~4.83 GB in FP8.
    from assistant.sizing import Workload, kv_cache_bytes_per_token

    # Those figures hold every layer in full (the Neuron plugin has no sliding-window cache); with gpt-oss's 18
    # sliding-window layers keeping only their 128 tokens, as vLLM's hybrid KV cache manager does, it is half that.
    spec = models.get("gpt-oss-120b")
    assert spec.kv_values_per_token * 2 * 131_072 / 1e9 == pytest.approx(9.66, rel=0.02)
    work = Workload(task=Task.INFERENCE, shape=spec, params=spec.params, context=131_072)
    per_sequence = kv_cache_bytes_per_token(work, assumptions) * 131_072 / 1e9
    assert per_sequence == pytest.approx(9.66 / 2, rel=0.02)
    fp8 = kv_cache_bytes_per_token(work.with_(kv_precision="fp8"), assumptions) * 131_072 / 1e9
    assert fp8 == pytest.approx(per_sequence / 2, rel=0.01)


def test_fp8_kv_cache_roughly_doubles_the_sequences_that_fit(catalog, models, assumptions):
    # vLLM docs, "Quantized KV Cache" (v0.11): the FP8 KV cache "primarily benefits throughput by allowing
    # approximately double the amount of space for KV cache allocation", i.e. more concurrent requests.
    def sequences(kv):
        request = WorkloadRequest(
            model="Llama 3.1 8B", task=Task.INFERENCE, context=8192, gpus=("L40S",), kv_precision=kv
        )
        return plan_workload(request, catalog, models, assumptions).checks[0].serving

    fp16, fp8 = sequences(None), sequences("fp8")
    assert fp8.max_sequences == pytest.approx(2 * fp16.max_sequences, abs=1)
    assert fp8.throughput_tokens_per_s > fp16.throughput_tokens_per_s
    assert fp8.cost_per_million_tokens < fp16.cost_per_million_tokens


def test_a_stated_speed_per_user_sets_the_user_count(catalog, models, assumptions):
    def serving(rate):
        request = WorkloadRequest(
            model="Qwen2.5 14B",
            task=Task.INFERENCE,
            context=4096,
            gpus=("A100 80GB SXM",),
            user_tokens_per_s=rate,
        )
        return plan_workload(request, catalog, models, assumptions).checks[0].serving

    relaxed, demanding = serving(5), serving(40)
    assert demanding.user_tokens_per_s == 40 and relaxed.user_tokens_per_s == 5
    assert 0 < demanding.users < relaxed.users <= relaxed.max_sequences
    # every user really gets the stated speed: users x speed never exceeds what the GPU generates in total
    assert demanding.users * 40 <= demanding.throughput_tokens_per_s * 1.001


def test_time_to_first_token_is_the_prefill_flops_over_the_compute_rate(serving, catalog, assumptions):
    s = serving("Llama 3.1 8B", "H100 SXM", 8192)
    gpu = catalog.by_name("H100 SXM")
    flops = gpu.fp16_tflops * 1e12 * assumptions.number("decode_compute_efficiency")
    assert s.time_to_first_token_s == pytest.approx(2 * 8.03e9 * 8192 / flops, rel=0.05)
    assert 0.1 < s.time_to_first_token_s < 1.0  # an 8k prompt on an H100: a fraction of a second, not minutes
