"""A turn naming only a provider after a price ("on runpod", "and at lambda?") asks the same card's price there
(phrasings in no evaluation set)."""

from __future__ import annotations

from assistant.understanding import Intent


def test_a_provider_alone_after_a_price_is_that_price_there(read):
    u = read("what do A100 80GB rentals go for per hour?", "at lambda then")
    assert u.follow_up and u.intent is Intent.PRICE and u.details.gpus == ("A100 80GB SXM",)
