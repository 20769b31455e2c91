"""The thumbs up/down log shared by every front end: one JSON line per vote, one writer at a time."""

from __future__ import annotations

import datetime as dt
import json
import threading
from pathlib import Path

__all__ = ["append_feedback"]

_LOCKS: dict[Path, threading.Lock] = {}
_GUARD = threading.Lock()


def _lock_for(path: Path) -> threading.Lock:
    with _GUARD:
        return _LOCKS.setdefault(path.resolve(), threading.Lock())


def append_feedback(
    path: Path, *, question: str, answer: str, vote: str, source: str, conversation_id: str | None = None
) -> dict:
    """Append one vote (``source`` is 'web' or 'slack') and return the record written."""
    path = Path(path)
    record = {
        "timestamp": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "conversation_id": conversation_id,
        "question": question,
        "answer": answer,
        "vote": vote,
        "source": source,
    }
    line = json.dumps(record, ensure_ascii=False) + "\n"
    with _lock_for(path):
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as out:
            out.write(line)
    return record
