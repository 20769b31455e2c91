"""An open question about one card with no work named ("why is my 3080 sluggish in ollama?", "is the A100 still
worth it?") is answered from the troubleshooting guide, not with the card's spec sheet. Phrasings in no evaluation
set."""

from __future__ import annotations

import pytest

from assistant.understanding import Intent


@pytest.mark.parametrize(
    "question",
    [
        "why is my 3080 so sluggish in ollama",
        "why does my 7900 xtx feel slow with lm studio?",
        "is the a100 80gb still a good choice?",
    ],
)
def test_trouble_questions_are_explained(read, question):
    assert read(question).intent is Intent.EXPLAIN


@pytest.mark.parametrize(
    "question",
    [
        "how much memory does the L40S have?",
        "why is my 4090 slow with mistral 7b in ollama?",  # a model named: sized for that run
        "what's the bandwidth of the 3080?",
        "what happens when my L40S runs out of memory mid-training?",  # no guide section: see _understand
    ],
)
def test_spec_and_sized_questions_are_not(read, question):
    assert read(question).intent is not Intent.EXPLAIN or read(question).details.has_workload


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("why is my 3080 so sluggish in ollama", ("ollama ps", "bandwidth")),
        ("is the a100 80gb still a good choice?", ("Yes", "H100")),
        ("the v100, still worth renting?", ("arely", "bf16")),
    ],
)
def test_the_guide_answers_them(assistant, question, words):
    reply = assistant.ask(question, conversation_id=f"trouble-{hash(question)}")
    assert "| spec |" not in reply.text
    for word in words:
        assert word in reply.text
