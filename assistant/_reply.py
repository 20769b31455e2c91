"""What the assistant returns: a reply with its sources, and the error for unusable questions."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["MAX_QUESTION_CHARS", "InvalidQuestion", "Reply", "Source", "check_question"]

MAX_QUESTION_CHARS = 4000


class InvalidQuestion(ValueError):
    """The question is empty, blank or too long; the message says what to do instead."""


@dataclass(frozen=True)
class Source:
    """Where a claim comes from: a guide section, a catalog row or a model spec."""

    title: str
    path: str
    snippet: str = ""


@dataclass(frozen=True)
class Reply:
    """An answer: Markdown text, its sources, the GPUs it discusses (best first) and the memory needed."""

    text: str
    sources: list[Source] = field(default_factory=list)
    gpus: list[str] = field(default_factory=list)
    memory_gb: float | None = None
    intent: str = ""
    conversation_id: str | None = None


def check_question(question: object) -> str:
    """The question stripped of surrounding blanks, or InvalidQuestion saying what is wrong."""
    if not isinstance(question, str):
        raise InvalidQuestion("Please ask your question as text.")
    text = question.strip()
    if not text:
        raise InvalidQuestion("Please type a question, e.g. 'Which GPU should I use to fine-tune a 7B model?'")
    if len(text) > MAX_QUESTION_CHARS:
        raise InvalidQuestion(
            f"That question is {len(text):,} characters long; please keep it under {MAX_QUESTION_CHARS:,} "
            "characters (ask about one workload at a time)."
        )
    return text
