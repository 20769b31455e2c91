"""The torch-free query path: Chroma's ONNX MiniLM function over a local export of the bundled model."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from assistant.retrieval._embeddings import (
    BundledEmbeddings,
    OnnxQueryEmbedder,
    _load_model,
    export_onnx,
    onnx_export_dir,
)

pytestmark = pytest.mark.slow

TEXTS = [
    "which gpu for 7b",
    "Can I serve Llama 3 70B on one L40S with 8k context and 20 users?",
    "How much does an H100 cost per hour on AWS, GCP or Azure — and is spot cheaper?",
    "H100",
    "word " * 400,  # longer than the model's 256-token window: both truncate the same way
]


@pytest.fixture(scope="module")
def export(tmp_path_factory) -> Path:
    return export_onnx(tmp_path_factory.mktemp("data") / "onnx-minilm")


def test_export_is_in_the_layout_chroma_reads_and_is_made_once(export):
    files = sorted(p.name for p in (export / "onnx").iterdir())
    assert files == sorted(
        [
            "config.json",
            "model.onnx",
            "special_tokens_map.json",
            "tokenizer.json",
            "tokenizer_config.json",
            "vocab.txt",
        ]
    )
    model = export / "onnx" / "model.onnx"
    before = model.stat().st_mtime_ns
    export_onnx(export)
    assert model.stat().st_mtime_ns == before
    assert not [p for p in export.iterdir() if p.name.startswith(".onnx-")]  # no staging left behind


def test_onnx_vectors_match_sentence_transformers_to_1e_5(export):
    reference = np.array(_load_model().embed_documents(TEXTS))
    onnx = np.array(OnnxQueryEmbedder(export).embed(TEXTS))
    assert onnx.shape == reference.shape == (len(TEXTS), 384)
    assert np.abs(onnx - reference).max() < 1e-5
    assert np.allclose(np.linalg.norm(onnx, axis=1), 1.0, atol=1e-5)


def test_queries_use_onnx_and_never_load_torch_model(export):
    embedder = BundledEmbeddings(onnx_root=export)
    vector = embedder.embed_query("which gpu for 7b")
    assert not embedder.loaded  # the sentence-transformers model was not needed
    assert np.abs(np.array(vector) - np.array(_load_model().embed_query("which gpu for 7b"))).max() < 1e-5


def test_without_an_export_queries_fall_back_to_sentence_transformers(tmp_path):
    embedder = BundledEmbeddings(onnx_root=tmp_path / "missing")
    embedder.embed_query("which gpu for 7b")
    assert embedder.loaded


def test_chromas_function_is_never_asked_to_download(export, monkeypatch):
    from chromadb.utils.embedding_functions.onnx_mini_lm_l6_v2 import ONNXMiniLM_L6_V2

    def refuse(*args, **kwargs):
        raise AssertionError("tried to download the ONNX model")

    monkeypatch.setattr(ONNXMiniLM_L6_V2, "_download", refuse)
    OnnxQueryEmbedder(export).embed(["no network"])


def test_cold_ask_with_an_index_present_imports_no_torch(assistant):
    """A fresh process answering from the session's index: no torch, sentence-transformers, Gradio, pandas..."""
    data_dir = assistant.settings.data_dir
    assert (onnx_export_dir(data_dir) / "onnx" / "model.onnx").is_file()  # made with the index
    script = (
        "import json, sys\n"
        "from assistant.frontends.cli import app\n"
        "try:\n"
        "    app(['ask', 'which gpu should I use to fine-tune a 7b model', '--plain'], standalone_mode=False)\n"
        "finally:\n"
        "    heavy = ['torch', 'sentence_transformers', 'transformers', 'gradio', 'langchain_huggingface',\n"
        "             'pandas', 'plotly', 'slack_bolt', 'fastapi']\n"
        "    print(json.dumps(sorted(m for m in heavy if m in sys.modules)), file=sys.stderr)\n"
    )
    root = str(Path(__file__).resolve().parents[2])
    path = os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH", "")) if p)
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(data_dir), "PYTHONPATH": path}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "GPU" in done.stdout or "gpu" in done.stdout.lower()
    assert json.loads(done.stderr.strip().splitlines()[-1]) == []
