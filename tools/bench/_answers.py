"""Answer quality: the evaluation set's pass rate per intent (tests/eval/questions.yaml) and the real-question
evaluation's dev and held-out scores (tests/eval/real) with their recorded history."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass

import yaml

from ..evaluation import load_cases, run_cases, summarize
from ._paths import BENCH_DATA_DIR, REPO_ROOT

__all__ = ["AnswerScore", "RealScore", "pick_conversations", "run_answers", "run_real"]

REAL = REPO_ROOT / "tests" / "eval" / "real"
HISTORY = BENCH_DATA_DIR / "real-eval-history.yaml"


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


@dataclass(frozen=True)
class RealScore:
    """The real-question evaluation now, per split and category, beside the recorded history."""

    splits: dict[str, tuple[int, int]]  # split -> (passed, total)
    per_category: dict[str, dict[str, tuple[int, int]]]  # split -> category -> (passed, total)
    history: list[dict]


def run_real(assistant) -> RealScore:
    """Grade every real question (dev and held-out: scores only, never the held-out items' text)."""
    grader = _grader()
    splits, per_category = {}, {}
    for split in ("dev", "heldout"):
        passed, total, categories, _ = grader.run(assistant, grader.load(REAL / f"{split}.yaml"))
        splits[split], per_category[split] = (passed, total), categories
    return RealScore(splits, per_category, yaml.safe_load(HISTORY.read_text(encoding="utf-8")))


def _grader():
    spec = importlib.util.spec_from_file_location("real_eval_grader", REAL / "grader.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
