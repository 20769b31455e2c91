"""A yes/no about running some work on one named card, when nothing on record sizes that work, says plainly that it
cannot tell and what decides it — not a spec sheet on its own, and never a made-up verdict; a spec question about the
card keeps its own verdict. Phrasings here are in no evaluation set."""

from __future__ import annotations

from tests.support.checked_answers import checked_answer


def test_an_unsized_method_on_a_named_card_cannot_be_told(assistant):
    checked = checked_answer(
        assistant, "Great paper! Could your pipeline be reproduced on one RTX A5000? [FooNet-3D]"
    )
    assert checked.first_line.startswith(("**I can't tell", "**I can't say yes or no")), checked.first_line
    assert "24.0 GB" in checked.first_line and "README" in checked.first_line


def test_a_spec_yes_no_keeps_its_verdict(assistant):
    checked = checked_answer(assistant, "Does the RTX A5000 support bf16?")
    assert checked.first_line.startswith("**Yes**"), checked.first_line
