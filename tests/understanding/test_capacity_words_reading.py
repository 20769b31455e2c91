"""'How many <described> users' is a capacity question whatever words describe the users; hardware counted
('how many GPUs for 50 users') is not."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "question",
    [
        "about how many support-bot customers could one a100 keep up with on mistral 7b?",
        "how many daily active people can an l4 take with phi-3 mini?",
    ],
)
def test_described_users_ask_for_capacity(read, question):
    assert read(question).details.wants_capacity


def test_counting_hardware_for_users_is_not_a_capacity_question(read):
    assert not read("how many H100 cards for 300 users of llama 3 70b?").details.wants_capacity
