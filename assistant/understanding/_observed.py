"""What a user reports seeing in a run's memory, read as the behaviour that causes it (pure): two counters of one
process set against each other (PyTorch's allocated / reserved against nvidia-smi), a jump at the first optimizer
step, and a local runtime that keeps holding memory after its request finished. Each is a cause a user observes
without naming it; the answer names it first."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "AllocatorReadings",
    "allocator_readings",
    "holds_after_request",
    "optimizer_step_jump",
    "zero_stages_seen",
]

_FIGURE = re.compile(r"(\d+(?:\.\d+)?)\s*(gib|gb|gigs?|g|mib|mb|m)\b")

# PyTorch's own counters, named by their function or said in words ("torch says 9 GB", "allocated memory 2.4 GB")
_LIVE = re.compile(
    r"memory_allocated|max_memory_allocated|\ballocated\b|\boccupied\b|\b(?:py)?torch\b[^.?!,;]{0,30}?"
    r"\b(?:says?|shows?|reports?|gives?|returns?|obtained|reads?)\b|\bthrough (?:py)?torch\b"
)
_HELD = re.compile(r"nvidia-smi|\bnvtop\b|\bnvitop\b|\bgpustat\b|task manager|memory_reserved|\breserved\b")
# a question about the two counters: both named, or "reserved" set against "allocated"
_ASKED = re.compile(
    r"\?|\bwhy\b|\bhow come\b|\bdiffer\w*\b|\bmismatch\w*\b|\binconsisten\w*\b|\bwhich\b|\bbug\b|\bleak\w*\b"
)


# a pasted out-of-memory error names "allocated" and "reserved" itself: its own question, not this one
_OOM_PASTE = re.compile(r"tried to allocate|out of memory|\boom\b|outofmemoryerror")


@dataclass(frozen=True)
class AllocatorReadings:
    """The two readings of one process a question sets against each other, in GB (None when not said): what
    PyTorch counts as live tensors, and what the process holds (its reserved cache, or nvidia-smi's whole-process
    figure)."""

    live_gb: float | None
    held_gb: float | None
    held_by: str  # "nvidia-smi" or "reserved"


def _gb(value: str, unit: str) -> float:
    number = float(value)
    return round(number / 1024, 2) if unit.startswith("m") else number


def allocator_readings(text: str) -> AllocatorReadings | None:
    """The readings when ``text`` asks why PyTorch's counter and nvidia-smi (or its reserved figure) differ —
    "nvidia-smi shows 23 GB but torch says 9", "reserved memory is much larger than allocated" — else None."""
    t = text.lower()
    if not (_LIVE.search(t) and _HELD.search(t) and _ASKED.search(t)) or _OOM_PASTE.search(t):
        return None
    live = held = None
    held_by = "nvidia-smi" if re.search(r"nvidia-smi|nvtop|nvitop|gpustat|task manager", t) else "reserved"
    for m in _FIGURE.finditer(t):
        before = t[max(0, m.start() - 60) : m.start()]
        if re.search(r"/\s*$", before):
            continue  # "12433MiB / 81920MiB": the card's total, after the reading
        near_live = max((x.end() for x in _LIVE.finditer(before)), default=-1)
        near_held = max((x.end() for x in _HELD.finditer(before)), default=-1)
        if near_live < 0 and near_held < 0:
            continue
        value = _gb(m.group(1), m.group(2))
        if near_held > near_live and held is None:
            held = value
        elif near_live > near_held and live is None:
            live = value
    if live is not None and held is not None and live > held:
        live, held = held, live  # the counters were named the other way round: what is held is the larger
    return AllocatorReadings(live, held, held_by)


# memory that rises at the first update: "jumps after the first optimizer step", "doubles at optimizer.step()"
_FIRST_STEP = re.compile(
    r"\b(?:first|1st)\s+(?:optimi[sz]er\s+)?"
    r"(?:step|update|iteration|iter|backward(?: pass)?|training step|batch)\b"
    r"|optimi[sz]er\.step\(\)|\bafter (?:step|iteration) (?:1|one)\b|\bwhen the optimi[sz]er (?:steps|runs|starts)\b"
)
_RISES = re.compile(
    r"\b(?:jump\w*|spike\w*|increas\w*|grow\w*|grew|goes up|went up|rises?|rose|doubl\w*|shoots? up|shot up|"
    r"balloon\w*|climb\w*|more memory|extra)\b"
)


def optimizer_step_jump(text: str) -> bool:
    """Whether ``text`` reports training memory rising at the first optimizer step (the optimizer creating its
    state then, not a leak)."""
    t = text.lower()
    return bool(_FIRST_STEP.search(t) and _RISES.search(t))


# a local runtime that still holds the model after its request: "still holds 9 GB five minutes after",
# "the VRAM is not released after the response", "stays loaded when idle"
_AFTER_REQUEST = re.compile(
    r"\b(?:still|keeps?|kept|remains?|stays?|stayed|won'?t|doesn'?t|does not|never|not)\s+(?:\w+\s+){0,3}?"
    r"(?:hold\w*|occup\w*|us\w*|loaded|releas\w*|free\w*|unload\w*|in (?:vram|memory)|resident|allocated)\b"
    r"[^.?!]{0,80}\b(?:after|once|when|idle|finished|done|complete\w*|between)\b"
    r"|\b(?:after|once)\b[^.?!]{0,60}\b(?:request|response|generation|chat|query|prompt|answer)\w*\b[^.?!]{0,30}"
    r"\b(?:finish\w*|done|complete\w*|ends?|ended)\b[^.?!]{0,60}\b(?:still|stays?|remains?|not (?:released|freed))\b"
    r"|\b(?:idle|unused)\b[^.?!]{0,40}\b(?:still|keeps?|holds?|uses?|occup\w*)\b"
)


def holds_after_request(text: str) -> bool:
    """Whether ``text`` reports Ollama still holding memory after its request finished (its keep-alive)."""
    t = text.lower()
    return bool(re.search(r"\bollama\b", t) and _AFTER_REQUEST.search(t))


# ZeRO stages named: "zero2", "ZeRO stage 3", "zero_stage: 2", and, in a DeepSpeed setting, "stage2.json", "stage 3"
_STAGE = re.compile(
    r"\bzero[-_ ]?(?:stage[-_ ]?|:\s*)?([123])\b|zero_stage\W+([123])\b|\bstage[-_ ]?([123])(?:\.json)?\b"
)
_DEEPSPEED = re.compile(
    r"\bdeepspeed\b|\bzero\b|zero[-_ ]?[123]|zero_stage|\bds_config|\.json\b|zero_optimization"
)
# what is seen across stages or GPU counts: more, the same, a big difference, or a reading asked why / if expected
_STAGE_SEEN = re.compile(
    r"\b(?:more|higher|larger|bigger|less|lower|same|similar|identical|differen\w*|expected|normal|why|how come|"
    r"doesn'?t (?:decrease|drop|go down|shrink|reduce)|not (?:decreas|reduc|shrink)\w*)\b"
)


def zero_stages_seen(text: str) -> tuple[int, ...]:
    """The ZeRO stages a question reports memory under and asks about ("zero3 uses more than zero2", "with stage 3
    each GPU still shows 30 GB, why?"), in the order named; () when it names none or asks nothing of them."""
    t = text.lower()
    if not _DEEPSPEED.search(t) or not _STAGE_SEEN.search(t):
        return ()
    stages = [int(next(g for g in m.groups() if g)) for m in _STAGE.finditer(t)]
    if not stages and re.search(
        r"\b(?:higher|lower|each|every|all)(?: the)? (?:zero )?stages?\b|\bzero (?:strategy|strategies|stages)\b",
        t,
    ):
        stages = [1, 2, 3]  # "the higher the stage, the more memory": every stage set against the others
    return tuple(dict.fromkeys(stages))
