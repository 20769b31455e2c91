"""The robustness section's Markdown: fuzzed questions, hostile load, Chroma faults, Redis (``_robustness``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._robustness_chroma import CATALOG_QUESTION, GUIDE_QUESTION, FaultRun
from ._robustness_fuzz import FuzzResult
from ._robustness_load import HostileLoad
from ._robustness_redis import FIRST, FOLLOW_UP, RedisFollowUp

if TYPE_CHECKING:
    from ._robustness import Robustness

__all__ = ["render_robustness"]


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
