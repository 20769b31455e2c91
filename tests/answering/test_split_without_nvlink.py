"""A split across cards that lack NVLink ("tensor parallel over two L40S without NVLink?") is possible — the
cards talk over PCIe, slower — so the answer opens Yes; asking whether a card has NVLink still gets the row's
answer. Real components; phrasings in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "question",
    [
        "Can SGLang shard a model over two L40S that have no NVLink between them?",
        "Our RTX A5000 cards lack NVLink; is tensor parallelism across them possible?",
    ],
)
def test_a_split_without_nvlink_is_possible(ask, question):
    reply = ask(question)
    assert reply.text.startswith("**Yes** — splitting a model across several")
    assert "PCIe" in reply.text.splitlines()[0]


def test_whether_a_card_has_nvlink_is_still_the_rows_answer(ask):
    assert ask("Does the L40S come with NVLink?").text.startswith("**No** — the L40S has no NVLink")
