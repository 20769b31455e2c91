"""The faster route on several cards of one's own: tensor parallelism instead of llama.cpp's layer split."""

from __future__ import annotations

import re

from ...sizing import Fit, Workload, load_assumptions, tensor_parallel_scaling

__all__ = ["SPEED_QUESTION", "asks_how_to_run", "tensor_parallel_text"]

# "what's the fastest way to run X on them?", "how should I run X on my two 4090s?": a way asked, not a yes/no
_HOW_TO_RUN = re.compile(
    r"\b(?:fastest|best|quickest|easiest|optimal|most efficient|right|proper) (?:way|setup|method|route|option)\b"
    r"|\bhow (?:should|do|would|can) (?:i|we) (?:best )?(?:run|serve|host|deploy|set up|load|split)\b"
)
# asked how fast it runs: "how fast", "tokens per second", "t/s", "speed", "throughput" (the answers about a
# workload add "how long" and "latency", a time asked)
SPEED_QUESTION = re.compile(
    r"\bhow (?:fast|quick)\b|\b(?:tokens?|toks?)\s*(?:/\s*|per |an? )s(?:ec(?:ond)?)?\b|\bt/s\b|\bspeed\b|"
    r"\bthroughput\b|\b(?:decod(?:e|ing)|generation|output|token) rate\b"
)
# asked how to make it fast: also "fastest", "faster", "quickly", "speeds up"
_WANTS_SPEED = re.compile(rf"{SPEED_QUESTION.pattern}|\bfast|\bquick|\bspeed")


def asks_how_to_run(question: str) -> bool:
    """Whether the question asks the way to run something (which a bare 'Yes' does not answer)."""
    return bool(_HOW_TO_RUN.search(question.lower()))


def tensor_parallel_text(fit: Fit, work: Workload, count: int, question: str) -> str:
    """' Faster on 2 cards: tensor parallelism …' when someone with several NVIDIA cards of their own asks for speed
    or the way to run a model that fits on them under llama.cpp, which uses the cards in turn; '' otherwise.

    Under tensor parallelism each card reads only its share of the weights per token, so generation speeds up
    by the effective GPU count (PCIe costs some of it), where llama.cpp's layer split runs at one card's speed.
    The size must divide the attention heads (vLLM and ExLlamaV2 split them evenly)."""
    q = question.lower()
    heads = work.shape.attention_heads if not work.shape_is_proxy else None
    if (
        count < 2
        or fit.local is None
        or fit.gpu.software != "CUDA"
        or not (_WANTS_SPEED.search(q) or _HOW_TO_RUN.search(q))
        or (heads and heads % count)
    ):
        return ""
    assumptions = load_assumptions()
    effective = tensor_parallel_scaling(fit.gpu, count, assumptions)
    speed = fit.local.decode_tokens_per_s * effective
    who = "both" if count == 2 else f"all {count}"
    link = "" if fit.gpu.fast_link_joins(count) else " over PCIe"
    return (
        f" Faster on {count} cards: tensor parallelism, where {who} work on every token — vLLM "
        f"(`--tensor-parallel-size {count}`) with a 4-bit AWQ or GPTQ build, or ExLlamaV2 (TabbyAPI) with EXL2 — "
        f"at about {speed:,.0f} tokens/s ({count} cards reading a share of the weights each, {effective:.1f}x one "
        f"card{link})."
    )
