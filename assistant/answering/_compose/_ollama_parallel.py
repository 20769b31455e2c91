"""Ollama's ``OLLAMA_NUM_PARALLEL``: what it costs in memory and why it can make even one request slower.

Ollama loads a model once and gives each of its parallel slots a context of its own — the runner is started with
num_ctx x OLLAMA_NUM_PARALLEL tokens of KV cache (Ollama FAQ, "How does Ollama handle concurrent requests?").
When the weights plus that cache no longer fit the GPU, Ollama keeps some layers in system RAM, where the CPU
works through them, and every request slows down, a lone one included. With everything on the GPU a lone request
runs at the card's speed and several at once share it (each slower, more in total).
"""

from __future__ import annotations

from ...sizing import Fit
from ...understanding._engines import engine_choice, engines_named, ollama_parallel
from .._facts import Facts
from ._format import gb

__all__ = ["ollama_parallel_explained", "ollama_parallel_text", "ollama_users_note"]

_FIXES = (
    "lower `OLLAMA_NUM_PARALLEL` or `num_ctx` until `ollama ps` shows 100% GPU, or store the KV cache in 8 bits "
    "(`OLLAMA_KV_CACHE_TYPE=q8_0` with `OLLAMA_FLASH_ATTENTION=1`, about half the cache)"
)


def ollama_parallel_explained(question: str) -> str:
    """The answer with no model or card to size: how the setting spends memory and when it slows things."""
    n = ollama_parallel(question)
    if n is None:
        return ""
    slots = f"`OLLAMA_NUM_PARALLEL={n}`" if n else "`OLLAMA_NUM_PARALLEL`"
    # the user's own slot count, never a figure of ours the question did not give
    example = (
        f"{n} slots hold {n} times one conversation's cache"
        if n > 1
        else "each slot adds one conversation's cache"
    )
    return (
        f"**Why it got slower:** {slots} does not load the model again — it gives each parallel slot its own "
        "context, so Ollama allocates num_ctx x OLLAMA_NUM_PARALLEL tokens of KV cache "
        f"({example}; Ollama FAQ). A model that just fitted the GPU alone then no longer "
        "does: Ollama keeps some of its layers in system RAM and the CPU works through them, so every request — "
        "even a single user's — runs at CPU/RAM speed while the GPU waits (low GPU utilisation; `ollama ps` shows "
        "a CPU/GPU split). With everything on the GPU, one request alone runs as fast as before and several at "
        "once share the GPU (each a little slower, more in total).\n"
        f"**Fix:** {_FIXES}. Tell me the model, its quantization and your GPU and I'll work out how many slots fit."
    )


def ollama_users_note(question: str, users: int | None) -> str:
    """'Ollama for 10 users': Ollama answers only as many requests at once as it has slots, the rest wait in its
    queue, and each slot holds a context of its own; '' unless Ollama serves several users and the question does
    not set the slots itself."""
    if (
        not users
        or users < 2
        or "Ollama" not in engines_named(question)
        or ollama_parallel(question) is not None
        or engine_choice(question) is not None  # "ollama or vllm for my team?": the engine choice answers it
    ):
        return ""
    return (
        f"**Ollama and {users} users:** one loaded model answers only `OLLAMA_NUM_PARALLEL` requests at a time "
        "(unset, Ollama picks a small number that fits the card's free memory, often 1); the others wait in its "
        f"queue. Set `OLLAMA_NUM_PARALLEL={users}` to serve all {users} at once — each slot keeps its own context, "
        f"so the KV cache is num_ctx x {users} tokens (Ollama FAQ). For many users at once a batching server "
        "(vLLM, SGLang, TGI) shares the GPU better: continuous batching with paged KV-cache memory."
    )


def ollama_parallel_text(facts: Facts) -> str:
    """With a model and the user's card: the cache the slots take against the card, and what follows."""
    n = ollama_parallel(facts.understanding.question)
    if n is None and facts.workload is not None:
        users = ollama_users_note(facts.understanding.question, facts.understanding.details.batch)
        return users and users + _fits_slots(facts, facts.understanding.details.batch)
    if n is None or facts.workload is None:
        return ""
    if not n:
        return ollama_parallel_explained(facts.understanding.question)
    card = next(iter(facts.checks), None)
    estimate, label = _as_downloaded(facts)
    try:
        kv = estimate.item("KV cache").gb
    except StopIteration:
        return ollama_parallel_explained(facts.understanding.question)
    context = facts.workload.context
    text = (
        f"**`OLLAMA_NUM_PARALLEL={n}`** gives each of {n} slots its own {context:,}-token context: Ollama allocates "
        f"{n} x {context:,} = {n * context:,} tokens of KV cache (Ollama FAQ), about {gb(kv)} for "
        f"{facts.workload.model_label}{label}, beside {gb(estimate.item('weights').gb)} of weights — about "
        f"{gb(estimate.total_gb)} in all"
    )
    if card is None:
        return (
            text
            + f". If that is more than the GPU holds, layers move to the CPU and every request slows; {_FIXES}."
        )
    count = card.count if isinstance(card, Fit) else (facts.understanding.details.gpu_count or 1)
    # several cards: Ollama splits the layers (and each layer's KV cache) across them, so they hold their sum
    memory = card.gpu.memory_gb * count
    cards = f"the {card.gpu.name}'s" if count == 1 else f"the {count} x {card.gpu.name}'s"
    if isinstance(card, Fit) and estimate.total_gb <= card.usable_gb * count:
        return text + (
            f", which fits {cards} {memory:g} GB. So all layers stay on the GPU: one request alone runs "
            f"at the card's speed and {n} at once share it (each slower, more tokens/s in total). If `ollama ps` "
            "still shows a CPU share, other programs hold part of the VRAM or num_ctx is larger than this."
        )
    per_slot = kv / n if n else kv
    room = memory * 0.95 - (estimate.total_gb - kv)
    fitting = max(0, int(room // per_slot)) if per_slot > 0 else 0
    advice = (
        f"at this context about {fitting} slot{'s' if fitting != 1 else ''} fit"
        if fitting
        else "no slot fits at this context"
    )
    return text + (
        f", more than {cards} {memory:g} GB. So Ollama keeps some layers in system RAM on the CPU, and "
        f"every request, even a single one, runs at CPU/RAM speed while the GPU waits; {advice}. {_FIXES[0].upper()}"
        f"{_FIXES[1:]}."
    )


def _as_downloaded(facts: Facts):
    """The estimate in the format Ollama runs: the plan's own, unless the question left the format unsaid and the
    plan sized 16-bit weights, when the usual 4-bit GGUF download (Q4_K_M) is what Ollama loads."""
    plan = facts.plan
    if (
        facts.understanding.details.precision is None
        and plan is not None
        and facts.workload.precision in ("bf16", "fp16")
    ):
        q4 = next((o for o in plan.options if "q4_k_m" in o.label.lower()), None)
        if q4 is not None:
            return q4.estimate, " in GGUF Q4_K_M (Ollama's usual download)"
    return facts.estimate, ""


def _fits_slots(facts: Facts, users: int) -> str:
    """Whether that many slots, as sized here, stay on the user's card."""
    card = next(iter(facts.checks), None)
    if not isinstance(card, Fit):
        return ""
    total = facts.estimate.total_gb
    if total <= card.usable_gb * card.count:
        return f" Sized here with {users} contexts: about {gb(total)}, which stays on the GPU."
    return (
        f" Sized here with {users} contexts: about {gb(total)}, more than the GPU holds, so Ollama would move layers "
        f"to the CPU and every request slows; {_FIXES}."
    )
