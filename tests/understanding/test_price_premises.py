"""An hourly price the user states for a GPU is checked against what the offerings rent it for: one far outside
(a tenth of the cheapest offer, many times the dearest) is a premise to correct; a plausible one is not."""

from __future__ import annotations

from assistant.understanding._premises import read_price_premises


def _range(name):
    return {"H100 SXM": (1.2, 3.0, 12.0, 0.9)}.get(name)


def test_far_below_every_offer_is_corrected(catalog):
    gpus = [catalog.by_name("H100 SXM")]
    (premise,) = read_price_premises("surely the h100 sxm is about $0.05/hr now", gpus, catalog, _range)
    assert premise.spec == "price" and premise.claimed == "$0.05 an hour"
    assert "$1.20 to $12.00 per GPU-hour on demand" in premise.fact and "spot from $0.90" in premise.fact


def test_plausible_or_unpriced_claims_stand(catalog):
    gpus = [catalog.by_name("H100 SXM"), catalog.by_name("T4")]
    assert read_price_premises("we pay $2.50 an hour for the h100 sxm", gpus, catalog, _range) == ()
    assert read_price_premises("the t4 at $0.01 per hour", gpus, catalog, _range) == ()  # nothing on record


def test_a_plausible_rate_paid_is_the_users_own(catalog):
    from assistant.understanding._premises import read_stated_rates

    gpus = [catalog.by_name("H100 SXM")]
    assert read_stated_rates("our h100 sxm costs us $2.10 an hour", gpus, catalog, _range) == {
        "H100 SXM": 2.1
    }
    assert read_stated_rates("an h100 sxm under $2.10 an hour", gpus, catalog, _range) == {}  # a ceiling
    assert read_stated_rates("the h100 sxm at $0.05/hr", gpus, catalog, _range) == {}  # a premise, not a rate


def test_a_price_said_before_the_card(catalog):
    from assistant.understanding._premises import read_stated_rates

    gpus = [catalog.by_name("H100 SXM")]
    assert read_stated_rates("we pay $2.40/hr for the h100 sxm", gpus, catalog, _range) == {"H100 SXM": 2.4}
    assert read_stated_rates("anything under $2.40/hr for the h100 sxm?", gpus, catalog, _range) == {}
