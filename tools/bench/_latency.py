"""Warm ``ask`` latency, as a ratio to vanilla retrieval latency measured in the same run.

Both sides embed every query afresh: the vanilla baseline calls the model directly (no cache) and
the assistant's query-vector cache is emptied before each question. The two are interleaved
question by question so that background load on the machine affects both alike.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from ._retrieval import forget_cached_queries
from ._stats import Latency

__all__ = ["WarmLatency", "conversations_of", "measure_warm_latency"]


@dataclass(frozen=True)
class WarmLatency:
    """Warm ask latency next to vanilla retrieval latency."""

    ask: Latency
    vanilla: Latency
    cache_cleared: bool

    @property
    def ratio_p50(self) -> float:
        """ask p50 / vanilla retrieval p50."""
        return self.ask.p50 / self.vanilla.p50

    @property
    def ratio_p95(self) -> float:
        """ask p95 / vanilla retrieval p95."""
        return self.ask.p95 / self.vanilla.p95


def conversations_of(cases: list[list[dict]]) -> list[list[str]]:
    """The questions of each evaluation conversation."""
    return [[turn["q"] for turn in conversation] for conversation in cases]


def measure_warm_latency(
    assistant,
    vanilla_search: Callable[[str], object],
    conversations: list[list[str]],
    *,
    passes: int = 1,
    ask: Callable[[str, str], object] | None = None,
) -> WarmLatency:
    """Time ``assistant.ask`` (uncached query vectors) and ``vanilla_search`` on every question."""
    embeddings = assistant.services.knowledge.retriever().store.embeddings
    ask = ask or (lambda question, conversation: assistant.ask(question, conversation_id=conversation))
    asks: list[float] = []
    vanilla: list[float] = []
    cleared = True
    for _ in range(passes):
        for conversation in conversations:
            conversation_id = uuid.uuid4().hex
            for question in conversation:
                start = time.perf_counter()
                vanilla_search(question)
                vanilla.append(time.perf_counter() - start)
                cleared &= forget_cached_queries(embeddings)
                start = time.perf_counter()
                ask(question, conversation_id)
                asks.append(time.perf_counter() - start)
    return WarmLatency(Latency.of(asks), Latency.of(vanilla), cleared)
