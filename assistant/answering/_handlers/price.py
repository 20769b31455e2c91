"""Price questions: the offerings table's prices for the GPUs named (spread, regions, spot, providers), the
catalog's dated indicative prices, or a workload's cost."""

import re
from dataclasses import replace

from ...knowledge import GpuMarket, break_even, class_gap, gpu_market, smallest_shape_holding
from ...planning import CatalogFilter, filter_catalog
from ...understanding import Intent, read_market
from ...understanding._premises import product_of
from .._compose import compare_answer, explain_answer, market_answer, price_answer
from .._compose._catalog import tflops_gap
from .._compose._prices import period_of
from .._facts import PeriodCost
from ._registry import Handler, register


def _periods(understanding, markets):
    """The rental over the period the question names (or, for several GPUs, per hour), per GPU asked about."""
    period = period_of(understanding.shape_text)
    count = understanding.details.gpu_count or 1
    if (period is None or period[1] <= 1) and count == 1:
        return ()  # one GPU's hourly price is the table's own figure
    name, hours = period or ("hour", 1.0)
    # rented in a bigger instance than the count asked ("2x A100 on AWS" in an 8-GPU one): every GPU is paid for
    return tuple(
        _period_cost(m, m.n_gpus if m.asked_gpus else count, name, hours) for m in markets if m.on_demand
    )


def _period_cost(m, paid: int, name: str, hours: float) -> PeriodCost:
    """``paid`` GPUs of ``m`` rented for ``hours``, at the median and the cheapest rate."""
    return PeriodCost(
        m.gpu, paid, name, hours, m.on_demand.median * paid * hours, m.on_demand.min * paid * hours
    )


def _instance_offer(table, instance: str | None):
    """The cheapest on-demand row of the instance type the user named (a price the table holds), or None."""
    if table is None or not instance:
        return None
    rows = [
        o
        for o in table
        if o.instance_type.lower() == instance.lower() and o.on_demand_per_hour and not o.price_suspect
    ]
    return min(rows, key=lambda o: o.on_demand_per_hour, default=None)


def _instance_period(understanding, offer, hours_per_month: float):
    """That instance kept running for the period asked (a month when none is: what an always-on server costs)."""
    name, hours = period_of(understanding.shape_text) or ("month", hours_per_month)
    if hours <= 1:
        name, hours = "month", hours_per_month
    cost = offer.on_demand_per_hour * hours
    return PeriodCost(offer.instance_type, 1, name, hours, cost, cost)


_BOUGHT = ("consumer", "local")  # classes whose plain price question may mean buying


def _break_even(purchase, table, markets, bought):
    """Hours of rental the purchase price pays for, at the cheapest regular one-GPU offer (else the cheapest
    regular offer of any size) and at the median; None when no provider in the table rents the card. A card named
    beside it that nobody buys ("rent an A100 or buy a 4090") is the rental it is weighed against."""
    rented = next((m for m in markets if m.gpu not in bought and m.on_demand is not None), None)
    market = rented or next((m for m in markets if m.gpu == purchase.name), None)
    if table is None or market is None or market.on_demand is None:
        return None
    single = gpu_market(table, market.gpu, n_gpus=1)
    best = (single.cheapest or market.cheapest)[0]
    return break_even(
        purchase, best.per_gpu_hour, market.on_demand.median, best.offering, rented.gpu if rented else None
    )


def _variants_offered(gpu, found, catalog, table, market):
    """(variant, market) for the other variants of ``gpu``'s product with regular offers under the question's
    filters, when ``found`` (``gpu``'s own market there) has none."""
    if found.on_demand or found.spot:
        return []
    pairs = []
    for other in catalog:
        if other.name == gpu.name or product_of(other) != product_of(gpu):
            continue
        there = gpu_market(
            table,
            other.name,
            where=found.where,
            n_gpus=found.n_gpus,
            providers=market.providers,
            spot_first=market.spot,
        )
        if there.on_demand or there.spot:
            pairs.append((other, there))
    return pairs[:2]


def _memory_said(gpu, question: str) -> bool:
    """Whether the question names the variant by its memory ("an A100 80GB"): then no other variant stands in."""
    return bool(re.search(rf"(?<![\d.]){gpu.memory_gb:g}\s*-?\s*(?:gb|g)\b", question.lower()))


def _by_price(gpu):
    return (gpu.price_per_hour is None, gpu.price_per_hour or 0.0, gpu.name)


def _in_a_shape_offered(table, m: GpuMarket, market) -> GpuMarket:
    """``m`` as asked, or — when no instance has exactly the GPUs asked ("2x A100 80GB on AWS") — the market of the
    smallest instance that holds them there, marked with the count asked."""
    if not m.n_gpus or m.on_demand or m.spot or m.set_apart or m.set_apart_spot:
        return m
    size = smallest_shape_holding(table, m.gpu, m.n_gpus, where=market.where, providers=market.providers)
    if size is None:
        return m
    shaped = gpu_market(
        table, m.gpu, where=market.where, n_gpus=size, providers=market.providers, spot_first=market.spot
    )
    return replace(shaped, asked_gpus=m.n_gpus)


