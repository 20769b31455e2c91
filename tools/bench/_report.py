"""Render a benchmark run as Markdown (docs/benchmarks.md)."""

from __future__ import annotations

from ._coldstart import cold_start_text
from ._latency import latency_rows
from ._results import GOALS, OURS, Results, evaluate_goals
from ._retrieval import K

__all__ = ["SECTIONS", "markdown_table", "render"]

SECTIONS = (
    "## Machine",
    "## Goals",
    "## Retrieval",
    "## Answers",
    "## Sizing accuracy",
    "## Local speed: estimates against published llama.cpp measurements",
    "## Speed and memory",
    "## Load",
    "## Robustness",
    "## Missed goals: profiles and fixes",
    "## How it is measured",
)


def markdown_table(header: list[str], rows: list[list[str]]) -> str:
    """A Markdown table (pipes inside cells escaped)."""
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
    lines += ["| " + " | ".join(str(cell).replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def _machine(r: Results) -> str:
    m = r.machine
    load = m.get("load_average")
    rows = [
        ["date", m["date"]],
        ["CPU", m["cpu"]],
        ["cores usable", str(m["cores"])],
        ["RAM", f"{m['ram_gb']:.1f} GB" if m.get("ram_gb") else "unknown"],
        ["OS", m["os"]],
        ["Python", m["python"]],
        *[[name, version] for name, version in m["packages"].items()],
        ["load average (1/5/15 min) at start", " / ".join(f"{x:.2f}" for x in load) if load else "n/a"],
        [
            "load average at end",
            " / ".join(f"{x:.2f}" for x in r.load_average_end) if r.load_average_end else "n/a",
        ],
        ["mode", "quick (CI subset)" if r.quick else "full"],
    ]
    note = (
        "Timings on a shared 2-core machine move with background load (shown above); every comparison "
        "in this report is measured in the same run, interleaved, so both sides see the same load."
    )
    return markdown_table(["", ""], rows) + "\n\n" + note


def _goals(r: Results) -> str:
    rows = [[g.goal, g.measured, "met" if g.met else "**missed**"] for g in evaluate_goals(r)]
    return markdown_table(["goal", "measured", "status"], rows)


def _retrieval(r: Results) -> str:
    rows = [
        [m.name, f"{m.hit1:.3f}", f"{m.hit3:.3f}", f"{m.mrr:.3f}", _ms(m.latency.p50), _ms(m.latency.p95)]
        for m in r.retrieval
    ]
    text = (
        f"{r.retrieval_queries} labelled queries from `benchmarks/retrieval.yaml` ({r.retrieval_from_eval} taken from "
        f"the evaluation set, the rest in users' words), top {K} per method. A hit is a returned passage whose path "
        "is the labelled document or a section of it.\n\n"
    )
    text += markdown_table(["method", "hit@1", f"hit@{K}", f"MRR@{K}", "latency p50", "latency p95"], rows)
    ours = r.method(OURS)
    if ours.misses:
        text += (
            f"\n\nQueries {OURS} missed (no labelled document in its top {K}): "
            + "; ".join(f"“{q}”" for q in ours.misses)
            + "."
        )
    return text


def _answers(r: Results) -> str:
    a = r.answers
    rows = [
        [
            intent if intent != "other" else "other (no intent expected)",
            f"{passed}/{total}",
            f"{passed / total:.0%}",
        ]
        for intent, (passed, total) in a.per_intent.items()
    ]
    rows.append(["**all**", f"{round(a.rate * a.turns)}/{a.turns}", f"**{a.rate:.1%}**"])
    text = "The evaluation set (`tests/eval/questions.yaml`) asked through `Assistant.ask`, checks on the structured reply.\n\n"
    text += markdown_table(["intent", "passed", "rate"], rows)
    if a.failures:
        text += "\n\nFailed: " + "; ".join(f"“{q}” ({why})" for q, why in a.failures) + "."
    if r.real is not None:
        text += "\n\n" + _real(r.real)
    return text


def _real(real) -> str:
    def share(counts) -> str:
        passed, total = counts
        return f"{passed}/{total} ({passed / total:.1%})"

    text = (
        "Real questions from public threads (`tests/eval/real/`, graded on the reply; see its README). "
        "History as recorded in `benchmarks/real-eval-history.yaml`; the last row is this run.\n\n"
    )
    rows = [[h["stage"], str(h["date"]), share(h["dev"]), share(h["heldout"])] for h in real.history]
    rows.append(["**this run**", "", share(real.splits["dev"]), share(real.splits["heldout"])])
    text += markdown_table(["stage", "date", "dev", "held-out"], rows)
    categories = sorted({c for split in real.per_category.values() for c in split})
    cells = [
        [
            c,
            *(
                share(real.per_category[s][c]) if c in real.per_category[s] else "—"
                for s in ("dev", "heldout")
            ),
        ]
        for c in categories
    ]
    return (
        text
        + "\n\nPer category (held-out: counts only):\n\n"
        + markdown_table(["category", "dev", "held-out"], cells)
    )


def _local_speed(r: Results) -> str:
    from ._local_speed import local_speed_section

    return local_speed_section()


def _sizing(r: Results) -> str:
    rules = r.sizing_rules
    names = [n for n in rules if any(n in row.rules for row in r.sizing)]
    header = ["case", "published / measured", "ours", "difference", *[rules[n]["label"] for n in names]]
    rows = []
    for row in r.sizing:
        published = f"{row.published_text} — {row.source}"
        rows.append(
            [
                row.case,
                published,
                f"{row.ours:,.1f} {row.unit}",
                row.difference,
                *[row.rules.get(n, "—") for n in names],
            ]
        )
    text = markdown_table(header, rows)
    text += "\n\nCalculator columns are computed from each tool's documented formula (decimal GB), never quoted from a tool's output:\n\n"
    text += "\n".join(
        f"- **{rules[n]['label']}**: {rules[n]['rule']} Source: {rules[n]['source']}" for n in names
    )
    text += (
        "\n\nWhere conventions differ: our quantized weights keep embeddings and the LM head in 16-bit and add a "
        "fp16 scale and zero point per group of 128, so int8/int4 come out a few percent above the bare "
        "bytes-per-parameter rule; the serving rule's flat 20% stands in for KV cache and activations, which we "
        "itemise; DeepSpeed's estimators count 18 bytes/parameter of sharded states (an fp32 gradient copy "
        "included) where we count 16 (and show 18 as the alternative)."
    )
    return text


def _speed(r: Results) -> str:
    lat, idx, cold = r.latency, r.index, r.cold
    imports = sorted(run.seconds for run in cold.imports)
    asks = sorted(run.seconds for run in cold.asks)
    rows = [
        *latency_rows(lat, GOALS["ask_ratio_p50"]),
        ["`python -c 'import assistant'`", ", ".join(f"{s:.2f} s" for s in imports)],
        [
            "cold start: `gpu-assistant ask … --plain`, index present",
            ", ".join(f"{s:.2f} s" for s in asks)
            + f" (median {r.cold_ask_s:.2f} s); CPU (user + system) "
            + ", ".join(f"{run.cpu_s:.2f} s" for run in cold.asks),
        ],
        [
            "full index build: `sync(rebuild=True)`, fresh process",
            f"{idx.full_s:.2f} s — {idx.full} (model load included in the wall time)"
            if idx.full_s is not None
            else f"not measured: a prebuilt index of {idx.documents} documents was copied (`--data-dir`)",
        ],
        ["no-change re-index: second `sync()`", f"{idx.nochange_s:.3f} s — {idx.nochange}"],
        [
            "no-change re-index in a fresh process: `gpu-assistant index`",
            f"{r.index.fresh_nochange.seconds:.2f} s (process start and imports included)",
        ],
    ]
    rows += [[f"peak RSS: {name}", f"{mb:,.0f} MB"] for name, mb in r.rss.items()]
    note = (
        ""
        if lat.cache_cleared
        else "\n\n⚠️ The query-vector cache could not be emptied; warm `ask` figures may include cache hits."
    )
    return markdown_table(["measurement", "result"], rows) + note + cold_start_text(cold)


def _load(r: Results) -> str:
    if not r.load:
        return "Not run."
    rows = [
        [
            str(run.users),
            str(run.requests),
            f"{run.throughput:.1f}/s",
            f"{run.latency.p50:.2f} s",
            f"{run.latency.p95:.2f} s",
            f"{run.in_ask.p50 * 1000:.0f} ms",
            str(run.errors),
            f"{run.server_cpu_s:.1f} s / {run.client_cpu_s:.1f} s",
            f"{run.server_cpu_s / max(run.answered, 1) * 1000:.0f} ms",
        ]
        for run in r.load
    ]
    text = (
        "Concurrent users, each a thread with its own keep-alive HTTP connection, posting evaluation-set questions "
        "to the web app's JSON API (`POST /api/ask`, served by uvicorn as `python ui.py` serves it) on 127.0.0.1 "
        "(the app in the benchmark process, the users in a child process on the same cores).\n\n"
    )
    text += markdown_table(
        [
            "users",
            "requests",
            "throughput",
            "latency p50",
            "latency p95",
            "time inside `ask` p50",
            "errors",
            "CPU: server / load generator",
            "server CPU per answer",
        ],
        rows,
    )
    text += (
        "\n\nThe load generator shares the 2 cores with the server; the server CPU per answer (which includes the "
        "clients' connection handshakes) bounds what the app alone could serve on this machine."
    )
    samples = [s for run in r.load for s in run.error_samples]
    if samples:
        text += "\n\nErrors seen: " + "; ".join(f"`{s}`" for s in samples[:5])
    return text


def _robustness(r: Results) -> str:
    from ._robustness import render_robustness

    return render_robustness(r.robustness) if r.robustness is not None else "Not run."


def _missed(r: Results) -> str:
    if not r.diagnostics:
        return "Every goal was met; no profile needed."
    return "\n\n".join(r.diagnostics.values())


def _method(r: Results) -> str:
    where = (
        "a fresh index in a temporary data directory"
        if r.index.full_s is not None
        else "a copy of a prebuilt index (`--data-dir`) in a temporary data directory"
    )
    return "\n".join(
        [
            f"- Everything runs on one machine, offline, with {where}.",
            "- Baselines are built in the same process on the same documents: (a) `langchain_chroma.Chroma.from_documents` "
            "with default settings in its own directory, fed the same model's passage vectors read back from our index "
            "(identical to re-embedding the same texts), queried with `similarity_search(query, k=3)` whose query vector "
            "comes straight from the `HuggingFaceEmbeddings` model (sentence-transformers on torch, no cache); "
            "(b) `rank_bm25.BM25Okapi` over `str.lower().split()` tokens; (c) `HybridRetriever.search(query, k=3)` with "
            "its query-vector cache emptied before every query. The assistant embeds queries with an ONNX export of the "
            "same model (Chroma's ONNX MiniLM function; same vectors within 1e-5, checked every run).",
            "- Warm `ask` latency: every evaluation-set question (conversations kept, follow-ups included) after an "
            "untimed warm-up pass of every arm, the query-vector cache emptied before each `ask`, interleaved with a "
            "vanilla retrieval of the same question and with the same vanilla search embedding the query by the "
            "assistant's ONNX embedder; the ratio to the latter is what the assistant adds over embedding and "
            "searching alone. Then the vanilla search and `ask` are each timed in passes of their own, alternating, "
            "on the same questions in the same order (one runtime's threads right after the other's slow it), and "
            "the goal's ratio compares those passes. Nothing caches a result on the question.",
            "- Cold start: a new `gpu-assistant ask` process per run with the index already built and the package "
            "byte-compiled (as `pip install` leaves it); its wall time, CPU time and peak RSS (`os.wait4`).",
            "- Load: the query-vector cache is emptied before each user count; repeated questions within a run may hit it, "
            "as they would in production.",
            "- Re-run with `python -m tools.bench` (about 3 minutes on 2 cores); `--quick` runs a subset in CI, "
            "where no timing is asserted.",
        ]
    )


def render(r: Results) -> str:
    """The whole report."""
    parts = [
        "# Benchmarks",
        "Generated by `python -m tools.bench`"
        + (" --quick (a CI subset: numbers are indicative only)" if r.quick else "")
        + f" on {r.machine['date']}. Do not edit by hand.",
    ]
    bodies = (
        _machine,
        _goals,
        _retrieval,
        _answers,
        _sizing,
        _local_speed,
        _speed,
        _load,
        _robustness,
        _missed,
    )
    for heading, body in zip(SECTIONS, bodies, strict=False):
        parts += [heading, body(r)]
    parts += [SECTIONS[-1], _method(r)]
    return "\n\n".join(parts) + "\n"
