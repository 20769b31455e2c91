"""The answer-shape evaluation: real yes/no and how-many questions must be answered in the shape they ask for.

``shapes.yaml`` holds questions people asked in public threads (asker's words, no ground truth). A yes/no question
must open with Yes / No / "Only with ..."; a how-many / how-much / how-long question must put a number in its first
three lines. The score must stay at or above ``FLOOR`` (kept here, so ``floors.yaml`` keeps its dev / held-out keys).
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

import pytest

_HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("real_eval_grader_shapes", _HERE / "grader.py")
assert _spec is not None and _spec.loader is not None
grader = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(grader)

FLOOR = 0.85  # 33/41 before the round-5 shape fixes, 34-35/41 after, 37/41 after round 6; see README.md


@dataclass
class _Reply:
    text: str


@pytest.fixture(scope="module")
def shape_items():
    return grader.load(grader.SHAPES)


def test_shape_set_is_valid_and_dev_only(shape_items):
    assert len(shape_items) >= 40
    assert grader.shape_problems(shape_items) == []
    assert {item["check"] for item in shape_items} == set(grader.SHAPE_CHECKS)


@pytest.mark.parametrize(
    ("check", "text", "ok"),
    [
        ("opens_with_verdict", "**No** — 13B at 4-bit needs ~10 GB.", True),
        ("opens_with_verdict", "Only with 4-bit weights: 70B needs 140 GB at fp16.", True),
        ("opens_with_verdict", "Yes, with CPU offload.", True),
        ("opens_with_verdict", "Best value: one A40 ($0.40/hour).", False),
        ("opens_with_verdict", "It depends on the batch size. Yes.", False),
        ("opens_with_verdict", "Nothing is certain.", False),
        ("number_first", "About **18 GB** for a LoRA of 7B.", True),
        ("number_first", "Line one\nLine two\n~2 A100 80GB", True),
        ("number_first", "Use an A100 with 4-bit weights.", False),
        ("number_first", "One\nTwo\nThree\nFour: 24 GB", False),
    ],
)
def test_shape_checks_on_hand_made_replies(check, text, ok):
    item = {"id": "t", "question": "q?", "check": check}
    assert (grader.grade_shape(item, _Reply(text)) == []) is ok


def test_shape_scores(assistant, capsys, shape_items):
    passed, total, failures = grader.run_shapes(assistant, shape_items)
    by_check: dict[str, list[int]] = {}
    failed = {fid for fid, _ in failures}
    for item in shape_items:
        tally = by_check.setdefault(item["check"], [0, 0])
        tally[1] += 1
        tally[0] += item["id"] not in failed
    with capsys.disabled():
        print(f"\nanswer shapes: {passed}/{total} = {passed / total:.1%} (floor {FLOOR:.0%})")
        for check, (ok, n) in by_check.items():
            print(f"  {check:<19} {ok}/{n}")
        for item_id, reasons in failures:
            print(f"  {item_id}: {'; '.join(reasons)}")
    assert passed / total >= FLOOR
