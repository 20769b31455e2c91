"""Answer quality: the evaluation set's pass rate per intent (tests/eval/questions.yaml)."""

from __future__ import annotations

from dataclasses import dataclass

from ..evaluation import load_cases, run_cases, summarize

__all__ = ["AnswerScore", "pick_conversations", "run_answers"]


@dataclass(frozen=True)
class AnswerScore:
    """Pass rate overall and per expected intent, with the failed questions."""

    rate: float
    turns: int
    per_intent: dict[str, tuple[int, int]]
    failures: tuple[tuple[str, str], ...]


def pick_conversations(conversations: list[list[dict]], limit: int | None) -> list[list[dict]]:
    """All conversations, or an evenly spread subset holding about ``limit`` turns."""
    if limit is None or sum(len(c) for c in conversations) <= limit:
        return conversations
    step = max(1, len(conversations) // limit)
    picked: list[list[dict]] = []
    for conversation in conversations[::step]:
        if sum(len(c) for c in picked) >= limit:
            break
        picked.append(conversation)
    return picked


def run_answers(assistant, limit: int | None = None) -> AnswerScore:
    """Ask the evaluation set (or a subset of about ``limit`` turns) and score it."""
    results = run_cases(assistant, pick_conversations(load_cases(), limit))
    rate, per_intent = summarize(results)
    failures = tuple((r.question, "; ".join(r.failures)) for r in results if not r.passed)
    return AnswerScore(rate, len(results), per_intent, failures)
