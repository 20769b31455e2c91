"""'How much of my M2 Max 64GB can the GPU use?', 'LM Studio caps my 128 GB Mac at ~64 GB': a Mac named without a
model, asked about the memory its GPU may use — macOS's default GPU working set (the share of unified memory it
lets the GPU wire), what that leaves for models, and how to raise it."""

from __future__ import annotations

import re

from ...sizing import load_assumptions
from .._facts import Facts
from ._format import gb

__all__ = ["asks_mac_gpu_limit", "mac_limit_answer"]

_LIMIT = re.compile(
    r"\bvram\b|\b(?:can|may|does|will) (?:the |its |my )?gpu (?:actually |really )?(?:use|take|have|access|get)\b|\bgpu (?:can|could|may|will|is allowed to|gets to) (?:actually |really )?(?:use|take|have)\b"
    r"|\b(?:limit(?:ed|s)?|caps?|capped|capping|ceiling)\b|\bwired\b|\bworking[ _-]?set\b|\btoo (?:large|big)\b"
    r"|\bonly (?:uses?|lets|shows|sees|detects|allows)\b|\bhow much (?:of (?:the|my|its) )?(?:memory|ram|unified memory)\b[^.?!]*\bgpu\b"
    # "a way to use more of our unified memory?", "models of 47GB or higher fail to load"
    r"|\buse (?:more|all) of (?:the|my|our|its|this) (?:unified )?(?:memory|ram)\b"
    r"|\b\d+\s*gb or (?:higher|more|larger|bigger|above)\b[^.?!]*\b(?:problems?|fails?|errors?|crash\w*|won'?t|can'?t)\b"
)


def asks_mac_gpu_limit(question: str) -> bool:
    """True when the question is about how much of a Mac's memory its GPU may use."""
    return bool(_LIMIT.search(question.lower()))


def mac_limit_answer(facts: Facts) -> str | None:
    """The memory the GPU of the Mac named (or of several with one memory size) may use by default and how to raise
    it; None when not that."""
    details = facts.understanding.details
    if not facts.gpus or details.model or details.params:
        return None
    mac = facts.gpus[0]
    if any(
        g.memory_gb != mac.memory_gb or g.gpu_memory_share != mac.gpu_memory_share for g in facts.gpus[1:]
    ):
        return None  # Macs of one memory size share the limit ("my M2 Max 64GB, and an M1 Max 64GB the same")
    if (
        mac.software != "Metal"
        or not mac.gpu_memory_share
        or not asks_mac_gpu_limit(facts.understanding.question)
    ):
        return None
    reserve = load_assumptions().number("os_ram_reserve_gb")
    default = mac.gpu_memory_gb
    most = mac.memory_gb - reserve  # what the operating system leaves (as in the fit answers on a Mac)
    return (
        f"**About {gb(default)}** — macOS lets the GPU of the {mac.name} keep only part of its {mac.memory_gb:g} GB "
        f"of unified memory wired by default (the recommended max working set, {mac.gpu_memory_share:.0%} here), "
        "and llama.cpp, Ollama, LM Studio and MLX treat that as the Mac's VRAM: a model with its context bigger than "
        f"that is refused, flagged as too large, or split onto the CPU. You can raise it until the next reboot with "
        f"`sudo sysctl iogpu.wired_limit_mb=N` (N in MB; at most about {int(most * 1024):d}, the {most:g} GB macOS "
        "itself leaves, less what your open apps need — set too high, macOS swaps and everything slows). LM Studio also applies its "
        "own guardrail on model size, which its settings can relax."
    )
