"""Published pre-training compute of open models, loaded from ``corpus/pretraining.yaml`` (pure).

Model cards report the GPU-hours a model's pre-training took, on which GPU, and the tokens it saw. A question
about what it took to train a model is answered with that figure, not with a fine-tuning estimate.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from ._data import corpus_dir, load_keyed

__all__ = ["PretrainingRun", "load_pretraining"]


class PretrainingRun(BaseModel):
    """One model's reported pre-training: GPU-hours on a GPU, and the tokens it saw."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    key: str  # the model's name in corpus/models.yaml
    gpu_hours: float = Field(gt=0)
    gpu: str = Field(min_length=2)  # the catalog's row for the GPU named
    gpu_as_written: str = Field(min_length=2)
    tokens_t: float = Field(gt=0)  # trillions of tokens
    source: str = Field(min_length=20)
    as_of: date


def load_pretraining(path: Path | None = None) -> dict[str, PretrainingRun]:
    """Every published pre-training run by model name, validated (``corpus/pretraining.yaml`` by default)."""
    return _cached(path or corpus_dir() / "pretraining.yaml")


@lru_cache(maxsize=4)
def _cached(path: Path) -> dict[str, PretrainingRun]:
    return load_keyed(path, "runs", PretrainingRun, "pre-training run")
