"""Retrieval: corpus prose as documents, the bundled embedder, the Chroma seam, the index and hybrid search."""

from ._documents import load_documents
from ._hybrid import HybridRetriever, covers_question
from ._index import IndexStats, sync_index
from ._knowledge_base import KnowledgeBase
from ._vectorstore import VectorStoreUnavailable, open_vector_store

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
