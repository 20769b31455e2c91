"""Non-LLM workloads (image generation, speech, embeddings, vision training): sourced figures per setting (pure).

LLM arithmetic does not carry over to diffusion models, Whisper or ResNets, so each figure here is a
measurement, a published requirement or — labelled as such — plain weight arithmetic, with its source.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ._data import corpus_dir, load_rows
from ._names import NamedRecords

__all__ = ["WorkloadFact", "WorkloadSpec", "Workloads", "load_workloads"]

Basis = Literal["measured", "published", "arithmetic"]


class WorkloadFact(BaseModel):
    """One sourced figure: memory (GB) and/or time (hours) for one task and setting."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    task: str = Field(min_length=3, description="inference, training, DreamBooth training, LoRA training…")
    setting: str = Field(
        min_length=5, description="Precision, resolution, tool and options the figure holds for."
    )
    memory_gb: float | None = Field(default=None, gt=0, le=2000, description="GPU memory, GB.")
    hours: float | None = Field(default=None, gt=0, description="Wall-clock hours for the job.")
    gpus: int | None = Field(default=None, ge=1, description="GPUs the time was measured on.")
    gpu: str | None = Field(default=None, description="The catalog GPU the time was measured on.")
    hardware: str | None = Field(default=None, description="Where a memory figure was measured, if said.")
    basis: Basis
    source: str = Field(min_length=8)
    as_of: dt.date

    @model_validator(mode="after")
    def _has_a_number(self) -> WorkloadFact:
        if self.memory_gb is None and self.hours is None:
            raise ValueError("a fact needs memory_gb or hours")
        if (self.hours is None) != (self.gpus is None):
            raise ValueError("hours and gpus go together")
        return self


class WorkloadSpec(BaseModel):
    """A non-LLM model and its sourced figures."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=2)
    aliases: tuple[str, ...] = ()
    kind: Literal["image generation", "speech recognition", "embeddings", "reranker", "vision training"]
    params_m: float = Field(gt=0, description="Parameters, millions.")
    params_note: str = ""
    facts: tuple[WorkloadFact, ...] = Field(min_length=1)

    def smallest_memory(self, task_word: str = "") -> WorkloadFact | None:
        """The fact with the least memory among those whose task mentions ``task_word``."""
        rows = [f for f in self.facts if f.memory_gb is not None and task_word.lower() in f.task.lower()]
        return min(rows, key=lambda f: f.memory_gb or 0.0) if rows else None


class Workloads(NamedRecords[WorkloadSpec]):
    """The non-LLM workloads in file order, with name lookup."""


def load_workloads(path: Path | None = None) -> Workloads:
    """Load and validate ``corpus/workloads.yaml`` (or ``path``)."""
    return _cached(path or corpus_dir() / "workloads.yaml")


@lru_cache(maxsize=2)
def _cached(path: Path) -> Workloads:
    return Workloads(load_rows(path, "workloads", WorkloadSpec), source=path)
