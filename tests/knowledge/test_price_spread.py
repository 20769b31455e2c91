"""The price market's set-apart rule: Tukey's fences on providers' median prices, auction markets set apart."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.knowledge._market import MIN_FENCE_RATIO, gpu_market, price_fences
from assistant.knowledge._offerings import Offering, OfferingsTable

AS_OF = dt.date(2026, 11, 29)


def offer(provider, price, n=1, region="us-east-1", spot=None, flags=(), instance=None) -> Offering:
    return Offering(
        provider=provider,
        instance_type=instance or f"{provider}-{n}x",
        gpu="H100 SXM",
        gpus_per_instance=n,
        region=region,
        on_demand_per_hour=price * n,
        spot_per_hour=None if spot is None else spot * n,
        flags=flags,
        source="https://example.org/vms.csv",
        as_of=AS_OF,
    )


# Six GPU clouds between $1.90 and $3.20 per GPU-hour, one listing many regions, plus a hyperscaler at $12.29
# and an auction market at $1.00 whose on-demand and spot figures are the same.
REGULAR = [
    offer("a", 1.90),
    offer("b", 2.40),
    offer("c", 2.69),
    offer("d", 2.99),
    offer("e", 3.20),
    *[offer("f", 2.50, region=f"r{i}") for i in range(40)],
]
HYPERSCALER = offer("bigcloud", 12.29, n=8)
AUCTION = offer("auction", 1.00, n=8, spot=1.00, flags=("spot-equals-on-demand: the same price",))


@pytest.fixture
def table():
    return OfferingsTable([*REGULAR, HYPERSCALER, AUCTION])


def test_fences_come_from_provider_medians_so_a_provider_listing_many_regions_weighs_once():
    fences = price_fences([*REGULAR, HYPERSCALER])
    one_row_each = price_fences([*REGULAR[:5], REGULAR[5], HYPERSCALER])
    assert fences == pytest.approx(one_row_each)


def test_far_prices_are_set_apart_with_the_reason_and_kept_out_of_the_range(table):
    market = gpu_market(table, "H100 SXM")
    apart = {q.offering.provider: q.set_apart for q in market.set_apart}
    assert "above the usual range" in apart["bigcloud"] and "IQR" in apart["bigcloud"]
    assert "auction" in apart["auction"]
    assert market.on_demand.min == pytest.approx(1.90) and market.on_demand.max == pytest.approx(3.20)
    assert market.cheapest[0].offering.provider == "a"  # the auction bid is never "the cheapest"
    assert all(q.set_apart is None for q in market.cheapest)


def test_the_auction_price_is_set_apart_among_spot_offers_too(table):
    market = gpu_market(table, "H100 SXM")
    assert [q.offering.provider for q in market.set_apart_spot] == ["auction"]
    assert market.spot is None  # no regular spot offer left


def test_fences_are_never_narrower_than_half_to_twice_the_median():
    same = [offer(p, 0.22) for p in "abc"] + [offer("d", 0.43)]  # three providers agree, one quotes double
    low, high = price_fences(same)  # Tukey alone would give [0.22, 0.22 x 1.something]
    assert high == pytest.approx(0.22 * MIN_FENCE_RATIO) and low == pytest.approx(0.22 / MIN_FENCE_RATIO)
    assert gpu_market(OfferingsTable(same), "H100 SXM").set_apart == ()


def test_too_few_providers_give_no_fences():
    assert price_fences([offer("a", 1.0), offer("b", 9.0), offer("c", 2.0)]) is None


def test_a_source_quirk_with_spot_left_empty_is_not_an_auction():
    quirk = offer("azure", 12.29, n=8, flags=("spot-equals-on-demand: spot left empty",))
    market = gpu_market(OfferingsTable([*REGULAR, quirk]), "H100 SXM")
    reasons = {q.offering.provider: q.set_apart for q in market.set_apart}
    assert "auction" not in reasons["azure"] and "above the usual range" in reasons["azure"]


def test_doubtful_prices_stay_out_unless_they_are_all_a_filter_leaves():
    doubtful = offer(
        "cloudx", 2.95, flags=("region-inconsistent-price: far from its other regions; treat with caution",)
    )
    table = OfferingsTable([*REGULAR, doubtful])
    everywhere = gpu_market(table, "H100 SXM")
    assert "cloudx" not in {q.offering.provider for q in (*everywhere.cheapest, *everywhere.set_apart)}
    assert everywhere.on_demand.max == pytest.approx(3.20)  # the doubtful price is not in the range
    at_it = gpu_market(table, "H100 SXM", providers=("cloudx",))
    assert at_it.on_demand is None  # not quoted as a regular price ...
    (quote,) = at_it.set_apart  # ... but shown, with the doubt, instead of "no offer"
    assert quote.offering.provider == "cloudx" and "doubtful" in quote.set_apart
    assert "far from its other regions" in quote.set_apart
