"""Two local questions about which memory a model takes, not how much.

'Is that requirement CPU RAM or GPU RAM?': under llama.cpp (Ollama, LM Studio, GPT4All) the weights and KV
cache sit wherever the layers run — system RAM for the CPU, VRAM for the layers offloaded to a GPU — while a
GPU-only runtime (transformers, vLLM) needs them all in VRAM.

'It only uses 4.5 GB of my 64 GB — can I make it use more, would it be faster?': no; a model takes what its
weights and context take, and generation speed is set by how fast that memory is read, not by how much is free.
The free memory holds a larger model instead. Pure text over the estimate.
"""

from __future__ import annotations

import re

from ...sizing import is_local, load_assumptions
from .._facts import Facts
from ._format import gb

__all__ = ["more_memory_text", "which_memory_text"]

# "cpu or gpu ram?", "RAM or VRAM?", "system memory or video memory?", "vram or regular ram"
_WHICH_MEMORY = re.compile(
    r"\b(?:cpu|system|host|pc|regular|normal)\s*(?:ram|memory)\s+or\s+(?:gpu|video|graphics)\s*(?:ram|memory)\b"
    r"|\b(?:gpu|video|graphics)\s*(?:ram|memory)\s+or\s+(?:cpu|system|host|pc|regular|normal)\s*(?:ram|memory)\b"
    r"|\b(?:cpu|gpu) or (?:gpu|cpu) (?:ram|memory)\b"
    r"|\b(?:ram|memory) or vram\b|\bvram or (?:system |regular |normal |cpu )?(?:ram|memory)\b"
)
# "is there a way to allow higher memory usage", "make it use more of my RAM", "would more ram make it faster"
_WANTS_MORE_USED = re.compile(
    r"\b(?:can i|could i|is there a way|how (?:do|can|could) i|(?:a )?way to|possible to|want (?:it )?to)\b[^.?!]{0,40}"
    r"\b(?:allow|let|make|force|get|use|using|utili[sz]e|increase)\b[^.?!]{0,25}\b(?:more|higher|all)\b[^.?!]{0,15}"
    r"\b(?:memory|ram)\b(?!\s+than)"  # not VRAM: "use all my VRAM" asks for more layers on the GPU
)


def which_memory_text(facts: Facts) -> str:
    """Where the memory a model needs has to be, when the question asks RAM or VRAM; "" otherwise."""
    if not _WHICH_MEMORY.search(facts.understanding.question.lower()):
        return ""
    return (
        "It is the memory the model takes wherever its layers run: llama.cpp (which Ollama, LM Studio and "
        "GPT4All run) keeps it in system (CPU) RAM when the model runs on the CPU, and in the GPU's VRAM for the "
        "layers it offloads there (`-ngl`), so RAM and VRAM can share it; GPU-only runtimes (transformers, vLLM) "
        "need all of it in VRAM."
    )


def more_memory_text(facts: Facts) -> str:
    """Why free memory does not speed a local run up, and the larger model it holds instead; "" when the
    question does not ask to use more of the memory."""
    work, details = facts.workload, facts.understanding.details
    if (
        work is None
        or not is_local(work.runtime)
        or not _WANTS_MORE_USED.search(facts.understanding.question.lower())
    ):
        return ""
    have = details.ram_gb or details.stated_memory_gb
    if have and facts.estimate.total_gb > have:
        return ""  # it does not fit: the memory it lacks is the answer, not the memory it leaves free
    text = (
        f"**No** — a model takes what its weights and context need ({work.model_label} in {work.precision}: about "
        f"{gb(facts.estimate.total_gb)}), and generation speed is set by how fast that memory is read each token, "
        "not by how much memory is free; unused RAM does not make it faster."
    )
    instead = facts.plan.fits_instead if facts.plan else None
    if instead is not None and instead.memory_gb > facts.estimate.total_gb:
        text += (
            f" The spare memory runs a larger model instead, such as {instead.model.name} in "
            f"{instead.quant.upper()} (about {gb(instead.memory_gb)})."
        )
    elif have and have > facts.estimate.total_gb:
        assumptions = load_assumptions()
        room = have - assumptions.number("os_ram_reserve_gb")
        quant = str(assumptions["default_local_quant"].value)
        params_b = room / assumptions.bytes_per_param(quant)
        text += (
            f" The spare memory runs a larger model instead: the {room:g} GB your {have:g} GB leaves after the "
            f"operating system holds the weights of a model of up to about {params_b:.0f}B parameters in "
            f"{quant.upper()} (a 70B model at about {70 * assumptions.bytes_per_param(quant):.0f} GB, a 13B "
            f"at about {13 * assumptions.bytes_per_param(quant):.0f} GB), less its KV cache."
        )
    return text
