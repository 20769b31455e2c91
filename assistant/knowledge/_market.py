"""Price-market analysis over the offerings table: spread per GPU-hour across providers and regions, spot
against on-demand, the cheapest offers and regions, and the training- vs inference-class price gap (pure).

All prices are USD, as the sources give them. Price-suspect rows (:data:`SUSPECT_PRICE_CODES`) are left out.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Mapping
from dataclasses import dataclass

from ._offerings import Offering, OfferingsTable, compact_label

__all__ = ["ClassGap", "GpuMarket", "Quote", "Spread", "class_gap", "gpu_market"]

_CHEAPEST_SHOWN = 5


@dataclass(frozen=True)
class Quote:
    """One offer at one price: the instance, its region's continent, and the price per GPU-hour."""

    offering: Offering
    spot: bool
    per_gpu_hour: float
    per_hour: float
    continent: str | None


@dataclass(frozen=True)
class Spread:
    """Min, median and max USD per GPU-hour over ``count`` offers from ``providers`` providers."""

    count: int
    providers: int
    min: float
    median: float
    max: float


@dataclass(frozen=True)
class GpuMarket:
    """What the offerings table says about renting one GPU, optionally narrowed to a region and a shape."""

    gpu: str
    where: str | None
    n_gpus: int | None
    on_demand: Spread | None
    spot: Spread | None
    cheapest: tuple[Quote, ...]
    cheapest_spot: tuple[Quote, ...]
    by_continent: tuple[tuple[str, Quote], ...]  # the cheapest on-demand (or spot) offer per continent
    providers: tuple[str, ...]  # every provider renting the GPU (anywhere, any shape)
    providers_here: tuple[str, ...]  # providers with an offer matching the filters
    as_of: tuple[dt.date, ...]  # oldest and newest date of the matching offers
    provider_count: int = 0  # len(providers), kept as a number an answer may print
    spot_saving: float | None = None  # 1 - median spot / median on-demand, when both exist


@dataclass(frozen=True)
class ClassGap:
    """Median on-demand USD per GPU-hour of training-class against inference-class offers."""

    training_median: float
    training_offers: int
    inference_median: float
    inference_offers: int
    ratio: float
    as_of: tuple[dt.date, ...]


def gpu_market(
    table: OfferingsTable,
    gpu: str,
    *,
    where: str | None = None,
    n_gpus: int | None = None,
    providers: tuple[str, ...] = (),
    spot_first: bool = False,
) -> GpuMarket:
    """The market for ``gpu``: ``where`` is a continent or a region text, ``n_gpus`` an instance size,
    ``providers`` a provider filter; ``spot_first`` ranks the continents by spot price."""
    every = [o for o in table if compact_label(o.gpu) == compact_label(gpu) and not o.price_suspect]
    matching = [
        o
        for o in every
        if (n_gpus is None or o.gpus_per_instance == n_gpus)
        and (not providers or o.provider in providers)
        and (where is None or _in(table, o, where))
    ]
    on_demand = _quotes(table, matching, spot=False)
    spot = _quotes(table, matching, spot=True)
    per_continent: dict[str, Quote] = {}
    for quote in spot if spot_first else on_demand:
        if quote.continent and quote.continent not in per_continent:
            per_continent[quote.continent] = quote
    dates = sorted({o.as_of for o in matching})
    on_demand_spread, spot_spread = _spread(on_demand), _spread(spot)
    saving = 1 - spot_spread.median / on_demand_spread.median if on_demand_spread and spot_spread else None
    return GpuMarket(
        gpu=gpu,
        where=where,
        n_gpus=n_gpus,
        on_demand=on_demand_spread,
        spot=spot_spread,
        cheapest=tuple(_distinct(on_demand)[:_CHEAPEST_SHOWN]),
        cheapest_spot=tuple(_distinct(spot)[:_CHEAPEST_SHOWN]),
        by_continent=tuple(sorted(per_continent.items(), key=lambda item: item[1].per_gpu_hour)),
        providers=tuple(sorted({o.provider for o in every})),
        providers_here=tuple(sorted({o.provider for o in matching})),
        as_of=(dates[0], dates[-1]) if dates else (),
        provider_count=len({o.provider for o in every}),
        spot_saving=saving,
    )


def class_gap(table: OfferingsTable, classes: Mapping[str, str]) -> ClassGap | None:
    """Training- against inference-class median on-demand price per GPU-hour; ``classes`` maps catalog GPU
    names to their class ('training', 'inference', 'both', 'consumer'). None when either side is empty."""
    prices: dict[str, list[float]] = {"training": [], "inference": []}
    dates = set()
    for o in table:
        kind = classes.get(o.gpu)
        if kind in prices and o.on_demand_per_gpu_hour is not None and not o.price_suspect:
            prices[kind].append(o.on_demand_per_gpu_hour)
            dates.add(o.as_of)
    if not prices["training"] or not prices["inference"]:
        return None
    training, inference = statistics.median(prices["training"]), statistics.median(prices["inference"])
    return ClassGap(
        training_median=training,
        training_offers=len(prices["training"]),
        inference_median=inference,
        inference_offers=len(prices["inference"]),
        ratio=training / inference,
        as_of=(min(dates), max(dates)),
    )


def _in(table: OfferingsTable, offering: Offering, where: str) -> bool:
    needle = where.casefold()
    return (
        needle in (offering.region or "").casefold()
        or needle in (offering.zone or "").casefold()
        or (table.continent_of(offering.region) or "").casefold() == needle
    )


def _quotes(table: OfferingsTable, offerings: list[Offering], *, spot: bool) -> list[Quote]:
    quotes = []
    for o in offerings:
        per_gpu = o.spot_per_gpu_hour if spot else o.on_demand_per_gpu_hour
        per_hour = o.spot_per_hour if spot else o.on_demand_per_hour
        if per_gpu is None or per_hour is None:
            continue
        quotes.append(Quote(o, spot, per_gpu, per_hour, table.continent_of(o.region)))
    quotes.sort(
        key=lambda q: (q.per_gpu_hour, q.offering.provider, q.offering.instance_type, q.offering.region or "")
    )
    return quotes


def _distinct(quotes: list[Quote]) -> list[Quote]:
    """One quote per provider, instance type and region (zones of one region list the same offer)."""
    seen: set[tuple[str, str, str | None]] = set()
    kept = []
    for q in quotes:
        key = (q.offering.provider, q.offering.instance_type, q.offering.region)
        if key not in seen:
            seen.add(key)
            kept.append(q)
    return kept


def _spread(quotes: list[Quote]) -> Spread | None:
    if not quotes:
        return None
    prices = [q.per_gpu_hour for q in quotes]
    return Spread(
        count=len(prices),
        providers=len({q.offering.provider for q in quotes}),
        min=min(prices),
        median=statistics.median(prices),
        max=max(prices),
    )
