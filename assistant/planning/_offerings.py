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
from dataclasses import dataclass, field, fields

from ..knowledge import GPU, Offering, OfferingsTable, Price, is_auction
from ..sizing import Assumptions, Fit, FitReport, MemoryEstimate, NoFit, fit_at

__all__ = [
    "CLUSTER_INTERCONNECTS",
    "PRICE_BASIS",
    "OfferedFit",
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


def offered_report(report: FitReport, offerings: OfferingsTable, assumptions: Assumptions) -> FitReport:
    """``report`` with every fit replaced by its cheapest rentable setup (or a NoFit saying why there is none),
    re-ranked by job cost when known, else by $/hour, as the sizing engine ranks."""
    fits: list[Fit] = []
    no_fits: list[NoFit] = list(report.no_fits)
    for fit in report.fits:
        outcome = offered_fit(fit, report.estimate, offerings, assumptions)
        (fits if isinstance(outcome, Fit) else no_fits).append(outcome)
    return FitReport(report.estimate, tuple(sorted(fits, key=_rank_key)), tuple(no_fits))


def offered_fit(
    fit: Fit, estimate: MemoryEstimate, offerings: OfferingsTable, assumptions: Assumptions
) -> OfferedFit | NoFit:
    """The cheapest rentable setup of ``fit.gpu`` with at least ``fit.count`` GPUs, or NoFit with the reason."""
    gpu = fit.gpu
    max_gpus = int(assumptions.number("max_gpus"))
    per_node = int(assumptions.number("gpus_per_node"))
    consumer = gpu.gpu_class == "consumer"
    index = _index(offerings)
    shapes = sorted({shape for name, shape in index if name == gpu.name and _power_of_two(shape)})
    if consumer:
        shapes = [s for s in shapes if s <= per_node]
    if not shapes:
        return NoFit(gpu, "no provider in the offerings table rents it at an on-demand price")
    best: tuple[float, int, Offering, int] | None = None
    for shape in shapes:
        offers = index[(gpu.name, shape)]
        if shape >= fit.count:
            instances = 1
        elif consumer:
            continue
        else:
            instances = math.ceil(fit.count / shape)
            if instances * shape > max_gpus:
                continue
            offers = [o for o in offers if o.interconnect in CLUSTER_INTERCONNECTS]
        offers = offers[:1]
        for offer in offers:
            cost = (offer.on_demand_per_hour or math.inf) * instances
            key = (cost, instances * shape, offer, instances)
            if best is None or key[:2] < best[:2]:
                best = key
    if best is None:
        largest = max(shapes)
        why = (
            f"needs {fit.count} GPUs; providers rent it at most {largest} per instance"
            + (", and consumer cards are not offered as multi-node clusters" if consumer else "")
            + ("" if consumer else ", without a cluster interconnect (InfiniBand/EFA) to join instances")
        )
        return NoFit(gpu, why)
    _, total, offer, instances = best
    return _build(fit, estimate, gpu, offer, instances, total, assumptions)


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
    fit: Fit, estimate: MemoryEstimate, gpu: GPU, offer: Offering, instances: int, total: int, assumptions
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
    if total > fit.count:
        notes.append(
            f"the cheapest {gpu.name} instance that holds it has {total} GPUs: "
            f"the job needs {fit.count} but pays for, and runs on, {total}"
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


def _power_of_two(n: int) -> bool:
    return n >= 1 and n & (n - 1) == 0


def _rank_key(fit: Fit):
    cost = fit.job_cost if fit.job_cost is not None else fit.price_per_hour
    speed = -(fit.serving.decode_tokens_per_s if fit.serving else 0.0)
    return (cost is None, cost if cost is not None else 0.0, fit.count, speed, fit.gpu.name)
