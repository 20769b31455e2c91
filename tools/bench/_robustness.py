"""The robustness section: fuzzed questions, hostile load, Chroma server faults, Redis across processes.

Issue 12's "done when": 3,000+ fuzzed questions with zero exceptions other than ``InvalidQuestion`` and the
slowest question's time; 200 questions at 20 users through the web API beside 4 clients sending
4,000-digit questions; a real Chroma server hung, killed, restarted and wiped, each with the time to
recover; a follow-up answered across two processes through a real Redis.

``measure_robustness`` runs inside the whole benchmark; ``python -m tools.bench --only robustness`` runs it
alone (``run_robustness_only``).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ._robustness_chroma import CATALOG_QUESTION, GUIDE_QUESTION, FaultRun
from ._robustness_fuzz import FuzzResult
from ._robustness_load import HostileLoad
from ._robustness_redis import FIRST, FOLLOW_UP, RedisFollowUp

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


# --- report ------------------------------------------------------------------------------------------------


def _table(header: list[str], rows: list[list[str]]) -> str:
    from ._report import markdown_table

    return markdown_table(header, rows)


def _fuzz_text(f: FuzzResult | None, error: str | None) -> str:
    if f is None:
        return f"Not run: {error}"
    rows = [
        [
            "questions (seeded generator; every 5th starts a conversation the next 4 continue)",
            f"{f.questions:,}",
        ],
        ["kinds", ", ".join(f"{kind} {n}" for kind, n in sorted(f.per_kind.items()))],
        ["replies / refused with `InvalidQuestion`", f"{f.replies:,} / {f.refused:,}"],
        ["other exceptions", str(len(f.other_exceptions))],
        ["replies with NaN or infinity", str(len(f.nan_or_inf))],
        ["replies naming a GPU outside the catalog", str(len(f.unknown_gpus))],
        [
            "slowest question (the 10 slowest asked again alone, best of 3)",
            f"{f.slowest_s * 1000:.0f} ms ({f.slowest_kind}: “{f.slowest_question}”)",
        ],
        [
            "slowest wall time in the run itself / most CPU time one question took",
            f"{f.first_pass_slowest_s * 1000:.0f} ms / {f.slowest_cpu_s * 1000:.0f} ms",
        ],
        [
            "wall time, all questions",
            f"{f.wall_s:.1f} s ({f.wall_s / max(f.questions, 1) * 1000:.1f} ms each)",
        ],
    ]
    text = (
        "Questions from a seeded generator (`tools/bench/_robustness_fuzz.py`): long digit runs, lone "
        "surrogates, control and line-separator characters, HTML and script, prompt and SQL injection, huge, "
        "zero, negative and fractional counts, full-width and Arabic-Indic digits, homoglyphs, random code "
        "points, and questions at and past the 4,000-character limit, asked through `Assistant.ask`.\n\n"
    )
    text += _table(["", ""], rows)
    problems = [*f.other_exceptions, *f.nan_or_inf, *f.unknown_gpus]
    if problems:
        text += "\n\nProblems: " + "; ".join(problems[:10])
    return text


def _hostile_text(h: HostileLoad | None, error: str | None) -> str:
    if h is None:
        return f"Not run: {error}"
    rows = [
        [
            f"{h.users} users × {h.requests // max(h.users, 1)}",
            str(h.requests),
            str(h.errors),
            f"{h.latency.p50:.2f} s",
            f"{h.latency.p95:.2f} s",
            f"{h.latency.max:.2f} s",
            f"{h.baseline.p50:.2f} s / {h.baseline.p95:.2f} s ({h.baseline_errors} errors)",
            f"{h.answered / h.wall_s:.1f}/s" if h.wall_s else "n/a",
            f"{h.hostile_clients} × {h.digits:,} digits",
            str(h.hostile_requests),
            ", ".join(f"{k} × {v}" for k, v in sorted(h.hostile_statuses.items())),
            f"{h.hostile_latency.p50 * 1000:.0f} ms",
        ]
    ]
    text = (
        "Normal users post evaluation-set questions to `POST /api/ask` (uvicorn, as `python ui.py` serves it; "
        "no rate limit, so the hostile clients are not throttled) while hostile clients, started first and "
        "stopped last, post questions of 4,000 digits back to back on their own connections. Just before, the "
        "same users ask the same questions without them, for comparison (the query cache emptied before each run)."
        "\n\n"
    )
    text += _table(
        [
            "normal users",
            "requests",
            "errors",
            "p50",
            "p95",
            "max",
            "p50 / p95 without hostile clients",
            "throughput",
            "hostile clients",
            "hostile requests",
            "hostile statuses",
            "hostile p50",
        ],
        rows,
    )
    if h.error_samples:
        text += "\n\nErrors seen: " + "; ".join(f"`{s}`" for s in h.error_samples)
    return text


def _faults_text(faults: list[FaultRun], error: str | None, quick: bool) -> str:
    if not faults:
        return f"Not run: {error}"
    rows = [
        [
            run.fault,
            run.how,
            f"{run.during} ({run.during_s:.2f} s)",
            f"{run.later_s:.2f} s" if run.later_s is not None else "—",
            "yes" if run.catalog_ok else "**no**",
            f"{run.server_back_s:.1f} s" if run.server_back_s is not None else "—",
            f"{run.recovered_s:.1f} s" if run.recovered_s is not None else "**never**",
        ]
        for run in faults
    ]
    text = (
        f"A real `chroma run` server under an assistant with the default Chroma settings (timeout, retries, "
        f"cool-down). During each fault the assistant is asked “{GUIDE_QUESTION}” (it needs the guides) twice and "
        f"“{CATALOG_QUESTION}” once; after the repair it asks the guide question every 0.5 s until an answer "
        "cites a guide again.\n\n"
    )
    text += _table(
        [
            "fault",
            "how",
            "guide question during the fault (first answer's time)",
            "second question during it",
            "catalog answer during it",
            "server healthy after",
            "guides used again, after the server was healthy",
        ],
        rows,
    )
    if quick:
        text += (
            "\n\nQuick mode: after the wipe the passage vectors of the first build are reused, so the re-index "
            "time excludes embedding."
        )
    else:
        text += (
            "\n\nAfter the wipe the corpus is embedded again for real, so the wipe's recovery includes that."
        )
    return text


def _redis_text(d: RedisFollowUp | None, error: str | None) -> str:
    if d is None:
        return f"Not run: {error}"
    if d.skipped:
        return f"Not run: {d.skipped}."
    rows = [
        ["store", d.store],
        [f"process 1: “{FIRST}”", f"{d.first_gb} GB ({d.first_s:.1f} s from start to answer)"],
        [f"process 2, same conversation id: “{FOLLOW_UP}”", f"{d.follow_up_gb} GB ({d.follow_up_s:.1f} s) — “{d.follow_up_line}”"],
        ["process 3, a new conversation id, the same follow-up", "nothing to size" if d.control_gb is None else f"{d.control_gb} GB"],
    ]  # fmt: skip
    return (
        "A real `redis-server` on a loopback port; each question is asked by a fresh Python process "
        "(`ASSISTANT_CONVERSATIONS_URL=redis://…`), as two replicas behind a load balancer would.\n\n"
    ) + _table(["", ""], rows)


def render_robustness(r: Robustness) -> str:
    """The section's body (four sub-sections)."""
    return "\n\n".join(
        [
            "### Fuzzed questions",
            _fuzz_text(r.fuzz, r.errors.get("fuzz")),
            "### Hostile clients beside normal users",
            _hostile_text(r.hostile, r.errors.get("hostile load")),
            "### Chroma server faults",
            _faults_text(r.faults, r.errors.get("chroma faults"), r.quick),
            "### Conversations across processes through Redis",
            _redis_text(r.redis, r.errors.get("redis")),
        ]
    )


