"""Every number an offline answer prints comes from a fact: the catalog, model specs, the plan or assumptions.

A literal typed into the composer ("reserving 90%", "42 GPUs") is caught here: it is in no fact.
"""

from __future__ import annotations

import uuid

import pytest

from assistant.answering._numbers import fact_numbers, numbers_not_in, unsupported_numbers
from tools.evaluation import load_cases


def _state(bot, question, conversation_id):
    """The chain's state for one question: the facts, passages, composed draft and its details."""
    return bot._prepare(question, conversation_id)


def test_numbers_not_in_finds_changed_and_added_numbers():
    allowed = "It needs 17.8 GB on 1 GPU of 24 GB; 3,350 GB/s."
    assert numbers_not_in("Needs 17.8 GB, 3350 GB/s [2].", allowed) == set()
    assert numbers_not_in("Needs 19 GB.", allowed) == {"19"}
    assert numbers_not_in("1. Use 2 GPUs.", allowed) == {"2"}


def test_a_made_up_number_is_unsupported(assistant):
    state = _state(assistant, "Can I run Llama 3 8B on an L4?", None)
    facts, passages = state["facts"], state["passages"]
    assert unsupported_numbers(state["draft"], facts, passages) == set()
    assert unsupported_numbers(state["draft"] + " It costs $123.45 an hour.", facts, passages) == {"123.45"}


def test_every_number_in_every_offline_answer_comes_from_the_facts(assistant):
    problems = []
    for turns in load_cases():
        conversation = uuid.uuid4().hex
        for turn in turns:
            state = _state(assistant, turn["q"], conversation)
            shown = f"{state['draft']}\n\n{state['details']}"  # the answer and its details fold
            bad = numbers_not_in(shown, fact_numbers(state["facts"], state["passages"]))
            if bad:
                problems.append(f"{turn['q']!r}: {sorted(bad)}")
    assert not problems, "numbers in no fact:\n" + "\n".join(problems)


@pytest.mark.parametrize(
    "question",
    [
        "hello",
        "How much VRAM do I need to serve Qwen2.5 72B in int4 for 20 users at 8k context?",
        "full fine-tune of a 13B model on 2B tokens, how long on H100s and what does it cost per month?",
        "cheapest GPU with at least 48 GB",
    ],
)
def test_phrasings_outside_the_evaluation_set_also_print_only_fact_numbers(assistant, question):
    state = _state(assistant, question, None)
    shown = f"{state['draft']}\n\n{state['details']}"
    assert unsupported_numbers(shown, state["facts"], state["passages"]) == set()
