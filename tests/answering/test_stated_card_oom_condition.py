"""A card told only by its memory ('my 4gb gpu') whose fine-tune ran out of memory, where every method fits on paper
only with gradient checkpointing on: the Yes is conditioned on it, as for a named card; with no failure reported the
plain Yes stays. Phrasings here are in no evaluation set."""

from __future__ import annotations

from tests.support.checked_answers import checked_answer


def test_an_oom_on_a_4gb_card_is_only_with_checkpointing(assistant):
    checked = checked_answer(
        assistant,
        "gpt2 small finetuning keeps hitting CUDA out of memory on my 4gb laptop gpu even with batch size 1, "
        "can I make it fit?",
    )
    assert checked.first_line.startswith("**Only with gradient checkpointing on**"), checked.first_line
    assert "`gradient_checkpointing=True`" in checked.first_line


def test_no_failure_keeps_the_yes(assistant):
    checked = checked_answer(assistant, "can I fine-tune gpt-2 124M on a 4GB gpu?")
    assert checked.first_line.startswith("**Yes**"), checked.first_line
