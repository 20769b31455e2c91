"""What a DeepSpeed user sees across ZeRO stages or GPU counts, explained by what each stage shards (ZeRO paper,
Rajbhandari et al. 2020, figure 1: stage 1 partitions the optimizer states, stage 2 also the gradients, stage 3
also the 16-bit parameters) and by what no stage shards: the activations of each GPU's own micro-batch, and the
communication buffers each stage adds (DeepSpeed configuration docs: ``reduce_bucket_size`` and
``allgather_bucket_size``, 5e8 elements by default; ``stage3_max_live_parameters`` and
``stage3_prefetch_bucket_size`` for ZeRO-3; a maintainer on deepspeedai/DeepSpeed#6936: "ZeRO allocates some extra
buffers for its memory optimizations … not recommended for small models")."""

from __future__ import annotations

import re

from ..._text import article
from ...sizing import load_assumptions
from ...understanding._observed import zero_stages_seen
from .._facts import Facts
from ._format import gb

__all__ = ["zero_stage_figures", "zero_stages_text"]

_EXPECTED = re.compile(r"\b(?:expected|normal|usual|make sense|reasonable)\b")
_WRONG = re.compile(r"\b(?:bug|wrong|leak\w*|broken)\b")


def _shape(facts: Facts) -> tuple[float, int, float | None] | None:
    """(parameters, GPU count, one card's memory) of the run asked about; None without a model."""
    work = facts.workload
    if work is None or not work.params:
        return None
    count = facts.understanding.details.gpu_count or 1
    card = next((c.gpu.memory_gb for c in facts.checks), None)  # their card, whether the run fits it or not
    return work.params, count, card


def zero_stages_text(facts: Facts) -> str:
    """Why memory per GPU differs (or does not) between ZeRO stages or GPU counts, with the model's weights per
    GPU under each; "" when the question is not such an observation."""
    question = facts.understanding.question
    stages = zero_stages_seen(question)
    if not stages:
        return ""
    q = question.lower()
    verdict = (
        "**No, not a bug** — " if _WRONG.search(q) else "**Yes, expected** — " if _EXPECTED.search(q) else ""
    )
    text = (
        f"{verdict}ZeRO shards **model states, not activations**: stage 1 splits the optimizer states across the "
        "GPUs, stage 2 also the gradients, and only stage 3 the 16-bit weights themselves; stages 1 and 2 keep every "
        "weight on every GPU."
    )
    shape = _shape(facts)
    if shape is not None:
        params, n, card = shape
        a = load_assumptions()
        weights = params * 2 / 1e9
        label = facts.workload.model_label
        text += f" For {label}: {params / 1e9:.1f}B x 2 bytes = **{gb(weights)}** of weights on each GPU under ZeRO-1/2"
        if n > 1:
            text += f", {gb(weights / n)} per GPU under ZeRO-3 over {n} GPUs"
        if card and weights > 0.9 * card:
            text += f" — ZeRO-2 cannot fit {article(f'{card:g}')} {card:g} GB card whatever the GPU count, ZeRO-3 can"
        text += "."
        if facts.workload.task.name in ("FULL", "PRETRAIN") and n > 1:
            states = a.number("adamw_mixed_bytes_per_param") - 2
            text += (
                f" A full fine-tune adds {states:g} bytes per parameter of gradients and AdamW state "
                f"({gb(params * states / 1e9)}), which stages 2 and 3 divide by {n}: "
                f"{gb(params * states / 1e9 / n)} per GPU."
            )
    text += (
        " What no stage divides: each GPU's **activations** for its own micro-batch (they grow with micro-batch x "
        "sequence length, so adding GPUs does not shrink them), and the **buffers** each stage adds — ZeRO-2's "
        "`reduce_bucket_size` / `allgather_bucket_size`, ZeRO-3's gathered layers (`stage3_max_live_parameters`, "
        "`stage3_prefetch_bucket_size`). For a small model those outweigh what sharding saves, so a higher stage "
        "can show *more* memory per GPU, and the same figure on 2 or 4 GPUs."
        "\n**Levers:** the lowest stage that fits is the fastest; for activations, gradient checkpointing and a "
        "smaller micro-batch (with gradient accumulation); for the buffers, smaller bucket sizes and "
        "`stage3_max_live_parameters`; for weights that fit no stage, ZeRO-3 with CPU offload."
    )
    return text


def zero_stage_figures(facts: Facts) -> list[float]:
    """The figures the explanation derives (for the number check)."""
    if not zero_stages_seen(facts.understanding.question) or (shape := _shape(facts)) is None:
        return []
    params, n, _ = shape
    states = load_assumptions().number("adamw_mixed_bytes_per_param") - 2
    weights = params * 2 / 1e9
    return [weights, weights / n, params / 1e9, states, params * states / 1e9, params * states / 1e9 / n]
