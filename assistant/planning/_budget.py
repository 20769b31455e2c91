"""What a purchase budget buys for a workload: the cards (or Macs) and counts that hold it, priced (pure)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..knowledge import GPU
from ..sizing import Assumptions, Fit, MemoryEstimate, fit_gpu
from ._plan import DESKTOP_CARDS, HOME_CARDS


@dataclass(frozen=True)
class Buy:
    """One way to hold the workload on bought hardware: ``fit.count`` of ``fit.gpu`` at ``unit_usd`` each."""

    fit: Fit
    unit_usd: float

    @property
    def total_usd(self) -> float:
        return self.unit_usd * self.fit.count

    @property
    def tokens_per_s(self) -> float | None:
        """Generation speed of one sequence on it (the local runtime's, else the server's), when known."""
        if self.fit.local is not None:
            return self.fit.local.decode_tokens_per_s
        if self.fit.serving is not None:
            return self.fit.serving.decode_tokens_per_s
        return None


@dataclass(frozen=True)
class BudgetBuys:
    """The setups a budget buys that hold the workload (CUDA and at most two cards first, then by price), the one to buy, and — when none is within
    the budget — the cheapest setup that holds it at all."""

    budget_usd: float
    within: tuple[Buy, ...]
    pick: Buy | None
    cheapest_over: Buy | None
    # the run weighed when it is not the plan's own (a fine-tune with its method unsaid: the fullest method the
    # budget buys), with the plan's run that it does not
    estimate: MemoryEstimate | None = None
    not_bought: MemoryEstimate | None = None


def budget_buys(
    estimate: MemoryEstimate,
    priced: Sequence[tuple[GPU, float]],
    budget_usd: float,
    assumptions: Assumptions,
    tokens_per_s: float | None = None,
) -> BudgetBuys:
    """Every priced card (at the fewest of it that hold ``estimate``, at most ``HOME_CARDS`` in one machine; a Mac
    or a laptop only as one) with what that many cost; the pick among those within ``budget_usd`` is the fastest
    at generating (memory bandwidth decides it for one user), the cheaper on a tie — or, with ``tokens_per_s`` asked,
    the cheapest that reaches it."""
    buys = []
    for gpu, unit in priced:
        outcome = fit_gpu(estimate, gpu, assumptions)
        if isinstance(outcome, Fit) and outcome.count <= HOME_CARDS:
            buys.append(Buy(outcome, unit))
    # setups in the order worth showing: CUDA cards (which every local runtime and server supports first) before
    # the rest, one or two cards (an ordinary desktop board) before three or four, then by price
    buys.sort(key=lambda b: (_ranked_out(b), b.total_usd, b.fit.count))
    within = tuple(b for b in buys if b.total_usd <= budget_usd)
    best = [b for b in within if _ranked_out(b) == min(_ranked_out(w) for w in within)]
    pick = max(best, key=lambda b: (b.tokens_per_s or 0.0, -b.total_usd, -b.fit.count)) if best else None
    if best and estimate.workload.task.is_training:
        # a training run: one card before two (adapters are not split by plain data parallelism), then the cheapest
        pick = min(best, key=lambda b: (b.fit.count, b.total_usd))
    if tokens_per_s and (fast := [b for b in best if (b.tokens_per_s or 0.0) >= tokens_per_s]):
        pick = min(
            fast, key=lambda b: (b.total_usd, b.fit.count)
        )  # a speed asked: the cheapest that reaches it
    over = min(buys, key=lambda b: (_ranked_out(b), b.total_usd), default=None) if not within else None
    return BudgetBuys(budget_usd=budget_usd, within=within, pick=pick, cheapest_over=over)


def fullest_bought(
    estimates: Sequence[MemoryEstimate],
    priced: Sequence[tuple[GPU, float]],
    budget_usd: float,
    assumptions: Assumptions,
) -> BudgetBuys:
    """What the budget buys for the fullest of ``estimates`` (methods, fullest first) it buys a setup for; the first
    one's (no pick) when it buys none. A later method is marked as weighed instead of the first."""
    weighed = [budget_buys(estimate, priced, budget_usd, assumptions) for estimate in estimates]
    # one CUDA card first (what the training tools support best, with no sharding), else any setup bought
    for usable in (_one_cuda_card, lambda buy: buy is not None):
        for rank, buys in enumerate(weighed):
            if usable(buys.pick):
                return buys if rank == 0 else replace(buys, estimate=estimates[rank], not_bought=estimates[0])
    return weighed[0]


def _one_cuda_card(buy: Buy | None) -> bool:
    """Whether ``buy`` is a single CUDA card."""
    return buy is not None and buy.fit.count == 1 and buy.fit.gpu.software == "CUDA"


def card_to_buy(
    estimates: Sequence[MemoryEstimate],
    priced: Sequence[tuple[GPU, float]],
    assumptions: Assumptions,
    *,
    cheapest: bool = False,
) -> tuple[GPU, int] | None:
    """For "buy or rent?" with no card named: a CUDA card of ``priced`` (cards both sold and rented, with their
    purchase price) and how many of it (one, else two in one desktop) to weigh. By default one card before two,
    holding the first of ``estimates`` (fullest method first) that such a setup holds, the cheapest of those; with
    ``cheapest`` (inference: weight formats), the cheapest setup holding any of them, the fuller format on a tie.
    None when no setup holds one."""
    held = [
        (rank, count * usd, count, gpu)
        for rank, estimate in enumerate(estimates)
        for count in range(1, DESKTOP_CARDS + 1)
        for gpu, usd in priced
        if gpu.software == "CUDA"
        and isinstance(outcome := fit_gpu(estimate, gpu, assumptions, count=count), Fit)
        and outcome.count == count
    ]
    if not held:
        return None
    if not cheapest:  # one card before two, then the fullest method; the price picks among those
        fewest = min(count for _, _, count, _ in held)
        first = min(rank for rank, _, count, _ in held if count == fewest)
        held = [h for h in held if h[2] == fewest and h[0] == first]
    _, _, count, gpu = min(held, key=lambda h: (h[1], h[0], h[2]))
    return gpu, count


def _ranked_out(buy: Buy) -> tuple[bool, bool]:
    """(not CUDA, more cards than a desktop takes): what puts a setup behind the others at any price."""
    gpu = buy.fit.gpu
    return (gpu.software not in ("CUDA", "Metal"), buy.fit.count > DESKTOP_CARDS)
