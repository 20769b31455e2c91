"""A fit asked of a memory size or of low-memory cards with nothing named to fit: the answer asks which model or tool,
and says what decides it, instead of a guide picked for the question's other words or "out of scope". Phrasings in
no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "where"),
    [
        ("Usable on weaker graphics cards? say 4gb ones", "4 GB"),
        ("will it run on low-end cards too?", "a low-memory card"),
        ("any chance this works with 10gb video cards?", "10 GB"),
    ],
)
def test_the_unnamed_subject_is_asked_for(converse, question, where):
    reply = converse(question)
    assert reply.text.startswith(f"It depends on what you want to run on {where}"), reply.text
    assert "which model or tool" in reply.text and reply.memory_gb is None


@pytest.mark.parametrize(
    "question",
    [
        "what are the options besides nvidia for training?",  # another subject: vendors
        "is 16gb enough for sdxl?",  # a model named
        "what can my 8gb card run?",  # what runs there: the models that do
    ],
)
def test_a_named_subject_keeps_its_own_answer(converse, question):
    assert not converse(question).text.startswith("It depends on what you want to run")
