"""The thumbs up/down log shared by every front end, behind one seam (``open_feedback_store``).

Where votes go follows where conversations are kept, so replicas that share conversations share feedback:

- ``ASSISTANT_FEEDBACK_FILE`` set: that JSONL file (below), whatever else is set;
- ``ASSISTANT_CONVERSATIONS_URL=redis://...``: a Redis list beside the conversations (``RedisFeedback``);
- ``ASSISTANT_CONVERSATIONS_URL=sqlite:///path``: a ``feedback`` table in that SQLite file (``SQLiteFeedback``);
- otherwise (unset, or ``memory``): ``feedback.jsonl`` in the data directory (``FileFeedback``).

The database stores keep the newest ``MAX_RECORDS`` votes, each the same ASCII JSON record as a file line.

The file log is bounded: a record's question and answer are cut to ``MAX_FIELD_CHARS``, and when the file
would pass ``MAX_BYTES`` it is rotated (``feedback.jsonl`` -> ``feedback.jsonl.1`` ...), keeping
``BACKUPS`` old files. Lines are pure ASCII JSON (``ensure_ascii``), so U+2028, U+0085 and other
characters that some line readers take for line breaks are written escaped and a record stays one line.
Writers in other processes on the same file are serialised by a lock file beside it.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sqlite3
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from filelock import FileLock

if TYPE_CHECKING:
    from ._settings import Settings

__all__ = [
    "BACKUPS",
    "MAX_BYTES",
    "MAX_FIELD_CHARS",
    "MAX_RECORDS",
    "FeedbackStore",
    "FileFeedback",
    "RedisFeedback",
    "SQLiteFeedback",
    "append_feedback",
    "open_feedback_store",
]

log = logging.getLogger("assistant.feedback")

MAX_BYTES = 10 * 1024 * 1024
BACKUPS = 3
MAX_FIELD_CHARS = 20_000
MAX_RECORDS = 10_000  # votes a database store keeps (the newest)

_LOCKS: dict[Path, threading.Lock] = {}
_GUARD = threading.Lock()


def _lock_for(path: Path) -> threading.Lock:
    with _GUARD:
        return _LOCKS.setdefault(path.resolve(), threading.Lock())


def _cut(text: str | None) -> str | None:
    if text is None or len(text) <= MAX_FIELD_CHARS:
        return text
    return text[:MAX_FIELD_CHARS] + "…"


def _record(question: str, answer: str, vote: str, source: str, conversation_id: str | None) -> dict:
    return {
        "timestamp": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "conversation_id": _cut(conversation_id),
        "question": _cut(question),
        "answer": _cut(answer),
        "vote": _cut(vote),
        "source": _cut(source),
    }


def _line(record: dict) -> str:
    """One record as pure-ASCII JSON: no character in it can be taken for a line break."""
    return json.dumps(record, ensure_ascii=True)


def append_feedback(
    path: Path,
    *,
    question: str,
    answer: str,
    vote: str,
    source: str,
    conversation_id: str | None = None,
    max_bytes: int = MAX_BYTES,
    backups: int = BACKUPS,
) -> dict:
    """Append one vote (``source`` is 'web' or 'slack') to a JSONL file and return the record written."""
    path = Path(path)
    record = _record(question, answer, vote, source, conversation_id)
    line = _line(record) + "\n"
    with _lock_for(path):
        path.parent.mkdir(parents=True, exist_ok=True)
        with FileLock(str(path) + ".lock", timeout=30):
            if path.exists() and path.stat().st_size + len(line) > max_bytes:
                _rotate(path, backups)
            with path.open("a", encoding="ascii") as out:
                out.write(line)
    return record


def _rotate(path: Path, backups: int) -> None:
    """feedback.jsonl -> .1 -> .2 ...; the oldest beyond ``backups`` is dropped."""
    if backups <= 0:
        path.unlink(missing_ok=True)
        return
    oldest = path.with_name(f"{path.name}.{backups}")
    oldest.unlink(missing_ok=True)
    for number in range(backups - 1, 0, -1):
        older = path.with_name(f"{path.name}.{number}")
        if older.exists():
            older.replace(path.with_name(f"{path.name}.{number + 1}"))
    path.replace(path.with_name(f"{path.name}.1"))


class FeedbackStore(Protocol):
    """Where the front ends record votes."""

    description: str

    def append(
        self, *, question: str, answer: str, vote: str, source: str, conversation_id: str | None = None
    ) -> dict: ...

    def records(self, limit: int = 100) -> list[dict]: ...


class FileFeedback:
    """Votes as JSON lines in one file, rotated at its size cap (``append_feedback``)."""

    def __init__(self, path: Path, *, max_bytes: int = MAX_BYTES, backups: int = BACKUPS):
        self.path = Path(path)
        self.description = f"JSONL file {self.path}"
        self._max_bytes, self._backups = max_bytes, backups

    def append(
        self, *, question: str, answer: str, vote: str, source: str, conversation_id: str | None = None
    ) -> dict:
        """Append one vote and return the record written."""
        return append_feedback(
            self.path,
            question=question,
            answer=answer,
            vote=vote,
            source=source,
            conversation_id=conversation_id,
            max_bytes=self._max_bytes,
            backups=self._backups,
        )

    def records(self, limit: int = 100) -> list[dict]:
        """The newest ``limit`` votes in the current file, oldest first."""
        if not self.path.exists():
            return []
        lines = self.path.read_text(encoding="ascii").splitlines()
        return [json.loads(line) for line in lines[-limit:]] if limit > 0 else []


class SQLiteFeedback:
    """Votes in a ``feedback`` table of a SQLite file (the conversations' file); the newest ``max_records`` kept."""

    def __init__(self, path: Path, *, max_records: int = MAX_RECORDS):
        self.path = Path(path)
        self.description = f"SQLite at {self.path} (table feedback)"
        self._max = max_records
        self._lock = threading.Lock()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, timeout=10, check_same_thread=False, isolation_level=None)
        with self._lock:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS feedback "
                "(id INTEGER PRIMARY KEY AUTOINCREMENT, record TEXT NOT NULL)"
            )

    def append(
        self, *, question: str, answer: str, vote: str, source: str, conversation_id: str | None = None
    ) -> dict:
        """Insert one vote and drop the oldest beyond the bound; a failure is logged, not raised."""
        record = _record(question, answer, vote, source, conversation_id)
        try:
            with self._lock:
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    row_id = self._db.execute(
                        "INSERT INTO feedback (record) VALUES (?)", (_line(record),)
                    ).lastrowid
                    self._db.execute("DELETE FROM feedback WHERE id <= ?", (row_id - self._max,))
                    self._db.execute("COMMIT")
                except BaseException:
                    self._db.execute("ROLLBACK")
                    raise
        except sqlite3.Error as exc:
            log.warning("feedback store %s failed to write (%s); the vote is not kept", self.path, exc)
        return record

    def records(self, limit: int = 100) -> list[dict]:
        """The newest ``limit`` votes, oldest first."""
        with self._lock:
            rows = self._db.execute(
                "SELECT record FROM feedback ORDER BY id DESC LIMIT ?", (max(limit, 0),)
            ).fetchall()
        return [json.loads(text) for (text,) in reversed(rows)]

    def __len__(self) -> int:
        with self._lock:
            (count,) = self._db.execute("SELECT COUNT(*) FROM feedback").fetchone()
        return count

    def close(self) -> None:
        with self._lock:
            self._db.close()


