"""'What hardware to serve an LLM to our N people?' with no model named: one model of each common size (the
``serving_size_examples`` assumption) sized for the users said, and a request for the model. Real assistant, catalog
and offerings; phrasings in no evaluation set."""

from __future__ import annotations

import uuid

from assistant.answering._numbers import unsupported_numbers


def _state(assistant, question):
    return assistant._prepare(question, f"sizes-{uuid.uuid4().hex}")


def test_each_example_size_gets_a_setup_for_the_users(assistant):
    question = "we'd like to run a private chatbot llm for 120 staff, what gpus should we get?"
    reply = assistant.ask(question, conversation_id=f"sizes-{uuid.uuid4().hex}")
    names = assistant.services.assumptions["serving_size_examples"].value
    assert reply.text.startswith("It depends on the model")
    assert all(f"**{n}**" in reply.text for n in names)
    assert "120 users" in reply.text and "upper bound" in reply.text and reply.gpus


def test_the_examples_quote_only_figures_from_their_plans(assistant):
    state = _state(assistant, "what gpu setup to host an llm for 40 people?")
    full = f"{state['draft']}\n\n{state['details']}"
    assert unsupported_numbers(full, state["facts"], state["passages"]) == set()


def test_a_named_model_is_sized_as_before(assistant):
    reply = assistant.ask(
        "what gpu to host llama 3.1 8b for 40 people?", conversation_id=f"sizes-{uuid.uuid4().hex}"
    )
    assert not reply.text.startswith("It depends on the model")


def test_what_we_need_to_serve_is_a_recommendation(assistant):
    reply = assistant.ask(
        "what do we need to serve llms to 300 concurrent users?", conversation_id=f"sizes-{uuid.uuid4().hex}"
    )
    assert reply.text.startswith("It depends on the model") and "300 users" in reply.text
    assert "upper bound" not in reply.text  # "concurrent": all of them at once is what was asked


def test_a_setup_for_a_small_team_is_the_example_sizes(assistant):
    reply = assistant.ask(
        "what's a decent setup to run an llm for our 8 person office?", conversation_id="sizes-team"
    )
    assert reply.text.startswith("It depends on the model") and "8 users" in reply.text
