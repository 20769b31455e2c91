"""For each missed goal: the profile that shows where the time (or the ranking) goes, and what was
tried, re-measured. Prototypes patch this process (or a child) only for the measurement."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ._coldstart import cold_ask_torch_modules, cold_profile
from ._diagnose import diagnose_misses
from ._load import run_load
from ._profile import ask_breakdown, profile_ask
from ._report import markdown_table
from ._results import OURS, Results, evaluate_goals
from ._retrieval import RetrievalQuery

__all__ = ["FixContext", "diagnose"]


@dataclass
class FixContext:
    """What the diagnostics need from the run."""

    assistant: object
    vanilla_search: object
    queries: list[RetrievalQuery]
    conversations: list[list[str]]
    data_dir: Path
    question: str
    load_questions: list[str]
    load_users: tuple[int, ...]
    load_per_user: int
    cold_runs: int


def _retrieval(r: Results, ctx: FixContext) -> str:
    retriever = ctx.assistant.services.knowledge.retriever()
    ours = r.method(OURS)
    rows = diagnose_misses(retriever, ctx.queries, ours.misses)
    table = markdown_table(
        ["missed query", "rank by names", "rank by BM25", "rank by vector", "returned"],
        [
            [d["query"], d["names"], d["bm25"], d["vector"], ", ".join(f"`{p}`" for p in d["returned"])]
            for d in rows
        ],
    )
    return (
        "### Retrieval\n\n"
        f"Profile: where each missed query's labelled document sits in the three rankings the hybrid retriever fuses "
        f"(top 20 of each):\n\n{table}\n\n"
        "Reciprocal-rank fusion with equal weights lets passages that BM25 and the vectors both rank moderately "
        "outscore the vector ranking's clear first hit when BM25 is off-topic (paraphrased questions with few shared "
        "words).\n\n"
        "The retriever already keeps the vector ranking's first hit in the top k (if fusion leaves it out, it "
        "takes the last slot); the queries above are what remains missed with that rule in place."
    )


def _ask_ratio(r: Results, ctx: FixContext) -> str:
    a = ctx.assistant
    questions = [q for conversation in ctx.conversations for q in conversation]
    breakdown = ask_breakdown(a, questions)
    profile = profile_ask(a, questions[: min(len(questions), 40)])
    table = markdown_table(
        ["step (median over the questions)", "ms"], [[k, f"{v:.1f}"] for k, v in breakdown.items()]
    )
    return (
        "### Warm `ask` latency\n\n"
        f"Profile: median time per step of an uncached `ask`, each step called directly, and the chain's own "
        f"overhead:\n\n{table}\n\n"
        "cProfile of the chain:\n\n```\n" + profile + "\n```\n\n"
        "The chain is three `RunnableLambda` steps (understand, gather, compose) with no per-question thread pools; "
        "the query is embedded in one long-lived background thread (one ONNX thread, no spinning) while the "
        "question is understood and planned (so the steps above, timed one after another, can add up to more "
        "than `ask`); plans build speed and cost only for the setups that can win, BM25 scores come from an "
        "inverted index and the vector query asks Chroma for ids only. What remains is shown per step above."
    )


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def _cold_start(r: Results, ctx: FixContext) -> str:
    steps = cold_profile(ctx.data_dir, ctx.question)
    table = markdown_table(
        ["step (fresh process, index present)", "seconds"], [[name, f"{s:.2f}"] for name, s in steps]
    )
    heavy = cold_ask_torch_modules(ctx.data_dir, ctx.question)
    return (
        "### Cold start\n\n"
        f"Profile: one cold first answer, step by step:\n\n{table}\n\n"
        "Queries are embedded by Chroma's ONNX MiniLM function over the export made with the index; a cold "
        "`ask` imported "
        + (
            ", ".join(f"`{m}`" for m in heavy)
            if heavy
            else "none of torch, sentence-transformers, transformers or Gradio"
        )
        + ". What remains is importing LangChain (with langsmith) and Chroma, reading the corpus, opening the "
        "index and loading the ONNX session."
    )


def _load_p95(r: Results, ctx: FixContext) -> str:
    base = next(run for run in r.load if run.users == max(u for u in ctx.load_users if u <= 10))
    again = run_load(ctx.assistant, [base.users], ctx.load_per_user, ctx.load_questions)[0]
    client_share = base.client_cpu_s / max(base.client_cpu_s + base.server_cpu_s, 1e-9)
    return (
        "### Load latency\n\n"
        f"Profile at {base.users} users: end-to-end p50 {base.latency.p50:.2f} s, of which {base.in_ask.p50 * 1000:.0f} ms "
        f"is inside `Assistant.ask` (its isolated warm p50 is {r.latency.ask.p50 * 1000:.0f} ms); the rest is waiting "
        "for a worker thread and HTTP work. CPU during the run: server "
        f"{base.server_cpu_s:.1f} s, load generator {base.client_cpu_s:.1f} s ({client_share:.0%} of the total) — the "
        "clients share the same 2 cores, so the server gets roughly half the machine.\n\n"
        f"Re-measured once more at {base.users} users: p95 {again.latency.p95:.2f} s, throughput "
        f"{again.throughput:.1f}/s, errors {again.errors}. Queries are embedded by onnxruntime (no torch on this "
        "path). With the load generator on the same 2 cores the remaining gap is mostly client-side CPU; a separate "
        "client machine is the fair test of the goal."
    )


def _load_errors(r: Results, ctx: FixContext) -> str:
    samples = [s for run in r.load for s in run.error_samples]
    return "### Load errors\n\n" + "\n".join(f"- `{s}`" for s in samples[:10])


def _generic(key: str):
    def describe(r: Results, ctx: FixContext) -> str:
        goal = next(g for g in evaluate_goals(r) if g.key == key)
        return (
            f"### {goal.goal}\n\nMeasured {goal.measured}; see the Speed and memory table for the breakdown."
        )

    return describe


_DIAGNOSTICS = {
    "hit3": _retrieval,
    "ahead": _retrieval,
    "ask_ratio": _ask_ratio,
    "cold_start": _cold_start,
    "rss": _cold_start,
    "load_p95": _load_p95,
    "load_errors": _load_errors,
    "reindex": _generic("reindex"),
}


def diagnose(r: Results, ctx: FixContext, log=print) -> dict[str, str]:
    """Markdown per missed goal (a diagnostic shared by two goals runs once)."""
    done: dict[object, str] = {}
    for goal in evaluate_goals(r):
        fn = _DIAGNOSTICS.get(goal.key)
        if goal.met or fn is None or fn in done:
            continue
        log(f"profiling missed goal: {goal.goal}")
        try:
            done[fn] = fn(r, ctx)
        except Exception as exc:  # a diagnostic must not lose the measurements already made
            done[fn] = f"### {goal.goal}\n\nThe profile could not be taken: {type(exc).__name__}: {exc}"
    return {getattr(fn, "__name__", str(fn)): text for fn, text in done.items()}
