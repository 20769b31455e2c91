"""Real cloud GPU offerings as data: normalise SkyPilot-format ``vms.csv`` files, load and query them (pure).

An *offering* is one rentable instance shape at one provider in one region (and zone, where the source has
zones): how many GPUs of which catalog GPU it carries, its host vCPUs and RAM, and its on-demand and spot
price per instance-hour. Per-GPU prices are derived from those.

Sources are SkyPilot catalog files (``catalogs/v7/<cloud>/vms.csv``, Apache-2.0) read offline from a snapshot,
or the same format fetched live, plus a hand-written hyperscaler table in the same columns. This module only
imports the standard library, pandas, pydantic and PyYAML, so a live update can run it without the rest of the
package; callers pass in a ``resolve`` function built from the GPU catalog's names (see :func:`make_resolver`).

Decisions taken for odd rows (see the snapshot's SOURCE.md; every decision is either a flag on the row or a
note returned with the rows, never silent):

* CPU-only rows (empty ``AcceleratorName``) are not offerings: skipped, counted in the notes.
* Exact duplicate rows (every source column equal) are dropped, counted in the notes.
* GPU names that do not resolve to a catalog GPU are skipped and reported with their row counts; they are
  never guessed. Fractional or zero GPU counts are skipped and reported.
* Spot sentinels become missing: an empty value, ``0`` (vast: "no spot", not free) and values of 99,999 $/h
  or more (primeintellect writes 99999999). Counted in the notes.
* An on-demand price of 0 or an empty one becomes missing and the row is flagged ``no-price``.
* Everything else is kept and flagged with a ``code: explanation`` string (codes below). Rows whose price
  itself is doubtful carry a *price-suspect* code (:data:`SUSPECT_PRICE_CODES`); the table's price queries
  leave them out unless asked to include them.

Flag codes: ``spot-above-on-demand`` (suspect; runpod L40S looks swapped), ``spot-equals-on-demand``
(mithril), ``implausible-price`` (suspect; above $100 per GPU-hour), ``price-scaling`` (per-GPU price of a
shape differs by more than 1.5x from the smallest shape of the same family), ``count-mismatch`` (the
instance name says another GPU count), ``duplicate-listing`` (same instance type and location listed more
than once with different values), ``listed-everywhere`` (listed in every location of the provider, which is
not an availability guarantee), ``host-placeholder`` (vast: identical vCPUs/RAM on every row; dropped),
``host-implausible`` (more than 100 vCPUs or 1 TiB RAM per GPU, or under 4 GiB RAM per GPU), ``host-small``
(host RAM under a quarter of the GPU memory, e.g. cudo's smallest sizes, primeintellect's akash H100 rows),
``gpu-memory-ignored`` (GpuInfo memory equals the host RAM, as at nebius), ``no-region`` (empty or
placeholder region). The build script and the hyperscaler table add ``memory-mismatch``, ``price-outlier``,
``region-inconsistent-price`` (suspect), ``source-corrected`` and ``possibly-stale``.
"""

from __future__ import annotations

import ast
import csv
import datetime as dt
import io
import json
import math
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "OFFERING_COLUMNS",
    "SUSPECT_PRICE_CODES",
    "NormaliseResult",
    "Offering",
    "OfferingsError",
    "OfferingsTable",
    "PriceStats",
    "RegionRule",
    "compact_label",
    "continent_of",
    "flag_memory_mismatch",
    "flag_price_outliers",
    "load_alias_file",
    "load_offerings",
    "load_region_rules",
    "make_resolver",
    "normalise_skypilot_csv",
    "offerings_to_frame",
    "parse_skypilot_csv",
    "read_offerings_csv",
    "write_offerings_csv",
]

Resolver = Callable[[str], "str | None"]

#: Columns a SkyPilot ``vms.csv`` must carry (extra columns such as GpuInfo or SpotPrice are optional).
REQUIRED_SOURCE_COLUMNS = (
    "InstanceType",
    "AcceleratorName",
    "AcceleratorCount",
    "vCPUs",
    "MemoryGiB",
    "Price",
    "Region",
)

#: Columns of ``corpus/offerings.csv`` and ``corpus/offerings-hyperscalers.csv``, in file order.
OFFERING_COLUMNS = (
    "provider",
    "instance_type",
    "gpu",
    "gpus_per_instance",
    "vcpus",
    "host_memory_gib",
    "region",
    "zone",
    "on_demand_per_hour",
    "spot_per_hour",
    "on_demand_per_gpu_hour",
    "spot_per_gpu_hour",
    "interconnect",
    "gpu_memory_gib",
    "source_gpu_name",
    "flags",
    "source",
    "as_of",
)

#: Flag codes that make a row's *price* doubtful; price queries skip such rows unless told otherwise.
SUSPECT_PRICE_CODES = frozenset({"spot-above-on-demand", "implausible-price", "region-inconsistent-price"})

# Spot values at or above this are sentinels for "no spot offer" (primeintellect writes 99999999).
_SPOT_SENTINEL_AT_LEAST = 99_999.0
# Per-GPU prices above this are not real on-demand prices (placeholders such as GCP's 700.0 for TPUs).
_IMPLAUSIBLE_PER_GPU_HOUR = 100.0
# A shape whose per-GPU price is outside [1/x, x] of the smallest shape in its family "does not scale".
_SCALING_TOLERANCE = 1.5
# Host resources per GPU outside these bounds are flagged as implausible.
_MAX_VCPUS_PER_GPU = 100.0
_MAX_RAM_GIB_PER_GPU = 1024.0
_MIN_RAM_GIB_PER_GPU = 4.0
# Host RAM below this fraction of the instance's total GPU memory is flagged as small (not as wrong).
_MIN_HOST_TO_GPU_MEMORY = 0.25
# Per-GPU memory (GiB) read from GpuInfo must fall in this range to be used at all.
_GPU_MEMORY_RANGE_GIB = (2.0, 320.0)
# A file needs at least this many locations before "listed in every location" means anything.
_MIN_LOCATIONS_FOR_EVERYWHERE = 5

# Provider quirks documented in the snapshot's SOURCE.md (keyed by the provider name the caller passes):
#: GpuInfo ``MemoryInfo.SizeInMiB`` is the total over all GPUs of the instance, not per GPU.
GPUINFO_MEMORY_IS_TOTAL = frozenset({"vast", "primeintellect"})
#: GpuInfo memory is the host RAM, not GPU memory.
GPUINFO_MEMORY_IS_HOST_RAM = frozenset({"nebius"})

