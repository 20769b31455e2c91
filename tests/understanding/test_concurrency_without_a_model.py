"""'Can one <card> serve N concurrent users / answer requests in parallel?' with no model named asks how a server
batches requests (answered from the guides with a verdict), not for the card's spec sheet. Phrasings in no
evaluation set."""

from __future__ import annotations

import pytest

from assistant.understanding import Intent


@pytest.mark.parametrize(
    "question",
    [
        "can one L4 serve 20 concurrent users?",
        "can an RTX 4090 answer 5 requests in parallel?",
    ],
)
def test_concurrent_requests_on_a_card_ask_how_serving_works(read, question):
    assert read(question).intent is Intent.EXPLAIN


def test_the_card_alone_is_still_a_spec_question(read):
    assert read("how much memory does the L4 have?").intent is Intent.SPEC
