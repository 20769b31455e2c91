"""How fast a local runtime runs a model on hardware people own: prompt processing and generation (pure).

Generation at batch 1 reads every active weight (and the KV cache) once per token, so it is bandwidth
bound; prompt processing is compute bound at 2 FLOPs per active parameter per prompt token. The
efficiencies are calibrated against published llama.cpp measurements (see corpus/assumptions.yaml).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..knowledge._catalog import GPU
from ._assumptions import Assumption, Assumptions
from ._memory import MemoryEstimate, kv_cache_bytes_per_token

__all__ = ["LocalSpeed", "decode_efficiency_key", "estimate_local_speed"]


@dataclass(frozen=True)
class LocalSpeed:
    """Tokens per second for reading a prompt and for generating, at batch 1."""

    prompt_tokens_per_s: float | None
    decode_tokens_per_s: float
    detail: str
    assumptions: tuple[Assumption, ...]


def decode_efficiency_key(gpu: GPU) -> str:
    """Apple Max/Ultra chips reach a smaller share of their bandwidth than cards and smaller chips."""
    if gpu.vendor == "Apple" and gpu.memory_bandwidth_gbs >= 300:
        return "apple_max_decode_bandwidth_efficiency"
    return "decode_bandwidth_efficiency"


def estimate_local_speed(
    estimate: MemoryEstimate, gpu: GPU, gpus: int, assumptions: Assumptions
) -> LocalSpeed:
    """Batch-1 speed with layers split over ``gpus`` cards (they take turns, so the speed is one card's)."""
    work = estimate.workload
    decode_key = decode_efficiency_key(gpu)
    prefill_key = (
        "apple_prefill_compute_efficiency" if gpu.vendor == "Apple" else "prefill_compute_efficiency"
    )
    active_share = work.active_params / work.params
    weight_bytes = estimate.item("weights").gb * 1e9 * active_share
    kv_bytes = kv_cache_bytes_per_token(work, assumptions) * work.context
    decode_eff = assumptions.number(decode_key)
    decode = gpu.memory_bandwidth_gbs * 1e9 * decode_eff / (weight_bytes + kv_bytes)
    detail = (
        f"generation: {decode_eff:.0%} of {gpu.memory_bandwidth_gbs:,.0f} GB/s over {weight_bytes / 1e9:.1f} GB "
        f"of active weights and {kv_bytes / 1e9:.2f} GB of KV cache per token"
    )
    prompt = None
    if gpu.fp16_tflops:
        prefill_eff = assumptions.number(prefill_key)
        prompt = gpu.fp16_tflops * 1e12 * prefill_eff / (2 * work.active_params)
        detail += f"; prompt: {prefill_eff:.0%} of {gpu.fp16_tflops:,.1f} FP16 TFLOPS at 2 FLOPs per active parameter"
    if gpus > 1:
        detail += f"; {gpus} cards split the layers and take turns, so the speed is one card's"
    return LocalSpeed(prompt, decode, detail, (assumptions[decode_key], assumptions[prefill_key]))
