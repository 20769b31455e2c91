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
        stats = sync_index(store, documents, rebuild=rebuild, progress=self._progress)
        # Once per data directory: the ONNX copy of the model that answers queries without torch.
        embeddings.ensure_onnx_export()
        self.last_sync = stats
        self._retriever = HybridRetriever(store=store, documents=documents)
        return self._retriever, stats
