"""'Is vLLM faster than Ollama?': why serving engines run at about the same speed for one request and differ
with many (memory-bound decode against continuous batching)."""

from __future__ import annotations

from collections.abc import Sequence

from ...understanding._engines import BATCHING_ENGINES, engine_choice, engines_named
from .._facts import Facts
from ._passages import Passage

__all__ = ["engine_answer", "engine_choice_text"]


def engine_answer(facts: Facts, passages: Sequence[Passage]) -> str:
    """The verdict (one request at a time: about the same; many at once: the batching server), why, and how
    to see the difference. The GPU's bandwidth, when one is named, is the single-stream ceiling."""
    u = facts.understanding
    named = engines_named(u.question)
    gpu = facts.gpus[0] if facts.gpus else None
    ceiling = (
        f" — the {gpu.name}'s {gpu.memory_bandwidth_gbs:,.0f} GB/s of memory bandwidth sets the ceiling"
        if gpu is not None
        else ""
    )
    server = next((n for n in named if n in BATCHING_ENGINES), None)
    if server is None:
        return _single_stream_engines(named, ceiling)
    other = next(n for n in named if n not in BATCHING_ENGINES)
    lead = (
        f"**No, not for one request at a time** — {server} is faster than {other} when it serves many "
        "requests concurrently, not for a single stream."
        if u.details.yes_no
        else f"{server} beats {other} on total throughput when many requests run concurrently; for one request "
        "at a time they are about as fast."
    )
    why = (
        "Generating one sequence is limited by memory bandwidth: every token reads all the weights"
        f"{ceiling}, whichever engine does it, so single-request speed is about the same (a 4-bit model in "
        f"{other} can even beat a 16-bit model, as it reads "
        f"fewer bytes). {server}'s gain is **continuous batching** with paged KV-cache memory: it decodes many "
        "concurrent requests in one pass over the weights, so total tokens/s grows with concurrency until compute "
        "or KV-cache room runs out."
    )
    how = (
        "To see it, send requests concurrently (an async client or several threads against the server, or a list "
        "of prompts to one offline `generate` call) and measure total tokens/s."
    )
    if "Ollama" in named:
        how += (
            " Ollama also serves a fixed number of parallel requests (`OLLAMA_NUM_PARALLEL`), each with its own "
            "context buffer."
        )
    return "\n\n".join([f"{lead} {why}", how])


def _single_stream_engines(named: Sequence[str], ceiling: str) -> str:
    """'How much faster is ExLlamaV2 than llama.cpp?': two engines that run one request at a time share the bound
    that sets their speed; what differs, and that no side-by-side measurement is on record to put a number on it."""
    a, b = named[0], named[1]
    if {a, b} <= {"Ollama", "llama.cpp", "LM Studio"}:
        return (
            f"**About the same** — {' and '.join(n for n in (a, b) if n != 'llama.cpp') or a} run llama.cpp "
            "underneath, so on the same GGUF file the speed is llama.cpp's; a gap comes from settings, not the "
            "engine: layers left on the CPU (`num_gpu` / `-ngl`), the context size allocated (`num_ctx` / `-c`), "
            "flash attention and KV-cache type, and the llama.cpp version each bundles."
        )
    return (
        f"**About the same for generating tokens, by the bound that sets it** — {a} and {b} both run one request at "
        "a time, and generating each token reads all the weights from memory"
        f"{ceiling}, so at the same bits per weight both reach a similar share of it; what differs is each "
        "engine's kernels and quantized format (ExLlamaV2's EXL2, llama.cpp's GGUF K-quants, MLX's own), which "
        "shows more in reading the prompt (bound by compute) than in generating. I have no side-by-side measurement "
        "of the two on record, so I won't put a number on the gap: run both on the same model at the same bits "
        "(llama.cpp's `llama-bench`, ExLlamaV2's `test_inference.py`) to see it on your card.\n\nA smaller "
        "format changes more than the engine does: fewer bits per weight means fewer bytes read per token."
    )


def engine_choice_text(facts: Facts) -> str:
    """'vLLM or Ollama for 20 users?': the engine for who is served, and why, in a few lines; '' when no choice
    between a batching server and a one-at-a-time engine is asked."""
    u = facts.understanding
    served = engine_choice(u.question)
    if served is None:
        return ""
    named = engines_named(u.question)
    server = next(n for n in named if n in BATCHING_ENGINES)
    other = next(n for n in named if n in ("Ollama", "llama.cpp"))
    users = u.details.batch if u.details.batch and u.details.batch > 1 else None
    batching = (
        f"{server} runs many requests at once (continuous batching with paged KV-cache memory), so total tokens/s "
        "grows with the number of users until the GPU's compute or its KV-cache room runs out"
    )
    setting = "`OLLAMA_NUM_PARALLEL`" if other == "Ollama" else "llama-server's `--parallel`"
    suits = (
        f"serves a fixed number of parallel slots ({setting}), each with its share of a context allocated up front, "
        "and suits one person on one machine: GGUF files quantized to many sizes, layers offloaded to CPU RAM when "
        "the card is small, Macs and CPUs too"
    )
    if served == "either" and users:
        served = "server"  # the users said earlier in the conversation
    if served == "server":
        who = f"{users} users at once" if users else "many users at once"
        return f"**{server}** for {who}: {batching}. {other}, by contrast, {suits}."
    if served == "local":
        return (
            f"**{other}** for one person on one machine: {suits.split(': ', 1)[1]}. {server}'s strength, batching "
            "many concurrent requests, does not help a single user, and it wants the whole model in GPU memory."
        )
    return (
        f"It depends on who is served: **{server}** for many users at once — {batching}; **{other}** for one "
        f"person — {suits.split(': ', 1)[1]}. For one request at a time they generate at about the same speed "
        "(memory bandwidth bounds both)."
    )