_REGION_PLACEHOLDERS = frozenset({"", "default", "unspecified", "none", "n/a"})


class OfferingsError(ValueError):
    """An offerings file (a SkyPilot ``vms.csv`` or a corpus offerings CSV) is missing, malformed or invalid."""


# --------------------------------------------------------------------------------------------------------
# The typed row
# --------------------------------------------------------------------------------------------------------


class Offering(BaseModel):
    """One rentable instance shape: a provider's instance type in one region (and zone), with its prices."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    provider: str = Field(min_length=1, description="Cloud or marketplace, e.g. 'lambda', 'aws'.")
    instance_type: str = Field(min_length=1, description="The provider's instance type / SKU name.")
    gpu: str = Field(min_length=1, description="Canonical GPU name from the catalog, e.g. 'H100 SXM'.")
    gpus_per_instance: int = Field(ge=1, le=256, description="GPUs (or accelerator chips) per instance.")
    vcpus: float | None = Field(default=None, gt=0, description="Host vCPUs; None if unknown.")
    host_memory_gib: float | None = Field(default=None, gt=0, description="Host RAM in GiB; None if unknown.")
    region: str | None = Field(default=None, description="Provider region as the source writes it.")
    zone: str | None = Field(default=None, description="Zone / data centre, where the source has one.")
    on_demand_per_hour: float | None = Field(default=None, gt=0, description="USD per instance-hour.")
    spot_per_hour: float | None = Field(default=None, gt=0, description="Spot USD per instance-hour.")
    interconnect: str | None = Field(
        default=None,
        description="Multi-GPU/multi-node fabric: 'InfiniBand', 'EFA', 'none'...; None if unknown.",
    )
    gpu_memory_gib: float | None = Field(
        default=None, gt=0, description="Per-GPU memory the source reports, GiB; None if absent or unusable."
    )
    source_gpu_name: str = Field(default="", description="The GPU name exactly as the source writes it.")
    flags: tuple[str, ...] = Field(default=(), description="Why the row is odd: 'code: explanation' strings.")
    source: str = Field(min_length=8, description="Where the row comes from (URL).")
    as_of: dt.date = Field(description="When the source was read.")

    @field_validator("flags", mode="before")
    @classmethod
    def _flags_as_tuple(cls, value: Any) -> Any:
        """Flags are stored in CSV joined by ' | ', so a single flag may not contain '|'."""
        if isinstance(value, str):
            return tuple(part.strip() for part in value.split("|") if part.strip())
        if isinstance(value, list | tuple):
            if any("|" in str(flag) for flag in value):
                raise ValueError("a flag may not contain '|' (the CSV separator)")
            return tuple(value)
        return value

    @property
    def on_demand_per_gpu_hour(self) -> float | None:
        """On-demand USD per GPU-hour, or None when the on-demand price is unknown."""
        return None if self.on_demand_per_hour is None else self.on_demand_per_hour / self.gpus_per_instance

    @property
    def spot_per_gpu_hour(self) -> float | None:
        """Spot USD per GPU-hour, or None when there is no spot offer."""
        return None if self.spot_per_hour is None else self.spot_per_hour / self.gpus_per_instance

    @property
    def flag_codes(self) -> frozenset[str]:
        """The codes of the flags (the part before the first colon)."""
        return _flag_codes(self.flags)

    @property
    def price_suspect(self) -> bool:
        """True when a flag says the price itself is doubtful (see :data:`SUSPECT_PRICE_CODES`)."""
        return bool(self.flag_codes & SUSPECT_PRICE_CODES)

    def with_flags(self, *flags: str) -> Offering:
        """A copy with ``flags`` appended (duplicates are not added twice)."""
        new = tuple(flag for flag in flags if flag not in self.flags)
        return self if not new else self.model_copy(update={"flags": (*self.flags, *new)})


# --------------------------------------------------------------------------------------------------------
# Name resolution (catalog names + an alias map; exact matches only, never fuzzy)
# --------------------------------------------------------------------------------------------------------


@lru_cache(maxsize=1024)
def _flag_codes(flags: tuple[str, ...]) -> frozenset[str]:
    """Cached: a plan reads the codes of the same few flag sets thousands of times."""
    return frozenset(flag.split(":", 1)[0].strip() for flag in flags)


@lru_cache(maxsize=4096)
def compact_label(label: str) -> str:
    """Lower-case ``label`` with punctuation and spaces removed, reading '80g' as '80gb' (the catalog's rule).

    Cached: price queries compare every offering's GPU label, a few hundred distinct strings."""
    text = re.sub(r"(\d)\s*g\b", r"\1gb", label.casefold())
    return re.sub(r"[^a-z0-9]", "", text)


def make_resolver(
    catalog_labels: Mapping[str, Iterable[str]],
    aliases: Mapping[str, str] | None = None,
    provider_aliases: Mapping[str, Mapping[str, str]] | None = None,
) -> Resolver:
    """A strict resolver from GPU labels to canonical catalog names.

    ``catalog_labels`` maps each canonical name to its name and aliases (``{g.name: (g.name, *g.aliases)}``).
    ``aliases`` adds spellings for any provider and is consulted *before* the catalog (so SkyPilot's bare
    'A100', the 40 GB part, is not read as the catalog's 'a100' alias of the 80 GB SXM). ``provider_aliases``
    (``{provider: {source_name: canonical}}``) answers labels of the form ``'<provider>/<source name>'``
    only. Matching is exact on :func:`compact_label` keys; a miss returns None (no fuzzy guessing).
    """
    canonical_names = set(catalog_labels)
    exact: dict[str, str] = {}
    for canonical, labels in catalog_labels.items():
        for label in (canonical, *labels):
            key = compact_label(label)
            if key:
                exact.setdefault(key, canonical)

    def checked(target: str, spelling: str) -> str:
        if target not in canonical_names:
            raise OfferingsError(f"alias '{spelling}' points at '{target}', which is not a catalog GPU name")
        return target

    global_map = {compact_label(k): checked(v, k) for k, v in (aliases or {}).items()}
    scoped = {
        (provider.casefold(), compact_label(name)): checked(target, f"{provider}/{name}")
        for provider, names in (provider_aliases or {}).items()
        for name, target in names.items()
    }

    def resolve(label: str) -> str | None:
        if "/" in label:
            provider, _, name = label.partition("/")
            return scoped.get((provider.strip().casefold(), compact_label(name)))
        key = compact_label(label)
        return global_map.get(key) or exact.get(key)

    return resolve


def load_alias_file(path: Path | str) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """Read an alias YAML (``aliases:`` and ``provider_aliases:`` mappings) for :func:`make_resolver`."""
    document = _read_yaml(Path(path))
    aliases = document.get("aliases") or {}
    provider_aliases = document.get("provider_aliases") or {}
    if not isinstance(aliases, dict) or not isinstance(provider_aliases, dict):
        raise OfferingsError(f"{path}: 'aliases' and 'provider_aliases' must be mappings")
    flat = {str(k): str(v) for k, v in aliases.items()}
    scoped: dict[str, dict[str, str]] = {}
    for provider, names in provider_aliases.items():
        if not isinstance(names, dict):
            raise OfferingsError(f"{path}: provider_aliases.{provider} must be a mapping")
        scoped[str(provider)] = {str(k): str(v) for k, v in names.items()}
    return flat, scoped


# --------------------------------------------------------------------------------------------------------
# Normalising one SkyPilot vms.csv
# --------------------------------------------------------------------------------------------------------


@dataclass
class NormaliseResult:
    """Everything :func:`parse_skypilot_csv` learned from one file."""

    offerings: list[Offering]
    notes: list[str]
    #: source GPU name -> rows skipped because it did not resolve
    unresolved: Counter[str] = field(default_factory=Counter)
    #: (source GPU name, label that matched) -> (catalog GPU, rows)
    resolved: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict)
    duplicates_dropped: int = 0
    cpu_rows_skipped: int = 0
    spot_sentinels: Counter[str] = field(default_factory=Counter)


