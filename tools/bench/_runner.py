"""Run the whole benchmark and write the report."""

from __future__ import annotations

import os
import resource
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ._paths import REPO_ROOT

__all__ = ["BenchConfig", "run_benchmark"]

COLD_QUESTION = "Which GPU should I use to fine-tune a 7B model?"


@dataclass(frozen=True)
class BenchConfig:
    """How much to measure: ``quick()`` for CI, ``full()`` for docs/benchmarks.md."""

    quick: bool
    output: Path
    retrieval_limit: int | None
    eval_limit: int | None
    latency_passes: int
    cold_runs: int
    load_users: tuple[int, ...]
    load_per_user: int
    request_timeout: float = 60.0
    # A data dir whose index is already built (`--data-dir`): copied, and the full build is not measured.
    prebuilt: Path | None = None

    @classmethod
    def full(cls, output: Path | None = None, prebuilt: Path | None = None) -> BenchConfig:
        """Every query and question; 10 and 50 users."""
        output = output or REPO_ROOT / "docs" / "benchmarks.md"
        return cls(False, output, None, None, 2, 3, (10, 50), 3, prebuilt=prebuilt)

    @classmethod
    def quick_mode(cls, output: Path | None = None, prebuilt: Path | None = None) -> BenchConfig:
        """A subset that finishes in a minute or two (CI keeps the benchmark from rotting)."""
        output = output or Path(tempfile.gettempdir()) / "gpu-assistant-benchmarks-quick.md"
        return cls(True, output, 15, 10, 1, 1, (2,), 1, prebuilt=prebuilt)


def _log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def _spread(items: list, limit: int | None) -> list:
    if limit is None or len(items) <= limit:
        return items
    step = len(items) / limit
    return [items[int(i * step)] for i in range(limit)]


def run_benchmark(config: BenchConfig) -> Path:
    """Measure everything ``config`` asks for and write the Markdown report to ``config.output``."""
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    from ._machine import load_average, machine_info

    machine = machine_info()
    with tempfile.TemporaryDirectory(prefix="gpu-assistant-bench-") as tmp:
        results, ctx = _measure(config, machine, Path(tmp))
        from ._fixes import diagnose

        results.diagnostics = diagnose(results, ctx, log=_log)
        results.load_average_end = load_average()
        from ._report import render

        config.output.parent.mkdir(parents=True, exist_ok=True)
        config.output.write_text(render(results), encoding="utf-8")
    _log(f"wrote {config.output}")
    return config.output


def _measure(config: BenchConfig, machine: dict, root: Path):
    from assistant import Assistant, load_settings

    from ..evaluation import load_cases
    from ._answers import pick_conversations, run_answers, run_real
    from ._coldstart import measure_cold_start, measure_index
    from ._fixes import FixContext
    from ._latency import conversations_of, measure_warm_latency
    from ._load import run_load
    from ._results import Results
    from ._retrieval import load_queries, run_retrieval
    from ._sizing import load_references, sizing_rows

    data_dir = root / "data"
    if config.prebuilt is None:
        _log("full index build and no-change re-index (child process)")
    else:
        _log(f"prebuilt index copied from {config.prebuilt}; no-change re-index (child process)")
        shutil.copytree(config.prebuilt, data_dir)
    index = measure_index(data_dir, build=config.prebuilt is None)
    _log(f"cold start x{config.cold_runs}")
    cold = measure_cold_start(data_dir, COLD_QUESTION, config.cold_runs)

    assistant = Assistant(load_settings(data_dir=data_dir, llm=None, chroma_host=None, api_rate_limit=0))
    assistant.warm_up()
    queries = _spread(load_queries(), config.retrieval_limit)
    _log(f"retrieval: {len(queries)} queries x 3 methods")
    methods, vanilla = run_retrieval(assistant.services.knowledge, queries, root / "vanilla-chroma")

    _log("answers: evaluation set")
    answers = run_answers(assistant, config.eval_limit)
    real = None
    if not config.quick:  # 170 questions: the tests grade them in CI already
        _log("answers: real questions (dev and held-out scores)")
        real = run_real(assistant)
    conversations = conversations_of(pick_conversations(load_cases(), config.eval_limit))
    _log("warm ask latency vs vanilla retrieval")
    latency = measure_warm_latency(
        assistant,
        vanilla.search,
        conversations,
        passes=config.latency_passes,
        vanilla_by_vector=vanilla.search_by_vector,
    )

    singles = [c[0]["q"] for c in load_cases() if len(c) == 1]
    _log(f"load: {config.load_users} users x {config.load_per_user} questions")
    load = run_load(
        assistant, config.load_users, config.load_per_user, singles, timeout=config.request_timeout
    )

    from ._robustness import measure_robustness

    robustness = measure_robustness(assistant, config.quick, root / "robustness", singles, log=_log)

    services = assistant.services
    references = load_references()
    results = Results(
        quick=config.quick,
        machine=machine,
        index=index,
        cold=cold,
        retrieval=methods,
        retrieval_queries=len(queries),
        retrieval_from_eval=sum(q.from_eval for q in queries),
        answers=answers,
        latency=latency,
        load=load,
        sizing=sizing_rows(services.models, services.assumptions, references),
        sizing_rules=references["rules"],
        bench_rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        robustness=robustness,
        real=real,
    )
    ctx = FixContext(
        assistant=assistant,
        vanilla_search=vanilla.search,
        queries=queries,
        conversations=conversations,
        data_dir=data_dir,
        question=COLD_QUESTION,
        load_questions=singles,
        load_users=config.load_users,
        load_per_user=config.load_per_user,
        cold_runs=config.cold_runs,
    )
    return results, ctx
