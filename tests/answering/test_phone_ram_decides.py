"""A model on a phone with no RAM said: the phone's RAM decides it (not in the catalog, not a desktop's), so the
lead says so with the RAM the model needs, and the speed is not a desktop RAM estimate."""

from tests.support.checked_answers import checked_answer


def test_a_phone_without_its_ram_said_is_an_it_depends_with_the_figure(assistant):
    a = checked_answer(assistant, "would qwen2.5 7b be runnable on a pixel 7 phone?")
    assert a.first_line.startswith("**It depends on the phone's RAM**")
    assert "GB of RAM" in a.first_line and "how much RAM it has" in a.full
    assert "dual-channel" not in a.full  # not a desktop's RAM bandwidth


def test_a_phone_with_its_ram_said_gets_the_verdict(assistant):
    a = checked_answer(assistant, "an ipad with 16gb ram, can it run llama 3.2 3b?")
    assert a.first_line.startswith("**Yes**")
