"""Retrieval: corpus prose as documents, the bundled embedder, the Chroma seam, the index and hybrid search.

Names are imported on first use (see ``assistant._lazy``): LangChain and Chroma load only when a
caller needs documents, the index or a search.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_exports

if TYPE_CHECKING:
    from ._documents import load_documents
    from ._hybrid import HybridRetriever, covers_question
    from ._index import IndexStats, sync_index
    from ._knowledge_base import KnowledgeBase
    from ._vectorstore import VectorStoreUnavailable, open_vector_store

_WHERE = {
    "HybridRetriever": "._hybrid",
    "IndexStats": "._index",
    "KnowledgeBase": "._knowledge_base",
    "VectorStoreUnavailable": "._vectorstore",
    "covers_question": "._hybrid",
    "load_documents": "._documents",
    "open_vector_store": "._vectorstore",
    "sync_index": "._index",
}

__all__ = [
    "HybridRetriever",
    "IndexStats",
    "KnowledgeBase",
    "VectorStoreUnavailable",
    "covers_question",
    "load_documents",
    "open_vector_store",
    "sync_index",
]

__getattr__, __dir__ = lazy_exports(__name__, _WHERE, __all__)
