"""Retrieval fixtures: the corpus as Documents, the session's embedded index, a real Chroma server."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from langchain_core.embeddings import Embeddings

from assistant._settings import Settings
from assistant.knowledge import corpus_dir
from assistant.retrieval._documents import load_documents
from assistant.retrieval._embeddings import bundled_embeddings
from assistant.retrieval._hybrid import HybridRetriever
from assistant.retrieval._vectorstore import open_vector_store

SERVER_START_TIMEOUT_S = 60


class MemoEmbeddings(Embeddings):
    """The bundled embedder with every passage vector remembered, so each text is embedded once per run."""

    def __init__(self, inner: Embeddings):
        self.inner = inner
        self._vectors: dict[str, list[float]] = {}
        self._lock = threading.Lock()

    def remember(self, vectors: dict[str, list[float]]) -> None:
        """Take passage vectors this model already computed (e.g. read back from an index built with it)."""
        with self._lock:
            for text, vector in vectors.items():
                self._vectors.setdefault(text, list(vector))

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        missing = [t for t in dict.fromkeys(texts) if t not in self._vectors]
        if missing:
            vectors = self.inner.embed_documents(missing)
            with self._lock:
                self._vectors.update(zip(missing, vectors, strict=True))
        return [self._vectors[t] for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)


@pytest.fixture(scope="session")
def documents(catalog, models):
    return load_documents(corpus_dir(), catalog, models)


@pytest.fixture(scope="session")
def embeddings(shared_index):
    """The bundled embedder, memoised and seeded with the session index's passage vectors: the indexes these
    tests build of the corpus (or of part of it) store the same vectors without running the model again."""
    memo = MemoEmbeddings(bundled_embeddings())
    memo.remember(shared_index.passages)
    return memo


@pytest.fixture(scope="session")
def embedded_index(shared_index, indexed_data_dir, embeddings):
    """The whole corpus in an embedded Chroma: (settings, store, first-sync stats).

    A copy of the session's index (tests/conftest.py), whose build is the first sync reported.
    """
    settings = Settings(data_dir=indexed_data_dir("index"))
    store = open_vector_store(settings, embeddings)
    print(f"\nfull index build: {shared_index.first_sync}")
    return settings, store, shared_index.first_sync


@pytest.fixture(scope="session")
def retriever(embedded_index, documents):
    _, store, _ = embedded_index
    return HybridRetriever(store=store, documents=documents)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def unused_port() -> int:
    """A local TCP port nothing listens on."""
    return _free_port()


def _heartbeat(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory):
    """A real `chroma run` server on a free port; yields Settings pointing at it."""
    chroma = Path(sys.executable).parent / "chroma"
    if not chroma.exists():
        pytest.skip(f"no chroma console script at {chroma}")
    path = tmp_path_factory.mktemp("chroma-server")
    port = _free_port()
    log = (path / "server.log").open("w")
    command = [str(chroma), "run", "--path", str(path / "db"), "--host", "127.0.0.1", "--port", str(port)]
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        while not _heartbeat(port):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"chroma server did not start: {(path / 'server.log').read_text()[-2000:]}")
            time.sleep(0.2)
        yield Settings(data_dir=path / "data", chroma_host="127.0.0.1", chroma_port=port)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
