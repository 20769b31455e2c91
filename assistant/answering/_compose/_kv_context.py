"""A local run too big for its card because of a long context: how much of it the KV cache is, the context that
fits the card, and what an 8-bit KV cache (with flash attention) saves — from the plan's own breakdown."""

from __future__ import annotations

from ...sizing import MemoryEstimate, Task, load_assumptions
from .._facts import Facts
from ._format import gb

__all__ = ["kv_context_figures", "kv_context_text"]

_LONG_CONTEXT = 8192  # below this the KV cache of a local run is rarely what breaks the fit
_KV_SHARE = 0.2  # the KV cache is a fifth of the total or more: the context, not the weights, is the lever


def kv_context_figures(
    estimate: MemoryEstimate, limit_gb: float
) -> tuple[float, int | None, float | None] | None:
    """For a llama.cpp run over ``limit_gb`` whose long context's KV cache is a large part of it: the KV cache's
    size, the context that fits the card (None when no useful one does) and the total with an 8-bit KV cache (None
    when the KV cache is already quantized); None when the context is not what overflows."""
    work = estimate.workload
    if (
        work.task is not Task.INFERENCE
        or work.runtime != "llama.cpp"
        or (work.context or 0) < _LONG_CONTEXT
        or estimate.total_gb <= limit_gb
    ):
        return None
    kv = next((i.gb for i in estimate.items if i.label == "KV cache"), None)
    if kv is None or kv < _KV_SHARE * estimate.total_gb:
        return None
    rest = estimate.total_gb - kv
    per_token = kv / (work.context * max(1, work.batch))
    room = None
    if rest < limit_gb and per_token > 0:
        tokens = int((limit_gb - rest) / per_token)
        tokens = (tokens // 1024) * 1024 if tokens >= 2048 else tokens
        room = tokens if tokens >= 1024 else None
    if (work.kv_precision or "fp16") not in ("fp16", "bf16", "f16"):
        return kv, room, None  # already a quantized KV cache: the context is the lever left
    assumptions = load_assumptions()
    halved = rest + kv * assumptions.bytes_per_param("q8_0") / assumptions.bytes_per_param(work.kv_precision)
    return kv, room, halved


def kv_context_text(
    facts: Facts, limit_gb: float, *, kv_said: bool = False, estimate: MemoryEstimate | None = None
) -> str:
    """When a llama.cpp / Ollama / LM Studio run needs more than ``limit_gb`` (the card's memory) and a long
    context's KV cache is a large part of it: a sentence with the KV cache's size, the context that fits the card
    (``num_ctx`` / ``-c``) and the total with an 8-bit KV cache; "" otherwise. ``kv_said``: the caller's sentence
    already gave the KV cache's size, so this one starts from the context that fits. ``estimate``: the run to
    speak of when it is not the plan's own (one of the weight formats sized beside it)."""
    estimate = estimate or facts.estimate
    figures = kv_context_figures(estimate, limit_gb) if estimate is not None else None
    if figures is None:
        return ""
    kv, room, halved = figures
    work = estimate.workload
    text = (
        " The long context is what overflows"
        if kv_said
        else f" Of the {gb(estimate.total_gb)}, {gb(kv)} is the KV cache for {work.context:,} tokens of context, "
        "and it grows with the context"
    )
    if room is not None:
        text += (
            f": a context of about {room:,} tokens (`num_ctx` in Ollama, `-c` in llama.cpp, the context length "
            "in LM Studio) fits entirely on the card"
        )
    if halved is None:
        return text + "."
    return text + (
        f". An 8-bit KV cache (llama.cpp `-fa -ctk q8_0 -ctv q8_0`; Ollama `OLLAMA_FLASH_ATTENTION=1` with "
        f"`OLLAMA_KV_CACHE_TYPE=q8_0`) brings it to about {gb(halved)}"
        + (", which fits." if halved <= limit_gb else ", still more than the card holds.")
    )
