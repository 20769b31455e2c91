"""Conversation memory: the last understood turn per conversation, bounded and thread-safe."""

from __future__ import annotations

import threading
from typing import Generic, TypeVar

from cachetools import TTLCache

__all__ = ["ConversationStore"]

State = TypeVar("State")


class ConversationStore(Generic[State]):
    """Keeps one state per conversation id; idle ones expire and the oldest go first when full."""

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
