"""Conversation memory behind one seam: the last understood turn per conversation, bounded, with a TTL.

Three stores with the same four methods (``get``, ``put``, ``forget``, ``len``):

- ``SQLiteConversationStore``: the default, a file in the data directory, so a restart (or a second
  process on the same machine) keeps every conversation;
- ``RedisConversationStore``: when ``ASSISTANT_CONVERSATIONS_URL`` is a ``redis://`` URL, so replicas behind
  a load balancer share follow-ups (needs the ``redis`` extra);
- ``ConversationStore``: in this process only (``ASSISTANT_CONVERSATIONS_URL=memory``, and the fallback
  when the data directory is read-only).

The persistent stores keep text (the Assistant stores JSON, never pickle). A store that fails while
answering logs why and answers as if the conversation were new rather than failing the question.
"""

from __future__ import annotations

import logging
import math
import sqlite3
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

from cachetools import TTLCache

if TYPE_CHECKING:
    from ._settings import Settings

__all__ = [
    "ConversationStore",
    "Conversations",
    "RedisConversationStore",
    "SQLiteConversationStore",
    "open_conversation_store",
    "redacted_url",
    "redis_client",
]

log = logging.getLogger("assistant.conversations")

State = TypeVar("State")


class Conversations(Protocol):
    """What the Assistant needs of a conversation store."""

    def get(self, conversation_id: str | None) -> str | None: ...

    def put(self, conversation_id: str | None, state: str) -> None: ...

    def forget(self, conversation_id: str) -> None: ...

    def __len__(self) -> int: ...


class ConversationStore(Generic[State]):
    """In this process only: one state per conversation id; idle ones expire and the oldest go first when full."""

    description = "in memory (this process only)"

    def __init__(self, *, ttl_seconds: float, max_conversations: int):
        self._cache: TTLCache[str, State] = TTLCache(maxsize=max_conversations, ttl=ttl_seconds)
        self._lock = threading.Lock()

    def get(self, conversation_id: str | None) -> State | None:
        """The state of a conversation, or None (also for no id: every question stands alone)."""
        if conversation_id is None:
            return None
        with self._lock:
            return self._cache.get(conversation_id)

    def put(self, conversation_id: str | None, state: State) -> None:
        """Remember the latest state of a conversation."""
        if conversation_id is None:
            return
        with self._lock:
            self._cache[conversation_id] = state

    def forget(self, conversation_id: str) -> None:
        """Drop a conversation (a 'new chat')."""
        with self._lock:
            self._cache.pop(conversation_id, None)

    def __len__(self) -> int:
        with self._lock:
            return len(self._cache)


class SQLiteConversationStore:
    """Conversations in a SQLite file: kept across restarts and shared by processes on one machine."""

    def __init__(self, path: Path, *, ttl_seconds: float, max_conversations: int):
        self.path = Path(path)
        self.description = f"SQLite at {self.path}"
        self._ttl = ttl_seconds
        self._max = max_conversations
        self._lock = threading.Lock()
        # Trimming to the bound reads the whole index (~0.25 ms at 10,000 rows), so it runs every
        # ``_trim_every`` writes: the store may exceed the bound by up to 1% in between.
        self._trim_every = max(1, max_conversations // 100)
        self._writes = 0
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, timeout=10, check_same_thread=False, isolation_level=None)
        with self._lock:
            self._db.execute("PRAGMA journal_mode=WAL")
            # In WAL mode NORMAL cannot corrupt the file; a power cut may lose the last turns, which costs a
            # follow-up its context, while FULL's sync on every commit cost each answer ~0.2 ms.
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS conversations "
                "(id TEXT PRIMARY KEY, state TEXT NOT NULL, updated REAL NOT NULL)"
            )
            self._db.execute("CREATE INDEX IF NOT EXISTS conversations_updated ON conversations (updated)")

    def get(self, conversation_id: str | None) -> str | None:
        if conversation_id is None:
            return None
        try:
            with self._lock:
                row = self._db.execute(
                    "SELECT state FROM conversations WHERE id = ? AND updated >= ?",
                    (conversation_id, time.time() - self._ttl),
                ).fetchone()
        except sqlite3.Error as exc:
            log.warning(
                "conversation store %s failed to read (%s); answering without context", self.path, exc
            )
            return None
        return row[0] if row else None

    def put(self, conversation_id: str | None, state: str) -> None:
        if conversation_id is None:
            return
        now = time.time()
        try:
            with self._lock:
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    self._db.execute(
                        "INSERT OR REPLACE INTO conversations (id, state, updated) VALUES (?, ?, ?)",
                        (conversation_id, state, now),
                    )
                    self._db.execute("DELETE FROM conversations WHERE updated < ?", (now - self._ttl,))
                    self._writes += 1
                    if self._writes % self._trim_every == 0:
                        self._db.execute(  # the oldest beyond the bound go first
                            "DELETE FROM conversations WHERE id IN "
                            "(SELECT id FROM conversations ORDER BY updated DESC LIMIT -1 OFFSET ?)",
                            (self._max,),
                        )
                    self._db.execute("COMMIT")
                except BaseException:
                    self._db.execute("ROLLBACK")
                    raise
        except sqlite3.Error as exc:
            log.warning("conversation store %s failed to write (%s); the turn is not kept", self.path, exc)

    def forget(self, conversation_id: str) -> None:
        with self._lock:
            self._db.execute("DELETE FROM conversations WHERE id = ?", (conversation_id,))

    def __len__(self) -> int:
        with self._lock:
            (count,) = self._db.execute(
                "SELECT COUNT(*) FROM conversations WHERE updated >= ?", (time.time() - self._ttl,)
            ).fetchone()
        return count

    def close(self) -> None:
        with self._lock:
            self._db.close()


