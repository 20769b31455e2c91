"""The GPU and accelerator catalog: typed records loaded from ``corpus/gpus.yaml`` (pure)."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ._data import corpus_dir, load_rows
from ._names import NamedRecords

__all__ = ["GPU", "Catalog", "Price", "load_catalog"]


# "local": a machine people own and never rent (laptop GPUs, Apple Silicon Macs): never a cloud pick.
GpuClass = Literal["training", "inference", "both", "consumer", "local"]
SoftwareStack = Literal["CUDA", "ROCm", "XLA", "Neuron", "SynapseAI", "Metal", "oneAPI"]


class Price(BaseModel):
    """An indicative on-demand cloud price for one accelerator (one GPU or chip) per hour."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    low: float = Field(gt=0, lt=200, description="Lowest on-demand USD per GPU-hour seen.")
    typical: float = Field(gt=0, lt=200, description="Typical on-demand USD per GPU-hour.")
    seen_at: str = Field(min_length=3, description="Where the prices were seen (providers).")
    as_of: dt.date = Field(description="When the prices were seen.")

    @model_validator(mode="after")
    def _low_not_above_typical(self) -> Price:
        if self.low > self.typical:
            raise ValueError(f"low price {self.low} is above typical price {self.typical}")
        return self


class GPU(BaseModel):
    """One GPU or AI accelerator with its specs, capabilities and an indicative price."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=2, description="Canonical name, e.g. 'H100 SXM'.")
    aliases: tuple[str, ...] = Field(default=(), description="What people type for it.")
    vendor: Literal["NVIDIA", "AMD", "Intel", "Google", "AWS", "Apple"]
    architecture: str
    release_year: int = Field(ge=2012, le=2027)
    memory_gb: float = Field(gt=0, le=600, description="On-device (or unified) memory in GB.")
    memory_type: str
    memory_bandwidth_gbs: float = Field(gt=10, le=10000, description="Memory bandwidth, GB/s.")
    fp16_tflops: float | None = Field(
        default=None, gt=0, le=5000, description="Dense FP16/BF16 tensor TFLOPS (no sparsity)."
    )
    fp16_tflops_sparse: float | None = Field(
        default=None, gt=0, le=10000, description="FP16/BF16 TFLOPS with 2:4 sparsity, if quoted."
    )
    fp16_fp32acc_tflops: float | None = Field(
        default=None,
        gt=0,
        le=5000,
        description="Dense FP16 tensor TFLOPS with FP32 accumulate, only where it differs from "
        "fp16_tflops (GeForce cards run it at half rate); what mixed-precision training gets.",
    )
    fp8_tflops: float | None = Field(
        default=None, gt=0, le=10000, description="Dense FP8 TFLOPS, where FP8 exists."
    )
    tdp_w: float | None = Field(default=None, gt=0, le=2000, description="Board power, watts.")
    form_factor: str
    interconnect: str = Field(description="e.g. 'NVLink 4 (900 GB/s)' or 'PCIe 5.0 x16'.")
    nvlink_gbs: float | None = Field(
        default=None, gt=0, description="GPU-to-GPU high-speed link bandwidth, GB/s; None if PCIe only."
    )
    link_domain_gpus: int | None = Field(
        default=None,
        ge=2,
        description="How many GPUs the high-speed link joins: 2 for NVLink bridges, 8 for an NVSwitch "
        "board, 72 for NVL72, a pod for TPUs; None if PCIe only.",
    )
    gpu_class: GpuClass = Field(description="training / inference / both / consumer / local (laptop, Mac).")
    gpu_memory_share: float | None = Field(
        default=None,
        gt=0.3,
        le=1,
        description="Unified-memory machines: the share of memory the GPU may use by default (macOS' "
        "recommendedMaxWorkingSetSize); None for cards with their own memory.",
    )
    bf16: bool
    fp8: bool
    fp4: bool = Field(
        default=False,
        description="Native FP4 tensor math (NVFP4/MXFP4 matrix multiplies: NVIDIA Blackwell, AMD CDNA 4).",
    )
    tensor_cores: bool = Field(
        default=True,
        description="Matrix units for 16-bit math (NVIDIA tensor cores, AMD matrix cores, XMX, MXU); false on "
        "pre-Volta NVIDIA cards and Apple M1-M4 GPUs, which run FP16 on their vector units.",
    )
    flash_attention_2: bool
    software: SoftwareStack
    compute_capability: float | None = Field(
        default=None,
        ge=3,
        lt=20,
        description="NVIDIA only: the CUDA compute capability (8.0 = sm_80), which software states its minimum in.",
    )
    sold_in: str | None = Field(
        default=None,
        description="The one market an export-compliant variant is sold for (A800, H800, H20, L20: 'China'); such "
        "a card is weighed when named, never a default pick.",
    )
    price: Price | None = Field(default=None, description="Indicative cloud price; None if unknown.")
    spec_source: str = Field(min_length=8, description="Where the specs come from.")
    as_of: dt.date = Field(description="When this row was last checked.")
    notes: str = ""

    @model_validator(mode="after")
    def _consistent(self) -> GPU:
        if self.fp16_tflops and self.fp16_tflops_sparse and self.fp16_tflops > self.fp16_tflops_sparse:
            raise ValueError("dense fp16_tflops is above the with-sparsity figure")
        if (self.nvlink_gbs is None) != (self.link_domain_gpus is None):
            raise ValueError("nvlink_gbs and link_domain_gpus go together")
        if self.fp8_tflops is not None and not self.fp8:
            raise ValueError("fp8_tflops is set but fp8 is false")
        if self.vendor != "NVIDIA" and self.compute_capability is not None:
            raise ValueError("compute_capability is a CUDA figure: set it for NVIDIA GPUs only")
        return self

    @property
    def price_per_hour(self) -> float | None:
        """Typical on-demand USD per GPU-hour, or None when unknown."""
        return self.price.typical if self.price else None

    @property
    def training_tflops(self) -> float | None:
        """Dense 16-bit TFLOPS that mixed-precision training can use (FP32 accumulate)."""
        return self.fp16_fp32acc_tflops or self.fp16_tflops

    def bound_rate(self, training: bool) -> float:
        """The rate the work is bound by: dense 16-bit compute to train, memory bandwidth to generate (0 unknown)."""
        return (self.training_tflops if training else self.memory_bandwidth_gbs) or 0.0

    @property
    def gpu_memory_gb(self) -> float:
        """Memory the GPU may use by default: all of a card's, the working-set share of a Mac's."""
        return self.memory_gb * (self.gpu_memory_share or 1.0)

    @property
    def is_owned_hardware(self) -> bool:
        """Laptops and Macs: hardware people own, never rented from a cloud."""
        return self.gpu_class == "local"

    @property
    def has_fast_interconnect(self) -> bool:
        """True when GPUs talk over NVLink, Infinity Fabric, ICI or similar rather than PCIe."""
        return self.nvlink_gbs is not None

    def fast_link_joins(self, count: int) -> bool:
        """True when ``count`` of these GPUs all share the high-speed link (a bridge joins only 2)."""
        return self.link_domain_gpus is not None and count <= self.link_domain_gpus


# a GeForce card's family prefix and four-digit model number: "RTX 3070", "GTX 1080 Ti", "RTX 4070 Ti Super"
_GEFORCE = re.compile(r"^(?:RTX|GTX) ([1-5][06][5-9]0)((?: Ti)?(?: Super)?)(?: \d+GB)?$", re.I)


# an Apple chip's tier written before its generation: "Macbook Max M3 128GB", "mac studio ultra m2 192gb" (not
# "pro": a "MacBook Pro M3" is the base M3 in a MacBook Pro)
_TIER_FIRST = re.compile(r"\b(max|ultra)[\s-]+(m[1-9])\b(?![\s-]*(?:max|ultra|pro)\b)", re.I)


class Catalog(NamedRecords[GPU]):
    """The loaded GPU records in file order, with name lookup that forgives typos and aliases (never in the
    letter glued to a product number)."""

    _product_codes = True

    def find_in_text(self, text: str) -> list[GPU]:
        """Every GPU mentioned in ``text``; an Apple chip's tier said before its generation ("Max M3") is read
        as the chip's name ("M3 Max")."""
        return super().find_in_text(_TIER_FIRST.sub(r"\2 \1", text))

    @staticmethod
    def _spellings(name: str) -> tuple[str, ...]:
        """How owners type a GeForce card: the bare number ("my 3070", "a 1080 ti"), and a SUPER as "S"
        ("4070 ti s", "4070tis", "4080s"). A spelling another card answers to is dropped by the caller."""
        m = _GEFORCE.match(name)
        if m is None:
            return ()
        number, rest = m.group(1), m.group(2).strip().lower()
        forms = [f"{number} {rest}".strip()]
        if rest.endswith("super"):
            short = rest[: -len("super")] + "s"  # "ti super" -> "ti s", "super" -> "s"
            forms += [f"{number} {short}", f"{name.split()[0]} {number} {short}"]
        return tuple(forms)


def load_catalog(path: Path | None = None) -> Catalog:
    """Load and validate the GPU catalog (``corpus/gpus.yaml`` by default)."""
    if path is None:
        return _default_catalog()
    return _build(path)


@lru_cache(maxsize=1)
def _default_catalog() -> Catalog:
    return _build(corpus_dir() / "gpus.yaml")


def _build(path: Path) -> Catalog:
    return Catalog(load_rows(path, "gpus", GPU), source=path)
