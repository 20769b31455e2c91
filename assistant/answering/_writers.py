"""Answer writers: the offline one streams the composed draft; the LLM one lives in ``_llm``."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Protocol

__all__ = ["AnswerWriter", "OfflineWriter"]


class AnswerWriter(Protocol):
    """Turns a question, the composed draft and the passages into streamed answer text."""

    def stream(self, question: str, draft: str, passages: Sequence) -> Iterator[str]: ...

    def write(self, question: str, draft: str, passages: Sequence) -> str: ...


class OfflineWriter:
    """The default writer: the deterministic draft itself, streamed a block at a time."""

    def stream(self, question: str, draft: str, passages: Sequence) -> Iterator[str]:
        """The draft in paragraph-sized chunks (their concatenation is exactly the draft)."""
        yield from (piece for piece in re.split(r"(?<=\n\n)", draft) if piece)

    def write(self, question: str, draft: str, passages: Sequence) -> str:
        """The draft itself."""
        return draft
