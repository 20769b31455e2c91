"""A maker's name then a model code the catalog lacks ("nvidia h300", "amd instinct mi400") is a card not on record:
said so, never silently swapped for a listed card or dropped. Listed codes after the maker stay listed.
Phrasings in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.understanding._local import _unlisted_card


@pytest.mark.parametrize(
    ("text", "card"),
    [
        ("would an nvidia x500 handle mistral 7b", "X500"),
        ("does the nvidia h300 exist for rent yet", "H300"),
        ("amd instinct mi400 for llama 405b?", "MI"),
    ],
)
def test_unlisted_codes(catalog, text, card):
    found = _unlisted_card(text, catalog)
    assert found is not None and found.replace(" ", "").upper().startswith(card)


@pytest.mark.parametrize(
    "text",
    [
        "nvidia a100 for qwen",
        "nvidia h200 141gb",
        "amd mi300x for 70b",
        "nvidia l4 for whisper",
        "nvidia 8b model",
    ],
)
def test_listed_codes_stay_listed(catalog, text):
    assert _unlisted_card(text, catalog) is None


def test_a_yes_no_on_an_unlisted_card_gives_no_verdict(assistant):
    reply = assistant.ask("will an nvidia x500 run mistral 7b?", conversation_id="unlisted-x500")
    assert "not in my catalog" in reply.text.split("\n", 1)[0]
    assert not reply.text.startswith("**Yes")


def test_a_price_of_an_unlisted_card_is_not_another_cards(assistant):
    reply = assistant.ask("what does an nvidia x500 cost an hour?", conversation_id="unlisted-x500-price")
    assert "not in my catalog" in reply.text
    assert "$" not in reply.text.split("\n", 1)[0]
