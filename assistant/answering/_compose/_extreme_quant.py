"""A model too big for one card in every usual format, down to Q2_K: the bits per weight that would still fit it
("70B on a 24 GB card"), worked out from the card's memory, the context's share and the parameter count, and the
formats made at about that width (EXL2 at a chosen bits-per-weight, GGUF's IQ2 types)."""

from __future__ import annotations

from ..._text import article
from ...sizing import Task, load_assumptions, usable_memory_gb
from .._facts import Facts

__all__ = ["extreme_quant_text"]


def extreme_quant_text(facts: Facts) -> str:
    """'On one 24 GB card only an extreme ~2-bit quant fits: …' when no format of the ladder fits the user's one
    card but about 2-3 bits per weight would; '' otherwise."""
    work, details = facts.workload, facts.understanding.details
    if work is None or work.task is not Task.INFERENCE or (details.gpu_count or 1) != 1 or not work.params:
        return ""
    if details.ram_gb or details.host_ram_gb or len(details.gpus) > 1:
        return ""  # a CPU run, or RAM beside the card for layers to spill into: the offload answer covers it
    assumptions = load_assumptions()
    if details.gpus:
        gpu = facts.gpus[0] if facts.gpus else None
        if gpu is None or gpu.software == "Metal":
            return ""
        memory, name = usable_memory_gb(gpu, False, "exllamav2", assumptions)[0], f"one {gpu.name}"
    elif details.stated_memory_gb:
        memory, name = details.stated_memory_gb, f"your {details.stated_memory_gb:g} GB card"
    else:
        return ""
    widths = assumptions["gguf_bits_per_weight"].value
    overhead = facts.estimate.total_gb - facts.estimate.item("weights").gb  # context and buffers, any width
    # every format the answer weighed is too big for the card: the usual ladder stops at Q2_K
    if any(o.estimate.total_gb <= memory for o in facts.options) or facts.estimate.total_gb <= memory:
        return ""
    bpw = (memory - overhead) * 8e9 / work.params
    if bpw < assumptions.number("extreme_quant_floor_bpw") or bpw >= float(widths["q2_k"]):
        return ""
    iq2 = [(float(w), t.upper()) for t, w in widths.items() if t.startswith("iq2") and float(w) <= bpw]
    gguf = f", or a GGUF {max(iq2)[1]} ({max(iq2)[0]:.2f} bits per weight) under llama.cpp" if iq2 else ""
    context = f"{work.context:,}-token" if work.context else "short"
    return (
        f"On {name} only an extreme ~2-bit quant fits: at most about **{bpw:.1f} bits per weight** leaves room "
        f"for {article(context)} {context} context ({work.params / 1e9:.0f}B parameters in "
        f"{memory - overhead:.1f} GB) — an EXL2 "
        f"quant at {int(bpw * 10) / 10:.1f} bpw under ExLlamaV2{gguf}. Expect a clear loss of quality at that width; "
        "a shorter context leaves a little more room."
    )
