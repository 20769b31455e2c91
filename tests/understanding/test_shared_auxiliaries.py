"""One list of auxiliary verbs serves every reader of a yes/no: a clause asked after a report, the verdict's
"asked yes/no first", and a yes/no said in statement order. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.answering._verdict import asks_open
from assistant.understanding._auxiliaries import AUXILIARIES, MODALS
from assistant.understanding._understand import _AUXILIARY_OPENING, _declarative_yes_no

_SHARED = AUXILIARIES.split("|")


def test_the_modals_are_among_the_auxiliaries():
    assert set(MODALS.split("|")) <= set(_SHARED)


@pytest.mark.parametrize("word", _SHARED)
def test_a_clause_opening_with_any_shared_auxiliary_asks_yes_no(word):
    assert _AUXILIARY_OPENING.match(f"but {word} the spare l4 take it?")


@pytest.mark.parametrize("word", [*_SHARED, "did", "has", "have", "am", "must"])
def test_the_verdict_reads_a_yes_no_first_for_every_auxiliary_and_its_own_extension(word):
    assert not asks_open(f"{word} the l4 hold it, and which quant then?")


@pytest.mark.parametrize("word", ["did", "has", "must"])
def test_the_verdicts_extension_is_not_an_opening_for_understanding(word):
    assert not _AUXILIARY_OPENING.match(f"{word} the spare l4 take it?")


@pytest.mark.parametrize("modal", MODALS.split("|"))
def test_a_modal_after_its_subject_is_a_yes_no_in_statement_order(modal):
    assert _declarative_yes_no(f"so we {modal} serve phi-3 on the t4 at work?")
