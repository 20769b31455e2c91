"""What the assistant returns: a reply with its sources, and the error for unusable questions."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ._errors import InvalidQuestion

if TYPE_CHECKING:
    from .planning import Plan

__all__ = ["MAX_QUESTION_CHARS", "InvalidQuestion", "Reply", "Source", "check_question"]

MAX_QUESTION_CHARS = 4000


@dataclass(frozen=True)
class Source:
    """Where a claim comes from: a guide section, a catalog row or a model spec."""

    title: str
    path: str
    snippet: str = ""


@dataclass(frozen=True)
class Reply:
    """An answer: Markdown text (the answer only), its sources, the GPUs it discusses (best first), the
    memory the workload needs and, for workload questions, the plan behind every number. Front ends
    format the sources their own way."""

    text: str
    sources: list[Source] = field(default_factory=list)
    gpus: list[str] = field(default_factory=list)
    memory_gb: float | None = None
    intent: str = ""
    conversation_id: str | None = None
    plan: Plan | None = None


def check_question(question: object) -> str:
    """The question stripped of surrounding blanks, or InvalidQuestion saying what is wrong."""
    if not isinstance(question, str):
        raise InvalidQuestion("Please ask your question as text.")
    text = question.strip()
    if not text:
        raise InvalidQuestion(
            "Please type a question, e.g. 'Which GPU should I use to fine-tune a 7B model?'"
        )
    if len(text) > MAX_QUESTION_CHARS:
        raise InvalidQuestion(
            f"That question is {len(text):,} characters long; please keep it under {MAX_QUESTION_CHARS:,} "
            "characters (ask about one workload at a time)."
        )
    return text