def normalise_skypilot_csv(
    text: str, provider: str, resolve: Resolver, *, source: str, as_of: dt.date
) -> tuple[list[Offering], list[str]]:
    """Normalise one SkyPilot ``vms.csv`` into offerings, plus notes on what was skipped or converted.

    Raises :class:`OfferingsError` (a ``ValueError``) when the file is empty, lacks a required column, has a
    ragged or non-numeric row, or holds no accelerator rows at all, so a live update can reject it and keep
    the data it has.
    """
    result = parse_skypilot_csv(text, provider, resolve, source=source, as_of=as_of)
    return result.offerings, result.notes


def parse_skypilot_csv(
    text: str, provider: str, resolve: Resolver, *, source: str, as_of: dt.date
) -> NormaliseResult:
    """Like :func:`normalise_skypilot_csv`, returning the full :class:`NormaliseResult`."""
    rows, columns = _read_source_rows(text)
    missing = [name for name in REQUIRED_SOURCE_COLUMNS if name not in columns]
    if missing:
        raise OfferingsError(f"{provider}: missing required column(s) {', '.join(missing)}")

    result = NormaliseResult(offerings=[], notes=[])
    unique_rows = _drop_exact_duplicates(rows, result)
    gpu_rows = []
    for number, row in unique_rows:
        if not (row.get("AcceleratorName") or "").strip():
            result.cpu_rows_skipped += 1
            continue
        gpu_rows.append((number, row))
    if not gpu_rows:
        raise OfferingsError(f"{provider}: no accelerator rows (every AcceleratorName is empty)")

    host_placeholder = _host_values_are_placeholders(gpu_rows)
    drafts: list[_Draft] = []
    skipped_counts: Counter[str] = Counter()
    for number, row in gpu_rows:
        draft = _draft_from_row(number, row, provider, host_placeholder, result, skipped_counts)
        if draft is not None:
            drafts.append(draft)

    for draft in drafts:
        label, gpu = _resolve_gpu(draft, provider, resolve)
        if gpu is None:
            result.unresolved[draft.source_gpu_name] += 1
            continue
        previous = result.resolved.get((draft.source_gpu_name, label), (gpu, 0))
        result.resolved[(draft.source_gpu_name, label)] = (gpu, previous[1] + 1)
        draft.gpu = gpu

    kept = [draft for draft in drafts if draft.gpu is not None]
    _flag_duplicate_listings(kept)
    _flag_listed_everywhere(kept)
    _flag_price_scaling(kept)
    result.offerings = [draft.build(provider, source, as_of) for draft in kept]
    result.notes = _notes(provider, result, skipped_counts, host_placeholder)
    return result


def _read_source_rows(text: str) -> tuple[list[tuple[int, dict[str, str]]], list[str]]:
    if not text or not text.strip():
        raise OfferingsError("empty file")
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        raise OfferingsError(f"no header line: {exc}") from None
    columns = [name.strip() for name in header]
    if len(set(columns)) != len(columns):
        raise OfferingsError(f"duplicate column names in header: {columns}")
    rows: list[tuple[int, dict[str, str]]] = []
    try:
        for number, values in enumerate(reader, start=2):
            if not values or all(not value.strip() for value in values):
                continue
            if len(values) != len(columns):
                raise OfferingsError(f"line {number}: {len(values)} fields, header has {len(columns)}")
            rows.append((number, dict(zip(columns, values, strict=True))))
    except csv.Error as exc:
        raise OfferingsError(f"not valid CSV: {exc}") from None
    return rows, columns


def _drop_exact_duplicates(
    rows: list[tuple[int, dict[str, str]]], result: NormaliseResult
) -> list[tuple[int, dict[str, str]]]:
    seen: set[tuple[str, ...]] = set()
    unique = []
    for number, row in rows:
        key = tuple(row.values())
        if key in seen:
            result.duplicates_dropped += 1
            continue
        seen.add(key)
        unique.append((number, row))
    return unique


def _number(value: str | None, column: str, number: int) -> float | None:
    """A float from a CSV cell, None for an empty cell; OfferingsError for anything else non-numeric."""
    if value is None or not value.strip():
        return None
    try:
        result = float(value)
    except ValueError:
        raise OfferingsError(f"line {number}: {column} is not a number: {value!r}") from None
    if math.isnan(result) or math.isinf(result):
        raise OfferingsError(f"line {number}: {column} is not a finite number: {value!r}")
    return result


def _host_values_are_placeholders(gpu_rows: list[tuple[int, dict[str, str]]]) -> bool:
    """True when every row repeats one vCPU and RAM value although the GPU counts differ (vast)."""
    if len(gpu_rows) < 5:
        return False
    hosts = {(row["vCPUs"].strip(), row["MemoryGiB"].strip()) for _, row in gpu_rows}
    counts = {row["AcceleratorCount"].strip() for _, row in gpu_rows}
    return len(hosts) == 1 and len(counts) > 1


