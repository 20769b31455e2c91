"""The robustness section: fuzzed questions, hostile load, Chroma server faults, Redis across processes.

Issue 12's "done when": 3,000+ fuzzed questions with zero exceptions other than ``InvalidQuestion`` and the
slowest question's time; 200 questions at 20 users through the web API beside 4 clients sending
4,000-digit questions; a real Chroma server hung, killed, restarted and wiped, each with the time to
recover; a follow-up answered across two processes through a real Redis.

``measure_robustness`` runs inside the whole benchmark; ``python -m tools.bench --only robustness`` runs it
alone (``run_robustness_only``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ._robustness_chroma import FaultRun
from ._robustness_fuzz import FuzzResult
from ._robustness_load import HostileLoad
from ._robustness_redis import RedisFollowUp
from ._robustness_report import render_robustness

if TYPE_CHECKING:
    from ._results import Goal
    from ._runner import BenchConfig

__all__ = [
    "HEADING",
    "ROBUSTNESS_GOALS",
    "Robustness",
    "measure_robustness",
    "render_robustness",
    "robustness_goals",
    "run_robustness_only",
]

HEADING = "## Robustness"
ROBUSTNESS_GOALS = {
    "fuzz_questions": 3000,
    "fuzz_slowest_s": 0.5,
    "hostile_users": 20,
    "hostile_requests": 200,
    "hostile_clients": 4,
    "hostile_p95_s": 1.0,
}


@dataclass(frozen=True)
class Robustness:
    """Everything the robustness section measured (``errors`` names a part that could not run)."""

    quick: bool
    fuzz: FuzzResult | None
    hostile: HostileLoad | None
    faults: list[FaultRun]
    redis: RedisFollowUp | None
    errors: dict[str, str]


def _sizes(quick: bool) -> dict:
    if quick:
        return {"fuzz": 300, "users": 4, "per_user": 2, "hostile": 2}
    g = ROBUSTNESS_GOALS
    return {
        "fuzz": g["fuzz_questions"],
        "users": g["hostile_users"],
        "per_user": g["hostile_requests"] // g["hostile_users"],
        "hostile": g["hostile_clients"],
    }


def measure_robustness(
    assistant, quick: bool, root: Path, questions: Sequence[str], log: Callable[[str], None] = print
) -> Robustness:
    """Run the four parts on ``assistant`` (an embedded index, no API rate limit); a part that cannot run is
    reported with its reason instead of stopping the benchmark."""
    from ._robustness_chroma import run_chroma_faults
    from ._robustness_fuzz import run_fuzz
    from ._robustness_load import run_hostile_load
    from ._robustness_redis import run_redis_follow_up

    size = _sizes(quick)
    errors: dict[str, str] = {}

    def attempt(part: str, call):
        try:
            return call()
        except Exception as exc:  # one broken part must not lose the others' measurements
            errors[part] = f"{type(exc).__name__}: {str(exc)[:500]}"
            log(f"robustness: {part} failed: {errors[part]}")
            return None

    log(f"robustness: {size['fuzz']:,} fuzzed questions through Assistant.ask")
    fuzz = attempt("fuzz", lambda: run_fuzz(assistant, size["fuzz"]))
    log(
        f"robustness: {size['users']} users x {size['per_user']} questions beside {size['hostile']} hostile clients"
    )
    hostile = attempt(
        "hostile load",
        lambda: run_hostile_load(
            assistant,
            users=size["users"],
            per_user=size["per_user"],
            questions=questions,
            hostile=size["hostile"],
        ),
    )
    log("robustness: Chroma server hang, kill, restart, wipe")
    faults = attempt(
        "chroma faults", lambda: run_chroma_faults(assistant, root / "chroma", reembed_after_wipe=not quick)
    )
    log("robustness: a follow-up across two processes through redis-server")
    redis = attempt("redis", lambda: run_redis_follow_up(assistant.settings.data_dir, root / "redis"))
    return Robustness(quick, fuzz, hostile, faults or [], redis, errors)


# --- goals ---------------------------------------------------------------------------------------------------


def _fault_met(run: FaultRun) -> bool:
    honest = run.guides_marked or (run.fault == "wipe" and "with the guides" in run.during)
    return run.catalog_ok and honest and run.recovered


def robustness_goals(r: Robustness) -> list[Goal]:
    """One goal row per measured promise (a part that did not run is a missed goal with its reason)."""
    from ._results import Goal

    g, size = ROBUSTNESS_GOALS, _sizes(r.quick)
    quick = " (quick mode: {})" if r.quick else ""
    goals = []
    f = r.fuzz
    goals.append(
        Goal(
            "fuzz",
            f"fuzz: ≥ {g['fuzz_questions']:,} questions through `ask`, zero exceptions but `InvalidQuestion`, "
            "no NaN/inf in text, no GPU outside the catalog" + quick.format(f"{size['fuzz']:,} questions"),
            f"{f.questions:,} questions: {f.replies:,} replies, {f.refused:,} refused; "
            f"{len(f.other_exceptions)} other exceptions, {len(f.nan_or_inf)} with NaN/inf, "
            f"{len(f.unknown_gpus)} with an unknown GPU"
            if f
            else f"not run: {r.errors.get('fuzz')}",
            bool(f and f.clean and f.questions >= size["fuzz"]),
        )
    )
    goals.append(
        Goal(
            "fuzz_slowest",
            f"fuzz: slowest question < {g['fuzz_slowest_s']} s",
            f"{f.slowest_s:.3f} s ({f.slowest_kind}; re-timed, best of 3; {f.first_pass_slowest_s:.3f} s in the run)"
            if f
            else "not run",
            bool(f and f.slowest_s < g["fuzz_slowest_s"]),
        )
    )
    h = r.hostile
    shape = f"{size['users'] * size['per_user']} questions at {size['users']} users beside {size['hostile']} clients"
    goals.append(
        Goal(
            "hostile_errors",
            f"hostile load: zero errors for {g['hostile_requests']} questions at {g['hostile_users']} users beside "
            f"{g['hostile_clients']} clients sending 4,000-digit questions" + quick.format(shape),
            f"{h.errors} errors in {h.requests} requests ({h.hostile_requests} hostile requests: "
            + ", ".join(f"{k} × {v}" for k, v in sorted(h.hostile_statuses.items()))
            + ")"
            if h
            else f"not run: {r.errors.get('hostile load')}",
            bool(h and h.errors == 0 and h.requests == size["users"] * size["per_user"]),
        )
    )
    goals.append(
        Goal(
            "hostile_p95",
            f"hostile load: p95 of the normal users < {g['hostile_p95_s']:.0f} s",
            f"{h.latency.p95:.2f} s ({h.baseline.p95:.2f} s for the same users just before, without them)"
            if h
            else "not run",
            bool(h and h.latency.p95 < g["hostile_p95_s"] and h.errors == 0),
        )
    )
    by_fault = {run.fault: run for run in r.faults}
    for fault in ("hang", "kill", "restart", "wipe"):
        run = by_fault.get(fault)
        goals.append(
            Goal(
                f"chroma_{fault}",
                f"Chroma server {fault}: catalog answers during it, guides marked unavailable, guides used again after"
                if fault != "wipe"
                else "Chroma server wipe (back empty): collection re-created and re-indexed, catalog answers throughout",
                f"{run.during} in {run.during_s:.2f} s; guides again "
                + (f"{run.recovered_s:.1f} s after the server was healthy" if run.recovered else "never")
                if run
                else f"not run: {r.errors.get('chroma faults')}",
                bool(run and _fault_met(run)),
            )
        )
    d = r.redis
    goals.append(
        Goal(
            "redis_follow_up",
            "a follow-up answered by a second process through Redis",
            (
                f"process 2: {d.follow_up_gb:.1f} GB for full fine-tuning of the model process 1 asked about "
                f"({d.first_gb:.1f} GB with QLoRA); without the conversation: "
                + ("nothing to size" if d.control_gb is None else f"{d.control_gb:.1f} GB")
                if d and not d.skipped and d.follow_up_gb is not None and d.first_gb is not None
                else f"not run: {d.skipped}"
                if d and d.skipped
                else f"not carried over: {d.follow_up_line}"
                if d
                else f"not run: {r.errors.get('redis')}"
            ),
            bool(d and d.carried),
        )
    )
    return goals


# --- on its own ----------------------------------------------------------------------------------------------


def _log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def run_robustness_only(config: BenchConfig) -> Path:
    """``--only robustness``: this section alone, with the goals table, on a copy of ``--data-dir`` (or a
    fresh index)."""
    from ..evaluation import load_cases
    from ._machine import machine_info
    from ._scratch import warm_assistant

    machine = machine_info()
    with warm_assistant(config.prebuilt) as (root, assistant):
        singles = [c[0]["q"] for c in load_cases() if len(c) == 1]
        result = measure_robustness(assistant, config.quick, root / "robustness", singles, log=_log)
    from ._report import markdown_table

    goals = [[g.goal, g.measured, "met" if g.met else "**missed**"] for g in robustness_goals(result)]
    text = "\n\n".join(
        [
            "# Benchmarks: robustness only",
            f"Generated by `python -m tools.bench --only robustness`{' --quick' if config.quick else ''} on "
            f"{machine['date']} ({machine['cpu']}, {machine['cores']} cores usable).",
            "## Goals",
            markdown_table(["goal", "measured", "status"], goals),
            HEADING,
            render_robustness(result),
        ]
    )
    config.output.parent.mkdir(parents=True, exist_ok=True)
    config.output.write_text(text + "\n", encoding="utf-8")
    _log(f"wrote {config.output}")
    return config.output
