"""One catalog filter for every caller: the planner, the CLI's ``gpus`` command and the web explorer."""

from __future__ import annotations

from dataclasses import dataclass

from ..knowledge import GPU, Catalog

__all__ = ["CatalogFilter", "filter_catalog"]


@dataclass(frozen=True)
class CatalogFilter:
    """Constraints on catalog rows; empty or None means no constraint."""

    vendors: tuple[str, ...] = ()
    classes: tuple[str, ...] = ()
    min_memory_gb: float | None = None
    max_price_per_hour: float | None = None
    card_memory_gb: float | None = None  # cards of this size only ("how many 24GB GPUs"), within 1 GB
    min_compute_capability: float | None = None  # NVIDIA cards of this CUDA generation or newer
    compute_floor_by: str | None = None  # what sets it, in words ("AWQ in vLLM")
    not_gpus: tuple[str, ...] = ()  # GPUs ruled out by name ("not an H100")

    def describe(self) -> list[str]:
        """The active filters in words, e.g. ['NVIDIA only', 'at least 48 GB']."""
        words = []
        if self.vendors:
            words.append(f"{' or '.join(self.vendors)} only")
        if self.min_memory_gb:
            words.append(f"at least {self.min_memory_gb:.0f} GB")
        if self.card_memory_gb:
            words.append(f"{self.card_memory_gb:.0f} GB cards")
        if self.max_price_per_hour:
            words.append(f"at most ${self.max_price_per_hour:.2f} per GPU-hour")
        if self.min_compute_capability:
            by = f" for {self.compute_floor_by}" if self.compute_floor_by else ""
            words.append(f"compute capability {self.min_compute_capability:.1f} or newer{by}")
        if self.classes:
            words.append(f"{' or '.join(self.classes)}-class")
        if self.not_gpus:
            words.append(f"not the {' or the '.join(self.not_gpus)}")
        return words


def _class_matches(gpu_class: str, wanted: set[str]) -> bool:
    """A 'both'-class GPU serves training and inference, so it matches either."""
    return gpu_class in wanted or (gpu_class == "both" and bool(wanted & {"training", "inference"}))


def filter_catalog(catalog: Catalog | list[GPU], constraints: CatalogFilter) -> list[GPU]:
    """Catalog rows that pass every constraint, in catalog order."""
    vendors = {v.lower() for v in constraints.vendors}
    classes = {c.lower() for c in constraints.classes}
    gpus = []
    for gpu in catalog:
        if vendors and gpu.vendor.lower() not in vendors:
            continue
        if gpu.name in constraints.not_gpus:
            continue
        if classes and not _class_matches(gpu.gpu_class, classes):
            continue
        if constraints.min_memory_gb and gpu.memory_gb < constraints.min_memory_gb:
            continue
        floor, cc = constraints.min_compute_capability, gpu.compute_capability
        if floor and cc is not None and cc < floor:
            continue
        if constraints.card_memory_gb and abs(gpu.memory_gb - constraints.card_memory_gb) > 1:
            continue
        if constraints.max_price_per_hour and (
            gpu.price_per_hour is None or gpu.price_per_hour > constraints.max_price_per_hour
        ):
            continue
        gpus.append(gpu)
    return gpus
