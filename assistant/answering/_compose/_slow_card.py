"""'Why is my 4090 slow with Ollama?', 'my 3090 only gets 5 tok/s' — the user's own card, no model named: the
likely causes, with the arithmetic that tells them apart (what the card generates with a model entirely on it,
from its memory bandwidth, against a model too big for it, whose layers in system RAM set the pace)."""

from __future__ import annotations

from .._facts import Facts
from ._format import gb
from ._slow import asks_why_slow

__all__ = ["slow_card_answer"]


def _speed(value: float) -> str:
    return f"{value:.1f}" if value < 10 else f"{value:,.0f}"


def slow_card_answer(facts: Facts) -> str | None:
    """The causes of a slow local run on the one card named when no model is, or None when the question is not
    that (the report of what runs on the card, ``facts.owned``, is gathered for it)."""
    report = facts.owned
    details = facts.understanding.details
    seen = details.observed_tokens_per_s
    if report is None or details.model or not (seen or asks_why_slow(facts.understanding.question)):
        return None
    gpu = report.gpu
    fitting = [r for r in report.runs if r.quant and r.decode_tokens_per_s and not r.model.is_moe]
    if not fitting:
        return None
    small = next((r for r in fitting if r.model.params_b >= 7), fitting[0])
    large = fitting[-1]
    over = next((r for r in facts.owned_offloaded if not r.model.is_moe), None)
    card = f"{report.count} x {gpu.name}" if report.count > 1 else f"the {gpu.name}"
    expect = f"{small.model.name} about **{_speed(small.decode_tokens_per_s)} tokens/s**"
    if large is not small:
        expect += (
            f", {large.model.name} (about {gb(large.memory_gb)}, the largest here that fits) about "
            f"**{_speed(large.decode_tokens_per_s)} tokens/s**"
        )
    if seen and seen < 0.5 * large.decode_tokens_per_s:
        lead = (
            f"**{seen:g} tokens/s is far below what {card} does with a model entirely on it, so part of the work is "
            "on the CPU**"
        )
    elif seen:
        lead = f"**{seen:g} tokens/s is about what {card} does with a model of that size entirely on it**"
    else:
        lead = "**Most likely part of the model runs on the CPU**"
    text = (
        f"{lead} — you did not say which model, so here is what to compare against. With every layer on the GPU, "
        f"Ollama / llama.cpp / LM Studio in the usual Q4_K_M generate on {card} ({gpu.memory_bandwidth_gbs:,.0f} "
        f"GB/s of memory bandwidth, one user): {expect} (an estimate from memory bandwidth, ±30%)."
    )
    if over is not None and over.decode_tokens_per_s:
        text += (
            f" A model bigger than the card's {gpu.memory_gb:g} GB, such as {over.model.name} in "
            f"{(over.quant or 'q4_k_m').upper()} (about {gb(over.memory_gb)}), keeps the layers that do not fit in "
            f"system RAM, where the CPU sets the pace: about **{_speed(over.decode_tokens_per_s)} tokens/s**."
        )
    text += (
        "\nThe usual causes, most common first:"
        "\n- **The model (or its context) does not fit the VRAM**: `ollama ps` shows a CPU share (llama.cpp logs "
        "'offloaded N/M layers to GPU'). Offload every layer (`-ngl 99`, LM Studio's GPU offload at max, Ollama's "
        "num_gpu), or pick a smaller model or quant."
        "\n- **A long context**: the KV cache grows with num_ctx / `-c` and pushes layers off the card; lower the "
        "context, or enable flash attention with a q8_0 KV cache (`OLLAMA_FLASH_ATTENTION=1`, "
        "`OLLAMA_KV_CACHE_TYPE=q8_0`)."
        "\n- **Other programs holding VRAM** (the desktop, a browser, a second loaded model): check `nvidia-smi` "
        "(`rocm-smi` on AMD)."
        "\n- **The runtime not using the GPU at all**: a CPU-only build, or a driver / CUDA / ROCm / Vulkan backend "
        "it does not see — the log says which backend loaded."
        "\n- **Power and heat**: a laptop on battery or a low power limit cuts the clocks."
    )
    return text
