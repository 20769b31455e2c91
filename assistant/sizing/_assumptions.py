"""Sizing conventions and efficiency factors, loaded from ``corpus/assumptions.yaml`` (pure)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ..knowledge._data import corpus_dir, load_keyed

__all__ = ["Assumption", "Assumptions", "load_assumptions"]


class Assumption(BaseModel):
    """One named convention: its value, what it means, and where it comes from."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    key: str
    value: Any
    meaning: str = Field(min_length=10)
    source: str = Field(min_length=5)

    def describe(self) -> str:
        """One line for an answer: meaning, value and source."""
        return f"{self.meaning} (value: {self.value}; source: {self.source})"


_BPW = re.compile(r"(\d+(?:\.\d+)?)bpw")


def bits_per_weight_said(precision: str) -> float | None:
    """The bits per weight of an EXL2 precision written as '<bits>bpw' (1.5 to 8.5), else None."""
    m = _BPW.fullmatch(precision)
    return float(m.group(1)) if m and 1.5 <= float(m.group(1)) <= 8.5 else None


# runtimes that allocate a short context unless told otherwise (Ollama's num_ctx, llama-cpp-python's n_ctx) or grow
# the KV cache as tokens arrive (mlx-lm); ExLlamaV2 and the serving engines size theirs to a max_seq_len
_LOCAL_DEFAULT_CONTEXT_RUNTIMES = frozenset({"llama.cpp", "mlx"})


class Assumptions:
    """All conventions by key; ``number(key)`` reads a numeric one."""

    def __init__(self, items: dict[str, Assumption]):
        self._items = items
        self._numbers: dict[str, float] = {}  # number(key), read thousands of times per plan

    def __getitem__(self, key: str) -> Assumption:
        return self._items[key]

    def __iter__(self):
        return iter(self._items.values())

    def number(self, key: str) -> float:
        """The numeric value of assumption ``key``."""
        value = self._numbers.get(key)
        if value is None:
            value = self._numbers[key] = float(self._items[key].value)
        return value

    def default_context(self, runtime: str | None) -> int:
        """Tokens per sequence assumed when a question gives no context: a local GGUF or MLX run's (llama.cpp,
        Ollama, LM Studio, mlx-lm) own default, else a serving engine's usual one."""
        if runtime in _LOCAL_DEFAULT_CONTEXT_RUNTIMES:
            return int(self.number("local_default_context"))
        return int(self.number("default_inference_context"))

    def bytes_per_param(self, precision: str) -> float:
        """Storage bytes per weight for a number format such as 'bf16', 'int4' or GGUF 'q4_k_m'."""
        plain = self._items["bytes_per_param"].value
        if precision in plain:
            return float(plain[precision])
        if (bits := bits_per_weight_said(precision)) is not None:
            return bits / 8  # ExLlamaV2's EXL2 at the average bits per weight it was quantized to ("4.65bpw")
        return float(self._items["gguf_bits_per_weight"].value[precision]) / 8

    def knows_precision(self, precision: str) -> bool:
        """True for a plain format, a GGUF type or an EXL2 bits-per-weight figure ('2.5bpw')."""
        return (
            precision in self.precisions
            or precision in self.gguf_types
            or bits_per_weight_said(precision) is not None
        )

    def is_gguf(self, precision: str) -> bool:
        """True for a llama.cpp GGUF quantization type such as 'q4_k_m'."""
        return precision in self._items["gguf_bits_per_weight"].value

    @property
    def precisions(self) -> tuple[str, ...]:
        """Plain number formats the arithmetic knows (GGUF types are in ``gguf_types``)."""
        return tuple(self._items["bytes_per_param"].value)

    @property
    def gguf_types(self) -> tuple[str, ...]:
        """llama.cpp GGUF quantization types the arithmetic knows, e.g. 'q4_k_m'."""
        return tuple(k for k in self._items["gguf_bits_per_weight"].value if k != "f16")

    @property
    def recommended_quants(self) -> tuple[str, ...]:
        """The GGUF types, best first, an answer may lead with for a user's card: down to the lowest recommended."""
        ladder = [str(q) for q in self._items["owned_hardware_quants"].value]
        floor = str(self._items["lowest_recommended_quant"].value)
        return tuple(ladder[: ladder.index(floor) + 1]) if floor in ladder else tuple(ladder)


def load_assumptions(path: Path | None = None) -> Assumptions:
    """Load and validate the sizing assumptions (``corpus/assumptions.yaml`` by default)."""
    return _cached(path or corpus_dir() / "assumptions.yaml")


@lru_cache(maxsize=4)
def _cached(path: Path) -> Assumptions:
    return Assumptions(load_keyed(path, "assumptions", Assumption, "assumption"))
