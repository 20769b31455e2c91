"""A yes about which instance size a cloud named offers gives the instance by its name (phrasings in no evaluation
set)."""

from __future__ import annotations

from tests.support.checked_answers import checked_answer


def test_the_instance_to_rent_is_named_when_a_cloud_is_said(assistant):
    a = checked_answer(assistant, "smallest ec2 box I need to host phi-3 mini, would one GPU be enough?")
    assert a.first_line.startswith("**Yes**"), a.first_line
    assert "aws `" in a.first_line, a.first_line
