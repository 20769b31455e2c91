"""The benchmark's data and pure helpers: labels point at real documents, metrics and sizing rows add up."""

from __future__ import annotations

import math

import pytest

from assistant.knowledge import corpus_dir
from assistant.retrieval._documents import load_documents
from tools.bench._answers import pick_conversations
from tools.bench._retrieval import RetrievalQuery, check_labels, is_hit, load_queries, score
from tools.bench._sizing import load_references, sizing_rows
from tools.bench._stats import Latency, percentile


@pytest.fixture(scope="module")
def documents(catalog, models):
    return load_documents(corpus_dir(), catalog, models)


def test_retrieval_set_is_big_and_every_label_names_a_document(documents):
    queries = load_queries()
    assert len(queries) >= 60
    assert len({q.q for q in queries}) == len(queries)
    assert sum(q.from_eval for q in queries) >= 20
    check_labels(queries, documents)


def test_stale_label_is_reported(documents):
    with pytest.raises(ValueError, match="no-such-guide"):
        check_labels([RetrievalQuery("q", ("corpus/guides/no-such-guide.md",))], documents)


def test_hit_matches_whole_file_or_exact_record_only():
    assert is_hit("corpus/guides/quantization.md#what-is-nf4", ["corpus/guides/quantization.md"])
    assert is_hit("corpus/gpus.yaml#l4", ["corpus/gpus.yaml#l4"])
    assert not is_hit("corpus/gpus.yaml#l40s", ["corpus/gpus.yaml#l4"])
    assert not is_hit("corpus/guides/quantization.md.bak", ["corpus/guides/quantization.md"])


def test_score_counts_hits_and_reciprocal_ranks():
    queries = [RetrievalQuery("a", ("x",)), RetrievalQuery("b", ("y",)), RetrievalQuery("c", ("z",))]
    result = score("m", queries, [["x", "q", "r"], ["q", "q", "y"], ["q", "q", "q"]], [0.1, 0.2, 0.3])
    assert result.hit1 == pytest.approx(1 / 3)
    assert result.hit3 == pytest.approx(2 / 3)
    assert result.mrr == pytest.approx((1 + 1 / 3) / 3)
    assert result.misses == ("c",)


def test_percentiles():
    assert percentile([3, 1, 2], 50) == 2
    assert percentile([1, 2, 3, 4], 95) == pytest.approx(3.85)
    assert math.isnan(Latency.of([]).p50)


def test_conversation_subset_is_spread_and_bounded():
    conversations = [[{"q": str(i)}] for i in range(100)]
    picked = pick_conversations(conversations, 10)
    assert len(picked) == 10 and picked[0][0]["q"] == "0" and picked[-1][0]["q"] != "9"
    assert pick_conversations(conversations, None) is conversations


def test_sizing_rows_cover_every_cited_case(models, assumptions):
    references = load_references()
    rows = sizing_rows(models, assumptions, references)
    assert len(rows) == len(references["cases"]) >= 10
    kv = {row.case: row for row in rows if row.unit == "KiB/token"}
    assert sorted(row.ours for row in kv.values()) == [128, 320, 512]
    for row in rows:
        assert row.source and row.ours > 0
        assert set(row.rules) <= set(references["rules"])
    fp16 = next(row for row in rows if row.case == "Llama 2 70B weights, fp16")
    assert fp16.rules["serving"] == f"{float(fp16.rules['accelerate']) * 1.2:.1f}"
