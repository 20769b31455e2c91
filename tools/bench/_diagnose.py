"""Why the hybrid retriever misses a query: where the expected document sits in each ranking it fuses,
and a prototype of the fix (keep the vector ranking's best match in the top k), re-measured."""

from __future__ import annotations

from collections.abc import Sequence

from ._retrieval import K, RetrievalQuery, is_hit

__all__ = ["diagnose_misses"]

_DEPTH = 20


def _rank(docs, expected) -> str:
    for i, doc in enumerate(docs, start=1):
        if is_hit(doc.metadata.get("path", ""), expected):
            return str(i)
    return f"not in its {len(docs)}" if docs else "nothing listed"


def diagnose_misses(retriever, queries: Sequence[RetrievalQuery], misses: Sequence[str]) -> list[dict]:
    """For each missed query: the expected document's rank in the name, BM25 and vector rankings."""
    by_text = {q.q: q for q in queries}
    rows = []
    for text in misses:
        query = by_text[text]
        names = retriever._name_ranking(text, None)
        keywords = retriever._keyword_ranking(text, None, _DEPTH)
        vectors = retriever._vector_ranking(text, None, _DEPTH)
        top = [d.metadata.get("path", "").split("/")[-1] for d in retriever.search(text, k=K)]
        rows.append({
            "query": text,
            "names": _rank(names, query.expected),
            "bm25": _rank(keywords, query.expected),
            "vector": _rank(vectors, query.expected),
            "returned": top,
        })  # fmt: skip
    return rows
