"""'Will a PCIe 3.0 x8 slot slow down my 4090?': what the link a card sits on costs in speed. Once a model is
wholly in the card's memory, generating reads that memory, not the link: the link's bandwidth (PCI-SIG's per-lane
rate times the lanes) sets how fast the weights load, and matters every step only when layers are offloaded to CPU
memory or one model is split over cards without NVLink (the hardware-gotchas guide's PCIe section)."""

from __future__ import annotations

import re

from ...sizing import load_assumptions
from ...understanding._understand import asks_link_speed
from .._facts import Facts

__all__ = ["link_speed_answer"]

_GENERATION = re.compile(r"\b(?:pcie?|pci[- ]?e(?:xpress)?|gen)\s*([345])(?:\.0)?\b")
_WIDTH = re.compile(r"\bx\s?(1|2|4|8|16)\b")
_CARD_LINK = re.compile(r"PCIe ([345])\.0 x(\d+)")


def _link_gbs(generation: int, width: int) -> float:
    """A link's bandwidth each way, GB/s: the per-lane rate of its generation times its lanes."""
    lanes = {int(k): float(v) for k, v in load_assumptions()["pcie_lane_gbs"].value.items()}
    return lanes[generation] * width


def _said(pattern: re.Pattern, text: str) -> list[int]:
    """The numbers a pattern finds in the question (generations or lane widths), in order."""
    return [int(m.group(1)) for m in pattern.finditer(text)]


def _split_note(facts: Facts, slot: float) -> str | None:
    """With several cards or training across them: the gradient or activation traffic that crosses the link every
    step, which a slower link does slow; None for one card."""
    details = facts.understanding.details
    count = details.gpu_count or 1
    if count < 2:
        return None
    training = details.task is not None and details.task.is_training
    what = (
        "data-parallel training all-reduces the gradients over it every step and sharded training (FSDP, ZeRO-3) "
        "moves the weights too"
        if training
        else "tensor parallelism exchanges activations inside every layer"
    )
    return (
        f"{'**Yes, somewhat**' if details.yes_no else '**Somewhat**'}, across {count} cards that talk over PCIe: {what}, so at about {slot:,.1f} GB/s each way "
        "that part of each step takes longer (how much depends on the model's size against the compute per step); "
        "one card holding the whole model barely notices the link once loaded."
    )


def link_speed_answer(facts: Facts) -> str | None:
    """The verdict on what the slot asked about costs in speed, with its bandwidth against the card's own link and
    memory, or None when the question does not ask that."""
    question = facts.understanding.question
    if not asks_link_speed(question):
        return None
    text = question.lower()
    generations, widths = _said(_GENERATION, text), _said(_WIDTH, text)
    gpu = facts.gpus[0] if facts.gpus else None
    own = _CARD_LINK.search(gpu.interconnect) if gpu is not None else None
    native = (int(own.group(1)), int(own.group(2))) if own else (4, 16)
    # the slowest link said is the one asked about; the fastest said (else the card's own) is what it is set against
    generation, width = min(generations, default=native[0]), min(widths, default=native[1])
    reference = (
        max(generations) if len(generations) > 1 else native[0],
        max(widths) if len(widths) > 1 else native[1],
    )
    slot, full = _link_gbs(generation, width), _link_gbs(*reference)
    card = f"the {gpu.name}" if gpu is not None else "the card"
    memory = gpu.memory_gb if gpu is not None else 24.0
    verdict = "**No**, not once the model is loaded" if facts.understanding.details.yes_no else "**Barely**"
    reads = f" at {gpu.memory_bandwidth_gbs:,.0f} GB/s" if gpu is not None else ""
    loading = (
        f"filling {memory:g} GB takes about {memory / slot:,.1f} s instead of {memory / full:,.1f} s"
        if slot < full
        else f"filling {memory:g} GB takes about {memory / slot:,.1f} s"
    )
    lead = (
        f"{verdict}: with the whole model in its memory, {card} generates tokens or images from its own memory"
        f"{reads}, and the link only carries the prompt in and the result out. A PCIe {generation}.0 x{width} link "
        f"carries about {slot:,.1f} GB/s each way (PCIe {reference[0]}.0 x{reference[1]}: about {full:,.0f} GB/s), "
        f"so what it slows is loading: {loading} (the disk is often slower still)."
    )
    split = _split_note(facts, slot)
    if split is not None:
        lead = f"{split}\n\n{lead.split(': ', 1)[1][0].upper()}{lead.split(': ', 1)[1][1:]}"
    where = (
        "Where the link does cost speed, every token or step:\n"
        '- **Offloading**: layers kept in CPU memory (llama.cpp partial offload, `device_map="auto"`, ZeRO-Offload, '
        "ComfyUI or A1111 low-VRAM modes) cross the link on every step, so a narrower link slows them further.\n"
        "- **One model split over several cards without NVLink**: tensor parallelism and sharded training (FSDP, "
        "ZeRO-3) exchange data over PCIe inside every layer or step, and a x8 or x4 slot slows them; llama.cpp's "
        "layer split passes little between the cards and barely notices.\n"
        "- **Data loading for training**: batches of images or video moved to the card each step; rarely the limit "
        "on x8, check with `nvidia-smi dmon` if GPU utilisation stays low.\n"
        "Check the link the card actually negotiated with `nvidia-smi -q` (PCI > GPU Link Info: current generation "
        "and width); it drops to a lower generation at idle to save power."
    )
    return f"{lead}\n\n{where}"
