"""'Could it be that I do not have enough memory?' asks whether the hardware falls short: a fit is answered **No**
(it is enough), a shortfall **Yes** — not the plain fit verdict, whose Yes would read as 'yes, you lack it'.
Phrasings in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.answering._verdict import _SHORTFALL


@pytest.mark.parametrize(
    "asked",
    [
        "maybe i just don't have enough vram for this?",
        "is the problem that we do not have sufficient memory?",
        "does my laptop lack the memory for it?",
        "is 8gb not enough?",
    ],
)
def test_shortfall_phrasings(asked):
    assert _SHORTFALL.search(asked)


@pytest.mark.parametrize("asked", ["do i have enough vram?", "will it have enough room for 8 users?"])
def test_plain_enough_is_not_a_shortfall(asked):
    assert not _SHORTFALL.search(asked)


def test_a_fit_answers_no_to_the_shortfall(assistant):
    reply = assistant.ask(
        "qlora on mistral 7b keeps crashing on my 3090. is it that i don't have enough vram?",
        conversation_id="negated-shortfall-fit",
    )
    assert reply.text.startswith("**No**")


def test_a_shortfall_answers_yes(assistant):
    reply = assistant.ask(
        "full finetune of llama 3 8b dies on my single a6000, maybe the card lacks the memory?",
        conversation_id="negated-shortfall-short",
    )
    assert reply.text.startswith("**Yes**")
