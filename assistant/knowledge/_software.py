"""Which accelerators the common ML tools run on: typed rows from ``corpus/software.yaml`` and the check of one
tool (or one of its features) against one catalog GPU or software stack (pure)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ._catalog import GPU, Catalog, SoftwareStack, load_catalog
from ._data import DataError, corpus_dir, load_rows

__all__ = ["Host", "Platform", "Software", "Support", "Tool", "cuda_floor", "load_software", "support_of"]

Status = Literal["supported", "partial", "unsupported", "unknown"]
# where a tool may run besides a GPU stack: on the CPU alone, or on a phone / tablet (Android, iOS)
Host = Literal["CPU", "Mobile"]


class Platform(BaseModel):
    """One software stack a tool runs on, with the GPUs of that stack it covers."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    stack: SoftwareStack
    status: Literal["supported", "partial"] = Field(
        default="supported",
        description="'partial': runs with the limit the note says (preview, community build).",
    )
    min_compute_capability: float | None = Field(
        default=None, ge=3, lt=20, description="CUDA: oldest supported."
    )
    max_compute_capability: float | None = Field(
        default=None, ge=3, lt=20, description="CUDA: newest supported."
    )
    gpus: tuple[str, ...] = Field(
        default=(), description="Only these catalog GPUs of the stack; () = all of them."
    )
    others: str | None = Field(
        default=None,
        description="What happens on the stack's GPUs not in `gpus` or below the minimum compute capability (a "
        "partial path: an override, a slower backend); None: they are unsupported.",
    )
    others_min_compute_capability: float | None = Field(
        default=None,
        ge=3,
        lt=20,
        description="CUDA: the oldest generation the `others` path runs on (FP8 checkpoints run weight-only on "
        "Ampere, not on Volta); None: every card below the minimum takes that path.",
    )
    below: str = Field(
        default="",
        description="What people use on CUDA cards below the minimum, where those are unsupported.",
    )
    note: str = ""

    def other_path_covers(self, cc: float) -> bool:
        """Whether a card of compute capability ``cc`` below the minimum runs on the ``others`` path."""
        return bool(self.others) and (
            self.others_min_compute_capability is None or cc >= self.others_min_compute_capability
        )


class Feature(BaseModel):
    """A part of a tool with a stricter requirement (a kernel, a quantization format)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=2)
    aliases: tuple[str, ...] = ()
    platforms: tuple[Platform, ...] = Field(min_length=1)
    note: str = ""
    weight_bits: tuple[int, ...] = Field(
        default=(),
        description="For a quantized-weights checkpoint format: the weight widths the tool loads it at (4, 8).",
    )
    source: str = Field(min_length=8)


class Tool(BaseModel):
    """One ML tool and the platforms its own docs support, with a source and the date it was read."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=2)
    aliases: tuple[str, ...] = ()
    kind: str = Field(min_length=3, description="What the tool is, e.g. 'LLM serving engine'.")
    platforms: tuple[Platform, ...] = Field(min_length=1)
    unsupported_note: str = Field(
        default="", description="What people use instead where the tool does not run."
    )
    cpu: Literal["supported", "partial", "unsupported"] | None = Field(
        default=None, description="Whether its docs run it on the CPU alone, no GPU; None: not on record."
    )
    cpu_note: str = ""
    phones: Literal["supported", "partial", "unsupported"] | None = Field(
        default=None,
        description="Whether its docs run it on a phone or tablet (Android, iOS); None: not on record.",
    )
    phones_note: str = ""
    features: tuple[Feature, ...] = ()
    source: str = Field(min_length=8)
    as_of: dt.date

    @model_validator(mode="after")
    def _one_row_per_stack(self) -> Tool:
        for owner in (self, *self.features):
            stacks = [p.stack for p in owner.platforms]
            if len(stacks) != len(set(stacks)):
                raise ValueError(f"{owner.name}: a software stack is listed twice")
        return self


