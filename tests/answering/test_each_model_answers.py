"""Two or more models named in one question, not run together: each gets its own lead, the first as before and
the others after it, every figure backed by its own plan; phrasings of our own, in no evaluation set."""

from __future__ import annotations

import pytest

from tests.support.checked_answers import checked_answer


@pytest.mark.parametrize(
    ("question", "first", "other"),
    [
        (
            "how many h100s to serve mistral 7b and mixtral 8x7b in bf16, each of them?",
            "Mistral 7B",
            "Mixtral 8x7B",
        ),
        ("qlora on qwen2.5 7b or qwen2.5 32b - what card does each need?", "Qwen2.5 7B", "Qwen2.5 32B"),
    ],
)
def test_each_model_named_gets_its_own_lead(assistant, question, first, other):
    answer = checked_answer(assistant, question)
    assert first in answer.first_line and other not in answer.first_line
    lead, _, _ = answer.draft.partition("\n\n_Assumed")
    assert f"**{other}:**" in lead
    (extra,) = answer.facts.each_model
    assert extra.understanding.details.model == other and extra.plan.model.name == other
    assert f"{extra.plan.estimate.total_gb:.1f} GB" in lead


def test_models_run_together_are_one_verdict_not_one_each(assistant):
    answer = checked_answer(assistant, "can one L40S host llama 3 8b and mistral 7b at the same time?")
    assert answer.facts.cohosted and not answer.facts.each_model
