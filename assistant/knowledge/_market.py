"""Price-market analysis over the offerings table: spread per GPU-hour across providers and regions, spot
against on-demand, the cheapest offers and regions, and the training- vs inference-class price gap (pure).

All prices are USD, as the sources give them. Price-suspect rows (:data:`SUSPECT_PRICE_CODES`) are left out; when they are the
only offers matching a question's filters, they are shown set apart with the doubt.

**Set-apart offers.** Some listed prices are real but not comparable with a list price, and quoting them as "the
cheapest" would mislead. An offer is *set apart* — kept out of the min/median/max and the cheapest offers, and
shown on its own with the reason — when:

1. its per-GPU-hour price lies outside Tukey's fences, computed on the logarithm of the price over the
   **providers' median prices** (each provider counts once, so one provider listing 100 regions cannot move
   them): below Q1 - 1.5 x IQR or above Q3 + 1.5 x IQR (:data:`FENCE_K`), when at least
   :data:`MIN_PROVIDERS_FOR_FENCES` providers price the GPU (fewer: no fences). The fences are never
   narrower than half to twice the median of those provider medians (:data:`MIN_FENCE_RATIO`), so when most
   providers quote nearly the same price a merely different one is not cast out; or
2. the importer flagged the row ``price-outlier`` (below 1/3 or above 3x the providers' median); or
3. it is an auction-market price (:func:`is_auction`: the source lists the same figure as on-demand and spot and
   both are kept, as for mithril's market): a bid that can be outbid, not a list price.

Fences on the log price treat "half the usual price" and "twice the usual price" alike, which suits prices
that spread multiplicatively (a hyperscaler's 8-GPU node at 4x a GPU cloud's rate).
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
import weakref
from collections.abc import Mapping
from dataclasses import dataclass

from ._offerings import SUSPECT_PRICE_CODES, Offering, OfferingsTable

__all__ = [
    "AUCTION_CODES",
    "FENCE_K",
    "MIN_FENCE_RATIO",
    "MIN_PROVIDERS_FOR_FENCES",
    "ClassGap",
    "GpuMarket",
    "Quote",
    "Spread",
    "class_gap",
    "gpu_market",
    "is_auction",
    "price_fences",
    "smallest_shape_holding",
]

_CHEAPEST_SHOWN = 5
_SET_APART_SHOWN = 6

#: Tukey's multiplier for the interquartile range.
FENCE_K = 1.5
#: The fences reach at least this factor below and above the median of the providers' medians.
MIN_FENCE_RATIO = 2.0
#: Fewer providers than this give no fences (quartiles of three numbers say little).
MIN_PROVIDERS_FOR_FENCES = 4
#: The importer's flag for a source listing the same figure as on-demand and spot. With both prices kept it marks
#: an auction market (mithril); with spot left empty it only records a source quirk (Azure), see :func:`is_auction`.
AUCTION_CODES = frozenset({"spot-equals-on-demand"})


def is_auction(offering: Offering) -> bool:
    """True for an auction-market row: flagged spot-equals-on-demand and both prices kept (equal)."""
    return (
        bool(offering.flag_codes & AUCTION_CODES)
        and offering.spot_per_hour is not None
        and offering.spot_per_hour == offering.on_demand_per_hour
    )


@dataclass(frozen=True)
class Quote:
    """One offer at one price: the instance, its region's continent, and the price per GPU-hour."""

    offering: Offering
    spot: bool
    per_gpu_hour: float
    per_hour: float
    continent: str | None
    set_apart: str | None = None  # why this offer is kept out of the range and the cheapest list, if it is


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
    set_apart: tuple[Quote, ...] = ()  # on-demand offers kept out of the range, with the reason
    set_apart_spot: tuple[Quote, ...] = ()  # the same among spot offers
    fences: tuple[float, float] | None = None  # the on-demand usual range, USD per GPU-hour (see module doc)
    # the GPU count asked when no instance has exactly that many and ``n_gpus`` is the smallest one that holds it
    # ("2x A100 80GB on AWS", which rents them eight to an instance)
    asked_gpus: int | None = None


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
    ``providers`` a provider filter; ``spot_first`` ranks the continents by spot price (each worked out once per
    table: the table does not change, and a comparison asks for the same GPUs' markets again and again)."""
    markets = _MARKETS.get(table)
    if markets is None:
        markets = _MARKETS[table] = {}
    key = (gpu, where, n_gpus, tuple(providers), spot_first)
    market = markets.get(key)
    if market is None:
        market = markets[key] = _market(table, gpu, where, n_gpus, tuple(providers), spot_first)
    return market


def smallest_shape_holding(
    table: OfferingsTable, gpu: str, count: int, *, where: str | None = None, providers: tuple[str, ...] = ()
) -> int | None:
    """The fewest GPUs per instance, above ``count``, among the regular offers of ``gpu`` (at ``providers``, in
    ``where``), or None when no instance holds that many."""
    sizes = {
        o.gpus_per_instance
        for o in table.of_gpu(gpu)
        if not o.price_suspect
        and o.gpus_per_instance > count
        and (not providers or o.provider in providers)
        and (where is None or _in(table, o, where))
    }
    return min(sizes, default=None)


_MARKETS: weakref.WeakKeyDictionary[OfferingsTable, dict[tuple, GpuMarket]] = weakref.WeakKeyDictionary()


def _market(
    table: OfferingsTable,
    gpu: str,
    where: str | None,
    n_gpus: int | None,
    providers: tuple[str, ...],
    spot_first: bool,
) -> GpuMarket:
    rows = table.of_gpu(gpu)
    every = [o for o in rows if not o.price_suspect]

    def wanted(o: Offering) -> bool:
        return (
            (n_gpus is None or o.gpus_per_instance == n_gpus)
            and (not providers or o.provider in providers)
            and (where is None or _in(table, o, where))
        )

    matching = [o for o in every if wanted(o)]
    if not matching:
        # only doubtful prices match ("an A100 on GCP", whose rows the source prices inconsistently): shown set
        # apart with the doubt, rather than saying no such offer exists
        matching = [o for o in rows if o.price_suspect and wanted(o)]
    fences = price_fences(every, spot=False)
    on_demand_all = _quotes(table, matching, spot=False, fences=fences)
    spot_all = _quotes(table, matching, spot=True, fences=price_fences(every, spot=True))
    on_demand = [q for q in on_demand_all if q.set_apart is None]
    spot = [q for q in spot_all if q.set_apart is None]
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
        set_apart=tuple(_distinct([q for q in on_demand_all if q.set_apart])[:_SET_APART_SHOWN]),
        set_apart_spot=tuple(_distinct([q for q in spot_all if q.set_apart])[:_SET_APART_SHOWN]),
        fences=fences,
    )


