"""Answers from the offerings table: price spread per GPU-hour across providers and regions, the cheapest
offers and regions, spot against on-demand, who rents a GPU, and the training- vs inference-class gap.

Every figure is one the facts hold (``GpuMarket`` / ``ClassGap`` from ``knowledge/_market.py``); prices are
USD, as the sources give them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..._text import article
from ...knowledge import GpuMarket, Quote
from ...sizing import load_assumptions
from ...understanding import use_said
from .._facts import Facts
from ._catalog import period_of, price_answer
from ._format import markdown_table, money
from ._power import power_cost_text

__all__ = ["market_answer", "period_of", "provider_period_figures"]


def market_answer(facts: Facts, passages: Sequence = ()) -> str:
    """The offerings table's answer to a price question about named GPUs, or the class gap."""
    if facts.class_gap is not None:
        return _class_gap_answer(facts, passages)
    market = facts.market
    parts: list[str] = []
    buying = market is not None and market.buy
    asked = market is not None and market.asked and not buying
    priced = any(m.on_demand or m.spot for m in facts.markets)
    buying = buying or (bool(facts.purchases) and not priced)  # only a purchase price is known: it leads
    if buying:
        parts.extend(_buy(facts))
    elif not asked and not priced:
        parts.append(price_answer(facts))  # no offer in the table: the catalog's dated indicative price
    compared = [m for m in facts.markets if m.on_demand]
    details = facts.understanding.details
    if not buying and len(compared) >= 2 and (details.cheaper or facts.understanding.follow_up):
        best = min(compared, key=lambda m: m.on_demand.median)
        others = ", ".join(f"{m.gpu} {money(m.on_demand.median)}" for m in compared if m is not best)
        parts.append(
            f"The **{best.gpu}** is cheaper to rent: a median of {money(best.on_demand.median)} per GPU-hour on "
            f"demand in the offerings table, against {others}."
        )
    notes = []  # what the short answer must say next to its headline (the rest may sit behind the fold)
    if facts.purchases and not buying:
        notes.append(
            "To buy instead: "
            + "; ".join(
                f"the {p.name} launched at {money(p.msrp_usd)} ({p.msrp_source})"
                + (f", about {money(p.street.usd)} on {p.street.as_of.isoformat()}" if p.street else "")
                for p in facts.purchases
            )
            + ". Ask whether to buy or rent for the break-even."
        )
    if market is not None and market.currency:
        notes.append(
            f"Prices are in USD, as the providers list them: I have no {market.currency} prices and don't "
            "convert, so these are the USD figures."
        )
    instance = _instance_lead(facts) if not buying else ""
    if instance:
        parts.insert(0, instance)
    if power := power_cost_text(
        facts
    ):  # "what would it cost in electricity?": board power x hours x $/kWh, first
        parts.insert(0, power)
    for i, m in enumerate(facts.markets):
        block = _gpu_market(m, facts, lead=not buying and not instance)
        if i == 0 and notes:
            headline, _, rest = block.partition("\n\n")
            block = "\n\n".join([headline, *notes, rest] if rest else [headline, *notes])
            notes = []
        parts.append(block)
    parts.extend(notes)  # no market to stand beside
    dates = sorted({d for m in facts.markets for d in m.as_of})
    if dates:
        parts.append(
            f"From the offerings table (SkyPilot's catalog of provider price lists and AWS/GCP/Azure list "
            f"prices, as of {_dates(dates)}); rows with a doubtful price are left out (or set apart, when "
            "they are all there is), and a listed price is not a promise of capacity."
        )
    return "\n\n".join(parts)


def _instance_lead(facts: Facts) -> str:
    """The instance type the user named, priced first: its cheapest on-demand rate, and kept running for the
    period asked (a month when none is), hourly rate x hours."""
    o, cost = facts.instance_offer, facts.instance_period
    if o is None or cost is None:
        return ""
    gpus = f"{o.gpus_per_instance}x {o.gpu}"
    return (
        f"**{o.provider} {o.instance_type}** ({gpus}) costs **{money(o.on_demand_per_hour)}/hour** on demand "
        f"(cheapest region in the offerings table: {o.region or 'not given'}, as of {o.as_of.isoformat()}): "
        f"about **{money(cost.median)} per {cost.period}** running around the clock ({cost.hours:,.0f} hours x "
        f"{money(o.on_demand_per_hour)}). Spot, reserved or savings-plan prices are lower; stopping it when idle "
        "costs less."
    )