# --- on its own ----------------------------------------------------------------------------------------------


def _log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def run_robustness_only(config: BenchConfig) -> Path:
    """``--only robustness``: this section alone, with the goals table, on a copy of ``--data-dir`` (or a
    fresh index)."""
    from assistant import Assistant, load_settings

    from ..evaluation import load_cases
    from ._machine import machine_info

    machine = machine_info()
    with tempfile.TemporaryDirectory(prefix="gpu-assistant-bench-") as tmp:
        root = Path(tmp)
        data_dir = root / "data"
        if config.prebuilt is not None:
            shutil.copytree(config.prebuilt, data_dir)
        assistant = Assistant(load_settings(data_dir=data_dir, llm=None, chroma_host=None, api_rate_limit=0))
        assistant.warm_up()
        singles = [c[0]["q"] for c in load_cases() if len(c) == 1]
        result = measure_robustness(assistant, config.quick, root / "robustness", singles, log=_log)
    goals = [[g.goal, g.measured, "met" if g.met else "**missed**"] for g in robustness_goals(result)]
    text = "\n\n".join(
        [
            "# Benchmarks: robustness only",
            f"Generated by `python -m tools.bench --only robustness`{' --quick' if config.quick else ''} on "
            f"{machine['date']} ({machine['cpu']}, {machine['cores']} cores usable).",
            "## Goals",
            _table(["goal", "measured", "status"], goals),
            HEADING,
            render_robustness(result),
        ]
    )
    config.output.parent.mkdir(parents=True, exist_ok=True)
    config.output.write_text(text + "\n", encoding="utf-8")
    _log(f"wrote {config.output}")
    return config.output
