"""A full fine-tune asked on the user's own single home card that does not hold it, with a time asked: No first, then
the adapter run their card does hold, timed on it with no rental bill — not the time on several cards of a kind they
own one of. Phrasings in no evaluation set."""

from __future__ import annotations


def test_the_no_leads_and_the_adapter_run_is_timed_on_their_card(ask):
    first = ask(
        "gonna do a full param finetune of qwen2.5 1.5b on my rtx 3060 12gb, how long would 30M tokens take?"
    ).text
    first = first.splitlines()[0]
    assert first.startswith("**No** — full fine-tuning of Qwen2.5 1.5B"), first
    assert "fine-tuning of Qwen2.5 1.5B on your RTX 3060 12GB" in first and "x RTX 3060" not in first, first
    assert "/hour" not in first  # their card: no rental rate


def test_a_rented_card_still_gets_the_count_that_holds_it(ask):
    first = ask("full finetune qwen2.5 1.5b on an rtx 3060 12gb, how long for 30M tokens?").text.splitlines()[
        0
    ]
    assert not first.startswith("**No**"), first
