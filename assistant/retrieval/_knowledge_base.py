"""The knowledge base: corpus documents, their Chroma index and the hybrid retriever, built on first use."""

from __future__ import annotations

import sys
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from langchain_core.documents import Document

    from .._settings import Settings
    from ..knowledge._catalog import Catalog
    from ..knowledge._models import ModelSpecs
    from ._hybrid import HybridRetriever
    from ._index import IndexStats

__all__ = ["KnowledgeBase"]


class KnowledgeBase:
    """Loads the corpus documents and keeps the index in step with them, lazily and once."""

    def __init__(
        self, settings: Settings, catalog: Catalog, models: ModelSpecs, *, progress: bool | None = None
    ):
        self._settings = settings
        self._catalog = catalog
        self._models = models
        self._progress = sys.stderr.isatty() if progress is None else progress
        self._lock = threading.Lock()
        self._retriever: HybridRetriever | None = None
        self.last_sync: IndexStats | None = None

    def documents(self) -> list[Document]:
        """Every document the corpus yields (guide sections, one per GPU, one per model)."""
        from ._documents import load_documents

        return load_documents(self._settings.corpus_dir, self._catalog, self._models)

    def sync(self, *, rebuild: bool = False) -> IndexStats:
        """Bring the index up to date with the corpus (only changed documents are embedded)."""
        with self._lock:
            self._retriever = None
            return self._open(rebuild=rebuild)[1]

    def retriever(self) -> HybridRetriever:
        """The hybrid retriever, building or refreshing the index on first use."""
        with self._lock:
            if self._retriever is None:
                self._open(rebuild=False)
            return self._retriever

    def search(self, query: str, *, kinds: Sequence[str] | None = None, k: int = 4) -> list[Document]:
        """Top passages for ``query``."""
        return self.retriever().search(query, kinds=kinds, k=k)

    def _open(self, *, rebuild: bool):
        from ._embeddings import bundled_embeddings, onnx_export_dir
        from ._hybrid import HybridRetriever
        from ._index import sync_index
        from ._vectorstore import open_vector_store

        documents = self.documents()
        embeddings = bundled_embeddings(onnx_export_dir(self._settings.data_dir))
        store = open_vector_store(self._settings, embeddings)
        with _BuildProgress(enabled=self._progress) as progress:
            stats = sync_index(store, documents, rebuild=rebuild, report=progress.embedded)
            # Once per data directory: the ONNX copy of the model that answers queries without torch.
            if (
                embeddings.onnx_root is not None
                and not (embeddings.onnx_root / "onnx" / "model.onnx").is_file()
            ):
                progress.phase("Saving the query model (ONNX, once)")
            embeddings.ensure_onnx_export()
        self.last_sync = stats
        self._retriever = HybridRetriever(store=store, documents=documents)
        return self._retriever, stats


class _BuildProgress:
    """One progress display over a whole index build: loading the model, embedding, saving the ONNX copy.

    Shown only when something is embedded: a rich bar on a terminal, otherwise one line on stderr at
    the start and one at the end (so a piped `index --rebuild` is never silent for a minute).
    """

    def __init__(self, *, enabled: bool):
        self._enabled = enabled
        self._bar = None
        self._task = None
        self._started = False

    def __enter__(self) -> _BuildProgress:
        return self

    def embedded(self, done: int, total: int) -> None:
        if not self._started:
            self._start(total)
        if self._bar is not None:
            self._bar.update(self._task, completed=done, description="Embedding passages")

    def phase(self, description: str) -> None:
        if self._bar is not None:
            self._bar.update(self._task, description=description)
        elif self._started:
            print(f"{description}…", file=sys.stderr, flush=True)

    def _start(self, total: int) -> None:
        self._started = True
        if self._enabled:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            columns = (
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
            )
            self._bar = Progress(*columns, transient=False)
            self._bar.start()
            self._task = self._bar.add_task("Loading the embedding model", total=total)
        else:
            print(
                f"Building the search index: embedding {total} passages (the first run takes about a minute)…",
                file=sys.stderr,
                flush=True,
            )

    def __exit__(self, *exc_info) -> None:
        if self._bar is not None:
            self._bar.update(self._task, description="Search index ready")
            self._bar.stop()
        elif self._started:
            print("Search index ready.", file=sys.stderr, flush=True)
