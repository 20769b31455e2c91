"""The evaluation set runner: ask every question, check the structured reply, report a score.

Used by ``tests/eval`` (which asserts the pass rate) and by the benchmark (per-intent rates).
Checks read only the reply (intent, GPUs, memory, text, sources), never the question's wording.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

__all__ = ["CaseResult", "check_reply", "load_cases", "run_cases", "summarize"]

EVAL_FILE = Path(__file__).resolve().parent.parent / "tests" / "eval" / "questions.yaml"


@dataclass
class CaseResult:
    """One question's outcome."""

    question: str
    intent: str
    expected_intent: str | None
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def passed(self) -> bool:
        """True when every check held."""
        return not self.failures


def load_cases(path: Path | None = None) -> list[list[dict]]:
    """Conversations to run: a single question is a one-turn conversation."""
    document = yaml.safe_load((path or EVAL_FILE).read_text(encoding="utf-8"))
    return [case.get("chain", [case]) for case in document["cases"]]


def check_reply(reply, expect: dict) -> list[str]:
    """What in ``reply`` contradicts ``expect`` (empty when it passes)."""
    failures = []
    # the answer and what sits behind its details fold (breakdown, assumptions, caveats) together
    text = f"{reply.text}\n\n{getattr(reply, 'details', '') or ''}".lower()
    if "intent" in expect and reply.intent != expect["intent"]:
        failures.append(f"intent {reply.intent!r}, expected {expect['intent']!r}")
    if "memory" in expect:
        low, high = expect["memory"]
        if reply.memory_gb is None or not low <= reply.memory_gb <= high:
            failures.append(f"memory {reply.memory_gb} GB outside [{low}, {high}]")
    for name in expect.get("gpus_include", []):
        if name not in reply.gpus:
            failures.append(f"{name} not among GPUs {reply.gpus[:6]}")
    if "gpus_first" in expect and (not reply.gpus or reply.gpus[0] not in expect["gpus_first"]):
        failures.append(f"first GPU {reply.gpus[:1]} not in {expect['gpus_first']}")
    if expect.get("no_gpus") and reply.gpus:
        failures.append(f"expected no GPUs, got {reply.gpus[:4]}")
    for phrase in expect.get("contains", []):
        if str(phrase).lower() not in text:
            failures.append(f"missing {phrase!r}")
    if "any_of" in expect and not any(str(p).lower() in text for p in expect["any_of"]):
        failures.append(f"none of {expect['any_of']}")
    for phrase in expect.get("absent", []):
        if str(phrase).lower() in text:
            failures.append(f"contains forbidden {phrase!r}")
    if "source" in expect and not any(expect["source"] in s.path for s in reply.sources):
        failures.append(f"no source matching {expect['source']!r}")
    return failures


def run_cases(assistant, conversations: list[list[dict]]) -> list[CaseResult]:
    """Ask every turn of every conversation and check it."""
    import time

    results = []
    for turns in conversations:
        conversation = uuid.uuid4().hex
        for expect in turns:
            start = time.perf_counter()
            reply = assistant.ask(expect["q"], conversation_id=conversation)
            result = CaseResult(
                expect["q"], reply.intent, expect.get("intent"), seconds=time.perf_counter() - start
            )
            result.failures = check_reply(reply, expect)
            results.append(result)
    return results


def summarize(results: list[CaseResult]) -> tuple[float, dict[str, tuple[int, int]]]:
    """Overall pass rate and (passed, total) per expected intent ('other' when none is set)."""
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in results:
        bucket = per[r.expected_intent or "other"]
        bucket[0] += r.passed
        bucket[1] += 1
    rate = sum(r.passed for r in results) / len(results) if results else 0.0
    return rate, {k: (v[0], v[1]) for k, v in sorted(per.items())}
