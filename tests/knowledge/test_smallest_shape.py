"""The smallest instance that holds a GPU count no instance has exactly (a cloud that rents a card eight to an
instance): pure domain code on a hand-built offerings table."""

from __future__ import annotations

import datetime as dt

from assistant.knowledge._market import smallest_shape_holding
from assistant.knowledge._offerings import Offering, OfferingsTable


def offer(provider: str, n: int, *, flags=()) -> Offering:
    return Offering(
        provider=provider,
        instance_type=f"{provider}-{n}x",
        gpu="A100 80GB SXM",
        gpus_per_instance=n,
        region="us-east-1",
        on_demand_per_hour=2.0 * n,
        spot_per_hour=None,
        flags=flags,
        source="https://example.org/vms.csv",
        as_of=dt.date(2026, 11, 29),
    )


TABLE = OfferingsTable([offer("big", 8), offer("big", 16), offer("small", 1), offer("small", 4)])


def test_the_fewest_gpus_above_the_count_at_the_provider():
    assert smallest_shape_holding(TABLE, "A100 80GB SXM", 2, providers=("big",)) == 8
    assert smallest_shape_holding(TABLE, "A100 80GB SXM", 2, providers=("small",)) == 4
    assert smallest_shape_holding(TABLE, "A100 80GB SXM", 2) == 4


def test_none_when_no_instance_holds_that_many():
    assert smallest_shape_holding(TABLE, "A100 80GB SXM", 16) is None
    assert smallest_shape_holding(TABLE, "A100 80GB SXM", 4, providers=("small",)) is None


def test_doubtful_prices_do_not_count():
    doubtful = OfferingsTable([offer("big", 8, flags=("implausible-price: a placeholder",))])
    assert smallest_shape_holding(doubtful, "A100 80GB SXM", 2) is None
