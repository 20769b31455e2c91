"""GPU-hours and wall-clock time on a cluster: a stated number of GPU-hours over a stated number of GPUs is the
wall-clock time (checked against the user's own figure when they give one), and a stated time on a cluster is
its GPU-hours. Every figure is arithmetic on the question's own numbers. Real components; phrasings in no
evaluation set."""

from __future__ import annotations

import re
import uuid

import pytest

from assistant.answering._numbers import unsupported_numbers


@pytest.fixture(scope="module")
def ask(assistant):
    def _ask(question):
        state = assistant._prepare(question, f"clock-{uuid.uuid4().hex}")
        shown = f"{state['draft']}\n\n{state['details']}"
        assert unsupported_numbers(shown, state["facts"], state["passages"]) == set()
        return state["draft"]

    return _ask


def _bold(text: str) -> str:
    return re.search(r"\*\*([^*]+)\*\*", text.removeprefix("**Yes**").removeprefix("**No**")).group(1)


def test_gpu_hours_over_the_cluster_give_the_wall_clock(ask):
    text = ask(
        "Llama 3.1 405B was 30.84M GPU hours. Spread on 16,384 H100s, how many days of training is that?"
    )
    assert "78 days" in _bold(text) and "30.84M" in text  # 30.84e6 / 16384 = 1,882 hours


def test_the_users_own_division_is_confirmed_when_it_is_right(ask):
    text = ask(
        "a 7B model needed 180k GPU-hours; with 2048 GPUs thats just 88 hours of wall clock, am I reading this right?"
    )
    assert text.startswith("**Yes**") and "87.9 hours" in text


def test_a_wrong_figure_gets_a_no_with_the_right_one(ask):
    text = ask("if the run is 2.4 million A100 hours and we have 1000 A100s, would it finish in 30 days?")
    assert text.startswith("**No**") and "100 days" in text and "not 30 days" in text


def test_a_time_on_a_cluster_gives_its_gpu_hours_and_their_cost(ask):
    text = ask(
        "we kept 32 H100s busy for 5 days — how many GPU hours was that, and roughly what did it cost?"
    )
    assert "3,840 GPU-hours" in text and "$" in text
