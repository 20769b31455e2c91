"""'Suggest a model for my card', 'is there a model that runs on my Mac?': some model, none named, asked for the
hardware said, is a 'what runs here' question: the largest model that runs, not the card's spec sheet."""

from __future__ import annotations

import uuid

import pytest


@pytest.mark.parametrize(
    "question",
    [
        "Could you recommend an LLM for my RTX 4070 12GB?",
        "Are there any models that run on a MacBook Pro M3 with 18GB?",
        "we'd like to get a model working on our RTX 3090, any ideas?",
    ],
)
def test_some_model_asked_for_the_hardware_gets_what_runs(converse, question):
    first = converse(question).text.split("\n")[0]
    assert "the largest model here that runs" in first, first


@pytest.mark.parametrize(
    "question",
    [
        "can you recommend a model for summaries on a rented A10G, and what it costs an hour?",
        "is there a model that runs on an L40S for under $1 an hour?",
    ],
)
def test_some_model_on_hired_hardware_is_still_a_price_question(assistant, question):
    # on a card the user hires, the bill is asked: not "On your L40S, the largest model here that runs is ..."
    reply = assistant.ask(question, conversation_id=f"some-model-hired-{uuid.uuid4().hex}")
    assert "On your" not in reply.text.split("\n\n")[0]
