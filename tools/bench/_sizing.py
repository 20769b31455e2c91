"""Sizing accuracy: our memory estimates next to published figures and calculators' documented rules."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from ._paths import BENCH_DATA_DIR

__all__ = ["SizingRow", "load_references", "sizing_rows"]

SIZING_FILE = BENCH_DATA_DIR / "sizing_references.yaml"
GB = 1e9


@dataclass(frozen=True)
class SizingRow:
    """One case: the published figure, ours, and each documented rule's figure (None: not covered)."""

    case: str
    unit: str
    published: float | tuple[float | None, float | None]
    published_text: str
    source: str
    ours: float
    rules: dict[str, str]

    @property
    def difference(self) -> str:
        """Ours minus published (a range counts as met when ours lies inside it)."""
        if isinstance(self.published, tuple):
            low, high = self.published
            if (low is None or self.ours >= low) and (high is None or self.ours <= high):
                return "within range"
            bound = high if high is not None and self.ours > high else low
            return f"{self.ours - bound:+.1f} {self.unit} outside range"
        delta = self.ours - self.published
        return f"{delta:+.1f} {self.unit} ({delta / self.published:+.1%})"


def load_references(path: Path | None = None) -> dict:
    """The rules and cases of ``benchmarks/sizing_references.yaml``."""
    return yaml.safe_load((path or SIZING_FILE).read_text(encoding="utf-8"))


def _workload(spec: dict, models):
    from assistant.sizing import Task, Workload, shape_for

    task = Task(spec.get("task", "inference"))
    extra = {"precision": spec["precision"]} if "precision" in spec else {}
    if "model" in spec:
        shape = models.by_name(spec["model"])
        return Workload(task=task, shape=shape, params=shape.params, **extra)
    params = float(spec["params"])
    return Workload(task=task, shape=shape_for(params, models), params=params, shape_is_proxy=True, **extra)


def _ours(spec: dict, models, assumptions) -> float:
    from assistant.sizing import estimate_memory, kv_cache_bytes_per_token

    work = _workload(spec, models)
    kind = spec["kind"]
    if kind == "kv_per_token":
        return kv_cache_bytes_per_token(work, assumptions) / 1024
    estimate = estimate_memory(work, assumptions)
    if kind == "weights":
        return estimate.item("weights").gb
    if kind == "item":
        return estimate.item(spec["item"]).gb
    if kind == "per_gpu_item":
        return estimate.item(spec["item"]).gb / spec["gpus"]
    if kind == "total":
        return estimate.total_gb
    raise ValueError(f"unknown sizing case kind {kind!r}")


def _rule(name: str, params: dict, work) -> str:
    p = work.params
    if name == "accelerate":
        load = p * params["bytes"] / GB
        if params["mode"] == "load":
            return f"{load:.1f}"
        return f"{4 * load:.1f} (float32 row); {4 * p * 2 / GB:.1f} (float16 row)"
    if name == "serving":
        return f"{p * 4 / (32 / params['bits']) * 1.2 / GB:.1f}"
    if name == "deepspeed":
        n = params["gpus"]
        if params["stage"] == 2:
            return f"{(2 * p + 18 * p / n) / GB:.1f} (ZeRO-2, {n} GPU{'s' if n > 1 else ''})"
        largest = work.shape.vocab_size * work.shape.hidden_size  # embedding / LM head: the largest layer
        return f"{(4 * largest + 18 * p / n) / GB:.1f} (ZeRO-3, {n} GPUs)"
    raise ValueError(f"unknown rule {name!r}")


def sizing_rows(models, assumptions, references: dict | None = None) -> list[SizingRow]:
    """Every reference case with our estimate and the applicable documented rules."""
    references = references or load_references()
    rows = []
    for case in references["cases"]:
        published = case["published"]
        if isinstance(published, list):
            published = (published[0], published[1])
        work = _workload(case["ours"], models)
        rows.append(
            SizingRow(
                case=case["case"],
                unit=case["unit"],
                published=published,
                published_text=case.get("published_text", ""),
                source=case["source"],
                ours=_ours(case["ours"], models, assumptions),
                rules={name: _rule(name, params, work) for name, params in (case.get("rules") or {}).items()},
            )
        )
    return rows