@dataclass
class _Draft:
    """A source row on its way to an Offering; flags accumulate here."""

    number: int
    instance_type: str
    source_gpu_name: str
    count: int
    vcpus: float | None
    host_memory_gib: float | None
    region: str | None
    zone: str | None
    on_demand: float | None
    spot: float | None
    gpu_memory_gib: float | None
    evidence: str  # text that may say SXM / PCIe / NVL (instance type, upstream id, GpuInfo name)
    interconnect: str | None
    flags: list[str] = field(default_factory=list)
    gpu: str | None = None

    @property
    def location(self) -> tuple[str | None, str | None]:
        return self.region, self.zone

    def build(self, provider: str, source: str, as_of: dt.date) -> Offering:
        return Offering(
            provider=provider,
            instance_type=self.instance_type,
            gpu=self.gpu or "",
            gpus_per_instance=self.count,
            vcpus=self.vcpus,
            host_memory_gib=self.host_memory_gib,
            region=self.region,
            zone=self.zone,
            on_demand_per_hour=self.on_demand,
            spot_per_hour=self.spot,
            interconnect=self.interconnect,
            gpu_memory_gib=self.gpu_memory_gib,
            source_gpu_name=self.source_gpu_name,
            flags=tuple(dict.fromkeys(self.flags)),
            source=source,
            as_of=as_of,
        )


def _draft_from_row(
    number: int,
    row: dict[str, str],
    provider: str,
    host_placeholder: bool,
    result: NormaliseResult,
    skipped: Counter[str],
) -> _Draft | None:
    name = row["AcceleratorName"].strip()
    count_value = _number(row["AcceleratorCount"], "AcceleratorCount", number)
    if count_value is None or count_value <= 0:
        skipped[f"no GPU count ({name})"] += 1
        return None
    if abs(count_value - round(count_value)) > 1e-9:
        skipped[f"fractional GPU count {count_value:g} ({name})"] += 1
        return None
    count = round(count_value)
    flags: list[str] = []

    vcpus = _number(row["vCPUs"], "vCPUs", number)
    memory = _number(row["MemoryGiB"], "MemoryGiB", number)
    if host_placeholder:
        flags.append(
            "host-placeholder: the source repeats one vCPU/RAM value on every row, so host specs are unknown"
        )
        vcpus = memory = None
    vcpus = vcpus if vcpus and vcpus > 0 else None
    memory = memory if memory and memory > 0 else None
    _flag_host(vcpus, memory, count, flags)

    on_demand = _number(row["Price"], "Price", number)
    if on_demand is None or on_demand <= 0:
        flags.append("no-price: the source gives no on-demand price")
        on_demand = None
    spot = _spot(row.get("SpotPrice"), number, result)
    _flag_prices(on_demand, spot, count, flags)

    region, zone = _location(row, flags)
    gpuinfo_name, gpu_memory = _gpu_info(row.get("GpuInfo"), count, provider, flags)
    if (
        memory is not None
        and gpu_memory is not None
        and memory < _MIN_HOST_TO_GPU_MEMORY * gpu_memory * count
    ):
        flags.append(
            f"host-small: {memory:g} GiB host RAM for {count} x {gpu_memory:g} GiB of GPU memory "
            "(less than a quarter; can the host feed the GPUs?)"
        )
    instance_type = row["InstanceType"].strip()
    _flag_count_mismatch(instance_type, count, flags)
    evidence = " ".join(
        part for part in (instance_type, row.get("UpstreamCloudId", ""), gpuinfo_name) if part
    )
    return _Draft(
        number=number,
        instance_type=instance_type,
        source_gpu_name=name,
        count=count,
        vcpus=vcpus,
        host_memory_gib=memory,
        region=region,
        zone=zone,
        on_demand=on_demand,
        spot=spot,
        gpu_memory_gib=gpu_memory,
        evidence=evidence,
        interconnect=_interconnect(f"{instance_type} {row.get('UpstreamCloudId', '')}", count),
        flags=flags,
    )


def _flag_host(vcpus: float | None, memory: float | None, count: int, flags: list[str]) -> None:
    problems = []
    if vcpus is not None and vcpus / count > _MAX_VCPUS_PER_GPU:
        problems.append(f"{vcpus:g} vCPUs for {count} GPU(s)")
    if memory is not None and memory / count > _MAX_RAM_GIB_PER_GPU:
        problems.append(f"{memory:g} GiB RAM for {count} GPU(s)")
    if memory is not None and memory / count < _MIN_RAM_GIB_PER_GPU:
        problems.append(f"only {memory:g} GiB RAM for {count} GPU(s)")
    if problems:
        flags.append("host-implausible: " + "; ".join(problems))


def _spot(value: str | None, number: int, result: NormaliseResult) -> float | None:
    spot = _number(value, "SpotPrice", number)
    if spot is None:
        return None
    if spot <= 0 or spot >= _SPOT_SENTINEL_AT_LEAST:
        result.spot_sentinels[format(spot, "f").rstrip("0").rstrip(".")] += 1
        return None
    return spot


def _flag_prices(on_demand: float | None, spot: float | None, count: int, flags: list[str]) -> None:
    if on_demand is not None and spot is not None:
        if spot > on_demand * 1.0001:
            flags.append(
                f"spot-above-on-demand: spot {spot:g} > on-demand {on_demand:g} $/h; the two may be swapped"
            )
        elif abs(spot - on_demand) <= on_demand * 1e-4:
            flags.append("spot-equals-on-demand: the source's spot price equals its on-demand price")
    per_gpu = [price / count for price in (on_demand, spot) if price is not None]
    if any(price > _IMPLAUSIBLE_PER_GPU_HOUR for price in per_gpu):
        flags.append(f"implausible-price: above ${_IMPLAUSIBLE_PER_GPU_HOUR:g} per GPU-hour (a placeholder?)")


def _location(row: dict[str, str], flags: list[str]) -> tuple[str | None, str | None]:
    region = (row.get("Region") or "").strip()
    zone = (row.get("AvailabilityZone") or "").strip() or None
    if region.casefold() in _REGION_PLACEHOLDERS:
        flags.append(
            f"no-region: the source's region is {region!r}" if region else "no-region: empty in source"
        )
        return None, zone
    return region, zone


