"""Forgiving name resolution shared by the GPU catalog and the model specs (pure).

People type "h100 sxm", "A100-80G", "4090", "llama3-70b" or "H100 SMX". Names are compared in a
compact form (lower case, no spaces or punctuation, "80g" read as "80gb"); a typo is forgiven
only when the numbers in it match exactly, so "A10" never turns into "A100".
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from itertools import pairwise
from pathlib import Path
from typing import Generic, Protocol, TypeVar

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from ._data import DataError

__all__ = ["NameIndex", "NamedRecords", "compact"]

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_WORD = re.compile(r"[A-Za-z0-9]+(?:[.\-][A-Za-z0-9]+)*")
_MAX_WORDS = 5
_AMOUNT = re.compile(r"\d+(?:gb|gib|gigs?|g)?", re.I)  # "16", "10gb", "24GB" after the article "a"
_FUZZY_CUTOFF = 0.8  # normalised Damerau-Levenshtein similarity; a swap of two letters is one edit


_GIGS = re.compile(r"(\d)\s*g\b")
_NOT_ALNUM = re.compile(r"[^a-z0-9]")
_LETTER = re.compile(r"[a-z]", re.I)
_DIGIT_S = re.compile(
    r"\d[a-z]?s$|\d(?:ti)?(?:super|xtx?)s$"
)  # "a100s", "a10gs", "mi300xs", "4070tisupers", "7900xtxs"
_ENDS_DIGIT = re.compile(r"\d$")
_G_WORD = re.compile(r"g\b")
# a card name with its memory glued on by a hyphen: "3090ti-24GB", "4060-8gb", "T4-16G"
_GLUED_MEMORY = re.compile(r"(.+)-\d+(?:\.\d+)?\s*(?:gb|gib|g)", re.I)


def compact(label: str) -> str:
    """Lower-case ``label`` with punctuation and spaces removed, reading '80g' as '80gb'."""
    return _NOT_ALNUM.sub("", _GIGS.sub(r"\1gb", label.casefold()))


_GLUED = re.compile(r"([a-z])(?=\d)")


def _glued(key: str) -> tuple[str, ...]:
    """The letters written right before a number in a compacted key ('teslam40' -> ('m',))."""
    return tuple(_GLUED.findall(key))


_SHORT_CODE = re.compile(r"(?<![a-z0-9])([a-z]{1,2})(?=\d)")


def _short_codes(key: str) -> set[str]:
    """The one- or two-letter codes opening a compacted key before a number ('e5large' -> {'e'})."""
    return set(_SHORT_CODE.findall(key))


def _swaps_version_letter(key: str, other: str) -> bool:
    """Whether two compacted names differ only in a letter written against a number: a release's version or
    variant code before it ('skyreelsv1' and 'skyreelsa1' are two releases) or a size letter ending the name after
    it ('yolov8x' is not 'yolov8s'), never a typo to forgive."""
    short, long = sorted((key, other), key=len)
    if len(long) == len(short) + 1 and long.startswith(short) and short[-1:].isdigit():
        # 'yolov8x' is a sized variant of 'yolov8', not a typo of it ('gemma2b' and '8k' say a size or length)
        return long[-1].isalpha() and long[-1] not in "bk"
    if len(key) != len(other):
        return False
    diff = [i for i, (a, b) in enumerate(zip(key, other, strict=True)) if a != b]
    if len(diff) != 1:
        return False
    at = diff[0]
    if not (key[at].isalpha() and other[at].isalpha()):
        return False
    before = at + 1 < len(key) and key[at + 1].isdigit()
    size_letter = at + 1 == len(key) and at > 0 and key[at - 1].isdigit()
    return before or size_letter


def _numbers(label: str) -> tuple[str, ...]:
    return tuple(_NUMBER.findall(label.casefold()))


_FOUND_KEPT = 256  # texts whose names are kept, per index (the reading of one question looks several times)


class NameIndex:
    """Resolves what people type to canonical names."""

    def __init__(
        self, labels: Mapping[str, Iterable[str]], *, fuzzy_words: int = 2, product_codes: bool = False
    ):
        self._fuzzy_words = (
            fuzzy_words  # the longest phrase a typo is forgiven in ('lamma 2 13b' is three words)
        )
        # hardware names: the letter glued to a number is part of the product code ('m40' is no 'p40'), never a
        # typo to forgive; model names forgive it ('llama v2 70b' is Llama 2 70B)
        self._product_codes = product_codes
        self._exact: dict[str, str] = {}
        self._numbers: dict[str, tuple[str, ...]] = {}
        for canonical, names in labels.items():
            for name in names:
                key = compact(name)
                if key:
                    self._exact.setdefault(key, canonical)
                    self._numbers.setdefault(key, _numbers(name))
        self._labels = {canonical: tuple(names) for canonical, names in labels.items()}
        self._keys = list(self._exact)
        # fuzzy candidates: keys with those numbers, by length, each with its place in the index (ties go to the
        # earlier key, as they did when every key with those numbers was scored)
        self._by_numbers: dict[tuple[str, ...], dict[int, list[tuple[int, str]]]] = {}
        for place, key in enumerate(self._keys):
            self._by_numbers.setdefault(self._numbers[key], {}).setdefault(len(key), []).append((place, key))
        self._found: dict[
            str, tuple[str, ...]
        ] = {}  # find_in_text's recent answers: a question is read many times

    def labels_of(self, canonical: str) -> tuple[str, ...]:
        """The labels ``canonical`` was indexed with."""
        return self._labels.get(canonical, ())

    def resolve(self, name: str) -> str | None:
        """The canonical name for ``name``, or None when nothing matches closely enough."""
        key = compact(name)
        if not key:
            return None
        exact = self._exact_or_plural(key)
        return exact if exact else self._fuzzy(key, _numbers(name))

    def resolve_exact(self, name: str) -> str | None:
        """The canonical name ``name`` spells exactly (compact form, or its plural), else None."""
        key = compact(name)
        return self._exact_or_plural(key) if key else None

    def _exact_or_plural(self, key: str) -> str | None:
        """Exact match, or the singular of a plural like 'a100s' / 'h100s'."""
        if key in self._exact:
            return self._exact[key]
        if key.endswith("s") and _DIGIT_S.search(key):
            # "a10gs": the singular compacted again ("a10g" -> "a10gb", as the name itself is)
            return self._exact.get(key[:-1]) or self._exact.get(compact(key[:-1]))
        return None

    def _fuzzy(self, key: str, numbers: tuple[str, ...]) -> str | None:
        if not numbers or len(key) < 3:
            return None
        candidates = self._candidates(key, numbers)
        if not candidates:
            return None
        if self._product_codes and len(numbers[0]) <= 3:
            # in T4, L4, M40, P40, A100 or H100 the letter is the generation ('m40' is no 'p40'); a four-digit
            # model number carries its own
            said = set(_glued(key))  # a plural or a count ('a100s', '2xa100') may add letters, never swap one
            candidates = [c for c in candidates if set(_glued(c)) <= said]
        elif codes := _short_codes(key):
            # a one- or two-letter code before a number is the name itself: 'e5-large' is no typo of 't5-large',
            # nor 'o1' of 'r1'
            candidates = [c for c in candidates if codes <= _short_codes(c)]
        if not self._product_codes:
            candidates = [c for c in candidates if not _swaps_version_letter(key, c)]
        best = process.extractOne(
            key, candidates, scorer=DamerauLevenshtein.normalized_similarity, score_cutoff=_FUZZY_CUTOFF
        )
        return self._exact[best[0]] if best else None

    def _candidates(self, key: str, numbers: tuple[str, ...]) -> list[str]:
        """The keys with ``numbers`` whose length lets them reach the cutoff (a length further off than the cutoff
        allows can never score above it), in index order."""
        by_length = self._by_numbers.get(numbers)
        if not by_length:
            return []
        n = len(key)  # a length L reaches it when |L - n| <= (1 - cutoff) x max(L, n)
        shortest, longest = math.ceil(n * _FUZZY_CUTOFF - 1e-9), math.floor(n / _FUZZY_CUTOFF + 1e-9)
        found = [pair for length in range(shortest, longest + 1) for pair in by_length.get(length, ())]
        return [candidate for _, candidate in sorted(found)]

    def _versioned(self, parts: list[str]) -> str | None:
        """A repository head ending in its size after a version ("mistral-small-3.1-24b"): the name its head
        without the size has ("mistral-small-3.1"), kept only when that name carries the same size (so a family
        name never stands for another size of it)."""
        size = parts[-1].casefold()
        if len(parts) < 3 or not re.fullmatch(r"\d+(?:\.\d+)?b", size):
            return None
        match = self._exact_or_plural(compact("-".join(parts[:-1])))
        number = size.removesuffix("b")
        return match if match and re.search(rf"(?<![\d.]){re.escape(number)}B\b", match) else None

    def find_in_text(self, text: str) -> list[str]:
        """Canonical names mentioned in ``text``, longest phrase first, in order of mention."""
        if (found := self._found.get(text)) is None:
            if len(self._found) >= _FOUND_KEPT:
                self._found.clear()
            found = self._found[text] = tuple(self._find_in_text(text))
        return list(found)

    def _find_in_text(self, text: str) -> list[str]:
        words = [(m.start(), m.group()) for m in _WORD.finditer(text)]
        # A phrase's compact form is its words' compact forms joined, except where '80 g' becomes '80gb'
        # across two words: each word is compacted once rather than in every phrase it starts or ends.
        compacts = [compact(w) for _, w in words]
        spans_gb = [
            bool(_ENDS_DIGIT.search(a) and _G_WORD.match(b.casefold())) for (_, a), (_, b) in pairwise(words)
        ]
        found: list[tuple[int, str]] = []
        said: list[tuple[str, bool]] = []  # the compact phrase each name was found by; a pasted device name?
        i = 0
        while i < len(words):
            if (
                self._product_codes
                and words[i][1].casefold() in _BRAND_WORDS
                and self._exact_from(words, i + 1)
            ):
                # "NVIDIA A100-SXM4-40GB", "NVIDIA A100 80GB PCIe", "Tesla V100-SXM2-32GB": the brand is no part
                # of the name that follows it ("nvidia a100" would stop the 40 GB or PCIe card at its family)
                i += 1
                continue
            for size in range(min(_MAX_WORDS, len(words) - i), 0, -1):
                if size >= 2 and words[i][1] == "a" and _AMOUNT.fullmatch(words[i + 1][1]):
                    continue  # "a 16 gig card", "a 40GB GPU": the article and a number, not the A16 or A40
                if size > 1 and any(spans_gb[i : i + size - 1]):
                    key = compact(" ".join(w for _, w in words[i : i + size]))
                else:
                    key = "".join(compacts[i : i + size])
                match = self._exact_or_plural(key)
                phrase = words[i][1] if size == 1 else ""  # a longer phrase is joined only where it is read
                if match is None and size >= 2 and "-" in words[i + size - 1][1]:
                    # an Ollama tag's variant: "llama3.2:3b-instruct-q8_0" names "llama3.2:3b"
                    head = " ".join(
                        [*(w for _, w in words[i : i + size - 1]), words[i + size - 1][1].split("-")[0]]
                    )
                    match = self._exact_or_plural(compact(head))
                if match is None and size == 1 and "-" in phrase:
                    # a community fine-tune named after its base: "dolphin-mixtral", "nous-hermes-llama2"
                    # (a tail of at least 4 characters: "bge-reranker-v2-m3" ends in a model's version, not
                    # the Apple M3; "dolphin-mixtral" ends in a name)
                    parts = phrase.split("-")
                    match = next(
                        (
                            m
                            for k in range(1, len(parts))
                            if _base_suffix(parts, k)
                            and (m := self._exact_or_plural(compact("-".join(parts[k:]))))
                        ),
                        None,
                    )
                if match is None and size == 1 and self._product_codes and "-" in phrase:
                    match = self._device_name(phrase)
                if match is None and size == 1 and not self._product_codes and "-" in phrase:
                    # a repository name with a tail of its own: "llama2-7b-huggingface", "qwen2.5-14b-instruct-gguf"
                    # name the model before it (a head that still carries its size, so "llama-guard" is no Llama)
                    parts = phrase.split("-")
                    match = next(
                        (
                            m
                            for k in range(len(parts) - 1, 1, -1)
                            if _SIZED.search(head := "-".join(parts[:k]))
                            and (m := self._exact_or_plural(compact(head)) or self._versioned(parts[:k]))
                        ),
                        None,
                    )
                if match is None and size == 1 and (glued := _GLUED_MEMORY.fullmatch(phrase)):
                    # "one 3090ti-24GB card": the name before a glued-on memory size, as if written apart
                    match = self._exact_or_plural(compact(glued.group(1)))
                if (
                    match is None
                    and size <= self._fuzzy_words
                    and not any(w.casefold() in _FUNCTION_WORDS for _, w in words[i + 1 : i + size])
                    and _LETTER.search(phrase := phrase or " ".join(w for _, w in words[i : i + size]))
                ):
                    # "from a 3090 to a 4090": "3090 to" is one edit from "3090 Ti", but "to" is a word
                    numbers = _numbers(phrase)
                    if numbers:
                        match = self._fuzzy(key, numbers)
                        if match and self._longer_exact_after(words, i, size):
                            match = None  # "RTS 4070Ti Super": the typo'd word is not part of the longer exact name
                if match:
                    found.append((words[i][0], match))
                    said.append(("".join(compacts[i : i + size]), size == 1 and "-" in words[i][1]))
                    i += size
                    break
            else:
                i += 1
        if self._product_codes:
            # "v100 can not run it ... Your Tesla V100-SXM2-32GB GPU": the bare family and the card a pasted device
            # name (nvidia-smi's, an error's) then spells out are one card, not the family's default variant beside
            # it; a comparison written out ("4060 ti vs 4060 ti 16gb") keeps both
            found = [
                f
                for f, (key, _) in zip(found, said, strict=True)
                if not any(
                    device
                    and other != key
                    and other.startswith(key)
                    and _VARIANT_TAIL.match(other[len(key) :])
                    and not (key[-1:].isdigit() and other[len(key)].isdigit())
                    for other, device in said
                )
            ]
        ordered: list[str] = []
        for _, name in found:
            if name not in ordered:
                ordered.append(name)
        return ordered

    def _exact_from(self, words: list[tuple[int, str]], i: int) -> bool:
        """Whether a name starts exactly at ``words[i]`` (or is that word, a device name in nvidia-smi's form)."""
        for size in range(min(_MAX_WORDS, len(words) - i), 0, -1):
            if self._exact_or_plural(compact(" ".join(w for _, w in words[i : i + size]))):
                return True
        return i < len(words) and "-" in words[i][1] and self._device_name(words[i][1]) is not None

    def _device_name(self, word: str) -> str | None:
        """The card a hyphenated device name gives, as nvidia-smi, CUDA errors and vLLM logs print it:
        "V100-PCIE-32GB", "A100-SXM4-40GB", "A100-PCIE-40GB" (family, form factor, memory in any order)."""
        parts = word.casefold().split("-")
        memory = [p for p in parts[1:] if _DEVICE_MEMORY.fullmatch(p)]
        forms = [p for p in parts[1:] if _FORM_FACTOR.fullmatch(p)]
        if not memory or len(memory) + len(forms) != len(parts) - 1:
            return None
        base = parts[0]
        for key in (base + memory[0] + "".join(forms), base + "".join(forms) + memory[0], base + memory[0]):
            if match := self._exact_or_plural(compact(key)):
                return match
        return None

    def _longer_exact_after(self, words: list[tuple[int, str]], i: int, size: int) -> bool:
        """Whether an exact name starts at the next word and reaches past ``words[i : i + size]``."""
        for longer in range(size, min(_MAX_WORDS, len(words) - i - 1) + 1):
            phrase = " ".join(w for _, w in words[i + 1 : i + 1 + longer])
            if self._exact_or_plural(compact(phrase)):
                return True
        return False


# a brand printed before a card's name ("NVIDIA A100-SXM4-40GB", "Tesla V100-PCIE-32GB", "NVIDIA GeForce RTX 4090")
_BRAND_WORDS = frozenset(["nvidia", "tesla", "geforce", "quadro", "amd", "instinct"])
# the parts of a device name after its family: memory ("40gb") and form factor ("sxm4", "pcie", "nvl", "hbm3")
_DEVICE_MEMORY = re.compile(r"\d+(?:gb|g)")
_SIZED = re.compile(r"\d+(?:\.\d+)?[bm]\b", re.I)  # a model size in a name: "7b", "0.5B", "70b"
_VARIANT_TAIL = re.compile(r"\d+gb|sxm\d?|pcie|nvl")
_FORM_FACTOR = re.compile(r"sxm\d?|pcie|nvl|hbm\d?e?|pci")


# words that may prefix a short hardware name in one hyphenated token ("nvidia-l4", "apple-m3")
_VENDOR_WORDS = frozenset(
    [
        "nvidia",
        "tesla",
        "geforce",
        "rtx",
        "gtx",
        "quadro",
        "apple",
        "amd",
        "radeon",
        "instinct",
        "intel",
        "google",
    ]
)


# short English words a typo'd name never ends in: kept out of fuzzy phrases ("3090 to", "4090 or", "a100 in")
_FUNCTION_WORDS = frozenset(
    {
        "a",
        "an",
        "the",
        "to",
        "in",
        "on",
        "at",
        "of",
        "or",
        "and",
        "is",
        "it",
        "its",
        "as",
        "by",
        "so",
        "do",
        "go",
        "no",
    }
    | {"up", "my", "me", "we", "vs", "for", "from", "with", "into"}
)


def _base_suffix(parts: list[str], k: int) -> bool:
    """Whether ``parts[k:]`` may be read as the base a hyphenated name is built on: a short ending ('m3', 'l4')
    only after a vendor word, so 'bge-m3' (an embedding model) does not name Apple's M3."""
    rest = "".join(parts[k:])
    return len(rest) > 2 or parts[k - 1].lower() in _VENDOR_WORDS


class _Named(Protocol):
    name: str
    aliases: tuple[str, ...]


Record = TypeVar("Record", bound=_Named)


class NamedRecords(tuple, Generic[Record]):
    """Records in file order, looked up by canonical name, alias or a near-miss of either."""

    _index: NameIndex
    _product_codes = False  # True for hardware: see NameIndex

    def __new__(cls, records: Iterable[Record], source: Path | str = "<records>"):
        records = list(records)
        _check_unique(records, source)
        self = super().__new__(cls, records)
        labels = {r.name: (r.name, *r.aliases) for r in records}
        self._index = NameIndex(_with_spellings(labels, cls._spellings), product_codes=cls._product_codes)
        return self

    @staticmethod
    def _spellings(name: str) -> tuple[str, ...]:
        """Other ways people type ``name``, derived by rule (none by default; see the GPU catalog)."""
        return ()

    def labels_of(self, record: Record) -> tuple[str, ...]:
        """Everything ``record`` answers to in text: its name, its aliases and the spellings derived by rule
        that no other record takes."""
        return self._index.labels_of(record.name)

    def get(self, name: str) -> Record | None:
        """The record a user means by ``name``, or None."""
        match = self._index.resolve(name)
        return self.by_name(match) if match else None

    def by_name(self, canonical: str) -> Record:
        """The record with exactly this canonical name (KeyError if absent)."""
        for record in self:
            if record.name == canonical:
                return record
        raise KeyError(canonical)

    def find_in_text(self, text: str) -> list[Record]:
        """Every record mentioned in free text, in order of first mention."""
        return [self.by_name(name) for name in self._index.find_in_text(text)]

    @property
    def names(self) -> list[str]:
        """Canonical names in file order."""
        return [r.name for r in self]


def _with_spellings(labels: dict[str, tuple[str, ...]], spellings) -> dict[str, tuple[str, ...]]:
    """``labels`` with each name's derived spellings added, except one that another record already answers to or
    that two records would share (a derived spelling never takes a name from anything)."""
    owners: dict[str, set[str]] = {}
    for canonical, names in labels.items():
        for name in names:
            owners.setdefault(compact(name), set()).add(canonical)
    derived = {c: [d for d in spellings(c) if compact(d) not in owners] for c in labels}
    count: dict[str, int] = {}
    for extra in derived.values():
        for key in {compact(d) for d in extra}:
            count[key] = count.get(key, 0) + 1
    return {c: (*names, *(d for d in derived[c] if count[compact(d)] == 1)) for c, names in labels.items()}


def _check_unique(records: list[_Named], source: Path | str) -> None:
    seen: dict[str, str] = {}
    for record in records:
        for label in (record.name, *record.aliases):
            key = compact(label)
            if key in seen and seen[key] != record.name:
                raise DataError(
                    f"{source}: name or alias '{label}' is used by both {seen[key]} and {record.name}"
                )
            seen[key] = record.name
