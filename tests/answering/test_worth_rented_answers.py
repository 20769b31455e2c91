"""'Is card A still worth it, or should I get card B?' answers about card A, the one asked about: when the cheaper
card is the subject, Yes means it costs less per job, not that the dearer card wins."""

from __future__ import annotations

from tests.support.checked_answers import checked_answer


def test_the_cheaper_card_asked_about_is_judged_per_job(assistant):
    a = checked_answer(
        assistant, "are V100s still worth it for training, or should our lab rent H100s instead?"
    )
    assert a.first_line.startswith("**No**"), a.first_line
    assert "the V100" in a.first_line and "more per job" in a.first_line


def test_the_dearer_card_asked_about_keeps_its_verdict(assistant):
    a = checked_answer(
        assistant, "is an H200 worth it for training when A100 80GB rentals are so much cheaper?"
    )
    assert a.first_line.startswith(("**Yes**", "**No**")), a.first_line
    assert "per job" not in a.first_line.split(":")[-1] or "the H200 has" in a.first_line


def test_an_upgrade_question_weighs_the_dearer_card(assistant):
    a = checked_answer(assistant, "is it worth switching our training from A100 80GB to H100s?")
    assert "less per hour but more per job" not in a.first_line, a.first_line