def _gpu_info(raw: str | None, count: int, provider: str, flags: list[str]) -> tuple[str, float | None]:
    """The GPU name and per-GPU memory (GiB) the GpuInfo column reports, where they can be trusted."""
    info = _parse_gpu_info(raw)
    if info is None:
        return (raw or "").strip(), None
    gpus = info.get("Gpus") or [{}]
    first = gpus[0] if isinstance(gpus, list) and gpus and isinstance(gpus[0], dict) else {}
    name = str(first.get("Name") or "")
    memory_info = first.get("MemoryInfo")
    size = memory_info.get("SizeInMiB") if isinstance(memory_info, dict) else None
    try:
        size_gib = float(size) / 1024 if size is not None else None
    except (TypeError, ValueError):
        size_gib = None
    if not size_gib:
        return name, None
    key = provider.casefold()
    if key in GPUINFO_MEMORY_IS_HOST_RAM:
        flags.append("gpu-memory-ignored: this source's GpuInfo memory is the host RAM, not GPU memory")
        return name, None
    per_gpu = size_gib / count if key in GPUINFO_MEMORY_IS_TOTAL else size_gib
    low, high = _GPU_MEMORY_RANGE_GIB
    return name, (round(per_gpu, 2) if low <= per_gpu <= high else None)


def _parse_gpu_info(raw: str | None) -> dict[str, Any] | None:
    text = (raw or "").strip()
    if not text.startswith("{"):
        return None
    for parse in (ast.literal_eval, json.loads):
        try:
            value = parse(text)
        except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
            continue
        if isinstance(value, dict):
            return value
    return None


# Counts written into instance names: "8x_", "_1x-", "x8" (lower-case x after a model name), "_8gpu-".
_COUNT_IN_NAME = (
    re.compile(r"(?:^|[_\-.])(\d{1,3})x(?=[A-Za-z_\-.]|$)"),
    re.compile(r"(?<=[0-9A-Za-z])x(\d{1,2})(?=$|[-_])"),
    re.compile(r"[_\-](\d{1,3})gpu(?=[_\-]|$)"),
)


def _count_in_name(instance_type: str) -> int | None:
    for pattern in _COUNT_IN_NAME:
        match = pattern.search(instance_type)
        if match:
            return int(match.group(1))
    return None


def _flag_count_mismatch(instance_type: str, count: int, flags: list[str]) -> None:
    named = _count_in_name(instance_type)
    if named is not None and named != count:
        flags.append(f"count-mismatch: the instance name says {named} GPUs, the source lists {count}")


def _family(instance_type: str) -> str:
    """The instance type with its GPU count removed: shapes of one family differ only in count."""
    family = instance_type
    for pattern in _COUNT_IN_NAME:
        family = pattern.sub(lambda m: m.group(0).replace(m.group(1), "#", 1), family, count=1)
    return family


def _interconnect(names: str, count: int) -> str | None:
    """'none' for one GPU, 'InfiniBand' when the instance name or upstream id has an 'ib' token, else unknown."""
    if count == 1:
        return "none"
    if re.search(r"(?:^|[_\-. ])ib(?:[_\-. ]|$)", names, re.IGNORECASE):
        return "InfiniBand"
    return None


def _flag_duplicate_listings(drafts: list[_Draft]) -> None:
    groups: dict[tuple[str, str | None, str | None], list[_Draft]] = defaultdict(list)
    for draft in drafts:
        groups[(draft.instance_type, draft.region, draft.zone)].append(draft)
    for (instance_type, _, _), members in groups.items():
        if len(members) > 1:
            prices = sorted({f"{d.on_demand:g}" for d in members if d.on_demand is not None})
            for draft in members:
                draft.flags.append(
                    f"duplicate-listing: {instance_type} is listed {len(members)} times for this location "
                    f"(on-demand {', '.join(prices) or 'n/a'} $/h)"
                )


def _flag_listed_everywhere(drafts: list[_Draft]) -> None:
    locations = {draft.location for draft in drafts if draft.region is not None}
    if len(locations) < _MIN_LOCATIONS_FOR_EVERYWHERE:
        return
    by_type: dict[str, set[tuple[str | None, str | None]]] = defaultdict(set)
    for draft in drafts:
        by_type[draft.instance_type].add(draft.location)
    for draft in drafts:
        if by_type[draft.instance_type] >= locations:
            draft.flags.append(
                f"listed-everywhere: in all {len(locations)} locations of this provider (a listing, not availability)"
            )


def _flag_price_scaling(drafts: list[_Draft]) -> None:
    groups: dict[tuple[str, str | None, str | None, str], list[tuple[_Draft, float]]] = defaultdict(list)
    for draft in drafts:
        if draft.on_demand is not None:
            key = (draft.source_gpu_name, draft.region, draft.zone, _family(draft.instance_type))
            groups[key].append((draft, draft.on_demand / draft.count))
    for members in groups.values():
        counts = {draft.count for draft, _ in members}
        if len(counts) < 2:
            continue
        smallest = min(counts)
        base = statistics.median(per_gpu for draft, per_gpu in members if draft.count == smallest)
        for draft, per_gpu in members:
            if (
                draft.count != smallest
                and not base / _SCALING_TOLERANCE <= per_gpu <= base * _SCALING_TOLERANCE
            ):
                draft.flags.append(
                    f"price-scaling: price does not scale with GPU count ({per_gpu:.3g} $/GPU-h vs "
                    f"{base:.3g} for the {smallest}-GPU shape)"
                )


# SkyPilot names carry memory and form factor: 'A100-80GB-SXM', 'V100-32G', 'H100-NVL', 'RTX PRO 6000 96GB'.
_NAME_MEMORY = re.compile(r"[-_ ]?(\d{2,3})\s*G(?:B|iB)?(?=$|[-_ ])", re.IGNORECASE)
_NAME_FORM = re.compile(r"[-_ ]?(SXM\d?|PCIe|NVL)(?=$|[-_ ])", re.IGNORECASE)


def _form_factor(text: str) -> str | None:
    lowered = text.casefold()
    if re.search(r"nvl(?!ink)", lowered):
        return "NVL"
    if "sxm" in lowered:
        return "SXM"
    if re.search(r"pci", lowered):
        return "PCIe"
    return None