class Series(BaseModel):
    """A series of NVIDIA cards the catalog does not list, with its CUDA compute capability."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=3)
    architecture: str = Field(min_length=3)
    pattern: str = Field(min_length=2, description="Matched against the card's plain name ('gtx1060').")
    compute_capability: float = Field(ge=1, lt=20)
    source: str = Field(min_length=8)
    as_of: dt.date

    @model_validator(mode="after")
    def _a_valid_pattern(self) -> Series:
        re.compile(self.pattern)
        return self


@dataclass(frozen=True)
class Support:
    """Whether ``tool`` (or its ``feature``) runs on a GPU or stack, why, and where that was read."""

    tool: Tool
    feature: Feature | None
    status: Status
    reason: str
    note: str
    source: str
    stack: SoftwareStack | Host
    gpu: GPU | None = None
    card: str | None = None  # a card the catalog does not list, as the question wrote it ("Radeon R7 360")

    @property
    def name(self) -> str:
        return f"{self.feature.name} in {self.tool.name}" if self.feature else self.tool.name

    @property
    def stack_words(self) -> str:
        """The platform in words: "AMD GPUs (ROCm)", "Apple silicon (Metal)"."""
        return _STACK_WORDS[self.stack]

    @property
    def where(self) -> str:
        """The hardware asked about in words: "the T4", "the Radeon R7 360", "AMD GPUs (ROCm)"."""
        if self.gpu is not None:
            return f"the {self.gpu.name}"
        return f"the {self.card}" if self.card else self.stack_words


@dataclass(frozen=True)
class Software:
    """The tools table, found by the names people write."""

    tools: tuple[Tool, ...]
    series: tuple[Series, ...] = ()

    def series_of(self, card: str | None) -> Series | None:
        """The NVIDIA series an unlisted card belongs to ("GTX 1060" -> the GTX 10 series, 6.1); None if none."""
        if not card:
            return None
        plain = re.sub(r"[\s-]+", "", re.sub(r"\b(?:nvidia|geforce)\b", "", card.lower()))
        return next((s for s in self.series if re.search(s.pattern, plain)), None)

    def find(self, key: str) -> tuple[Tool, Feature | None] | None:
        """The tool (and feature) of a key understanding keeps: "vLLM" or "vLLM|AWQ"; None if unknown."""
        name, _, feature_name = key.partition("|")
        tool = next((t for t in self.tools if t.name == name), None)
        if tool is None:
            return None
        feature = next((f for f in tool.features if f.name == feature_name), None) if feature_name else None
        return tool, feature

    def named_in(self, text: str) -> tuple[tuple[Tool, Feature | None], ...]:
        """The tools ``text`` names, in order, each with the feature of it named (an alias of the feature)."""
        t = text.lower()
        hits = []
        for tool in self.tools:
            span = _first(t, (tool.name, *tool.aliases))
            if span is None:
                continue
            feature = next(
                (f for f in tool.features if _first(t, (f.name, *f.aliases), suffix=True) is not None), None
            )
            hits.append((span, tool, feature))
        # "flash attention 3" names FlashAttention-3, not also FlashAttention-2 by its shorter "flash attention"
        kept = [h for h in hits if not any(_inside(h[0], o[0]) for o in hits if o is not h)]
        return tuple((tool, feature) for _, tool, feature in sorted(kept, key=lambda h: h[0]))


def cuda_floor(named: tuple[tuple[Tool, Feature | None], ...]) -> tuple[float, str] | None:
    """The newest of the CUDA compute-capability minimums of the tools (and features) named, with the name that
    sets it ("AWQ in vLLM": 7.5) — an NVIDIA card below it does not run them; None when none sets one. A minimum
    with a slower path for older cards (``others``) is not a floor."""
    floors = []
    for tool, feature in named:
        for owner, name in (
            (tool, tool.name),
            (feature, f"{feature.name} in {tool.name}" if feature else ""),
        ):
            cuda = next((p for p in owner.platforms if p.stack == "CUDA"), None) if owner else None
            if cuda is None or not cuda.min_compute_capability:
                continue
            if not cuda.others:
                floors.append((cuda.min_compute_capability, name))
            elif cuda.others_min_compute_capability:  # the slower path's own floor ("FP8 weight-only: 8.0")
                floors.append((cuda.others_min_compute_capability, name))
    return max(floors, key=lambda f: f[0]) if floors else None


# a quantization format said as a checkpoint's name tail: "Qwen2.5-32B-Instruct-AWQ", "Llama-2-13B-chat-GPTQ",
# "Meta-Llama-3.1-8B-Instruct-FP8", "Qwen1.5-7B-Chat-GPTQ-Int4" (after a name part, never a number)
_SUFFIX_BEFORE = r"(?:(?<![\w.-])|(?<=[a-z][-_])|(?<=\d[bm][-_]))"


def _first(text: str, names: tuple[str, ...], suffix: bool = False) -> tuple[int, int] | None:
    """The span of the first and, at one place, longest of ``names`` in ``text``; ``suffix``: a name may also
    close a hyphenated checkpoint name (a feature such as a quantization format)."""
    before, after = (_SUFFIX_BEFORE, r"(?![\w])") if suffix else (r"(?<![\w.-])", r"(?![\w-])")
    found = [m.span() for n in names if (m := re.search(rf"{before}{re.escape(n.lower())}{after}", text))]
    return min(found, key=lambda span: (span[0], -span[1])) if found else None


def _inside(span: tuple[int, int], other: tuple[int, int]) -> bool:
    return other[0] <= span[0] and span[1] <= other[1] and span != other


def support_of(
    tool: Tool,
    feature: Feature | None,
    stack: SoftwareStack | Host,
    gpu: GPU | None = None,
    card: str | None = None,
    series: Series | None = None,
) -> Support:
    """Whether ``tool`` (its ``feature`` when given) runs on ``gpu`` — or on ``stack`` when no GPU is named, the
    CPU alone or a phone (``Host``) included; ``card``: a card of ``stack`` the catalog does not list, which a
    tool with a list of cards for the stack does not cover; ``series``: that card's NVIDIA series, whose compute
    capability is read against the tool's minimum."""
    owner = feature or tool
    source = feature.source if feature else tool.source
    card = card if gpu is None else ""

    def answer(status: Status, reason: str, note: str) -> Support:
        return Support(tool, feature, status, reason, note, source, stack, gpu, None if gpu else card)

    if stack in ("CPU", "Mobile"):
        return _host_support(tool, stack, answer)
    platform = next((p for p in owner.platforms if p.stack == stack), None)
    if platform is None:
        # "does not support Apple silicon (Metal): its docs list no Metal backend", the platform not said twice
        return answer("unsupported", f"its docs list no {stack} backend", tool.unsupported_note)
    notes = " ".join(n for n in (platform.note, feature.note if feature else "") if n)
    if gpu is None and card:
        return _unlisted_card_support(platform, stack, card, notes, tool, answer, series)
    if gpu is not None and platform.gpus and gpu.name not in platform.gpus:
        if platform.others:
            return answer("partial", f"the {gpu.name} is not on its {stack} list", platform.others)
        return answer(
            "unsupported", f"its {stack} support lists {', '.join(platform.gpus)}", tool.unsupported_note
        )
    cc = gpu.compute_capability if gpu is not None else None
    floor, ceiling = platform.min_compute_capability, platform.max_compute_capability
    if cc is not None and floor and cc < floor:
        below = f"its minimum is compute capability {floor:.1f} and the {gpu.name} is {cc:.1f}"
        if platform.other_path_covers(cc):  # "GTX 1070/1080 work, but slowly"
            return answer("partial", below, platform.others)
        slower = platform.others_min_compute_capability if platform.others else None
        path = f" ({slower:.1f} for its slower path)" if slower else ""
        return answer(
            "unsupported",
            f"it needs compute capability {floor:.1f} or newer{path} and the {gpu.name} is {cc:.1f}",
            platform.below,
        )
    if cc is not None and ceiling and cc > ceiling:
        return answer(
            "unsupported",
            f"it is built for compute capability {ceiling:.1f} and the {gpu.name} is {cc:.1f}",
            tool.unsupported_note,
        )
    if gpu is not None and cc is None and floor:
        return answer(
            "partial",
            f"its minimum is compute capability {floor:.1f}, and the {gpu.name}'s is not on record",
            notes,
        )
    if cc is not None and floor:
        reason = f"it needs compute capability {floor:.1f} or newer and the {gpu.name} is {cc:.1f}"
    elif gpu is not None and platform.gpus:
        reason = f"the {gpu.name} is on its {stack} list"
    elif gpu is not None:
        reason = f"it supports {_STACK_WORDS[stack]}, the {gpu.name} among them"
    elif platform.gpus:
        reason = f"the cards its {stack} support lists are the {', '.join(platform.gpus)}"
    else:
        reason = ""
    return answer(platform.status, reason, notes)