class RedisConversationStore:
    """Conversations in Redis, shared by every replica; each key expires after the TTL."""

    def __init__(
        self, url: str, *, ttl_seconds: float, namespace: str = "gpu-assistant", timeout_s: float = 2.0
    ):
        self._client, self._errors = redis_client(url, timeout_s)
        self._ttl = max(1, math.ceil(ttl_seconds))
        self._prefix = f"{namespace}:conversation:"
        self.description = f"Redis at {redacted_url(url)}"

    def ping(self) -> None:
        """Raise if the server cannot be reached (for `gpu-assistant doctor`)."""
        self._client.ping()

    def get(self, conversation_id: str | None) -> str | None:
        if conversation_id is None:
            return None
        try:
            return self._client.get(self._prefix + conversation_id)
        except self._errors as exc:
            log.warning("%s failed to read (%s); answering without context", self.description, exc)
            return None

    def put(self, conversation_id: str | None, state: str) -> None:
        if conversation_id is None:
            return
        try:
            self._client.set(self._prefix + conversation_id, state, ex=self._ttl)
        except self._errors as exc:
            log.warning("%s failed to write (%s); the turn is not kept", self.description, exc)

    def forget(self, conversation_id: str) -> None:
        self._client.delete(self._prefix + conversation_id)

    def __len__(self) -> int:
        return sum(1 for _ in self._client.scan_iter(match=self._prefix + "*", count=1000))


def redacted_url(url: str) -> str:
    """The URL with any credentials replaced by ``***`` (for logs and `doctor`)."""
    scheme, sep, rest = url.partition("://")
    if "@" in rest:
        rest = "***@" + rest.split("@", 1)[1]
    return scheme + sep + rest


def open_conversation_store(settings: Settings) -> Conversations:
    """The store ``settings.conversations_url`` names; unset means SQLite in the data directory."""
    url = settings.conversations_url
    ttl, bound = settings.conversation_ttl_s, settings.max_conversations
    if url == "memory":
        return ConversationStore(ttl_seconds=ttl, max_conversations=bound)
    if url and url.startswith(("redis://", "rediss://", "unix://")):
        return RedisConversationStore(url, ttl_seconds=ttl, namespace=settings.collection)
    path = Path(url.removeprefix("sqlite:///")) if url else settings.data_dir / "conversations.sqlite3"
    try:
        return SQLiteConversationStore(path, ttl_seconds=ttl, max_conversations=bound)
    except (OSError, sqlite3.Error) as exc:
        if url:
            raise
        log.warning("cannot keep conversations in %s (%s); keeping them in this process only", path, exc)
        return ConversationStore(ttl_seconds=ttl, max_conversations=bound)


def redis_client(url: str, timeout_s: float):
    """``(client, error class)`` for a Redis URL, with connect and read timeouts; says which extra is missing."""
    try:
        import redis
    except ImportError as exc:
        raise ImportError(
            "ASSISTANT_CONVERSATIONS_URL=redis://... needs the redis package: pip install 'gpu-assistant[redis]'"
        ) from exc
    client = redis.Redis.from_url(
        url, socket_connect_timeout=timeout_s, socket_timeout=timeout_s, decode_responses=True
    )
    return client, redis.RedisError
