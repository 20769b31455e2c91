"""The corpus as Documents: one per GPU and model spec, guide sections with heading paths."""

from __future__ import annotations

import re
from collections import Counter

from assistant.knowledge import corpus_dir
from assistant.retrieval._documents import load_documents, slugify

METADATA_KEYS = {"kind", "title", "path", "source", "name", "doc_id", "content_hash", "references", "aliases"}


def _of_kind(documents, kind):
    return [d for d in documents if d.metadata["kind"] == kind]


def test_kinds_and_counts(documents, catalog, models):
    kinds = Counter(d.metadata["kind"] for d in documents)
    assert set(kinds) == {"guide", "gpu", "model"}
    assert [d.metadata["name"] for d in _of_kind(documents, "gpu")] == catalog.names
    assert [d.metadata["name"] for d in _of_kind(documents, "model")] == models.names
    guide_files = {p.name for p in (corpus_dir() / "guides").glob("*.md")}
    assert {d.metadata["source"].rsplit("/", 1)[-1] for d in _of_kind(documents, "guide")} == guide_files


def test_metadata_is_complete_and_chroma_safe(documents):
    for doc in documents:
        assert set(doc.metadata) == METADATA_KEYS, doc.metadata
        assert all(isinstance(v, str | int | float | bool) for v in doc.metadata.values())
        assert doc.metadata["title"] and doc.metadata["path"] and doc.metadata["source"]
        assert re.fullmatch(r"[0-9a-f]{64}", doc.metadata["content_hash"])
        assert doc.id == doc.metadata["doc_id"]


def test_doc_ids_are_unique_and_stable(documents, catalog, models):
    ids = [d.metadata["doc_id"] for d in documents]
    assert len(ids) == len(set(ids))
    again = load_documents(corpus_dir(), catalog, models)
    assert [(d.metadata["doc_id"], d.metadata["content_hash"]) for d in again] == [
        (d.metadata["doc_id"], d.metadata["content_hash"]) for d in documents
    ]


def test_gpu_documents(documents, catalog):
    by_name = {d.metadata["name"]: d for d in _of_kind(documents, "gpu")}
    h100 = by_name["H100 SXM"]
    assert h100.metadata["path"] == "corpus/gpus.yaml#h100-sxm"
    assert h100.metadata["doc_id"] == "gpu:h100-sxm"
    assert h100.metadata["source"] == catalog.by_name("H100 SXM").spec_source
    for gpu in catalog:
        text = by_name[gpu.name].page_content
        assert text.startswith(gpu.name)
        assert not re.search(r"\bNone\b|\bnan\b|\bNaN\b", text), (
            gpu.name
        )  # Python None or NaN leaking in; prose "none" is fine
        assert f"{gpu.memory_gb:g} GB" in text
        assert "FlashAttention-2: " + ("yes" if gpu.flash_attention_2 else "no") in text
        if gpu.price is None:
            assert "price unknown" in text
        else:
            assert f"${gpu.price.typical:.2f}" in text and gpu.price.as_of.isoformat() in text
        if gpu.fp16_tflops is None:
            assert "throughput: unknown" in text


def test_model_documents(documents, models):
    by_name = {d.metadata["name"]: d for d in _of_kind(documents, "model")}
    for spec in models:
        doc = by_name[spec.name]
        assert doc.metadata["path"] == f"corpus/models.yaml#{slugify(spec.name)}"
        assert doc.metadata["source"] == spec.source
        assert f"KV cache per token at FP16: {spec.kv_values_per_token * 2} bytes" in doc.page_content
        assert f"Layers: {spec.layers}." in doc.page_content
        if spec.is_moe:
            assert "active per token" in doc.page_content


def test_guide_sections(documents):
    guides = _of_kind(documents, "guide")
    for doc in guides:
        path, _, anchor = doc.metadata["path"].partition("#")
        assert path.startswith("corpus/guides/") and path.endswith(".md") and anchor
        assert doc.metadata["name"] == ""
        assert " — " in doc.metadata["title"]
        assert doc.page_content.startswith(doc.metadata["title"] + "\n\n")
        assert not doc.metadata["title"].endswith(("Sources", "References"))
        assert not doc.page_content.lstrip().startswith("- ")
    qlora = [d for d in guides if "QLoRA" in d.metadata["title"]]
    assert qlora, "expected a guide section about QLoRA"


def test_sources_are_kept_as_references(documents):
    tvi = [d for d in documents if d.metadata["source"] == "corpus/guides/training-vs-inference.md"]
    assert tvi
    assert all("arxiv.org/abs/1910.02054" in d.metadata["references"] for d in tvi)
    assert all("arxiv.org/abs/1910.02054" not in d.page_content for d in tvi)
