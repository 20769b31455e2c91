"""A tool said to be built on a model on record: whatever verdict leads (a conditional 'Only with' too), the note that
the figures are its base's follows it and never takes the first line."""

from __future__ import annotations

from tests.support.checked_answers import checked_answer


def test_a_conditional_verdict_keeps_the_first_line(assistant):
    got = checked_answer(
        assistant, "Can a 12GB card do inference for ClipWeaver? It is based on the Wan2.1 14B model."
    )
    assert got.first_line.startswith("**Only with**"), got.first_line
    assert "These go by **Wan2.1**" in got.draft


def test_a_relative_clause_naming_the_base_still_gets_a_verdict(assistant):
    got = checked_answer(assistant, "Could I use FrameSmith, which is built on SDXL, with a 6GB GPU?")
    assert got.first_line.startswith(("**No**", "**Only with**", "**Yes**")), got.first_line
    assert "These go by **SDXL**" in got.draft
