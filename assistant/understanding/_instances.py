"""Cloud instance types as the user's stated hardware: "g5.4xlarge", "2x p4d.24xlarge", "a2-highgpu-1g",
"ND96asr_v4" -> the GPU and how many of them (pure).

Instance names come from the offerings table the caller passes, so a new row there is understood without
touching this file. A name is matched as a whole word, without regard to case, with the prefixes people add
or drop (Azure's ``Standard_``, SageMaker's ``ml.``). An AWS size the table does not list (``g5.2xlarge``,
``inf2.8xlarge``) takes its family's GPU and the GPU count of the largest listed size below it: within an
AWS family the GPU count only grows with the size, so that is the count the smaller listed sizes prove.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["Instance", "find_instances", "spell_instances"]

_AWS = re.compile(r"^([a-z]+\d+[a-z]*)\.(\d*)(x?large|metal)$")
_SIZE_ORDER = {"large": 0.5, "xlarge": 1.0}


@dataclass(frozen=True)
class Instance:
    """An instance type named in a question and what it holds."""

    name: str  # as the offerings table writes it
    provider: str
    gpu: str  # catalog name
    gpus_per_instance: int
    instances: int = 1  # "2x p4d.24xlarge": two of them
    listed: bool = True  # False: an AWS size read from its family (see the module docstring)
    start: int = 0  # where the mention is in the question, and where it ends
    end: int = 0

    @property
    def gpu_count(self) -> int:
        return self.gpus_per_instance * self.instances


def _size(suffix_number: str, suffix: str) -> float:
    if suffix == "metal":
        return 1e6
    return float(suffix_number or 1) * _SIZE_ORDER.get(suffix, 1.0)


class _Index:
    """The offerings' instance names, by the spellings people use."""

    def __init__(self, offerings: Iterable):
        self.by_key: dict[str, tuple[str, str, str, int]] = {}
        self.families: dict[tuple[str, str], list[tuple[float, str, int]]] = {}
        for o in offerings:
            row = (o.instance_type, o.provider, o.gpu, int(o.gpus_per_instance))
            for key in _keys(o.instance_type):
                self.by_key.setdefault(key, row)
            m = _AWS.match(o.instance_type.lower())
            if m and o.provider == "aws":
                sizes = self.families.setdefault((o.provider, m.group(1)), [])
                sizes.append((_size(m.group(2), m.group(3)), o.gpu, int(o.gpus_per_instance)))

    def listed(self, lowered: str) -> list[tuple[int, int, tuple[str, str, str, int]]]:
        """(start, end, row) of each listed instance name in ``lowered``: every word of name characters, less a
        SageMaker 'ml.' prefix and trailing punctuation, looked up (one dictionary lookup a word, where an
        alternation of ~1,000 names took ~60 ms to compile on the first question)."""
        hits = []
        for m in _NAME_WORD.finditer(lowered):
            word = m.group().rstrip(".-")
            start = m.start()
            row = self.by_key.get(word)
            if row is None and word.startswith("ml."):
                row = self.by_key.get(word[3:])
            if row is not None:
                hits.append((start, start + len(word), row))
        return hits

    def family_guess(self, word: str) -> tuple[str, str, str, int] | None:
        m = _AWS.match(word)
        if not m:
            return None
        sizes = sorted(self.families.get(("aws", m.group(1)), []))
        if not sizes:
            return None
        size = _size(m.group(2), m.group(3))
        below = [s for s in sizes if s[0] <= size]
        if not below:
            return None
        _, gpu, count = below[-1]
        return (word, "aws", gpu, count)


def _keys(instance_type: str) -> list[str]:
    """The spellings that name ``instance_type``: itself, and Azure's without 'Standard_'."""
    name = instance_type.lower()
    if not re.search(r"\d", name) or not re.search(r"[._\-]", name) or " " in name or len(name) < 5:
        return []  # a marketplace's bare label is not something a user writes as an instance name
    keys = [name]
    if name.startswith("standard_"):
        keys.append(name.removeprefix("standard_"))
    return keys


_INDEXES: dict[int, tuple[object, _Index]] = {}
_NAME_WORD = re.compile(r"(?<![\w.\-])[\w.\-]+")  # instance names are made of these characters only
_AWS_WORD = re.compile(r"(?<![\w.\-])(?:ml\.)?([a-z]+\d+[a-z]*\.\d*(?:x?large|metal))(?![\w\-])")
_TIMES_BEFORE = re.compile(r"(\d{1,3})\s*(?:x|×|\*)\s*$|(\d{1,3})\s+$")
_TIMES_AFTER = re.compile(r"^\s*(?:instances?\s*)?(?:x|×|\*)\s*(\d{1,3})\b")


def _index(offerings) -> _Index:
    cached = _INDEXES.get(id(offerings))
    if cached is None or cached[0] is not offerings:
        if len(_INDEXES) > 4:
            _INDEXES.clear()
        cached = (offerings, _Index(offerings))
        _INDEXES[id(offerings)] = cached
    return cached[1]


def find_instances(text: str, offerings) -> list[Instance]:
    """The instance types ``text`` names, in order, with how many of each ('2x p4d.24xlarge')."""
    if offerings is None:
        return []
    index = _index(offerings)
    lowered = text.lower()
    found: list[Instance] = []
    taken: list[tuple[int, int]] = []
    hits = []
    hits += [(start, end, row, True) for start, end, row in index.listed(lowered)]
    for m in _AWS_WORD.finditer(lowered):
        if any(s <= m.start() < e for s, e, _, _ in hits):
            continue
        guess = index.family_guess(m.group(1))
        if guess is not None:
            hits.append((m.start(), m.end(), guess, False))
    for start, end, (name, provider, gpu, count), listed in sorted(hits):
        if any(s <= start < e for s, e in taken):
            continue
        taken.append((start, end))
        times = 1
        before = _TIMES_BEFORE.search(lowered[max(0, start - 8) : start])
        after = _TIMES_AFTER.match(lowered[end : end + 16])
        if before:
            times = int(before.group(1) or before.group(2))
            start = max(0, start - 8) + before.start()
        elif after:
            times = int(after.group(1))
            end = end + after.end()
        if not 1 <= times <= 128:
            times = 1
        found.append(Instance(name, provider, gpu, count, times, listed, start, end))
    return found


def spell_instances(text: str, instances: list[Instance]) -> str:
    """``text`` with each instance mention written as its hardware ('p4d.24xlarge' -> '8x A100 40GB'), so the
    GPU and count are read like any other stated hardware."""
    for inst in sorted(instances, key=lambda i: i.start, reverse=True):
        text = f"{text[: inst.start]}{inst.gpu_count}x {inst.gpu}{text[inst.end :]}"
    return text