def _gpu_market(m: GpuMarket, facts: Facts, *, lead: bool) -> str:
    market = facts.market
    what = f"{m.n_gpus}x {m.gpu}" if m.n_gpus else m.gpu
    where = f" in {m.where}" if m.where else ""
    by = f" at {', '.join(market.providers)}" if market and market.providers else ""
    if m.on_demand is None and m.spot is None and (m.set_apart or m.set_apart_spot):
        spot_asked = bool(market and market.spot) and bool(m.set_apart_spot)
        return (
            f"Every {'spot ' if spot_asked else ''}offer for **{what}**{where}{by} in the offerings table is set "
            "apart, as not comparable with a list price or doubtful in the source:\n\n"
            + markdown_table(
                (*_HEADER, "why set apart"),
                [
                    (*_row(q), q.set_apart or "")
                    for q in (m.set_apart_spot if spot_asked else m.set_apart or m.set_apart_spot)
                ],
            )
        )
    if m.on_demand is None and m.spot is None:
        if not m.providers:
            return (
                f"No provider in the offerings table rents the **{m.gpu}**, so I have no rental price for it."
            )
        return (
            f"No offer in the offerings table matches **{what}**{where}{by}. "
            f"The {m.gpu} is rented by {', '.join(m.providers)}; ask without the filter to see their prices."
        )
    spot_first = bool(market and market.spot)
    lines: list[str] = []
    if lead and facts.by_provider:
        lines.append(
            _provider_lead(facts.by_provider, market.providers, what, where, spot_first)
            + _provider_period_text(facts.by_provider, market.providers, m, facts, spot_first)
        )
    elif lead:
        lines.append(_lead(m, what, where + by, market) + _period_text(m, facts, spot=spot_first))
    else:
        lines.append(f"**From the offerings table, {what}{where}{by}:** {_spread_text(m)}.")
    if (
        m.asked_gpus and lines
    ):  # "2x A100 80GB on AWS", rented eight to an instance: the shape that holds them
        lines[0] = (
            f"No instance{by}{where} has exactly {m.asked_gpus}x {m.gpu}: the smallest that holds "
            f"{m.asked_gpus} has {m.n_gpus}, and you pay for all {m.n_gpus}. " + lines[0]
        )
    spot_shown = spot_first and bool(m.cheapest_spot)
    quotes = m.cheapest_spot if spot_shown else m.cheapest
    rows = [_row(q) for q in quotes]
    if rows:
        kind = "spot" if spot_shown else "on-demand"
        lines.append(f"Cheapest {kind} offers:\n\n" + markdown_table(_HEADER, rows))
    apart = m.set_apart_spot if spot_shown else m.set_apart
    if apart:
        lines.append(
            "Set apart from the range above (listed, but not comparable with a list price; the rule: "
            "Tukey's fences on the providers' median prices, auction markets, and prices the importer "
            "flagged as far from every other provider's):\n\n"
            + markdown_table((*_HEADER, "why set apart"), [(*_row(q), q.set_apart or "") for q in apart])
        )
    if market and (market.asks_regions or market.continent) and len(m.by_continent) > 1 and not m.where:
        rows = [(continent, *_row(q)) for continent, q in m.by_continent]
        lines.append("Cheapest offer per continent:\n\n" + markdown_table(("continent", *_HEADER), rows))
    return "\n\n".join(lines)


