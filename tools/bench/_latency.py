"""Warm ``ask`` latency, as a ratio to vanilla retrieval latency measured in the same run.

Every question is asked three ways, interleaved question by question so that background load on the
machine affects all alike, each embedding its query afresh (the assistant's query-vector cache is
emptied before each ``ask``; no result is cached on the question anywhere):

* vanilla retrieval: LangChain + Chroma ``similarity_search`` whose query vector comes from
  ``HuggingFaceEmbeddings`` (sentence-transformers on torch), as a LangChain user would write it;
* the same vanilla search with the query embedded by the assistant's own ONNX embedder, so the ratio
  to it is the assistant's overhead over retrieval alone (what it adds beyond embed + search);
* ``Assistant.ask``.

The run also checks that the ONNX query vectors equal sentence-transformers' (max |Δ| over the questions).

Interleaving has one unfairness: right after one runtime's run, its threads can keep spinning and slow
the other (measured here: a sentence-transformers query embed took 9 ms alone, 33 ms right after an ONNX
run with onnxruntime's default spinning pool), and torch's OpenMP threads can likewise slow the ``ask``
that follows them. So, after a warm-up pass of both, each arm is also timed in passes of its own, the
same questions in the same order, vanilla and ``ask`` passes alternating so that drifting background load
affects both alike; the goal's ratio compares those two (ask alone / vanilla alone). The interleaved
figures are reported beside them.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from ._retrieval import forget_cached_queries
from ._stats import Latency

__all__ = ["WarmLatency", "conversations_of", "latency_rows", "measure_warm_latency", "query_vector_delta"]


@dataclass(frozen=True)
class WarmLatency:
    """Warm ask latency next to vanilla retrieval latency (and vanilla with the assistant's embedder)."""

    ask: Latency
    vanilla: Latency
    cache_cleared: bool
    same_embedder: Latency | None = None  # vanilla search, query embedded by the assistant's ONNX embedder
    vanilla_alone: Latency | None = None  # the vanilla search in a pass of its own (no onnxruntime beside it)
    ask_alone: Latency | None = (
        None  # ask in passes of its own (no torch beside it), alternating with vanilla's
    )
    vector_delta: float | None = None  # max |ONNX - sentence-transformers| over the questions' vectors
    vector_questions: int = 0

    @property
    def baseline(self) -> Latency:
        """The vanilla timing the goal is judged on: its own pass when measured, else the interleaved one."""
        return self.vanilla_alone or self.vanilla

    @property
    def judged(self) -> Latency:
        """The ask timing the goal is judged on: its own passes when measured, else the interleaved one."""
        return self.ask_alone or self.ask

    @property
    def ratio_p50(self) -> float:
        """ask p50 / vanilla retrieval p50 (each from its own passes when measured)."""
        return self.judged.p50 / self.baseline.p50

    @property
    def ratio_p95(self) -> float:
        """ask p95 / vanilla retrieval p95 (each from its own passes when measured)."""
        return self.judged.p95 / self.baseline.p95

    @property
    def overhead_ratio_p50(self) -> float | None:
        """ask p50 / p50 of the vanilla search embedding with the assistant's ONNX embedder."""
        return self.ask.p50 / self.same_embedder.p50 if self.same_embedder else None


def conversations_of(cases: list[list[dict]]) -> list[list[str]]:
    """The questions of each evaluation conversation."""
    return [[turn["q"] for turn in conversation] for conversation in cases]


def _onnx(embeddings):
    """The assistant's ONNX query embedder (None when it answers queries with sentence-transformers)."""
    get = getattr(embeddings, "_get_onnx", None)
    return get() if get is not None else None


def measure_warm_latency(
    assistant,
    vanilla_search: Callable[[str], object],
    conversations: list[list[str]],
    *,
    passes: int = 1,
    ask: Callable[[str, str], object] | None = None,
    vanilla_by_vector: Callable[[list[float]], object] | None = None,
) -> WarmLatency:
    """Time ``assistant.ask`` (uncached query vectors), ``vanilla_search`` and, given
    ``vanilla_by_vector`` (the same vanilla search from a vector), that search with the query embedded by
    the assistant's ONNX embedder, on every question."""
    embeddings = assistant.services.knowledge.retriever().store.embeddings
    onnx = _onnx(embeddings) if vanilla_by_vector is not None else None
    ask = ask or (lambda question, conversation: assistant.ask(question, conversation_id=conversation))
    asks: list[float] = []
    vanilla: list[float] = []
    same: list[float] = []
    cleared = True
    for conversation in conversations:  # warm-up: every arm once on every question, untimed
        conversation_id = uuid.uuid4().hex
        for question in conversation:
            vanilla_search(question)
            if onnx is not None:
                vanilla_by_vector(onnx.embed([question])[0])
            cleared &= forget_cached_queries(embeddings)
            ask(question, conversation_id)
    for _ in range(passes):
        for conversation in conversations:
            conversation_id = uuid.uuid4().hex
            for question in conversation:
                start = time.perf_counter()
                vanilla_search(question)
                vanilla.append(time.perf_counter() - start)
                if onnx is not None:
                    start = time.perf_counter()
                    vanilla_by_vector(onnx.embed([question])[0])
                    same.append(time.perf_counter() - start)
                cleared &= forget_cached_queries(embeddings)
                start = time.perf_counter()
                ask(question, conversation_id)
                asks.append(time.perf_counter() - start)
    questions = [q for conversation in conversations for q in conversation]
    alone: list[float] = []
    asks_alone: list[float] = []
    for _ in range(passes):  # each arm in a pass of its own, alternating
        for question in questions:
            start = time.perf_counter()
            vanilla_search(question)
            alone.append(time.perf_counter() - start)
        for conversation in conversations:
            conversation_id = uuid.uuid4().hex
            for question in conversation:
                cleared &= forget_cached_queries(embeddings)
                start = time.perf_counter()
                ask(question, conversation_id)
                asks_alone.append(time.perf_counter() - start)
    delta = query_vector_delta(embeddings, questions) if onnx is not None else None
    return WarmLatency(
        Latency.of(asks),
        Latency.of(vanilla),
        cleared,
        same_embedder=Latency.of(same) if same else None,
        vanilla_alone=Latency.of(alone),
        ask_alone=Latency.of(asks_alone),
        vector_delta=delta,
        vector_questions=len(questions) if delta is not None else 0,
    )


def query_vector_delta(embeddings, questions: list[str]) -> float | None:
    """Max |Δ| between the ONNX query vectors and sentence-transformers' for ``questions``; None without ONNX."""
    import numpy as np

    from assistant.retrieval._embeddings import _load_model

    onnx = _onnx(embeddings)
    if onnx is None or not questions:
        return None
    reference = np.array(_load_model().embed_documents(list(questions)))
    ours = np.array(onnx.embed(list(questions)))
    return float(np.abs(ours - reference).max())


def latency_rows(lat: WarmLatency, goal: float) -> list[list[str]]:
    """The warm-latency rows of the report's speed table."""

    def ms(seconds: float) -> str:
        return f"{seconds * 1000:.1f} ms"

    rows = [
        [
            "warm `ask` (uncached query vector)" + (", interleaved" if lat.ask_alone else ""),
            f"p50 {ms(lat.ask.p50)}, p95 {ms(lat.ask.p95)} (n={lat.ask.n})",
        ],
        *(
            [
                [
                    "the same warm `ask` in passes of its own",
                    f"p50 {ms(lat.ask_alone.p50)}, p95 {ms(lat.ask_alone.p95)} (n={lat.ask_alone.n})",
                ]
            ]
            if lat.ask_alone
            else []
        ),
        [
            "vanilla retrieval (LangChain + Chroma `similarity_search`, query embedded by `HuggingFaceEmbeddings`), "
            "interleaved",
            f"p50 {ms(lat.vanilla.p50)}, p95 {ms(lat.vanilla.p95)} (the other runtime's threads run beside it)",
        ],
        *(
            [
                [
                    "the same vanilla retrieval in a pass of its own",
                    f"p50 {ms(lat.vanilla_alone.p50)}, p95 {ms(lat.vanilla_alone.p95)}",
                ]
            ]
            if lat.vanilla_alone
            else []
        ),
        [
            "ratio ask / vanilla"
            + (" (each in its own passes)" if lat.ask_alone and lat.vanilla_alone else ""),
            f"p50 {lat.ratio_p50:.2f}×, p95 {lat.ratio_p95:.2f}× (goal p50 ≤ {goal}×)",
        ],
    ]
    if lat.same_embedder is not None:
        rows += [
            [
                "the same vanilla search, query embedded by the assistant's ONNX embedder",
                f"p50 {ms(lat.same_embedder.p50)}, p95 {ms(lat.same_embedder.p95)}",
            ],
            [
                "ratio ask / that search (the assistant's own overhead over embed + search)",
                f"p50 {lat.overhead_ratio_p50:.2f}× (+{ms(lat.ask.p50 - lat.same_embedder.p50)} at p50)",
            ],
        ]
    if lat.vector_delta is not None:
        rows.append([
            "query vectors: ONNX export vs sentence-transformers",
            f"largest difference {lat.vector_delta:.1e} over {lat.vector_questions} questions (goal ≤ 1e-5)",
        ])  # fmt: skip
    return rows
