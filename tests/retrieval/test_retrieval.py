"""Hybrid retrieval over the real corpus: exact GPU names, concepts, kind filters and scores."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from langchain_core.documents import Document

from assistant.retrieval._hybrid import HybridRetriever, tokenize

pytestmark = pytest.mark.slow


def test_tokenizer_keeps_hardware_names():
    tokens = tokenize("Mixtral-8x7B on an MI300X, A10G or L4 with FP8 and FlashAttention-2")
    for token in ("mixtral", "8x7b", "mixtral8x7b", "mi300x", "a10g", "l4", "fp8", "flashattention", "2"):
        assert token in tokens
    assert "gaudi3" in tokenize("Gaudi 3") and "3.1" in tokenize("Llama 3.1")


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("L4", "L4"),
        ("A10G", "A10G"),
        ("MI300X", "MI300X"),
        ("Gaudi 3", "Gaudi 3"),
        ("gaudi 2", "Gaudi 2"),
        ("how much memory does the H100 SXM have", "H100 SXM"),
    ],
)
def test_gpu_name_queries_put_that_gpu_first(retriever, query, name):
    hits = retriever.search(query, kinds=("gpu",))
    assert hits[0].metadata["name"] == name
    assert all(d.metadata["kind"] == "gpu" for d in hits)


def test_qlora_question_finds_the_qlora_guide(retriever):
    hits = retriever.search("what is QLoRA")
    assert any(d.metadata["kind"] == "guide" and "QLoRA" in d.metadata["title"] for d in hits[:3])


def test_kv_cache_finds_the_memory_or_serving_guide(retriever):
    hits = retriever.search("KV cache")
    assert hits[0].metadata["kind"] == "guide"
    assert any(s in hits[0].metadata["source"] for s in ("gpu-memory", "serving"))
    assert "kv cache" in hits[0].page_content.lower()


def test_kind_filter(retriever):
    for kinds in (("guide",), ("model",), ("gpu", "model")):
        hits = retriever.search("memory needed to serve Llama 3.1 70B on H100", kinds=kinds, k=6)
        assert hits and all(d.metadata["kind"] in kinds for d in hits)
    assert retriever.search("L4", kinds="gpu")[0].metadata["name"] == "L4"
    assert retriever.search("L4", kinds=()) == []
    filtered = HybridRetriever(store=retriever.store, documents=retriever.documents, kinds=("model",), k=2)
    hits = filtered.invoke("Mixtral 8x7B")
    assert len(hits) == 2 and hits[0].metadata["name"] == "Mixtral 8x7B"


def test_results_are_scored_copies(retriever):
    hits = retriever.invoke("which GPU for fine-tuning a 7B model")
    assert len(hits) == retriever.k
    assert all(isinstance(d, Document) and isinstance(d.metadata["score"], float) for d in hits)
    assert [d.metadata["score"] for d in hits] == sorted((d.metadata["score"] for d in hits), reverse=True)
    assert all("score" not in d.metadata for d in retriever.documents)
    assert retriever.search("A10G", k=7, kinds=("gpu",))[0].metadata["name"] == "A10G"
    assert len(retriever.search("A10G", k=7)) == 7
    assert retriever.search("   ") == []


def test_concurrent_searches_agree(retriever):
    queries = ["L4", "what is QLoRA", "KV cache", "MI300X"] * 4
    expected = {q: [d.metadata["doc_id"] for d in retriever.search(q)] for q in set(queries)}
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda q: (q, [d.metadata["doc_id"] for d in retriever.search(q)]), queries))
    assert all(ids == expected[q] for q, ids in results)


def test_keyword_scores_equal_rank_bm25s_value_for_value(catalog, models):
    """The inverted index gives BM25Okapi.get_scores' numbers exactly, on the real corpus."""
    import numpy as np
    from rank_bm25 import BM25Okapi

    from assistant.knowledge import corpus_dir
    from assistant.retrieval._documents import load_documents
    from assistant.retrieval._hybrid import _Keywords, tokenize

    corpus = [tokenize(d.page_content) for d in load_documents(corpus_dir(), catalog, models)]
    bm25 = BM25Okapi(corpus)
    keywords = _Keywords(bm25)
    for query in [
        "how much VRAM does a 70B model need with 8k context",
        "H100 SXM vs MI300X memory bandwidth",
        "gaudi 3 fp8",
        "zzz-not-a-word qlora",
        "",
    ]:
        terms = tokenize(query)
        assert np.array_equal(keywords.scores(terms), bm25.get_scores(terms)), query
