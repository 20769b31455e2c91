"""What one benchmark run measured, and the goals it is judged against."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ._answers import AnswerScore, RealScore
from ._coldstart import ColdStart, IndexRun
from ._latency import WarmLatency
from ._load import LoadResult
from ._retrieval import MethodScore
from ._sizing import SizingRow

if TYPE_CHECKING:
    from ._robustness import Robustness

__all__ = ["GOALS", "Goal", "Results", "evaluate_goals"]

# The targets live here, in the benchmark — not in timed unit tests.
GOALS = {
    "hit3": 0.95,  # our hit@3
    "ask_ratio_p50": 1.2,  # warm ask p50 / vanilla retrieval p50 (issue 13)
    "cold_start_s": 2.0,  # a new `gpu-assistant ask` process, index present (issue 13)
    "vector_delta": 1e-5,  # ONNX query vectors vs sentence-transformers', max |delta|
    "reindex_s": 1.0,  # no-change re-index
    "rss_mb": 1536.0,  # 1.5 GB
    "load_p95_s": 1.0,  # at 10 users
}
OURS = "gpu-assistant hybrid"


@dataclass(frozen=True)
class Goal:
    """One goal, what was measured, and whether it was met."""

    key: str
    goal: str
    measured: str
    met: bool


@dataclass
class Results:
    """Everything a run measured (diagnostics filled in afterwards for missed goals)."""

    quick: bool
    machine: dict
    index: IndexRun
    cold: ColdStart
    retrieval: list[MethodScore]
    retrieval_queries: int
    retrieval_from_eval: int
    answers: AnswerScore
    latency: WarmLatency
    load: list[LoadResult]
    sizing: list[SizingRow]
    sizing_rules: dict
    bench_rss_mb: float = 0.0
    load_average_end: tuple[float, float, float] | None = None
    diagnostics: dict[str, str] = field(default_factory=dict)
    robustness: Robustness | None = None  # issue 12: fuzz, hostile load, Chroma faults, Redis
    real: RealScore | None = None  # the real-question evaluation (full runs only)

    def method(self, name: str) -> MethodScore:
        """The retrieval scores of method ``name``."""
        return next(m for m in self.retrieval if m.name == name)

    @property
    def cold_ask_s(self) -> float:
        """Median wall time of the cold ``gpu-assistant ask`` runs."""
        return statistics.median(run.seconds for run in self.cold.asks)

    @property
    def rss(self) -> dict[str, float]:
        """Peak RSS (MB) per process measured."""
        index = (
            "full index build (`sync(rebuild=True)`)"
            if self.index.full_s is not None
            else "no-change re-index (`sync()` of a prebuilt index)"
        )
        return {
            "cold `gpu-assistant ask`": max(run.max_rss_mb for run in self.cold.asks),
            index: self.index.process.max_rss_mb,
            "benchmark process (web app under load + baselines; an upper bound)": self.bench_rss_mb,
        }


def _ahead(ours: MethodScore, other: MethodScore) -> bool:
    return (ours.hit3, ours.mrr) > (other.hit3, other.mrr)


def evaluate_goals(r: Results) -> list[Goal]:
    """Each goal with the measured value and met / missed."""
    ours = r.method(OURS)
    baselines = [m for m in r.retrieval if m.name != OURS]
    goals = [
        Goal(
            "hit3", f"retrieval hit@3 ≥ {GOALS['hit3']:.2f}", f"{ours.hit3:.3f}", ours.hit3 >= GOALS["hit3"]
        ),
        Goal(
            "ahead",
            "retrieval ahead of both baselines (hit@3, ties broken by MRR@3)",
            "; ".join(f"{ours.hit3:.3f} vs {m.hit3:.3f} ({m.name})" for m in baselines),
            all(_ahead(ours, m) for m in baselines),
        ),
        Goal(
            "ask_ratio",
            f"warm `ask` p50 ≤ {GOALS['ask_ratio_p50']}× vanilla retrieval p50",
            f"{r.latency.ratio_p50:.2f}× ({r.latency.judged.p50 * 1000:.1f} ms vs {r.latency.baseline.p50 * 1000:.1f} ms)",
            r.latency.ratio_p50 <= GOALS["ask_ratio_p50"],
        ),
        Goal(
            "cold_start",
            f"cold `gpu-assistant ask` (new process to first answer, index present) ≤ {GOALS['cold_start_s']:.0f} s "
            "(import profile under Speed and memory)",
            f"{r.cold_ask_s:.2f} s (median of {len(r.cold.asks)})",
            r.cold_ask_s <= GOALS["cold_start_s"],
        ),
        Goal(
            "vectors",
            "query vectors (ONNX export) equal sentence-transformers' within 1e-5",
            "not measured"
            if r.latency.vector_delta is None
            else f"largest difference {r.latency.vector_delta:.1e} over {r.latency.vector_questions} questions",
            r.latency.vector_delta is not None and r.latency.vector_delta <= GOALS["vector_delta"],
        ),
        Goal(
            "reindex",
            f"no-change re-index ≤ {GOALS['reindex_s']:.0f} s",
            f"{r.index.nochange_s:.2f} s",
            r.index.nochange_s <= GOALS["reindex_s"] and not r.index.nochange_changed,
        ),
        Goal(
            "rss",
            "peak memory (RSS) ≤ 1.5 GB",
            f"{max(r.rss.values()):,.0f} MB (largest process)",
            max(r.rss.values()) <= GOALS["rss_mb"],
        ),
    ]
    if r.load:
        errors = sum(run.errors for run in r.load)
        goals.append(
            Goal(
                "load_errors",
                "load: zero errors",
                f"{errors} errors in {sum(run.requests for run in r.load)} requests",
                errors == 0,
            )
        )
        at = [run for run in r.load if run.users <= 10]
        ten = max(at, key=lambda run: run.users) if at else r.load[0]
        goals.append(
            Goal(
                "load_p95",
                f"load: p95 < {GOALS['load_p95_s']:.0f} s at 10 users"
                + ("" if ten.users == 10 else f" (quick mode: {ten.users} users)"),
                f"{ten.latency.p95:.2f} s at {ten.users} users",
                ten.latency.p95 < GOALS["load_p95_s"] and ten.errors == 0,
            )
        )
    if r.robustness is not None:
        from ._robustness import robustness_goals

        goals += robustness_goals(r.robustness)
    return goals
