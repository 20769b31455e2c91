"""The knowledge base: corpus documents, their Chroma index and the hybrid retriever, built on first use.

Searches survive a flaky vector store: connection failures are retried a bounded number of times with
backoff; a collection that vanished (the server's data wiped) is re-opened and re-synced once; a store
that stays unreachable raises ``VectorStoreUnavailable`` and is not asked again for a cool-down, so
every question does not wait out the same timeout.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from .._errors import DataError, ServiceUnavailable
from ._vectorstore import VectorStoreUnavailable

if TYPE_CHECKING:
    from langchain_core.documents import Document
    from langchain_core.embeddings import Embeddings

    from .._settings import Settings
    from ..knowledge._catalog import Catalog
    from ..knowledge._models import ModelSpecs
    from ._hybrid import HybridRetriever
    from ._index import IndexStats

__all__ = ["BACKOFF_S", "COOL_DOWN_S", "INDEX_LOCK_TIMEOUT_S", "KnowledgeBase"]

log = logging.getLogger("assistant.retrieval")

BACKOFF_S = 0.25  # first wait before a retry; doubled each time
COOL_DOWN_S = 15.0  # after the store failed, fail fast for this long before trying it again
INDEX_LOCK_TIMEOUT_S = 900.0  # how long to wait for another process that is building the same index

Result = TypeVar("Result")


class KnowledgeBase:
    """Loads the corpus documents and keeps the index in step with them, lazily and once."""

    def __init__(
        self,
        settings: Settings,
        catalog: Catalog,
        models: ModelSpecs,
        *,
        progress: bool | None = None,
        embeddings: Embeddings | None = None,
    ):
        self._settings = settings
        self._catalog = catalog
        self._models = models
        self._embeddings = embeddings
        self._progress = sys.stderr.isatty() if progress is None else progress
        self._lock = threading.Lock()
        self._retriever: HybridRetriever | None = None
        self._down_until = 0.0
        self._down_reason = ""
        self.last_sync: IndexStats | None = None

    def documents(self) -> list[Document]:
        """Every document the corpus yields (guide sections, one per GPU, one per model)."""
        from ._documents import load_documents

        return load_documents(self._settings.corpus_dir, self._catalog, self._models)

    def sync(self, *, rebuild: bool = False) -> IndexStats:
        """Bring the index up to date with the corpus (only changed documents are embedded).

        With ``rebuild``, an embedded store that cannot be opened or read (a corrupt file) is moved aside
        to ``chroma.broken-<time>`` and built afresh.
        """
        with self._lock:
            self._retriever = None
            if not rebuild or self._settings.chroma_host:
                return self._open(rebuild=rebuild)[1]
            try:
                return self._open(rebuild=True)[1]
            except DataError:
                raise
            except Exception as exc:
                moved = _move_aside(self._settings.data_dir / "chroma")
                log.warning("The index could not be used (%s); moved it to %s and rebuilding", exc, moved)
                return self._open(rebuild=True)[1]

    def retriever(self) -> HybridRetriever:
        """The hybrid retriever, building or refreshing the index on first use."""
        with self._lock:
            if self._retriever is None:
                self._open(rebuild=False)
            return self._retriever

    def embedder(self) -> Embeddings:
        """The query embedder the index is searched with (the same instance, so its query cache is shared)."""
        return self._embeddings or _bundled(self._settings.data_dir)

    def embed_query(self, text: str) -> list[float]:
        """The vector a search for ``text`` uses (cached by the embedder: searching it next embeds nothing)."""
        return self.embedder().embed_query(text)

    def embed_texts(self, texts: list[str]) -> list[list[float]]:
        """Vectors for many short texts, embedded as queries are (e.g. labelled example questions)."""
        embedder = self.embedder()
        many = getattr(embedder, "embed_queries", None)
        return many(list(texts)) if many is not None else embedder.embed_documents(list(texts))

    def search(
        self,
        query: str,
        *,
        kinds: Sequence[str] | None = None,
        k: int = 4,
        vector: Sequence[float] | None = None,
    ) -> list[Document]:
        """Top passages for ``query`` (``vector``: its embedding, when already computed);
        VectorStoreUnavailable when the store cannot be used."""
        return self._resilient(lambda: self.retriever().search(query, kinds=kinds, k=k, vector=vector))

    def _resilient(self, call: Callable[[], Result]) -> Result:
        """``call()``, retried on connection failures, with a vanished collection re-opened once."""
        if time.monotonic() < self._down_until:
            raise VectorStoreUnavailable(self._down_reason)
        retries = self._settings.chroma_retries
        attempt, reopened = 0, False
        while True:
            try:
                return call()
            except Exception as exc:
                if _missing_collection(exc) and not reopened:
                    log.warning(
                        "The vector store's collection vanished (%s); re-opening and re-syncing it", exc
                    )
                    reopened = True
                    with self._lock:
                        self._retriever = None
                    continue
                if not _unavailable(exc):
                    raise
                attempt += 1
                if attempt > retries or not _worth_retrying(exc):
                    reason = (
                        str(exc)
                        if isinstance(exc, VectorStoreUnavailable)
                        else f"{type(exc).__name__}: {exc}"
                    )
                    plural = "s" if attempt > 1 else ""
                    self._down_reason = f"the vector store failed after {attempt} attempt{plural}: {reason}"
                    self._down_until = time.monotonic() + COOL_DOWN_S
                    log.warning("%s; not trying it again for %.0f s", self._down_reason, COOL_DOWN_S)
                    raise VectorStoreUnavailable(self._down_reason) from exc
                pause = BACKOFF_S * 2 ** (attempt - 1)
                log.info(
                    "The vector store failed (%s); retry %d of %d in %.2f s", exc, attempt, retries, pause
                )
                time.sleep(pause)

    def _open(self, *, rebuild: bool):
        from ._hybrid import HybridRetriever
        from ._index import sync_index
        from ._vectorstore import open_vector_store

        documents = self.documents()
        embeddings = self._embeddings or _bundled(self._settings.data_dir)
        with self._index_lock():  # two processes starting on one data directory take turns
            try:
                store = open_vector_store(self._settings, embeddings)
                with _BuildProgress(enabled=self._progress) as progress:
                    stats = sync_index(store, documents, rebuild=rebuild, report=progress.embedded)
                    _save_query_model(embeddings, progress)
            except (ServiceUnavailable, DataError):
                raise
            except Exception as exc:
                if self._settings.chroma_host:
                    raise
                where = self._settings.data_dir / "chroma"
                raise VectorStoreUnavailable(
                    f"the index in {where} cannot be used ({type(exc).__name__}: {exc}); "
                    "`gpu-assistant index --rebuild` moves it aside and builds it again"
                ) from exc
        self.last_sync = stats
        self._down_until = 0.0  # the store works again: later searches need not wait out a cool-down
        self._retriever = HybridRetriever(store=store, documents=documents)
        return self._retriever, stats

    @contextlib.contextmanager
    def _index_lock(self) -> Iterator[None]:
        from filelock import FileLock, Timeout

        path = self._settings.data_dir / "index.lock"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            lock = FileLock(str(path), timeout=INDEX_LOCK_TIMEOUT_S)
            lock.acquire()
        except Timeout as exc:
            raise ServiceUnavailable(
                f"another process has held {path} for {INDEX_LOCK_TIMEOUT_S:.0f} s while indexing; "
                "if none is running, delete the file"
            ) from exc
        except OSError as exc:  # a read-only data directory: nothing here can write the index either
            log.info("No index lock in %s (%s); opening the index without one", path.parent, exc)
            yield
            return
        try:
            yield
        finally:
            lock.release()


def _move_aside(path: Path) -> Path | None:
    """Rename a broken embedded store out of the way (never delete it) and forget chromadb's cached client."""
    with contextlib.suppress(Exception):
        from chromadb.api.client import SharedSystemClient

        SharedSystemClient.clear_system_cache()
    if not path.exists():
        return None
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.broken-{stamp}")
    path.rename(target)
    return target


