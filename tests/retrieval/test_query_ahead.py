"""A query vector computed ahead (while the question is understood) changes nothing in what is found."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from assistant.retrieval._embeddings import BundledEmbeddings

QUERIES = [
    ("how does tensor parallelism split a model across cards", None),
    ("what is the memory bandwidth of the MI300X", ("gpu",)),
    ("paged attention and the KV cache when serving many users", ("guide", "gpu")),
]


@pytest.mark.parametrize(("query", "kinds"), QUERIES)
def test_search_with_a_vector_given_finds_what_it_finds_unaided(retriever, query, kinds):
    vector = retriever.store.embeddings.embed_query(query)
    unaided = retriever.search(query, kinds=kinds, k=4)
    given = retriever.search(query, kinds=kinds, k=4, vector=vector)
    assert [(d.id, d.metadata["score"]) for d in given] == [(d.id, d.metadata["score"]) for d in unaided]


class _CountingModel:
    """Stands in for the embedding model (it counts runs; the vector is made up, the test only compares runs)."""

    def __init__(self):
        self.runs = 0
        self.started = threading.Event()

    def embed(self, texts):
        self.runs += 1
        self.started.set()
        time.sleep(0.2)  # long enough for the second caller to arrive while the first run is going on
        return [[float(len(t))] * 3 for t in texts]


def test_two_callers_asking_for_one_text_at_once_share_one_run():
    embedder = BundledEmbeddings(cache_size=0)  # no cache: only the in-flight run can be shared
    model = _CountingModel()
    embedder._onnx = model
    with ThreadPoolExecutor(2) as pool:
        first = pool.submit(embedder.embed_query, "which gpu for a 13b model")
        model.started.wait(5)
        second = pool.submit(embedder.embed_query, "which gpu for a 13b model")
        assert first.result() == second.result()
    assert model.runs == 1
    embedder.embed_query("which gpu for a 13b model")  # nothing in flight any more: a new run
    assert model.runs == 2


def test_a_failed_run_reaches_every_waiter_and_is_not_kept():
    embedder = BundledEmbeddings(cache_size=0)

    class Broken(_CountingModel):
        def embed(self, texts):
            super().embed(texts)
            raise RuntimeError("model crashed")

    embedder._onnx = Broken()
    with ThreadPoolExecutor(2) as pool:
        first = pool.submit(embedder.embed_query, "h100 price")
        embedder._onnx.started.wait(5)
        second = pool.submit(embedder.embed_query, "h100 price")
        for future in (first, second):
            with pytest.raises(RuntimeError, match="model crashed"):
                future.result()
    assert embedder._pending == {}