def _buy(facts: Facts) -> list[str]:
    """Purchase price first (MSRP, and a dated street price where a source had one), then the break-even."""
    parts = []
    bought = {p.name: p for p in facts.purchases}
    evens = {b.gpu: b for b in facts.break_evens}
    for gpu in facts.gpus[:3]:
        p = bought.get(gpu.name)
        if p is None:
            parts.append(_no_purchase_price(gpu))
            continue
        what = (
            f"{article(gpu.name)} **{gpu.name}**"
            if not p.product
            else f"the **{gpu.name}** ({article(p.product)} {p.product})"
        )
        launched = f"on sale {p.launched.isoformat()}; " if p.launched else ""
        text = f"Buying {what} costs **{money(p.msrp_usd)}** at its launch MSRP ({launched}{p.msrp_source})."
        if p.note:
            text += f" Note: {p.note}."
        if p.street:
            what = f" ({p.street.what})" if p.street.what else ""
            text += f" Street price: about **{money(p.street.usd)}** on {p.street.as_of.isoformat()}{what}; {p.street.source}."
        else:
            text += " I have no dated street price for it, so I won't guess what shops ask today."
        even = evens.get(gpu.name)
        if even:
            o = even.offer
            where = (
                f" ({o.provider} `{o.instance_type}` in {o.region or 'a region the source does not give'}, as of "
                f"{o.as_of.isoformat()})"
                if o
                else ""
            )
            distinct = even.median_hours and abs(even.median_hours - even.hours) > 0.05 * even.hours
            median = (
                f"; at the median offer, {money(even.median_rent_per_gpu_hour)} per GPU-hour, it pays for about "
                f"{even.median_hours:,.0f} hours"
                if distinct
                else ""
            )
            text += (
                f"\n\n**Buy or rent:** the cheapest regular {even.rented_gpu + ' ' if even.rented_gpu else ''}"
                "rental in the offerings table is "
                f"{money(even.rent_per_gpu_hour)} per GPU-hour{where}, so {money(even.price_usd)} pays for about "
                f"**{even.hours:,.0f} hours** of rental ({even.days_around_the_clock:,.0f} days around the clock){median}. "
                "Buying wins if you will use it more than that; electricity, the rest of the PC and resale value "
                "are not counted."
            )
            span = facts.understanding.details.stated_wall_hours
            use = use_said(facts.understanding.question)
            if span and use is None:
                # "for 6 months": the time said, around the clock, rented at the cheapest rate against the price
                rent = span * even.rent_per_gpu_hour
                verdict = "renting is cheaper" if rent < even.price_usd else "buying is cheaper"
                text += (
                    f" For the {span:,.0f} hours you said (around the clock), renting at "
                    f"{money(even.rent_per_gpu_hour)} per GPU-hour comes to about **{money(rent)}** against "
                    f"{money(even.price_usd)} to buy: **{verdict}**."
                )
            if use:  # "8 hours a day", "10 hours a week": the break-even as a time of use, and a year's rent
                periods = even.hours / use.hours
                yearly = use.hours * use.per_year * even.rent_per_gpu_hour
                years = load_assumptions().number("card_keep_years")
                verdict = "renting is cheaper" if yearly * years < even.price_usd else "buying can pay off"
                text += (
                    f" At the {use.words} you said, that is about **{periods:,.0f} {use.period}s** of use "
                    f"(about {periods / use.per_year:,.1f} years) before buying is cheaper; renting that "
                    f"much costs about {money(yearly)} a year ({use.hours:g} x {use.per_year:,.1f} {use.period}s x "
                    f"{money(even.rent_per_gpu_hour)}): over a card's first {years:g} years, **{verdict}**."
                )
        parts.append(text)
    return parts


def _no_purchase_price(gpu) -> str:
    bought_by_people = gpu.gpu_class in ("consumer", "local") or "workstation" in gpu.form_factor.lower()
    if not bought_by_people:
        return (
            f"I have no purchase price for the **{gpu.name}** (it is sold in servers through vendors, not at a "
            "listed retail price), so I won't guess one; its rental prices are below."
        )
    return (
        f"I have no sourced purchase price for the **{gpu.name}**, so I won't guess one; any rental prices "
        "are below."
    )


def _provider_lead(markets: tuple[GpuMarket, ...], providers, what: str, where: str, spot: bool) -> str:
    """'A100 on runpod vs lambda': each provider's cheapest offer, the cheaper provider first."""
    kind = "spot" if spot else "on demand"
    priced, unpriced = [], []
    for provider, m in zip(providers, markets, strict=True):
        best = (m.cheapest_spot or m.cheapest) if spot else (m.cheapest or m.cheapest_spot)
        if best:
            priced.append((provider, best[0]))
        else:
            unpriced.append(provider)
    priced.sort(key=lambda pq: pq[1].per_gpu_hour)
    text = (
        f"**{what}{where}**, {kind}: "
        + "; ".join(
            f"**{p}** from **{money(q.per_gpu_hour)} per GPU-hour** (`{q.offering.instance_type}`, "
            f"{q.offering.region or 'region not given'}, as of {q.offering.as_of.isoformat()})"
            for p, q in priced
        )
        + "."
    )
    if len(priced) >= 2 and money(priced[0][1].per_gpu_hour) != money(priced[1][1].per_gpu_hour):
        text += f" {priced[0][0]} is the cheaper."
    if unpriced:
        text += f" No {kind} offer on record from {', '.join(unpriced)}."
    return (
        text
        if priced
        else text.split(": ", 1)[0] + f": no {kind} offer on record from {', '.join(unpriced)}."
    )