def _bundled(data_dir: Path) -> Embeddings:
    from ._embeddings import bundled_embeddings, onnx_export_dir

    return bundled_embeddings(onnx_export_dir(data_dir))


def _save_query_model(embeddings: Embeddings, progress: _BuildProgress) -> None:
    """Once per data directory: the ONNX copy of the model that answers queries without torch."""
    root = getattr(embeddings, "onnx_root", None)
    if root is None:
        return  # embeddings a caller passed in (tests) have no ONNX copy to make
    if not (root / "onnx" / "model.onnx").is_file():
        progress.phase("Saving the query model (ONNX, once)")
    try:
        embeddings.ensure_onnx_export()
    except OSError as exc:  # a read-only data directory: queries are embedded by sentence-transformers
        log.info("No ONNX copy of the query model in %s (%s)", root, exc)


def _missing_collection(exc: BaseException) -> bool:
    """Whether the error says the collection is gone (the server's data wiped or the collection deleted)."""
    return "does not exist" in str(exc) and "ollection" in str(exc)


def _unavailable(exc: BaseException) -> bool:
    """Whether the error is the store being unreachable or failing, not a bug in the call."""
    import httpx

    if isinstance(exc, VectorStoreUnavailable | httpx.TransportError | ConnectionError | TimeoutError):
        return True
    try:
        from chromadb.errors import InternalError
    except ImportError:  # pragma: no cover - chromadb is a dependency
        return False
    return isinstance(exc, InternalError)


def _worth_retrying(exc: BaseException) -> bool:
    """Connection failures are retried; a timeout already spent the deadline, so it is not."""
    import httpx

    cause = exc.__cause__ if isinstance(exc, VectorStoreUnavailable) else exc
    return not isinstance(cause, httpx.TimeoutException | TimeoutError)


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
