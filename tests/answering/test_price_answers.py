"""Price answers keep to the card asked: a card offered at a provider only at doubtful prices is shown with them,
not swapped for a sibling variant. Phrasings in no evaluation set."""

from __future__ import annotations


def test_a_card_offered_only_at_doubtful_prices_is_shown_as_such_not_swapped_for_a_sibling(ask):
    # every A100 80GB row at gcp in the snapshot carries a doubtful-price flag; the A100 40GB is offered there too
    text = ask("what does gcp charge for the a100 80gb?").text
    first = text.split("\n")[0]
    assert "A100 80GB SXM" in first and "A100 40GB" not in first
    assert "set apart" in first


def test_the_instance_types_that_hold_a_card_are_listed_with_their_gpus_and_price(ask):
    reply = ask("which aws instance types come with the a10g?")
    first = reply.text.split("\n")[0]
    assert reply.intent == "price"
    assert "`g5.xlarge` (1 GPU, $" in first and "/hour" in first