def _host_support(tool: Tool, host: Host, answer) -> Support:
    """The tool on the CPU alone or on a phone, as its row says; "unknown" where the row is silent."""
    status, note = (tool.cpu, tool.cpu_note) if host == "CPU" else (tool.phones, tool.phones_note)
    words = _STACK_WORDS[host]
    if status is None:
        return answer("unknown", f"its docs as I have them say nothing about {words}", "")
    if status == "unsupported":
        return answer("unsupported", "", note)
    return answer(status, "", note)


def _unlisted_card_support(
    platform: Platform, stack: str, card: str, notes: str, tool: Tool, answer, series: Series | None = None
) -> Support:
    """A card the catalog does not list, on a stack the tool runs on: off the tool's list of cards when it keeps
    one (a workaround, where its docs give one, is said, not counted as support); with a compute-capability
    floor, undecided (the card's capability is not on record); otherwise the stack's support."""
    if platform.gpus:
        reason = f"the {card} is not on its {stack} list ({', '.join(platform.gpus)})"
        # the workaround for cards off the list, if its docs give one; the tool's note on other platforms (a Mac)
        # is no help here
        return answer("unsupported", reason, platform.others or "")
    if platform.min_compute_capability:
        floor = platform.min_compute_capability
        if series is not None:  # its series' capability, from NVIDIA's table: read like a catalog card's
            cc = series.compute_capability
            said = f"the {card} ({series.architecture}) is {cc:.1f}"
            if cc < floor and platform.other_path_covers(cc):
                return answer(
                    "partial", f"its minimum is compute capability {floor:.1f} and {said}", platform.others
                )
            if cc < floor:
                return answer(
                    "unsupported",
                    f"it needs compute capability {floor:.1f} or newer and {said}",
                    platform.below,
                )
            return answer(
                platform.status, f"it needs compute capability {floor:.1f} or newer and {said}", notes
            )
        return answer(
            "unknown",
            f"it needs compute capability {floor:.1f} or newer, and the {card}'s is not in my catalog "
            "(NVIDIA's CUDA GPUs page, developer.nvidia.com/cuda-gpus, lists it)",
            platform.below,
        )
    return answer(
        platform.status, f"it runs on {_STACK_WORDS[stack]}, though the {card} is not in my catalog", notes
    )


