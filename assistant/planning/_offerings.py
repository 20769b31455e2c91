"""Turn the sizing engine's fits into setups someone rents: real instance shapes at real prices (pure).

The sizing engine says "the workload needs N of this GPU" for every catalog GPU. Most of those are not
things a cloud sells: a 1-GPU-only part (GH200) as 32 GPUs, 16 consumer cards as one machine, a multi-node
job over PCIe. This module keeps a fit only where the offerings table has a way to rent it and prices it at
that offering:

* Instance shapes are those offered, with a power-of-two GPU count (the counts tensor parallelism splits
  across). A job smaller than every offered shape rents the smallest one and uses all its GPUs (a 1-GPU job
  on an 8-GPU-only offering pays for, and runs on, eight).
* More GPUs than one instance holds means several instances, and only instances with a cluster interconnect
  (:data:`CLUSTER_INTERCONNECTS`) are joined; others are not offered as multi-node setups.
* Consumer cards stay within one instance and at most ``gpus_per_node`` (assumptions.yaml) cards.
* The price is the **cheapest on-demand offer** in the table for that shape (price-suspect, price-outlier and
  auction-market rows left out),
  per instance-hour times the number of instances; the fit's speed, job time and job cost are recomputed
  for the GPUs actually rented. Each kept fit carries its offering (provider, instance type, region,
  $/hour, as-of date).
"""

from __future__ import annotations

import dataclasses
import math
import weakref
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields

from ..knowledge import GPU, Offering, OfferingsTable, Price, is_auction
from ..sizing import Assumptions, Fit, FitReport, MemoryEstimate, NoFit, fit_at, fit_count

__all__ = [
    "CLUSTER_INTERCONNECTS",
    "PRICE_BASIS",
    "OfferedFit",
    "best_offered",
    "offered_fit",
    "offered_report",
    "offerings_note",
]

#: Fabrics that join instances into one training/serving cluster (GPUDirect-TCPX: GCP's A3 network).
CLUSTER_INTERCONNECTS = frozenset({"InfiniBand", "EFA", "ICI", "GPUDirect-TCPX"})

#: Which price of an offering the planner ranks by.
PRICE_BASIS = "the cheapest on-demand offer in the offerings table for that instance shape"

#: Offers whose price the importer flagged as far from every other provider's, and auction-market bids (the
#: source lists the same figure as on-demand and spot): real, but not what to plan a budget on.
_NOT_PLANNED_ON = frozenset({"price-outlier"})


@dataclass(frozen=True)
class OfferedFit(Fit):
    """A fit as a rentable setup: ``instances`` of ``offering``, priced at the offering's on-demand rate."""

    offering: Offering = field(kw_only=True)
    instances: int = field(kw_only=True)

    @property
    def price_per_hour(self) -> float | None:
        """USD per hour for every instance of the setup (the offering's on-demand instance price)."""
        price = self.offering.on_demand_per_hour
        return None if price is None else price * self.instances

    @property
    def where(self) -> str:
        """'2x aws p5.48xlarge (us-east-1)' style description of what to rent."""
        o = self.offering
        count = f"{self.instances}x " if self.instances > 1 else ""
        return f"{count}{o.provider} {o.instance_type} ({o.region or 'region not given'})"

    @property
    def rental(self) -> str:
        """One sentence: what to rent, where, for how much, as of when."""
        o = self.offering
        per_instance = f"${o.on_demand_per_hour:,.2f}/hour" if o.on_demand_per_hour else "no price"
        text = (
            f"{self.label} = {self.where}, {per_instance} per instance on demand, as of {o.as_of.isoformat()}"
        )
        if self.instances > 1:
            text += f", joined by {o.interconnect}"
        return text


def offered_report(
    estimate: MemoryEstimate, gpus: Iterable[GPU], offerings: OfferingsTable, assumptions: Assumptions
) -> FitReport:
    """Every GPU of ``gpus`` as its cheapest rentable setup that holds ``estimate`` (or a NoFit saying why there is
    none), ranked by job cost when known, else by $/hour, as the sizing engine ranks.

    The same setups as ``offered_fit`` over each fit of ``rank_fits``, without first working out speed and cost
    at the count each GPU needs (thrown away once the setup is the instance's count).
    """
    fits: list[Fit] = []
    no_fits: list[NoFit] = []
    no_rentals: list[NoFit] = []
    for gpu in gpus:
        count = fit_count(estimate, gpu, assumptions)
        if isinstance(count, NoFit):
            no_fits.append(count)
            continue
        rental = _rental(gpu, count, offerings, assumptions)
        if isinstance(rental, NoFit):
            no_rentals.append(rental)
            continue
        offer, instances, total = rental
        fits.append(_build(count, estimate, gpu, offer, instances, total, assumptions))
    return FitReport(estimate, tuple(sorted(fits, key=_rank_key)), (*no_fits, *no_rentals))