@register
class Price(Handler):
    intent = Intent.PRICE

    def gather_without_workload(self, understanding, knowledge, facts):
        details = understanding.details
        table = knowledge.offerings
        market = read_market(understanding.question, table.providers if table is not None else ())
        facts = replace(facts, market=market)
        if table is not None and market.asks_class_gap and not details.gpus:
            classes = {g.name: g.gpu_class for g in knowledge.catalog}
            return replace(facts, class_gap=class_gap(table, classes))
        if details.gpus:
            named = [knowledge.catalog.by_name(n) for n in details.gpus]
            if details.cheaper:
                named.sort(key=lambda g: (g.price_per_hour is None, g.price_per_hour or 0.0))
            markets = ()
            if table is not None:
                markets = tuple(
                    gpu_market(
                        table,
                        g.name,
                        where=market.where,
                        n_gpus=details.gpu_count if details.gpu_count and details.gpu_count > 1 else None,
                        providers=market.providers,
                        spot_first=market.spot,
                    )
                    for g in named[:3]
                )
            if table is not None:
                markets = tuple(_in_a_shape_offered(table, m, market) for m in markets)
            if (
                table is not None
                and len(named) == 1
                and (market.providers or market.where)
                and not _memory_said(named[0], understanding.question)
            ):
                # "an A100 on GCP": where the variant read has no regular offer, the product's other variants that
                # the provider or region does rent are its price there, first
                more = _variants_offered(named[0], markets[0], knowledge.catalog, table, market)
                named, markets = [*(g for g, _ in more), *named], (*(m for _, m in more), *markets)
            if details.cheaper and markets:  # cheapest by what the table says people pay
                order = {
                    m.gpu: (m.on_demand is None, m.on_demand.median if m.on_demand else 0.0) for m in markets
                }
                named.sort(key=lambda g: order.get(g.name, (True, 0.0)))
                markets = tuple(sorted(markets, key=lambda m: order[m.gpu]))
            facts = replace(
                facts, gpus=tuple(named), markets=markets, period_costs=_periods(understanding, markets)
            )
            if table is not None and len(named) == 1 and len(market.providers) >= 2:
                # "an A100 on runpod vs lambda": each provider's own cheapest, side by side — in the instance size
                # asked for, else in any size (the price per GPU-hour is what is compared)
                def at(provider: str, n_gpus: int | None):
                    return gpu_market(
                        table,
                        named[0].name,
                        where=market.where,
                        n_gpus=n_gpus,
                        providers=(provider,),
                        spot_first=market.spot,
                    )

                shaped = [at(p, markets[0].n_gpus) for p in market.providers]
                facts = replace(
                    facts,
                    by_provider=tuple(
                        m if m.cheapest or m.cheapest_spot else at(p, None)
                        for p, m in zip(market.providers, shaped, strict=True)
                    ),
                )
            offer = _instance_offer(table, details.instance)
            if offer is not None:
                month = knowledge.assumptions.number("hours_per_month")
                facts = replace(
                    facts, instance_offer=offer, instance_period=_instance_period(understanding, offer, month)
                )
            owned = knowledge.purchases or {}
            purchases = tuple(owned[g.name] for g in named if g.name in owned)
            rented = any(m.on_demand or m.spot for m in markets)
            if market.buy:
                bought = {p.name for p in purchases}
                evens = tuple(
                    even for p in purchases if (even := _break_even(p, table, markets, bought)) is not None
                )
                facts = replace(facts, purchases=purchases, break_evens=evens)
            elif purchases and (not rented or any(g.gpu_class in _BOUGHT for g in named)):
                # a card or Mac people buy: its purchase price belongs in a plain price answer too
                facts = replace(facts, purchases=purchases)
            return facts
        constraints = CatalogFilter(
            vendors=(details.vendor,) if details.vendor else (),
            min_memory_gb=details.min_memory_gb,
            max_price_per_hour=details.budget_per_hour,
        )
        gpus = sorted(filter_catalog(knowledge.catalog, constraints), key=_by_price)
        return replace(facts, gpus=tuple(gpus), filters=tuple(constraints.describe()))

    def compose_without_workload(self, facts, passages):
        unlisted = facts.understanding.details.unlisted_gpu
        if unlisted and not facts.understanding.details.gpus:
            # "how much is an nvidia h300 per hour?": a card the catalog lacks has no offers to quote; the
            # cheapest card of the same maker is not its price
            return (
                f"The **{unlisted}** is not in my catalog or my offerings table, so I have no price for it and "
                "won't guess one. Check the name, or ask for a card I list (for example the H100, H200 or B200) "
                "and I will give its on-demand and spot prices by provider."
            )
        if tflops_gap(
            facts
        ):  # "$1,300 and 70 TFLOPS against $4,800 and 150?": the compute figures asked about
            return compare_answer(facts)
        if facts.class_gap is not None or facts.markets or (facts.market and facts.market.buy):
            return market_answer(facts, passages)
        return price_answer(facts) if facts.gpus else explain_answer(facts, passages)