def _resolve_gpu(draft: _Draft, provider: str, resolve: Resolver) -> tuple[str, str | None]:
    """Try labels from most to least specific; return (label that matched, canonical) or (name, None).

    Order: the provider-scoped alias of the bare source name; then the core name with the per-GPU memory
    the row reports and its form factor (SXM / PCIe / NVL from the name, the instance type, the upstream id
    or GpuInfo); the core name with memory alone; the bare source name (global aliases, then the catalog);
    the core name with the form factor alone.
    """
    name = draft.source_gpu_name
    core = name
    memory_match = _NAME_MEMORY.search(core)
    name_memory = int(memory_match.group(1)) if memory_match else None
    core = _NAME_MEMORY.sub("", core)
    form_match = _NAME_FORM.search(core)
    name_form = _form_factor(form_match.group(1)) if form_match else None
    core = _NAME_FORM.sub("", core).strip(" -_")
    memory = name_memory or (round(draft.gpu_memory_gib) if draft.gpu_memory_gib else None)
    form = name_form or _form_factor(draft.evidence)

    labels = [f"{provider}/{name}"]
    if memory and form:
        labels += [f"{core} {memory}GB {form}", f"{core} {form} {memory}GB"]
    if memory:
        labels.append(f"{core} {memory}GB")
    labels.append(name)
    if form:
        labels.append(f"{core} {form}")
    for label in labels:
        canonical = resolve(label)
        if canonical:
            return label, canonical
    return name, None


def _notes(
    provider: str, result: NormaliseResult, skipped: Counter[str], host_placeholder: bool
) -> list[str]:
    notes = []
    if result.cpu_rows_skipped:
        notes.append(f"{provider}: skipped {result.cpu_rows_skipped} CPU-only rows (no AcceleratorName)")
    if result.duplicates_dropped:
        notes.append(f"{provider}: dropped {result.duplicates_dropped} exact duplicate rows")
    for reason, rows in sorted(skipped.items()):
        notes.append(f"{provider}: skipped {rows} rows with {reason}")
    for value, rows in sorted(result.spot_sentinels.items()):
        notes.append(f"{provider}: spot price {value} read as 'no spot offer' in {rows} rows")
    if host_placeholder:
        notes.append(f"{provider}: vCPUs/RAM identical on every row (placeholders); host specs left empty")
    for name, rows in sorted(result.unresolved.items()):
        notes.append(f"{provider}: GPU name {name!r} did not resolve to a catalog GPU; {rows} rows skipped")
    return notes


# --------------------------------------------------------------------------------------------------------
# Checks that need the whole set of offerings or the catalog (used by the build script)
# --------------------------------------------------------------------------------------------------------


def flag_memory_mismatch(
    offerings: Iterable[Offering], memory_of: Callable[[str], float | None], tolerance: float = 0.15
) -> list[Offering]:
    """Flag rows whose reported per-GPU memory differs from the catalog GPU's by more than ``tolerance``."""
    out = []
    for offering in offerings:
        expected = memory_of(offering.gpu)
        reported = offering.gpu_memory_gib
        if expected and reported and abs(reported / expected - 1) > tolerance:
            offering = offering.with_flags(
                f"memory-mismatch: the source reports {reported:g} GiB per GPU, the catalog's "
                f"{offering.gpu} has {expected:g} GB (another variant, or a modified card?)"
            )
        out.append(offering)
    return out


def flag_price_outliers(
    offerings: Sequence[Offering], factor: float = 3.0, min_providers: int = 3
) -> list[Offering]:
    """Flag per-GPU on-demand prices below 1/``factor`` or above ``factor`` times the cross-provider median.

    The median is taken over the providers' own medians, so a provider with many rows does not dominate; a
    GPU needs ``min_providers`` providers with prices before anything is flagged.
    """
    per_provider: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for offering in offerings:
        price = offering.on_demand_per_gpu_hour
        if price is not None and not offering.price_suspect:
            per_provider[offering.gpu][offering.provider].append(price)
    medians = {
        gpu: statistics.median(statistics.median(prices) for prices in providers.values())
        for gpu, providers in per_provider.items()
        if len(providers) >= min_providers
    }
    out = []
    for offering in offerings:
        price = offering.on_demand_per_gpu_hour
        median = medians.get(offering.gpu)
        if price is not None and median and not (median / factor <= price <= median * factor):
            side = f"below 1/{factor:g} of" if price < median else f"above {factor:g}x"
            offering = offering.with_flags(
                f"price-outlier: {price:.3g} $/GPU-h is {side} the cross-provider median ({median:.3g}) "
                f"for {offering.gpu}"
            )
        out.append(offering)
    return out


# --------------------------------------------------------------------------------------------------------
# Region -> continent rules (data in corpus/offerings-regions.yaml)
# --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RegionRule:
    """Regions matching ``pattern`` (searched case-insensitively) belong to ``continent`` (None: unknown)."""

    pattern: re.Pattern[str]
    continent: str | None


def load_region_rules(path: Path | str | None = None) -> list[RegionRule]:
    """Read the ordered region-name rules (``rules: [{pattern, continent}]``); the first match wins."""
    path = Path(path) if path is not None else _corpus_dir() / "offerings-regions.yaml"
    document = _read_yaml(path)
    raw_rules = document.get("rules")
    if not isinstance(raw_rules, list) or not raw_rules:
        raise OfferingsError(f"{path}: expected a non-empty list under 'rules'")
    continents = set(document.get("continents") or [])
    rules = []
    for number, raw in enumerate(raw_rules, start=1):
        if not isinstance(raw, dict) or "pattern" not in raw:
            raise OfferingsError(f"{path}: rule {number} needs a 'pattern'")
        continent = raw.get("continent")
        if continent is not None and continents and continent not in continents:
            raise OfferingsError(f"{path}: rule {number}: unknown continent {continent!r}")
        try:
            pattern = re.compile(str(raw["pattern"]), re.IGNORECASE)
        except re.error as exc:
            raise OfferingsError(f"{path}: rule {number}: bad pattern: {exc}") from None
        rules.append(RegionRule(pattern, continent))
    return rules


def continent_of(region: str | None, rules: Sequence[RegionRule]) -> str | None:
    """The continent the first matching rule gives ``region``; None when unknown or no rule matches."""
    if not isinstance(region, str):
        return None
    text = region.strip()
    for rule in rules:
        if rule.pattern.search(text):
            return rule.continent
    return None


# --------------------------------------------------------------------------------------------------------
# The corpus files: write, read, validate
# --------------------------------------------------------------------------------------------------------


