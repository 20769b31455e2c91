"""'Train it in a week': the GPU count that finishes in time comes first, from the job's GPU-hours, never fewer
than hold it in memory (issue 9 item 2). Real components; phrasings in no evaluation set."""

from __future__ import annotations

import re

import pytest

from assistant.answering._numbers import unsupported_numbers


@pytest.mark.parametrize(
    ("question", "hours"),
    [
        ("LoRA on Qwen2.5 14B over 500M tokens, I need it done within 2 days", 48),
        ("we must pretrain a 3B model on 60B tokens in a month — which GPUs and how many?", 730),
    ],
)
def test_a_deadline_is_read(read_question, question, hours):
    assert read_question(question).details.deadline_hours == hours


@pytest.fixture()
def read_question(catalog, models):
    from assistant.understanding import understand

    return lambda q: understand(q, catalog, models)


def test_a_tighter_deadline_needs_more_gpus_and_the_figures_come_from_the_facts(assistant):
    def first(question):
        state = assistant._prepare(question, None)
        shown = f"{state['draft']}\n\n{state['details']}"
        assert unsupported_numbers(shown, state["facts"], state["passages"]) == set()
        return state["draft"].splitlines()[0]

    slow = first("How many L40S to fully fine-tune Mistral 7B on 3B tokens in 30 days?")
    fast = first("How many L40S to fully fine-tune Mistral 7B on 3B tokens in 2 days?")
    n_slow, n_fast = (int(re.match(r"\*\*(\d+) x L40S\*\*", line).group(1)) for line in (slow, fast))
    assert n_fast > n_slow
    assert "GPU-hours" in fast and "within 2.0 days" in fast
