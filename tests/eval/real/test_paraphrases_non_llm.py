"""Non-LLM questions (image, video, speech, detection work and their costs) in wordings nobody tuned for:
paraphrases of the dev items and new questions (``paraphrases_non_llm.yaml``), graded with the real-question
grader. Guards that fixes for the dev wordings generalise to other ways of asking the same thing."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import yaml

_HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("real_eval_grader", _HERE / "grader.py")
assert _spec is not None and _spec.loader is not None
grader = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(grader)

ITEMS = yaml.safe_load((_HERE / "paraphrases_non_llm.yaml").read_text(encoding="utf-8"))


def test_the_set_is_well_formed():
    assert len({item["id"] for item in ITEMS}) == len(ITEMS) >= 10
    assert {item["category"] for item in ITEMS} <= {"non_llm", "price", "compare"}
    assert grader.paraphrase_problems(ITEMS) == []  # ids, categories, checks, GPU names, originals


def _cases() -> list:
    cases = []
    for item in ITEMS:
        marks = [pytest.mark.xfail(reason=item["known_gap"], strict=True)] if "known_gap" in item else []
        cases.append(pytest.param(item, id=item["id"], marks=marks))
    return cases


@pytest.mark.parametrize("item", _cases())
def test_a_reworded_question_gets_the_same_answer(assistant, item):
    reply = assistant.ask(item["question"], conversation_id=f"paraphrase-{item['id']}")
    assert grader.grade(item, reply) == []
