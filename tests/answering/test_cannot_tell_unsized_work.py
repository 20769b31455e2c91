"""A yes/no about running some work on one named card, when nothing on record sizes that work: the research releases
on record estimate it, labelled, with what decides it — not a spec sheet on its own; a spec question about the card
keeps its own verdict. Phrasings here are in no evaluation set."""

from __future__ import annotations

from tests.support.checked_answers import checked_answer


def test_an_unsized_release_on_a_card_holding_a_typical_one_gets_a_hedged_yes(assistant):
    checked = checked_answer(
        assistant, "Great paper! Could your pipeline be reproduced on one RTX A5000? [FooNet-3D]"
    )
    # a card holding a typical research release at its defaults: a hedged Yes, with what settles it
    assert checked.first_line.startswith("**Yes**, probably"), checked.first_line
    assert "24.0 GB" in checked.first_line and "README" in checked.first_line


def test_a_spec_yes_no_keeps_its_verdict(assistant):
    checked = checked_answer(assistant, "Does the RTX A5000 support bf16?")
    assert checked.first_line.startswith("**Yes**"), checked.first_line
