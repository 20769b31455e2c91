"""BGE-M3, the multilingual embedding model, has a row of its own (568M parameters, the model card): asked about by
name, it was answered with bge-large-en-v1.5's 335M figure. Phrasings of our own, in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.knowledge._workloads import load_workloads


@pytest.mark.parametrize(
    "text", ["embedding with BAAI/bge-m3 on a T4", "bge-m3 vram?", "running bge m3 under TEI"]
)
def test_bge_m3_is_its_own_row(text):
    found = load_workloads().find_in_text(text)
    assert found and found[0].name == "bge-m3"
    assert found[0].params_m == 568


def test_the_reranker_of_the_same_backbone_stays_the_reranker():
    found = load_workloads().find_in_text("serving bge-reranker-v2-m3 next to it")
    assert found and found[0].name == "bge-reranker-v2-m3"


@pytest.mark.parametrize(
    ("text", "name", "params_m"),
    [
        ("encoding passages with intfloat/e5-large-v2", "e5-large-v2", 335),
        ("is multilingual-e5-large ok on a t4", "multilingual-e5-large", 560),
    ],
)
def test_the_e5_embedding_models_have_rows(text, name, params_m):
    found = load_workloads().find_in_text(text)
    assert found and found[0].name == name
    assert found[0].params_m == params_m