def price_fences(offerings, *, spot: bool = False) -> tuple[float, float] | None:
    """The usual range of per-GPU-hour prices among ``offerings`` (one GPU's, suspect rows already out): Tukey's
    fences on the log of the providers' median prices, back in USD; None with too few providers."""
    per_provider: dict[str, list[float]] = {}
    for o in offerings:
        price = o.spot_per_gpu_hour if spot else o.on_demand_per_gpu_hour
        if price is not None and price > 0 and not is_auction(o):
            per_provider.setdefault(o.provider, []).append(price)
    if len(per_provider) < MIN_PROVIDERS_FOR_FENCES:
        return None
    logs = sorted(math.log(statistics.median(prices)) for prices in per_provider.values())
    q1, median, q3 = statistics.quantiles(logs, n=4, method="inclusive")
    spread = FENCE_K * (q3 - q1)
    widest = math.log(MIN_FENCE_RATIO)
    return math.exp(min(q1 - spread, median - widest)), math.exp(max(q3 + spread, median + widest))


def _set_apart(offering: Offering, price: float, fences: tuple[float, float] | None) -> str | None:
    if offering.price_suspect:
        doubt = next(f for f in offering.flags if f.split(":", 1)[0].strip() in SUSPECT_PRICE_CODES)
        return f"the source's price is doubtful ({doubt.split(':', 1)[-1].strip()})"
    if is_auction(offering):
        return "auction-market price (the source lists the same figure as on-demand and spot): a bid, not a list price"
    if fences is not None and price < fences[0]:
        return f"below the usual range (under {_usd(fences[0])}/GPU-hour by the IQR rule)"
    if fences is not None and price > fences[1]:
        return f"above the usual range (over {_usd(fences[1])}/GPU-hour by the IQR rule)"
    if "price-outlier" in offering.flag_codes:
        return "far from every other provider's price (below 1/3 or above 3x their median)"
    return None


def _usd(value: float) -> str:
    return f"${value:,.2f}"


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


def _quotes(
    table: OfferingsTable,
    offerings: list[Offering],
    *,
    spot: bool,
    fences: tuple[float, float] | None = None,
) -> list[Quote]:
    quotes = []
    for o in offerings:
        per_gpu = o.spot_per_gpu_hour if spot else o.on_demand_per_gpu_hour
        per_hour = o.spot_per_hour if spot else o.on_demand_per_hour
        if per_gpu is None or per_hour is None:
            continue
        reason = _set_apart(o, per_gpu, fences)
        quotes.append(Quote(o, spot, per_gpu, per_hour, table.continent_of(o.region), reason))
    quotes.sort(
        key=lambda q: (q.per_gpu_hour, q.offering.provider, q.offering.instance_type, q.offering.region or "")
    )
    return quotes


def _distinct(quotes: list[Quote]) -> list[Quote]:
    """One quote per provider, region and per-GPU price: zones of one region list the same offer, and a provider's
    1x/2x/4x shapes at one rate are one offer to a reader (the smallest shape is kept, as the list is sorted)."""
    seen: set[tuple[str, str | None, float]] = set()
    kept = []
    for q in quotes:
        key = (q.offering.provider, q.offering.region, round(q.per_gpu_hour, 4))
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
