"""Training asked, yes or no, for a generator on record with inference figures only (phrasings of our own, in no
evaluation set): when running it at its defaults already needs more than the card, the answer opens "Only with" the
memory savings, instead of declining to give any verdict."""

from __future__ import annotations


def test_training_a_model_whose_default_run_overflows_the_card_is_only_with_savings(assistant):
    reply = assistant.ask("is it feasible to train a HunyuanVideo lora on a 16gb 4080?")
    assert reply.text.startswith("Only with memory savings")
    assert "45.0 GB" in reply.text and "8-bit optimizer" in reply.text


def test_a_card_that_holds_the_default_run_gets_no_made_up_verdict(assistant):
    reply = assistant.ask("could I train an LTX-Video lora on an 80GB A100?")
    assert not reply.text.startswith(("Only with", "**Yes**", "**No**"))
