"""Where the benchmark's data files live."""

from __future__ import annotations

from pathlib import Path

__all__ = ["BENCH_DATA_DIR", "REPO_ROOT"]

REPO_ROOT = Path(__file__).resolve().parents[2]
BENCH_DATA_DIR = REPO_ROOT / "benchmarks"