def offered_fit(
    fit: Fit, estimate: MemoryEstimate, offerings: OfferingsTable, assumptions: Assumptions
) -> OfferedFit | NoFit:
    """The cheapest rentable setup of ``fit.gpu`` with at least ``fit.count`` GPUs, or NoFit with the reason."""
    rental = _rental(fit.gpu, fit.count, offerings, assumptions)
    if isinstance(rental, NoFit):
        return rental
    offer, instances, total = rental
    return _build(fit.count, estimate, fit.gpu, offer, instances, total, assumptions)


def best_offered(
    estimate: MemoryEstimate,
    gpus: Iterable[GPU],
    offerings: OfferingsTable,
    assumptions: Assumptions,
    keep: Callable[[GPU, int, float | None], bool],
) -> OfferedFit | None:
    """The first of ``offered_report(estimate, gpus, ...).fits`` that ``keep(gpu, GPUs rented,
    $/hour)`` accepts, or None: the same setup, but speed and cost are worked out only for the setups ``keep``
    accepts (a plan's alternatives need only their best setup, not a whole report)."""
    kept = []
    for gpu in gpus:
        count = fit_count(estimate, gpu, assumptions)
        if isinstance(count, NoFit):
            continue
        rental = _rental(gpu, count, offerings, assumptions)
        if isinstance(rental, NoFit):
            continue
        offer, instances, total = rental
        price = offer.on_demand_per_hour
        per_hour = None if price is None else price * instances
        if keep(gpu, total, per_hour):
            kept.append((gpu, count, offer, instances, total, per_hour))
    if not estimate.workload.tokens:
        # No token budget, so no job cost (estimate_training_time needs one): the rank key starts with $/hour
        # and GPUs rented, known before a setup is worked out, so only the setups tied for the lowest of those
        # need their speed (the next key) worked out.
        def cheapest(k):
            return (k[5] is None, k[5] if k[5] is not None else 0.0, k[4])

        lowest = min(map(cheapest, kept), default=None)
        kept = [k for k in kept if cheapest(k) == lowest]
    built = (
        _build(count, estimate, gpu, offer, instances, total, assumptions)
        for gpu, count, offer, instances, total, _ in kept
    )
    return min(built, key=_rank_key, default=None)


def _rental(
    gpu: GPU, count: int, offerings: OfferingsTable, assumptions: Assumptions
) -> tuple[Offering, int, int] | NoFit:
    """The cheapest way to rent at least ``count`` of ``gpu``: (offer, instances, GPUs rented), or NoFit with
    the reason (worked out once per table, GPU and count: a plan asks it for ~100 candidate setups)."""
    max_gpus = int(assumptions.number("max_gpus"))
    per_node = int(assumptions.number("gpus_per_node"))
    consumer = gpu.gpu_class == "consumer"
    rentals = _RENTALS.get(offerings)
    if rentals is None:
        rentals = _RENTALS[offerings] = {}
    key = (gpu.name, consumer, count, max_gpus, per_node)
    found = rentals.get(key)
    if found is None:
        found = rentals[key] = _cheapest_rental(gpu.name, consumer, count, offerings, max_gpus, per_node)
    return NoFit(gpu, found) if isinstance(found, str) else found


def _cheapest_rental(
    name: str, consumer: bool, count: int, offerings: OfferingsTable, max_gpus: int, per_node: int
) -> tuple[Offering, int, int] | str:
    """``_rental``'s answer, with the reason there is none as text."""
    index = _index(offerings)
    shapes = _shapes(offerings).get(name, [])
    if consumer:
        shapes = [s for s in shapes if s <= per_node]
    if not shapes:
        return "no provider in the offerings table rents it at an on-demand price"
    best: tuple[float, int, Offering, int] | None = None
    for shape in shapes:
        offers = index[(name, shape)]
        if shape >= count:
            instances = 1
        elif consumer:
            continue
        else:
            instances = math.ceil(count / shape)
            if instances * shape > max_gpus:
                continue
            offers = _clustered(offerings, (name, shape))
        for offer in offers[:1]:
            cost = (offer.on_demand_per_hour or math.inf) * instances
            key = (cost, instances * shape, offer, instances)
            if best is None or key[:2] < best[:2]:
                best = key
    if best is None:
        largest = max(shapes)
        return (
            f"needs {count} GPUs; providers rent it at most {largest} per instance"
            + (", and consumer cards are not offered as multi-node clusters" if consumer else "")
            + ("" if consumer else ", without a cluster interconnect (InfiniBand/EFA) to join instances")
        )
    _, total, offer, instances = best
    return offer, instances, total