def _lead(m: GpuMarket, what: str, where: str, market) -> str:
    """The first sentence, shaped by what was asked: spot, regions, providers, or the spread."""
    if market.spot and m.on_demand and m.spot:
        saving = f", about {m.spot_saving * 100:.0f}% less" if m.spot_saving and m.spot_saving > 0 else ""
        return (
            f"**{what}{where}, spot vs on-demand:** spot has a median of **{money(m.spot.median)} per GPU-hour** "
            f"({_offers(m.spot.count)}, {money(m.spot.min)}–{money(m.spot.max)}) against "
            f"{money(m.on_demand.median)} on demand ({_offers(m.on_demand.count)}){saving}. Spot capacity can be "
            "taken back at short notice, so checkpoint often."
        )
    if market.spot and m.spot is None:
        return (
            f"No provider in the offerings table lists a spot price for **{what}**{where}; on demand: "
            f"{_spread_text(m)}."
        )
    best = m.cheapest[0] if m.cheapest else m.cheapest_spot[0]
    o = best.offering
    if market.asks_instances and m.cheapest:
        # "what instance on aws has an L4?": the instance types, each with its GPUs and hourly price
        shapes = {}
        for offer in m.cheapest:
            shapes.setdefault(offer.offering.instance_type, offer)
        listed = "; ".join(
            f"`{name}` ({x.offering.gpus_per_instance} GPU{'s' if x.offering.gpus_per_instance != 1 else ''}, "
            f"{money(x.per_hour)}/hour{' at ' + x.offering.provider if not market.providers else ''})"
            for name, x in shapes.items()
        )
        return (
            f"The **{what}**{where} comes in: {listed} — the cheapest on-demand ones in the offerings table, "
            f"as of {o.as_of.isoformat()}."
        )
    if market.asks_providers and not market.asks_regions:
        names = ", ".join(m.providers_here or m.providers)
        count = len(m.providers_here) if m.providers_here else m.provider_count
        return (
            f"**{count} provider{'s' if count != 1 else ''}** in the offerings table rent{'s' if count == 1 else ''} "
            f"the **{what}**{where}: {names}. {_spread_text(m)[0].upper()}{_spread_text(m)[1:]}."
            # "which provider has the cheapest L40S?", "where can I rent one cheapest?": the provider is the answer
            f" The cheapest is **{o.provider}** (`{o.instance_type}`, "
            f"{o.region or 'a region the source does not give'}) at **{money(best.per_gpu_hour)} per GPU-hour**"
            f"{', spot' if best.spot else ''}, as of {o.as_of.isoformat()}."
        )
    if market.asks_regions or m.where:
        return (
            f"The cheapest {what}{where} in the offerings table is **{o.provider} {o.instance_type}** in "
            f"**{o.region or 'a region the source does not give'}**"
            f" at **{money(best.per_hour)}/hour** ({money(best.per_gpu_hour)} per GPU-hour on demand, as of "
            f"{o.as_of.isoformat()}). {_spread_text(m)[0].upper()}{_spread_text(m)[1:]}."
        )
    dates = f", as of {_dates(list(m.as_of))}" if m.as_of else ""
    return (
        f"**{what}{where}** rents for {_spread_text(m)}{dates}. The cheapest is **{o.provider} "
        f"{o.instance_type}** in **{o.region or 'a region the source does not give'}** at "
        f"**{money(best.per_gpu_hour)} per GPU-hour** ({money(best.per_hour)}/hour for {o.gpus_per_instance} "
        f"GPU{'s' if o.gpus_per_instance != 1 else ''}{', spot' if best.spot else ''}, as of {o.as_of.isoformat()})."
    )


def _period_text(m: GpuMarket, facts: Facts, spot: bool = False) -> str:
    cost = next((c for c in facts.period_costs if c.gpu == m.gpu), None)
    if cost is None:
        return ""
    who = f"{cost.count} GPUs" if cost.count > 1 else "one GPU"
    clock = " running around the clock" if cost.hours > 1 else ""
    if spot and m.spot is not None:  # "spot pricing for a month": the period at spot rates, on demand beside
        gpu_hours = cost.hours * cost.count
        return (
            f" For {who}{clock} on spot: about **{money(m.spot.median * gpu_hours)} per {cost.period}** at the "
            f"median spot rate ({money(m.spot.min * gpu_hours)} at the cheapest spot offer), against "
            f"{money(cost.median)} at the on-demand median — if the capacity is not taken back meanwhile."
        )
    return (
        f" For {who}{clock}: about **{money(cost.median)} per {cost.period}** at the median rate "
        f"({money(cost.cheapest)} at the cheapest regular offer)."
    )


