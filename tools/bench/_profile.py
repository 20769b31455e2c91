"""Where warm ``ask`` time goes (used when the warm-latency goal is missed): the median of each stage
called directly, the chain's own overhead (``ask`` less the stages), and a cProfile of uncached asks.

The chain is three ``RunnableLambda`` steps (understand, gather, compose) run in the calling thread;
query vectors come from the ONNX embedder, its cache emptied before each measured call. Inside ``ask`` the
query is embedded in a background thread while the question is understood and planned, so the steps,
timed one after another here, can add up to more than ``ask`` (a negative chain overhead is that overlap).
"""

from __future__ import annotations

import cProfile
import io
import pstats
import re
import statistics
import time

from ._retrieval import forget_cached_queries

__all__ = ["ask_breakdown", "profile_ask"]

_PREFIX = re.compile(r"\S*/(?:site-packages|lib/python3\.\d+|main)/")


def ask_breakdown(assistant, questions: list[str]) -> dict[str, float]:
    """Median milliseconds of each step of an uncached ``ask``, and of the chain's own overhead."""
    embeddings = assistant.services.knowledge.retriever().store.embeddings
    steps: dict[str, list[float]] = {
        k: [] for k in ("understand", "facts", "embed query", "retrieve (rest)", "compose", "ask")
    }
    for question in questions:
        state: dict = {"question": question, "conversation_id": None}
        start = time.perf_counter()
        state["understanding"] = assistant._understand(state)
        state["handler"] = assistant._handler(state)
        steps["understand"].append(time.perf_counter() - start)
        start = time.perf_counter()
        state["facts"] = assistant._facts(state)
        steps["facts"].append(time.perf_counter() - start)
        forget_cached_queries(embeddings)
        start = time.perf_counter()
        embeddings.embed_query(question)
        embed = time.perf_counter() - start
        forget_cached_queries(embeddings)
        start = time.perf_counter()
        state["passages"] = assistant._retrieve(state) or []
        steps["embed query"].append(embed)
        steps["retrieve (rest)"].append(max(0.0, time.perf_counter() - start - embed))
        start = time.perf_counter()
        state["handler"].compose(state["facts"], state["passages"])
        steps["compose"].append(time.perf_counter() - start)
        forget_cached_queries(embeddings)
        start = time.perf_counter()
        assistant.ask(question)
        steps["ask"].append(time.perf_counter() - start)
    ms = {k: statistics.median(v) * 1000 for k, v in steps.items()}
    ms["chain overhead (ask − steps)"] = ms["ask"] - sum(v for k, v in ms.items() if k != "ask")
    return ms


def profile_ask(assistant, questions: list[str], top: int = 14) -> str:
    """cProfile of uncached ``ask`` calls (calling thread), top functions by cumulative time."""
    embeddings = assistant.services.knowledge.retriever().store.embeddings
    profiler = cProfile.Profile()
    for question in questions:
        forget_cached_queries(embeddings)
        profiler.enable()
        assistant.ask(question)
        profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(r"(langchain_core|threading|concurrent|assistant)", top)
    lines = [line.rstrip() for line in out.getvalue().splitlines() if line.strip()]
    start = next((i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls")), 0)
    return "\n".join(_shorten(line) for line in lines[start:])


def _shorten(line: str) -> str:
    return _PREFIX.sub("", line)