_STACK_WORDS = {
    "CUDA": "NVIDIA GPUs (CUDA)",
    "ROCm": "AMD GPUs (ROCm)",
    "oneAPI": "Intel GPUs",
    "Metal": "Apple silicon (Metal)",
    "XLA": "Google TPUs",
    "Neuron": "AWS Trainium / Inferentia (Neuron)",
    "SynapseAI": "Intel Gaudi",
    "CPU": "the CPU alone (no GPU)",
    "Mobile": "phones and tablets (Android / iOS)",
}


def load_software(path: Path | None = None, catalog: Catalog | None = None) -> Software:
    """The tools table (``corpus/software.yaml`` unless ``path``); DataError for a GPU name the catalog does not
    know or a tool listed twice."""
    return _cached(Path(path) if path else corpus_dir() / "software.yaml", catalog or load_catalog())


@lru_cache(maxsize=4)
def _cached(path: Path, catalog: Catalog) -> Software:
    tools = load_rows(path, "tools", Tool)
    names = set(catalog.names)
    seen: set[str] = set()
    for tool in tools:
        if tool.name in seen:
            raise DataError(f"{path}: {tool.name!r} is listed twice")
        seen.add(tool.name)
        for platform in (p for owner in (tool, *tool.features) for p in owner.platforms):
            unknown = [g for g in platform.gpus if g not in names]
            if unknown:
                raise DataError(f"{path}: {tool.name}: {', '.join(unknown)} not catalog GPU names")
            if any(catalog.by_name(g).software != platform.stack for g in platform.gpus):
                raise DataError(
                    f"{path}: {tool.name}: a GPU listed under {platform.stack} runs another stack"
                )
    series = load_rows(path, "nvidia_series", Series)  # after the tools' own checks
    return Software(tuple(tools), tuple(series))
