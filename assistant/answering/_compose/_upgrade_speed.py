"""'I have a 3050, would a 4090 make generation faster?', 'upgrading from my 3060 to a 3090 for 34B in koboldcpp':
the card they have against the card they would buy, for a model run at home under llama.cpp (Ollama, LM Studio,
KoboldCpp). Generation speed there is set by how much of the model sits in VRAM: layers left in system RAM run at
RAM speed, so the answer is each card's speed with the layers it holds, and Yes when the new card is clearly faster."""

from __future__ import annotations

import re

from ...knowledge import GPU
from ...sizing import (
    Task,
    estimate_local_speed,
    estimate_memory,
    load_assumptions,
    offload,
    usable_memory_gb,
)
from .._facts import Facts

__all__ = ["upgrade_speed_figures", "upgrade_speed_text"]

# the card already had: "from my 3060", "I currently have an RTX 3050", "on my 3060"
_HAD = re.compile(
    r"\b(?:from|my|currently (?:have|own|use|run)|i (?:have|own)|i'm on|running on)\s+(?:an?\s+|the\s+|my\s+)?$"
)
_SPEED_WORDS = re.compile(
    r"\bfaster\b|\bquicker\b|\bspeed\w*\b|\btokens?\s*(?:/|per)\s*s|\bt/s\b|\bgeneration rate\b"
)
# a card to buy or move to, not a plain comparison ("would a 4090 be faster than a 3090?" is answered as one)
_TO_BUY = re.compile(
    r"\bupgrad\w*|\bbuy(?:ing)?\b|\bpurchas\w*|\bget(?:ting)? (?:an?|the)\b|\bmake sense\b|\bworth\b|"
    r"\bspeed (?:\w+ )?up\b|\bswitch\w*|\breplac\w*"
)
# beyond the estimate's ±30% on both sides: a clearly faster card
_CLEARLY_FASTER = 1.5


def _mention(question: str, gpu: GPU) -> int:
    """Where the card is first named in the question (by its model number, '3060'), or -1."""
    number = re.search(r"\d{3,4}", gpu.name)
    token = number.group() if number else gpu.name.lower()
    return question.find(token.lower())


def _had_and_new(facts: Facts) -> tuple[GPU, GPU] | None:
    """The card they have and the one they would buy, by how each is named; None unless two cards are weighed."""
    q = facts.understanding.question.lower()
    cards = list({c.gpu.name: c.gpu for c in facts.checks}.values())
    if len(cards) != 2:
        return None
    places = [(_mention(q, g), g) for g in cards]
    if any(p < 0 for p, _ in places):
        return None
    places.sort(key=lambda pg: pg[0])
    had = [g for p, g in places if _HAD.search(q[max(0, p - 30) : p])]
    old = had[0] if len(had) == 1 else places[0][1]
    new = next(g for g in cards if g is not old)
    return old, new


def _home_estimate(facts: Facts):
    """The model in the format run at home (the format said if a GGUF one, else the usual Q4_K_M), llama.cpp."""
    a = load_assumptions()
    work = facts.workload
    quant = work.precision if a.is_gguf(work.precision) else str(a["default_local_quant"].value)
    return estimate_memory(work.with_(precision=quant, runtime="llama.cpp"), a)


def _split_on(facts: Facts, gpu: GPU):
    """llama.cpp's layer split on ``gpu`` when the model does not fit it entirely, else None."""
    a, work = load_assumptions(), facts.workload
    estimate = _home_estimate(facts)
    if estimate.total_gb <= usable_memory_gb(gpu, False, "llama.cpp", a)[0]:
        return None
    weights = estimate.item("weights").gb
    return offload(
        weights,
        estimate.total_gb - weights,
        work.shape.layers,
        gpu,
        a,
        active_share=work.shape.active_params / work.shape.params,
        kv_gb=next((i.gb for i in estimate.items if i.label == "KV cache"), 0.0),
    )


def _speed_on(facts: Facts, gpu: GPU) -> tuple[float, str]:
    """Batch-1 generation under llama.cpp on one card: entirely on it, else with what does not fit in RAM."""
    split = _split_on(facts, gpu)
    if split is None:
        speed = estimate_local_speed(_home_estimate(facts), gpu, 1, load_assumptions()).decode_tokens_per_s
        return speed, f"all of it in its {gpu.memory_gb:g} GB"
    return split.decode_tokens_per_s, (
        f"{split.gpu_layers} of {split.layers} layers in its {gpu.memory_gb:g} GB, {split.cpu_gb:.1f} GB in system RAM"
    )


def upgrade_speed_figures(facts: Facts) -> list[float]:
    """The figures ``upgrade_speed_text`` prints: each card's speed, layers held and GB left in RAM, the ratio."""
    if not upgrade_speed_text(facts):
        return []
    old, new = _had_and_new(facts)
    out = []
    for gpu in (old, new):
        split = _split_on(facts, gpu)
        out += [_speed_on(facts, gpu)[0], gpu.memory_gb]
        if split is not None:
            out += [split.gpu_layers, split.layers, split.cpu_gb]
    out.append(_speed_on(facts, new)[0] / _speed_on(facts, old)[0])
    return out


def _speed(value: float) -> str:
    return f"{value:.1f}" if value < 10 else f"{value:,.0f}"


def upgrade_speed_text(facts: Facts) -> str:
    """Each card's generation speed for the model at home and whether the new one is clearly faster; "" when the
    question is not a card had against a card to buy, for speed, with a model run locally."""
    details, work = facts.understanding.details, facts.workload
    if (
        work is None
        or work.task is not Task.INFERENCE
        or not details.cards_weighed
        or not details.local
        or details.any_mac
        or (details.gpu_count or 1) > 1
        or not _SPEED_WORDS.search(facts.understanding.question.lower())
        or not _TO_BUY.search(facts.understanding.question.lower())
    ):
        return ""
    pair = _had_and_new(facts)
    if pair is None:
        return ""
    old, new = pair
    if old.software == "Metal" or new.software == "Metal":
        return ""
    was, was_how = _speed_on(facts, old)
    now, now_how = _speed_on(facts, new)
    if was <= 0:
        return ""
    a = load_assumptions()
    quant = work.precision if a.is_gguf(work.precision) else str(a["default_local_quant"].value)
    what = f"{work.model_label} in {quant.upper()}"
    ratio = now / was
    verdict = "**Yes**" if ratio >= _CLEARLY_FASTER else "**No**, not by much"
    return (
        f"{verdict} — under llama.cpp (Ollama, LM Studio, KoboldCpp) {what} generates about **{_speed(now)} "
        f"tokens/s** on the {new.name} ({now_how}) against about **{_speed(was)} tokens/s** on your {old.name} "
        f"({was_how}): about {ratio:.1f}x (estimates from memory bandwidth, ±30%). What decides it is how much of the "
        "model sits in VRAM: layers left in system RAM run at the RAM's speed, so a card that holds the whole model "
        "(offload every layer, `-ngl 99`) is several times faster, while one that still leaves most layers in RAM "
        "gains little; a smaller quant or model that fits entirely does the same on the card you have."
    )
