"""The benchmark's robustness parts that need no server: the fuzz generator and a run of it through the
real Assistant (the full 3,000 run in ``python -m tools.bench``; here a few hundred)."""

from __future__ import annotations

import pytest

from assistant import MAX_QUESTION_CHARS
from tools.bench._robustness_fuzz import fuzz_questions, run_fuzz

pytestmark = pytest.mark.slow


def test_the_generator_is_seeded_and_covers_every_kind_of_hostile_input():
    questions = fuzz_questions(700)
    assert questions == fuzz_questions(700)
    assert fuzz_questions(50, seed=1) != fuzz_questions(50, seed=2)
    kinds = {kind for kind, _ in questions}
    assert kinds == {
        "template",
        "digits",
        "odd characters",
        "hostile",
        "random text",
        "word salad",
        "padding",
    }
    texts = [q for _, q in questions]
    assert any(any(0xD800 <= ord(c) <= 0xDFFF for c in q) for q in texts)  # lone surrogates
    assert any("\x00" in q or "\x1b" in q for q in texts)
    assert any("<script>" in q for q in texts)
    assert any(len(q) > MAX_QUESTION_CHARS for q in texts) and any(
        len(q) == MAX_QUESTION_CHARS for q in texts
    )
    assert any(
        max(map(len, q.split("B model")[0].split())) >= 1000 for q in texts if q.startswith("Which GPU for")
    )
    assert any(" -" in q or "−" in q for q in texts)


def test_fuzzed_questions_get_a_reply_or_invalid_question_with_sane_numbers(assistant):
    result = run_fuzz(assistant, 300)
    assert result.replies and result.refused
    assert not result.other_exceptions, result.other_exceptions[:5]
    assert not result.nan_or_inf, result.nan_or_inf[:5]
    assert not result.unknown_gpus, result.unknown_gpus[:5]