def _bill(quote, cost) -> float:
    """What a rental costs at one quote's rate over the period and GPU count of ``cost``."""
    return quote.per_gpu_hour * cost.hours * cost.count


def provider_period_figures(facts: Facts) -> list[float]:
    """Each provider's bill over the period (or GPU count) asked, at its cheapest rate, spot or on demand; and the
    period at the spot median and cheapest spot rate of each GPU's market."""
    spot = [
        rate * cost.hours * cost.count
        for cost in facts.period_costs
        for m in facts.markets
        if m.gpu == cost.gpu and m.spot is not None
        for rate in (m.spot.median, m.spot.min)
    ]
    return spot + [
        _bill(quotes[0], cost)
        for cost in facts.period_costs
        for market in facts.by_provider
        for quotes in (market.cheapest, market.cheapest_spot)
        if quotes
    ]


def _provider_period_text(markets, providers, m: GpuMarket, facts: Facts, spot: bool) -> str:
    """'per month on aws vs lambda': the bill at each provider's cheapest rate, for the time and count asked."""
    cost = next((c for c in facts.period_costs if c.gpu == m.gpu), None)
    if cost is None:
        return ""
    bills = []
    for provider, market in zip(providers, markets, strict=True):
        best = (
            (market.cheapest_spot or market.cheapest) if spot else (market.cheapest or market.cheapest_spot)
        )
        if best:
            bills.append((_bill(best[0], cost), provider))
    if not bills:
        return _period_text(m, facts)
    who = f"{cost.count} GPUs" if cost.count > 1 else "one GPU"
    clock = " running around the clock" if cost.hours > 1 else ""
    each = ", ".join(f"**{money(bill)}** on {provider}" for bill, provider in sorted(bills))
    return f" For {who}{clock}, per {cost.period} at each one's cheapest rate: {each}."


def _offers(count: int) -> str:
    return f"{count} offer{'s' if count != 1 else ''}"


def _spread_text(m: GpuMarket) -> str:
    s = m.on_demand or m.spot
    kind = "on demand" if m.on_demand else "spot"
    aside = "; more offers are set apart below" if (m.set_apart if m.on_demand else m.set_apart_spot) else ""
    if money(s.min) == money(s.max):  # one price everywhere: no range, no median
        return (
            f"{money(s.min)} per GPU-hour {kind} over "
            f"{_offers(s.count)} from {s.providers} provider{'s' if s.providers != 1 else ''}{aside}"
        )
    return (
        f"{money(s.min)} to {money(s.max)} per GPU-hour {kind} (median {money(s.median)}) over "
        f"{_offers(s.count)} from {s.providers} provider{'s' if s.providers != 1 else ''}{aside}"
    )


_HEADER = ("provider", "instance", "GPUs", "region", "$/hour", "$/GPU-hour", "as of")


def _row(q: Quote) -> tuple[str, ...]:
    o = q.offering
    return (
        o.provider,
        f"`{o.instance_type}`",
        str(o.gpus_per_instance),
        o.region or "not given",
        money(q.per_hour),
        money(q.per_gpu_hour),
        o.as_of.isoformat(),
    )


def _dates(dates) -> str:
    return (
        dates[0].isoformat() if len(set(dates)) == 1 else f"{dates[0].isoformat()} to {dates[-1].isoformat()}"
    )


_SIGNWL = re.compile(r"[^.\n]*\bSignwl\b[^.\n]*\d[^.\n]*\.")


def _class_gap_answer(facts: Facts, passages: Sequence) -> str:
    gap = facts.class_gap
    lead = (
        f"From the offerings table (as of {_dates(list(gap.as_of))}), training-class GPUs cost a median of "
        f"**{money(gap.training_median)} per GPU-hour** on demand ({gap.training_offers} offers) against "
        f"**{money(gap.inference_median)}** for inference-class GPUs ({gap.inference_offers} offers): "
        f"**{gap.ratio:.1f}x** more per hour."
    )
    claim = next(
        (m.group().strip() for p in passages for m in [_SIGNWL.search(getattr(p, "page_content", ""))] if m),
        None,
    )
    parts = [lead]
    if claim:
        parts.append(f"The guides quote Signwl's figure: \u201c{claim}\u201d")
    parts.append(
        "Classes are the catalog's (training: H100, H200, B200, MI300X...; inference: L4, T4, A10...; "
        "'both' and consumer cards are left out), and the median is taken over every priced offer, so "
        "providers that list many regions weigh more."
    )
    return "\n\n".join(parts)
