"""Whether NVLink is needed is a question about how cards work together (a guide answers it), not a spec lookup
and not a fine-tuning size on the user's cards."""

from __future__ import annotations

import pytest

from assistant.understanding import Intent


@pytest.mark.parametrize(
    "question",
    [
        "is nvlink a requirement for training on 2 rtx 3090s?",
        "do my two 3090s need an nvlink bridge to share a model?",
        "would fine-tuning with a pair of 4090s be mandatory on nvlink?",
    ],
)
def test_need_for_the_link_is_explained(read, question):
    assert read(question).intent is Intent.EXPLAIN


def test_whether_cards_have_the_link_is_a_spec(read):
    assert read("does the rtx 4090 support nvlink?").intent is Intent.SPEC
