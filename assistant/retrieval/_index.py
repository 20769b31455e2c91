"""Incremental indexing: embed only new or changed documents, drop the ones gone from the corpus."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from langchain_core.documents import Document

if TYPE_CHECKING:
    from langchain_chroma import Chroma

__all__ = ["IndexStats", "sync_index"]

BATCH_SIZE = 64


@dataclass(frozen=True)
class IndexStats:
    """What one sync did: documents added, updated, removed and left alone, and how long it took."""

    added: int
    updated: int
    removed: int
    unchanged: int
    seconds: float

    @property
    def changed(self) -> bool:
        """True when the sync wrote or deleted anything."""
        return bool(self.added or self.updated or self.removed)

    def __str__(self) -> str:
        return (
            f"{self.added} added, {self.updated} updated, {self.removed} removed, "
            f"{self.unchanged} unchanged in {self.seconds:.2f} s"
        )


def sync_index(
    store: Chroma,
    documents: Sequence[Document],
    *,
    rebuild: bool = False,
    progress: bool = False,
    report: Callable[[int, int], None] | None = None,
) -> IndexStats:
    """Make the collection hold exactly ``documents`` (by ``doc_id``), embedding only what changed.

    ``progress`` draws a bar of its own; ``report(done, total)`` is called instead, before the first
    batch and after each one, when the caller draws progress over more than the embedding.
    """
    start = time.perf_counter()
    wanted = _by_id(documents)
    existing = store.get(include=["metadatas"])
    stored = {
        doc_id: (meta or {}).get("content_hash")
        for doc_id, meta in zip(existing["ids"], existing["metadatas"] or [], strict=False)
    }
    if rebuild and stored:
        _delete(store, list(stored))
        stored = {}
    removed = [doc_id for doc_id in stored if doc_id not in wanted]
    _delete(store, removed)
    new = [doc for doc_id, doc in wanted.items() if doc_id not in stored]
    changed = [
        doc
        for doc_id, doc in wanted.items()
        if doc_id in stored and stored[doc_id] != doc.metadata["content_hash"]
    ]
    _upsert(store, new + changed, progress=progress, report=report)
    return IndexStats(
        added=len(new),
        updated=len(changed),
        removed=len(removed),
        unchanged=len(wanted) - len(new) - len(changed),
        seconds=time.perf_counter() - start,
    )


def _by_id(documents: Sequence[Document]) -> dict[str, Document]:
    wanted: dict[str, Document] = {}
    for doc in documents:
        doc_id = doc.metadata.get("doc_id")
        if not doc_id or "content_hash" not in doc.metadata:
            raise ValueError(f"document without doc_id/content_hash metadata: {doc.page_content[:60]!r}")
        if doc_id in wanted:
            raise ValueError(f"duplicate doc_id {doc_id!r}")
        wanted[doc_id] = doc
    return wanted


def _delete(store: Chroma, ids: list[str]) -> None:
    for i in range(0, len(ids), BATCH_SIZE * 16):
        store.delete(ids=ids[i : i + BATCH_SIZE * 16])


def _upsert(
    store: Chroma, docs: list[Document], *, progress: bool, report: Callable[[int, int], None] | None
) -> None:
    if not docs:
        return
    with _progress_bar(len(docs), enabled=progress and report is None) as advance:
        if report is not None:
            report(0, len(docs))
        for i in range(0, len(docs), BATCH_SIZE):
            batch = docs[i : i + BATCH_SIZE]
            store.add_texts(
                [d.page_content for d in batch],
                metadatas=[dict(d.metadata) for d in batch],
                ids=[d.metadata["doc_id"] for d in batch],
            )
            advance(len(batch))
            if report is not None:
                report(i + len(batch), len(docs))


@contextmanager
def _progress_bar(total: int, *, enabled: bool) -> Iterator:
    if not enabled:
        yield lambda n: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("Embedding"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, transient=False) as bar:
        task = bar.add_task("embed", total=total)
        yield lambda n: bar.advance(task, n)
