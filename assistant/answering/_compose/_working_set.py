"""llama.cpp's Metal warning "current allocated size is greater than the recommended max working set size" on a
Mac: what it means, with the model's memory against the share of unified memory macOS lets the GPU wire."""

from __future__ import annotations

import re

from .._facts import Facts
from ._format import capitalized, gb

__all__ = ["working_set_text"]

# the warning by name, mlx-lm's own form of it ("[WARNING] Generating with a model that requires 11516 MB which is
# close to the maximum recommended size of 10922 MB", mlx_lm/generate.py), or what crossing the line looks like on
# a Mac: the system swapping, memory pressure
_WORKING_SET = re.compile(
    r"\bworking[ _-]?set\b|recommendedmaxworkingsetsize|\bwired[ _]limit|maximum recommended size"
    r"|generating with a model that requires|\bswap(?:s|ping|ped)?\b|memory pressure"
)


_WARNED = re.compile(
    r"working[ _-]?set|recommendedmax|maximum recommended|generating with a model that requires"
)


def working_set_text(facts: Facts) -> str:
    """The meaning of the working-set warning (or question) on the Mac named, as the answer's lead; "" otherwise."""
    question = facts.understanding.question.lower()
    if facts.workload is None or not _WORKING_SET.search(question):
        return ""
    macs = [g for g in facts.gpus[:1] if g.software == "Metal" and g.memory_gb and g.gpu_memory_gb]
    if not macs:
        return ""
    mac, need = macs[0], facts.estimate.total_gb
    what = capitalized(f"{facts.workload.model_label} in {facts.workload.precision}")
    share = mac.gpu_memory_gb / mac.memory_gb
    over = need > mac.gpu_memory_gb
    # the warning quoted, or only what crossing its line looks like (swapping): said as what is happening then
    warned = _WARNED.search(question)
    said = (
        "The warning (recommendedMaxWorkingSetSize) says"
        if warned
        else "The swapping (recommendedMaxWorkingSetSize) means"
    )
    if need > mac.memory_gb:
        # more than the whole unified memory: no limit raised makes room, the model itself is too big
        return (
            f"**No** — {what} needs about {gb(need)} with its context, more than all {mac.memory_gb:g} GB of "
            f"unified memory on the {mac.name}. {said} the GPU was given more "
            f"than the {gb(mac.gpu_memory_gb)} ({share:.0%}) macOS lets it keep wired; raising that limit "
            "(`sudo sysctl iogpu.wired_limit_mb`) cannot help when the model is bigger than the machine's memory, "
            "so generation fails or crawls while macOS swaps. Take a smaller model or a lower-bit quant that fits "
            f"within about {gb(mac.gpu_memory_gb)}."
        )
    return (
        f"**It means the GPU was given more than macOS recommends** — the recommended max working set "
        f"(recommendedMaxWorkingSetSize) is the part of the unified memory macOS lets the GPU keep wired, about "
        f"{gb(mac.gpu_memory_gb)} of the {mac.memory_gb:g} GB on the {mac.name} ({share:.0%}). "
        + (
            f"{what} needs about {gb(need)} with its context, "
            "over that line: it still runs, but macOS pages memory and generation slows or stalls. "
            if over
            else f"{what} needs about {gb(need)} at "
            f"{facts.workload.context or 0:,} tokens of context, just within it on paper, so a longer context, the "
            "compute buffers or other apps tip it over; it still runs, but slower once macOS pages memory. "
        )
        + "Shorten the context (`-c`), take a smaller quant, close other apps, or raise the limit with "
        "`sudo sysctl iogpu.wired_limit_mb=<MB>` (until the next reboot; leave the system a few GB)."
    )