def offerings_note(fits: tuple[Fit, ...] | list[Fit]) -> str:
    """How the setups in ``fits`` were priced and how old those prices are, or '' when none is an offering."""
    offered = [f for f in fits if isinstance(f, OfferedFit)]
    if not offered:
        return ""
    dates = sorted({f.offering.as_of for f in offered})
    when = dates[0].isoformat() if len(dates) == 1 else f"{dates[0].isoformat()} to {dates[-1].isoformat()}"
    return (
        f"Setups are real instance shapes priced at {PRICE_BASIS} (as of {when}); spot and reserved prices "
        "are lower and vary by provider and region."
    )


def _build(
    needed: int, estimate: MemoryEstimate, gpu: GPU, offer: Offering, instances: int, total: int, assumptions
) -> OfferedFit:
    per_gpu = offer.on_demand_per_gpu_hour or 0.0
    priced = gpu.model_copy(
        update={
            "price": Price(
                low=per_gpu,
                typical=per_gpu,
                seen_at=f"{offer.provider} {offer.instance_type}",
                as_of=offer.as_of,
            )
        }
    )
    at = fit_at(estimate, priced, total, assumptions)
    values = {f.name: getattr(at, f.name) for f in fields(Fit)}
    values["gpu"] = gpu  # the catalog row, not the re-priced copy
    # The catalog's generic notes on price and on "servers" (gpus_per_node) give way to the instance's own facts.
    notes = [c for c in values["caveats"] if not c.startswith(("no indicative price", f"{total} GPUs span"))]
    if total > needed:
        notes.append(
            f"the cheapest {gpu.name} instance that holds it has {total} GPUs: "
            f"the job needs {needed} but pays for, and runs on, {total}"
        )
    setup = OfferedFit(**values, offering=offer, instances=instances)
    return dataclasses.replace(setup, caveats=(f"Rent it as {setup.rental}.", *notes))


_INDEXES: weakref.WeakKeyDictionary[OfferingsTable, dict[tuple[str, int], list[Offering]]] = (
    weakref.WeakKeyDictionary()
)


def _index(offerings: OfferingsTable) -> dict[tuple[str, int], list[Offering]]:
    """(GPU, GPUs per instance) -> the offers the planner may use, cheapest on-demand first (built once per table)."""
    index = _INDEXES.get(offerings)
    if index is None:
        groups: dict[tuple[str, int], list[Offering]] = defaultdict(list)
        for o in offerings:
            if (
                o.on_demand_per_hour is not None
                and not o.price_suspect
                and not o.flag_codes & _NOT_PLANNED_ON
                and not is_auction(o)
            ):
                groups[(o.gpu, o.gpus_per_instance)].append(o)
        for offers in groups.values():
            offers.sort(key=lambda o: (o.on_demand_per_hour, o.provider, o.instance_type, o.region or ""))
        index = _INDEXES[offerings] = dict(groups)
    return index


_RENTALS: weakref.WeakKeyDictionary[OfferingsTable, dict[tuple, tuple[Offering, int, int] | str]] = (
    weakref.WeakKeyDictionary()
)
_SHAPES: weakref.WeakKeyDictionary[OfferingsTable, dict[str, list[int]]] = weakref.WeakKeyDictionary()
_CLUSTERED: weakref.WeakKeyDictionary[OfferingsTable, dict[tuple[str, int], list[Offering]]] = (
    weakref.WeakKeyDictionary()
)


def _shapes(offerings: OfferingsTable) -> dict[str, list[int]]:
    """GPU -> the power-of-two GPU counts per instance it is offered in, sorted (built once per table, so a
    plan does not scan every (GPU, shape) pair of the index for each of its ~100 candidate GPUs)."""
    shapes = _SHAPES.get(offerings)
    if shapes is None:
        found: dict[str, set[int]] = defaultdict(set)
        for name, shape in _index(offerings):
            if _power_of_two(shape):
                found[name].add(shape)
        shapes = _SHAPES[offerings] = {name: sorted(counts) for name, counts in found.items()}
    return shapes


def _clustered(offerings: OfferingsTable, key: tuple[str, int]) -> list[Offering]:
    """The cheapest offer of ``key`` whose instances a cluster interconnect joins, as a list of 0 or 1
    (found once per table and shape)."""
    clustered = _CLUSTERED.get(offerings)
    if clustered is None:
        clustered = _CLUSTERED[offerings] = {
            k: next(([o] for o in offers if o.interconnect in CLUSTER_INTERCONNECTS), [])
            for k, offers in _index(offerings).items()
        }
    return clustered[key]


def _power_of_two(n: int) -> bool:
    return n >= 1 and n & (n - 1) == 0


def _rank_key(fit: Fit):
    cost = fit.job_cost if fit.job_cost is not None else fit.price_per_hour
    speed = -(fit.serving.decode_tokens_per_s if fit.serving else 0.0)
    return (cost is None, cost if cost is not None else 0.0, fit.count, speed, fit.gpu.name)