class RedisFeedback:
    """Votes in a Redis list beside the conversations, shared by every replica; the newest ``max_records`` kept."""

    def __init__(
        self,
        url: str,
        *,
        namespace: str = "gpu-assistant",
        max_records: int = MAX_RECORDS,
        timeout_s: float = 2.0,
    ):
        from ._conversations import redacted_url, redis_client

        self._client, self._errors = redis_client(url, timeout_s)
        self._max = max_records
        self.key = f"{namespace}:feedback"
        self.description = f"Redis list {self.key} at {redacted_url(url)}"

    def append(
        self, *, question: str, answer: str, vote: str, source: str, conversation_id: str | None = None
    ) -> dict:
        """Push one vote and trim the list to the bound, atomically; a failure is logged, not raised."""
        record = _record(question, answer, vote, source, conversation_id)
        try:
            with self._client.pipeline(transaction=True) as pipe:
                pipe.rpush(self.key, _line(record))
                pipe.ltrim(self.key, -self._max, -1)
                pipe.execute()
        except self._errors as exc:
            log.warning("%s failed to write (%s); the vote is not kept", self.description, exc)
        return record

    def records(self, limit: int = 100) -> list[dict]:
        """The newest ``limit`` votes, oldest first."""
        if limit <= 0:
            return []
        return [json.loads(text) for text in self._client.lrange(self.key, -limit, -1)]

    def __len__(self) -> int:
        return int(self._client.llen(self.key))


def open_feedback_store(settings: Settings) -> FeedbackStore:
    """Where votes go: ``ASSISTANT_FEEDBACK_FILE`` if set, else the conversations' database when
    ``ASSISTANT_CONVERSATIONS_URL`` names one (Redis or SQLite), else ``feedback.jsonl`` in the data directory."""
    url = settings.conversations_url
    if settings.feedback_file is None and url:
        if url.startswith(("redis://", "rediss://", "unix://")):
            return RedisFeedback(url, namespace=settings.collection)
        if url.startswith("sqlite:///"):
            return SQLiteFeedback(Path(url.removeprefix("sqlite:///")))
    return FileFeedback(settings.feedback_path)
