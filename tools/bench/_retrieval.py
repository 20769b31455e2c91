"""Retrieval quality: hit@1, hit@3 and MRR@3 of our hybrid retriever against two vanilla baselines.

(a) LangChain + Chroma vector search with the same embedding model (default collection settings,
plain ``similarity_search``), (b) BM25 alone over whitespace tokens, (c) ``HybridRetriever.search``.
Every query's vector is computed afresh for every method, so the latencies compare like with like.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings

from ._paths import BENCH_DATA_DIR
from ._stats import Latency

__all__ = [
    "K",
    "MethodScore",
    "RetrievalQuery",
    "VanillaChroma",
    "check_labels",
    "forget_cached_queries",
    "is_hit",
    "load_queries",
    "run_retrieval",
    "score",
]

K = 3
RETRIEVAL_FILE = BENCH_DATA_DIR / "retrieval.yaml"


@dataclass(frozen=True)
class RetrievalQuery:
    """A query and the document paths that answer it."""

    q: str
    expected: tuple[str, ...]
    from_eval: bool = False


@dataclass(frozen=True)
class MethodScore:
    """One retrieval method's scores over the query set."""

    name: str
    hit1: float
    hit3: float
    mrr: float
    latency: Latency
    misses: tuple[str, ...]


def load_queries(path: Path | None = None) -> list[RetrievalQuery]:
    """The labelled queries of ``benchmarks/retrieval.yaml``."""
    document = yaml.safe_load((path or RETRIEVAL_FILE).read_text(encoding="utf-8"))
    queries = []
    for item in document["queries"]:
        expected = item["expected"]
        expected = (expected,) if isinstance(expected, str) else tuple(expected)
        queries.append(RetrievalQuery(item["q"], expected, item.get("from") == "eval"))
    return queries


def is_hit(path: str, expected: Sequence[str]) -> bool:
    """True when ``path`` is one of ``expected`` or a section under one (``file.md`` covers ``file.md#x``)."""
    return any(path == e or ("#" not in e and path.startswith(e + "#")) for e in expected)


def check_labels(queries: Sequence[RetrievalQuery], documents: Sequence[Document]) -> None:
    """Raise ValueError naming any expected path that matches no corpus document (a stale label)."""
    paths = [d.metadata.get("path", "") for d in documents]
    stale = sorted({e for q in queries for e in q.expected if not any(is_hit(p, (e,)) for p in paths)})
    if stale:
        raise ValueError(f"retrieval labels match no document: {stale}")


def forget_cached_queries(embeddings: Embeddings) -> bool:
    """Empty the bundled embedder's query-vector cache; False when it has none we know of."""
    cache = getattr(embeddings, "_cache", None)
    if cache is None or not hasattr(cache, "clear"):
        return False
    lock = getattr(embeddings, "_lock", None)
    if lock is None:
        cache.clear()
    else:
        with lock:
            cache.clear()
    return True


class _StoredVectors(Embeddings):
    """The model's passage vectors read back from our index (identical to re-embedding the same
    texts with the same model, minus ~20 s); queries are embedded afresh by the model, uncached."""

    def __init__(self, model: Embeddings, vectors: dict[str, list[float]]):
        self._model = model
        self._vectors = vectors

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        missing = [t for t in dict.fromkeys(texts) if t not in self._vectors]
        if missing:
            self._vectors.update(zip(missing, self._model.embed_documents(missing), strict=True))
        return [list(self._vectors[t]) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._model.embed_query(text)


class VanillaChroma:
    """Baseline (a): ``langchain_chroma.Chroma.from_documents`` in its own directory, default settings."""

    def __init__(self, documents: Sequence[Document], our_store, workdir: Path):
        from langchain_chroma import Chroma

        from assistant.retrieval._embeddings import (
            _load_model,  # the HuggingFaceEmbeddings itself: no query cache
        )

        stored = our_store.get(include=["embeddings", "documents"])
        vectors = {
            text: list(map(float, vector))
            for text, vector in zip(stored["documents"], stored["embeddings"], strict=True)
        }
        self.store = Chroma.from_documents(
            list(documents),
            embedding=_StoredVectors(_load_model(), vectors),
            collection_name="vanilla-baseline",
            persist_directory=str(workdir),
        )

    def search(self, query: str) -> list[Document]:
        """Plain vector search, top K."""
        return self.store.similarity_search(query, k=K)

    def search_by_vector(self, vector: list[float]) -> list[Document]:
        """The same search from a query vector embedded elsewhere."""
        return self.store.similarity_search_by_vector(vector, k=K)


class _Bm25:
    """Baseline (b): BM25Okapi over ``str.lower().split()`` tokens."""

    def __init__(self, documents: Sequence[Document]):
        from rank_bm25 import BM25Okapi

        self.documents = list(documents)
        self.bm25 = BM25Okapi([d.page_content.lower().split() for d in self.documents])

    def search(self, query: str) -> list[Document]:
        scores = self.bm25.get_scores(query.lower().split())
        best = sorted(range(len(scores)), key=lambda i: scores[i], reverse=True)[:K]
        return [self.documents[i] for i in best]


def score(
    name: str, queries: Sequence[RetrievalQuery], ranked: list[list[str]], seconds: list[float]
) -> MethodScore:
    """hit@1, hit@K and MRR@K of ``ranked`` (each query's returned paths, best first)."""
    hit1 = hit3 = rr = 0.0
    misses = []
    for query, paths in zip(queries, ranked, strict=True):
        ranks = [i for i, path in enumerate(paths[:K], start=1) if is_hit(path, query.expected)]
        hit1 += bool(ranks and ranks[0] == 1)
        hit3 += bool(ranks)
        rr += 1 / ranks[0] if ranks else 0.0
        if not ranks:
            misses.append(query.q)
    n = len(queries) or 1
    return MethodScore(name, hit1 / n, hit3 / n, rr / n, Latency.of(seconds), tuple(misses))


def run_retrieval(
    knowledge, queries: Sequence[RetrievalQuery], workdir: Path
) -> tuple[list[MethodScore], VanillaChroma]:
    """Score the three methods on ``queries``; also returns the vanilla baseline for the latency run."""
    documents = knowledge.documents()
    check_labels(queries, documents)
    ours = knowledge.retriever()
    vanilla = VanillaChroma(documents, ours.store, workdir)
    bm25 = _Bm25(documents)
    cache_owner = ours.store.embeddings

    def our_search(query: str) -> list[Document]:
        forget_cached_queries(cache_owner)
        return ours.search(query, k=K)

    methods: list[tuple[str, Callable[[str], list[Document]]]] = [
        ("LangChain + Chroma (vector only)", vanilla.search),
        ("BM25 only", bm25.search),
        ("gpu-assistant hybrid", our_search),
    ]
    ranked: dict[str, list[list[str]]] = {name: [] for name, _ in methods}
    seconds: dict[str, list[float]] = {name: [] for name, _ in methods}
    for query in queries:  # interleaved, so background load affects every method alike
        for name, search in methods:
            start = time.perf_counter()
            docs = search(query.q)
            seconds[name].append(time.perf_counter() - start)
            ranked[name].append([d.metadata.get("path", "") for d in docs])
    return [score(name, queries, ranked[name], seconds[name]) for name, _ in methods], vanilla
