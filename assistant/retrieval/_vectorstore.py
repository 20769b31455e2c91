"""The vector store seam: an embedded Chroma under ``data_dir`` or a Chroma server (``chroma run``)."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from langchain_chroma import Chroma
    from langchain_core.embeddings import Embeddings

    from .._settings import Settings

from .._errors import ServiceUnavailable

__all__ = ["VectorStoreUnavailable", "open_vector_store"]

log = logging.getLogger("assistant.retrieval")

# Cosine distance on normalised MiniLM vectors; read back by langchain_chroma's relevance scoring.
_COLLECTION_CONFIGURATION = {"hnsw": {"space": "cosine"}}


class VectorStoreUnavailable(ServiceUnavailable):
    """The Chroma server named by CHROMA_HOST / CHROMA_PORT cannot be reached."""


def open_vector_store(settings: Settings, embeddings: Embeddings) -> Chroma:
    """Open (creating if needed) the collection, embedded by default or on a Chroma server."""
    os.environ["ANONYMIZED_TELEMETRY"] = "False"
    import chromadb
    from chromadb.config import Settings as ChromaSettings
    from langchain_chroma import Chroma

    client_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_host:
        where = f"{settings.chroma_host}:{settings.chroma_port}"
        try:
            # chromadb's client waits forever (its httpx session has no timeout) and already talks to the
            # server while it is being built: check the server within the deadline first, then bound the
            # session the client keeps for every later call.
            _heartbeat(settings.chroma_host, settings.chroma_port, settings.chroma_timeout_s)
            client = chromadb.HttpClient(
                host=settings.chroma_host, port=settings.chroma_port, settings=client_settings
            )
            _bound_requests(client, settings.chroma_timeout_s)
            client.heartbeat()
            return _store(Chroma, client, settings.collection, embeddings)
        except Exception as exc:
            raise VectorStoreUnavailable(
                f"cannot reach the Chroma server at {where} ({exc}). Start one with "
                f"`chroma run --path data/chroma --port {settings.chroma_port}`, "
                "or unset CHROMA_HOST to use the embedded store."
            ) from exc
    path = settings.data_dir / "chroma"
    if path.is_dir() and not os.access(path, os.W_OK):
        path = _working_copy(path)
    path.mkdir(parents=True, exist_ok=True)
    client = chromadb.PersistentClient(path=str(path), settings=client_settings)
    return _store(Chroma, client, settings.collection, embeddings)


def _working_copy(path: Path) -> Path:
    """A private copy of a read-only embedded index (Chroma writes to its files even to read them).

    The copy lives in a temporary directory removed at exit; a complete index is only read, so the copy
    never diverges from the original.
    """
    import atexit
    import shutil
    import tempfile

    scratch = Path(tempfile.mkdtemp(prefix="gpu-assistant-index-"))
    atexit.register(shutil.rmtree, scratch, ignore_errors=True)
    copy = scratch / "chroma"
    shutil.copytree(path, copy)
    log.warning("%s is read-only; searching a private copy of the index in %s", path, copy)
    return copy


def _heartbeat(host: str, port: int, timeout_s: float) -> None:
    import httpx

    response = httpx.get(f"http://{host}:{port}/api/v2/heartbeat", timeout=timeout_s)
    response.raise_for_status()


def _bound_requests(client, timeout_s: float) -> None:
    """Give the chromadb client's HTTP session connect and read timeouts (it has none of its own)."""
    import httpx

    session = getattr(getattr(client, "_server", None), "_session", None)
    if not isinstance(session, httpx.Client):
        raise RuntimeError("this chromadb client has no httpx session to bound; pin a chromadb that does")
    session.timeout = httpx.Timeout(timeout_s)


def _store(chroma_cls: type[Chroma], client, collection: str, embeddings: Embeddings) -> Chroma:
    return chroma_cls(
        client=client,
        collection_name=collection,
        embedding_function=embeddings,
        collection_configuration=_COLLECTION_CONFIGURATION,
    )
