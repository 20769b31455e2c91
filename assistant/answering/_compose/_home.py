"""A model no home machine holds, asked about at home: the full model as a low-bit GGUF in VRAM + RAM together,
and the distilled models people run under its name, on their own card (``Facts.home``)."""

from __future__ import annotations

import re

from .._facts import Facts
from ._format import gb, markdown_table

__all__ = ["home_answer", "moe_instead_text"]

# a question that picks among options rather than asking yes or no: "which size should I pick", "what tag"
_PICKS = re.compile(
    r"^\s*(?:which|what)\b|\b(?:which|what)\b[^.?!]{0,30}\b(?:size|tag|version|variant|one|model|quant)\b"
)
_YES_NO = re.compile(r"^\s*(?:can|could|will|would|is|are|does|do|should|am)\b")


def home_answer(facts: Facts) -> tuple[str, str] | None:
    """``(answer, table)`` for a home user's question about a model no home machine holds; None otherwise."""
    home = facts.home
    if home is None or not (home.smallest or home.distills):
        return None
    full = _full_sentence(facts)
    distill = _distill_sentence(facts)
    parts = [distill, full] if home.distill_first and distill else [full, distill]
    return " ".join(p for p in parts if p), _distill_table(facts)


def _hardware(home) -> str:
    ram = f"{home.ram_gb:g} GB of RAM" if home.ram_gb else ""
    if home.card and home.vram_gb:
        vram = f"{home.vram_gb:g} GB of VRAM" if not home.card.endswith("GPU") else f"{home.vram_gb:g} GB GPU"
        return f"your {vram} + {ram}" if ram else f"your {home.card}"
    return f"your {ram}" if ram else ""


def _full_sentence(facts: Facts) -> str:
    home = facts.home
    spec, smallest = home.spec, home.smallest
    if smallest is None:
        return ""
    full = f"the full {spec.name} ({spec.params_b:g}B parameters)"
    sizes = ", ".join(f"{g.bits:g}-bit {g.type} {g.size_gb:g} GB" for g in spec.low_bit_ggufs)
    speed = ""
    if spec.low_bit_offload_tokens_per_s and home.vram_gb and home.vram_gb <= 32:
        lo, hi = spec.low_bit_offload_tokens_per_s
        speed = f"; with one 24 GB card and the rest in RAM expect about {lo:g}–{hi:g} tokens/s (the publisher's figure)"
    hardware = _hardware(home)
    if home.room_gb is not None and home.low_bit_fit is not None:
        fit = home.low_bit_fit
        where = "on the CPU from RAM, slowly" if not home.vram_gb else "llama.cpp keeps what fits on the GPU"
        return (
            f"**Only as a low-bit GGUF** — {full} runs at home only as a dynamic low-bit GGUF that VRAM and RAM "
            f"hold together: the {fit.bits:g}-bit {fit.type} ({fit.size_gb:g} GB) fits {hardware} "
            f"({home.room_gb:.0f} GB usable; {where}){speed}."
        )
    if home.room_gb is not None:
        return (
            f"**No** — {full} does not fit {hardware}: even the smallest dynamic GGUF, {smallest.bits:g}-bit "
            f"{smallest.type}, is {smallest.size_gb:g} GB, more than the {home.room_gb:.0f} GB usable."
        )
    if hardware:
        return (
            f"**Not on {hardware} alone** — {full} needs at least {smallest.size_gb:g} GB of VRAM and system RAM "
            f"together even as a dynamic low-bit GGUF ({sizes}); llama.cpp splits it between the card and the RAM"
            f"{speed}."
        )
    return (
        f"At home, {full} needs at least {smallest.size_gb:g} GB of VRAM and system RAM together even as a "
        f"dynamic low-bit GGUF ({sizes}): a machine whose VRAM + RAM exceed that — a big-RAM workstation, a "
        f"card beside enough RAM, or a Mac with more unified memory than that{speed or _speed_24(spec)}."
    )


def _speed_24(spec) -> str:
    if not spec.low_bit_offload_tokens_per_s:
        return ""
    lo, hi = spec.low_bit_offload_tokens_per_s
    return (
        f"; one 24 GB card with the rest in RAM gives about {lo:g}–{hi:g} tokens/s (the publisher's figure)"
    )


def _tag(row) -> str:
    return next((a for a in row.model.aliases if ":" in a), row.model.name)


def _distill_sentence(facts: Facts) -> str:
    home = facts.home
    if not home.distills:
        return ""
    name = home.spec.name
    tags = f"`{_tag(home.distills[0])}` to `{_tag(home.distills[-1])}`"
    what = f"What most people run at home as {name} is one of its distilled models (Ollama's {tags} tags)"
    pick = home.distill_pick
    question = facts.understanding.question.lower()
    if pick is not None:
        speed = f", about {pick.decode_tokens_per_s:.0f} tokens/s" if pick.decode_tokens_per_s else ""
        body = (
            f"the largest that fits your {home.card} entirely is **{pick.model.name}** (`{_tag(pick)}`) in "
            f"{pick.quant.upper()}: about {gb(pick.memory_gb)}{speed}"
        )
        if home.distill_first and _PICKS.search(question):
            return f"Pick **`{_tag(pick)}`** — {what.lower()[0]}{what[1:]}; {body}."
        if home.distill_first and _YES_NO.search(question):
            return f"**Yes**, as a distilled model — {what[0].lower()}{what[1:]}; {body}."
        return f"{what}: {body}."
    if home.card:
        smallest = home.distills[0]
        return f"{what}; even the smallest, {smallest.model.name}, needs about {gb(smallest.memory_gb)}."
    low, high = home.distills[0], home.distills[-1]
    return (
        f"{what}: at Q4_K_M from about {gb(low.memory_gb)} ({low.model.name}) to about {gb(high.memory_gb)} "
        f"({high.model.name})."
    )


def _distill_table(facts: Facts) -> str:
    home = facts.home
    if not home.distills:
        return ""
    if home.card:
        rows = [
            [
                r.model.name,
                f"`{_tag(r)}`",
                r.quant.upper() if r.quant else "does not fit",
                gb(r.memory_gb),
                f"{r.decode_tokens_per_s:.0f}" if r.decode_tokens_per_s else "—",
            ]
            for r in home.distills
        ]
        return markdown_table(
            ["distilled model", "tag", f"best quant on your {home.card}", "memory", "tokens/s"], rows
        )
    rows = [[r.model.name, f"`{_tag(r)}`", gb(r.memory_gb)] for r in home.distills]
    return markdown_table(["distilled model", "tag", "memory at Q4_K_M"], rows)


def moe_instead_text(facts: Facts) -> str:
    """A dense model that runs from RAM at home: the mixture-of-experts model of about its size that runs far faster
    the same way (``Plan.moe_instead``); "" when there is none."""
    row = facts.plan.moe_instead if facts.plan else None
    if row is None or not row.decode_tokens_per_s:
        return ""
    spec = row.model
    return (
        f" A mixture-of-experts model of about that size is much faster run this way, since each token reads only "
        f"its routed experts: **{spec.name}** ({spec.active_params_b:g}B of {spec.params_b:g}B parameters active) "
        f"in {row.quant.upper()}, about {gb(row.memory_gb)}, at about **{row.decode_tokens_per_s:.0f} tokens/s**."
    )
