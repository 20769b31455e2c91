"""The thumbs up/down log shared by every front end: one JSON line per vote, one writer at a time.

The log is bounded: a record's question and answer are cut to ``MAX_FIELD_CHARS``, and when the file
would pass ``MAX_BYTES`` it is rotated (``feedback.jsonl`` -> ``feedback.jsonl.1`` ...), keeping
``BACKUPS`` old files. Lines are pure ASCII JSON (``ensure_ascii``), so U+2028, U+0085 and other
characters that some line readers take for line breaks are written escaped and a record stays one line.
Writers in other processes on the same file are serialised by a lock file beside it.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from pathlib import Path

from filelock import FileLock

__all__ = ["BACKUPS", "MAX_BYTES", "MAX_FIELD_CHARS", "append_feedback"]

MAX_BYTES = 10 * 1024 * 1024
BACKUPS = 3
MAX_FIELD_CHARS = 20_000

_LOCKS: dict[Path, threading.Lock] = {}
_GUARD = threading.Lock()


def _lock_for(path: Path) -> threading.Lock:
    with _GUARD:
        return _LOCKS.setdefault(path.resolve(), threading.Lock())


def _cut(text: str | None) -> str | None:
    if text is None or len(text) <= MAX_FIELD_CHARS:
        return text
    return text[:MAX_FIELD_CHARS] + "…"


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
    """Append one vote (``source`` is 'web' or 'slack') and return the record written."""
    path = Path(path)
    record = {
        "timestamp": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "conversation_id": _cut(conversation_id),
        "question": _cut(question),
        "answer": _cut(answer),
        "vote": _cut(vote),
        "source": _cut(source),
    }
    line = json.dumps(record, ensure_ascii=True) + "\n"
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
