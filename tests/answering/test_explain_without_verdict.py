"""A what/how question answered from a guide's Yes/No FAQ section does not open with that section's "Yes" or "No":
nothing was asked that a yes or no answers. A yes/no question still gets the verdict. Real components (a real Chroma
index of corpus/guides); phrasings in no evaluation set."""

from __future__ import annotations

import re

import pytest

from assistant.answering._compose._passages import _without_verdict

_OPENS_WITH_VERDICT = re.compile(r"\W*(?:yes|no)\b", re.I)


@pytest.mark.parametrize(
    "question",
    [
        "what is tensor parallel size in vllm, for a pair of gpus?",
        "how is one model spread across multiple cards with tensor parallelism?",
    ],
)
def test_a_what_or_how_question_gets_no_verdict(converse, question):
    reply = converse(question)
    assert reply.text.strip()
    assert not _OPENS_WITH_VERDICT.match(reply.text), reply.text[:200]


def test_a_yes_no_question_keeps_the_guides_verdict(converse):
    reply = converse("can vllm split one model over two gpus with tensor parallelism?")
    assert re.match(r"\W*(?:yes|only)\b", reply.text, re.I), reply.text[:200]


@pytest.mark.parametrize(
    ("excerpt", "expected"),
    [
        ("Yes, with two cards: each holds half.", "With two cards: each holds half."),
        ("No — PCIe is enough for data parallelism.", "PCIe is enough for data parallelism."),
        ("No GPU in the catalog holds it.", "No GPU in the catalog holds it."),
        ("Nothing to add.", "Nothing to add."),
        ("Only with offloading: RAM is slower.", "Only with offloading: RAM is slower."),
    ],
)
def test_only_a_verdict_word_is_dropped(excerpt, expected):
    assert _without_verdict(excerpt) == expected