def offerings_to_frame(offerings: Iterable[Offering]) -> pd.DataFrame:
    """One row per offering, the :data:`OFFERING_COLUMNS` in order (flags joined with ' | ')."""
    import pandas as pd

    records = []
    for offering in offerings:
        record = offering.model_dump()
        record["on_demand_per_gpu_hour"] = offering.on_demand_per_gpu_hour
        record["spot_per_gpu_hour"] = offering.spot_per_gpu_hour
        record["flags"] = " | ".join(offering.flags)
        records.append(record)
    return pd.DataFrame.from_records(records, columns=list(OFFERING_COLUMNS))


def write_offerings_csv(offerings: Iterable[Offering], path: Path | str) -> int:
    """Write offerings to ``path`` (UTF-8, LF, prices rounded to 6 decimals); return the row count."""
    import pandas as pd

    frame = offerings_to_frame(offerings)
    for column in ("on_demand_per_hour", "spot_per_hour", "on_demand_per_gpu_hour", "spot_per_gpu_hour"):
        frame[column] = frame[column].map(
            lambda v: "" if v is None or pd.isna(v) else repr(round(float(v), 6))
        )
    frame["as_of"] = frame["as_of"].map(lambda d: d.isoformat())
    frame.to_csv(path, index=False, lineterminator="\n")
    return len(frame)


