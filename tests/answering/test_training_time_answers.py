"""How long a fine-tune takes, asked the way people ask it: the dataset counted in examples (their length said in
a clause of its own, or not at all, when the answer assumes one and says so), on the one GPU they name even when
it does not hold the job (the time on as many of that GPU as do, and what fits on one). Every figure comes from
the facts. Real components; phrasings in no evaluation set."""

from __future__ import annotations

import uuid

import pytest

from assistant.answering._numbers import unsupported_numbers


@pytest.fixture(scope="module")
def ask(assistant):
    def _ask(question):
        state = assistant._prepare(question, f"ttime-{uuid.uuid4().hex}")
        shown = f"{state['draft']}\n\n{state['details']}"
        assert unsupported_numbers(shown, state["facts"], state["passages"]) == set()
        return state

    return _ask


def test_the_named_gpu_is_timed_at_the_count_that_holds_the_job(ask):
    state = ask("how long to finetune qwen2.5 7b on one A100 80GB with 80k samples, around 600 tokens each?")
    first = state["draft"].splitlines()[0]
    fit = state["facts"].plan.lead
    assert "A100 80GB" in first and "H100" not in first  # their GPU, not another the question never named
    assert (
        "one A100 80GB SXM does not hold it" in first
        and "LoRA fine-tuning fits on one A100 80GB SXM" in first
    )
    assert state["facts"].workload.tokens == pytest.approx(80e3 * 600)
    assert fit is not None


def test_examples_of_an_unsaid_length_are_assumed_and_said(ask):
    state = ask("lora on llama 3 8b, 15k examples, 2 epochs — how many hours on an L40S?")
    first = state["draft"].splitlines()[0]
    assert "tokens per example" in first and "15,000 examples x 2 epochs" in first
    assert state["facts"].workload.tokens == pytest.approx(15e3 * 512 * 2)