def read_offerings_csv(path: Path | str) -> list[Offering]:
    """Read and validate one corpus offerings CSV; OfferingsError names the file, line and problem."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise OfferingsError(f"{path}: file not found") from None
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in OFFERING_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise OfferingsError(f"{path}: missing column(s) {', '.join(missing)}")
    offerings = []
    for number, row in enumerate(reader, start=2):
        if not (row.get("source") or "").strip() or not (row.get("as_of") or "").strip():
            raise OfferingsError(f"{path}: line {number}: every row needs a source and an as_of date")
        values: dict[str, Any] = {c: (row.get(c) or "").strip() or None for c in OFFERING_COLUMNS}
        values.pop("on_demand_per_gpu_hour")
        values.pop("spot_per_gpu_hour")
        values["flags"] = values["flags"] or ()
        values["source_gpu_name"] = values["source_gpu_name"] or ""
        try:
            offering = Offering.model_validate(values)
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(map(str, e['loc'])) or '(row)'}: {e['msg']}" for e in exc.errors()
            )
            raise OfferingsError(f"{path}: line {number}: {problems}") from None
        _check_derived(path, number, row, offering)
        offerings.append(offering)
    if not offerings:
        raise OfferingsError(f"{path}: no rows")
    return offerings


def _check_derived(path: Path, number: int, row: dict[str, str], offering: Offering) -> None:
    for column, expected in (
        ("on_demand_per_gpu_hour", offering.on_demand_per_gpu_hour),
        ("spot_per_gpu_hour", offering.spot_per_gpu_hour),
    ):
        written = (row.get(column) or "").strip()
        if (expected is None) != (not written):
            raise OfferingsError(f"{path}: line {number}: {column} does not match the instance price")
        if expected is not None and not math.isclose(float(written), expected, rel_tol=1e-4, abs_tol=1e-6):
            raise OfferingsError(f"{path}: line {number}: {column} {written} != {expected:.6g}")


def load_offerings(*paths: Path | str, region_rules: Sequence[RegionRule] | None = None) -> OfferingsTable:
    """Load corpus offerings files into a table (default: offerings.csv and offerings-hyperscalers.csv)."""
    if not paths:
        corpus = _corpus_dir()
        paths = (corpus / "offerings.csv", corpus / "offerings-hyperscalers.csv")
    offerings: list[Offering] = []
    for path in paths:
        offerings.extend(read_offerings_csv(path))
    return OfferingsTable(offerings, region_rules=region_rules)


# --------------------------------------------------------------------------------------------------------
# Queries
# --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PriceStats:
    """Per-GPU-hour price spread of one GPU over the offerings that price it."""

    gpu: str
    spot: bool
    count: int
    min: float | None
    median: float | None
    max: float | None


class OfferingsTable:
    """Offerings backed by a pandas DataFrame, with the queries the assistant needs.

    GPU arguments are canonical catalog names (matched without regard to case, spaces or punctuation).
    Price queries skip price-suspect rows (see :data:`SUSPECT_PRICE_CODES`) unless ``include_suspect``.
    """

    #: What loading decided (e.g. a live file ignored); set by the loader, empty by default.
    notes: tuple[str, ...] = ()
    #: Providers whose rows come from a live update rather than the corpus snapshot.
    live_providers: tuple[str, ...] = ()

    def __init__(self, offerings: Iterable[Offering], region_rules: Sequence[RegionRule] | None = None):
        self._offerings: tuple[Offering, ...] = tuple(offerings)
        self._rules: tuple[RegionRule, ...] = tuple(
            region_rules if region_rules is not None else load_region_rules()
        )
        self._table: pd.DataFrame | None = None
        self._by_gpu: dict[str, tuple[Offering, ...]] | None = None
        self._continents: dict[str | None, str | None] = {}
        self._providers: list[str] | None = None

    def of_gpu(self, gpu: str) -> tuple[Offering, ...]:
        """The offerings of ``gpu`` (matched on :func:`compact_label`), in table order; grouped once per table,
        since a price question would otherwise compare every row's label."""
        if self._by_gpu is None:
            groups: dict[str, list[Offering]] = {}
            for o in self._offerings:
                groups.setdefault(compact_label(o.gpu), []).append(o)
            self._by_gpu = {key: tuple(rows) for key, rows in groups.items()}
        return self._by_gpu.get(compact_label(gpu), ())

    @property
    def _frame(self) -> pd.DataFrame:
        """The backing DataFrame, built on first use: answering iterates the offerings and never needs it,
        so a question pays neither for importing pandas nor for the frame."""
        if self._table is None:
            frame = offerings_to_frame(self._offerings)
            frame["flags"] = [o.flags for o in self._offerings]
            frame["gpu_key"] = frame["gpu"].map(compact_label)
            frame["continent"] = frame["region"].map(lambda r: continent_of(r, self._rules))
            frame["price_suspect"] = [o.price_suspect for o in self._offerings]
            frame["position"] = range(len(frame))
            self._table = frame
        return self._table

    def __len__(self) -> int:
        return len(self._offerings)

    def __iter__(self) -> Iterator[Offering]:
        return iter(self._offerings)

    def __repr__(self) -> str:
        return (
            f"OfferingsTable({len(self)} offerings, {len(self.providers)} providers, {len(self.gpus)} GPUs)"
        )

    @property
    def frame(self) -> pd.DataFrame:
        """A copy of the backing DataFrame (one row per offering, plus continent and price_suspect)."""
        return self._frame.copy()

    @property
    def providers(self) -> list[str]:
        """Every provider, sorted."""
        if self._providers is None:
            self._providers = sorted({o.provider for o in self._offerings})
        return list(self._providers)

    @property
    def gpus(self) -> list[str]:
        """Every catalog GPU that at least one offering rents, sorted."""
        return sorted({o.gpu for o in self._offerings})

    def _subset(self, mask: pd.Series) -> OfferingsTable:
        table = object.__new__(OfferingsTable)
        frame = self._frame[mask].copy()
        table._offerings = tuple(self._offerings[i] for i in frame["position"])
        frame["position"] = range(len(frame))
        table._table = frame
        table._rules = self._rules
        table._continents = self._continents  # the same rules place every region alike
        table._by_gpu = table._providers = None
        return table

    def for_gpu(self, name: str) -> OfferingsTable:
        """The offerings of one catalog GPU."""
        return self._subset(self._frame["gpu_key"] == compact_label(name))

    def for_provider(self, provider: str) -> OfferingsTable:
        """The offerings of one provider."""
        return self._subset(self._frame["provider"].str.casefold() == provider.casefold())

    def for_providers(self, providers: Iterable[str] = (), *, exclude: Iterable[str] = ()) -> OfferingsTable:
        """The offerings of ``providers`` (all when empty), without those of ``exclude``."""
        names = self._frame["provider"].str.casefold()
        wanted = {p.casefold() for p in providers}
        unwanted = {p.casefold() for p in exclude}
        mask = names.isin(wanted) if wanted else names.notna()
        return self._subset(mask & ~names.isin(unwanted))

    def providers_for(self, gpu: str) -> list[str]:
        """Providers offering ``gpu``, sorted."""
        return self.for_gpu(gpu).providers

    def instance_shapes(self, gpu: str) -> list[int]:
        """The GPU counts per instance that ``gpu`` is offered in, sorted."""
        return sorted({int(n) for n in self.for_gpu(gpu)._frame["gpus_per_instance"]})

    def _priced(self, gpu: str, spot: bool, include_suspect: bool) -> tuple[OfferingsTable, pd.DataFrame]:
        """The sub-table of ``gpu`` and its rows that carry the asked-for price (positions index the sub-table)."""
        table = self.for_gpu(gpu)
        frame = table._frame
        column = "spot_per_gpu_hour" if spot else "on_demand_per_gpu_hour"
        frame = frame[frame[column].notna()]
        if not include_suspect:
            frame = frame[~frame["price_suspect"]]
        return table, frame

    def cheapest(
        self,
        gpu: str,
        n_gpus: int | None = None,
        spot: bool = False,
        region_contains: str | None = None,
        k: int = 5,
        *,
        include_suspect: bool = False,
    ) -> list[Offering]:
        """The ``k`` offerings of ``gpu`` with the lowest per-GPU-hour price, cheapest first.

        ``n_gpus`` keeps instances with exactly that many GPUs; ``spot`` ranks by spot price (rows without
        one drop out); ``region_contains`` keeps rows whose region or zone contains the text, or whose
        continent equals it (e.g. 'europe', 'us-east', 'Asia'), ignoring case.
        """
        table, frame = self._priced(gpu, spot, include_suspect)
        if n_gpus is not None:
            frame = frame[frame["gpus_per_instance"] == n_gpus]
        if region_contains:
            needle = region_contains.casefold()
            where = (
                frame["region"].fillna("").str.casefold().str.contains(needle, regex=False)
                | frame["zone"].fillna("").str.casefold().str.contains(needle, regex=False)
                | (frame["continent"].fillna("").str.casefold() == needle)
            )
            frame = frame[where]
        column = "spot_per_gpu_hour" if spot else "on_demand_per_gpu_hour"
        frame = frame.assign(_region_key=frame["region"].fillna(""))
        frame = frame.sort_values([column, "provider", "instance_type", "_region_key"], kind="stable")
        return [table._offerings[i] for i in frame["position"].head(max(k, 0))]

    def price_stats(self, gpu: str, spot: bool = False, *, include_suspect: bool = False) -> PriceStats:
        """Min, median and max per-GPU-hour price of ``gpu`` and how many offerings price it."""
        _, frame = self._priced(gpu, spot, include_suspect)
        prices = frame["spot_per_gpu_hour" if spot else "on_demand_per_gpu_hour"].astype(float)
        if prices.empty:
            return PriceStats(gpu, spot, 0, None, None, None)
        return PriceStats(
            gpu, spot, len(prices), float(prices.min()), float(prices.median()), float(prices.max())
        )

    def continent_of(self, region: str | None) -> str | None:
        """The continent of ``region`` by the table's region rules (worked out once per region)."""
        try:
            return self._continents[region]
        except KeyError:
            found = self._continents[region] = continent_of(region, self._rules)
            return found
        except TypeError:  # not a region text at all
            return None

    @property
    def region_groups(self) -> dict[str, list[str]]:
        """Continent -> sorted regions present in the table ('Unknown' for regions no rule places)."""
        groups: dict[str, set[str]] = defaultdict(set)
        for region, continent in zip(self._frame["region"], self._frame["continent"], strict=True):
            if isinstance(region, str):
                groups[continent if isinstance(continent, str) else "Unknown"].add(region)
        return {continent: sorted(regions) for continent, regions in sorted(groups.items())}

    @property
    def as_of(self) -> dict[str, dt.date]:
        """Provider -> the oldest ``as_of`` date among its offerings (how stale its data may be)."""
        dates: dict[str, dt.date] = {}
        for offering in self._offerings:
            current = dates.get(offering.provider)
            dates[offering.provider] = offering.as_of if current is None else min(current, offering.as_of)
        return dict(sorted(dates.items()))


# --------------------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------------------


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise OfferingsError(f"{path}: file not found") from None
    except yaml.YAMLError as exc:
        raise OfferingsError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(document, dict):
        raise OfferingsError(f"{path}: expected a mapping at the top level")
    return document


def _corpus_dir() -> Path:
    """``corpus/``: the installed package data ``assistant.corpus``, else the repository's top-level folder."""
    try:
        from importlib.resources import files

        path = Path(str(files("assistant.corpus")))
        if path.is_dir():
            return path
    except (ModuleNotFoundError, TypeError):
        pass
    return Path(__file__).resolve().parents[2] / "corpus"
