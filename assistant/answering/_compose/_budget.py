"""'What do I buy with $5,000 to run a 70B?': the hardware a purchase budget buys that holds the workload."""

from __future__ import annotations

from ...planning._budget import Buy
from ...understanding._local import speed_said
from .._facts import Facts
from ._format import gb


def _setup(buy: Buy) -> str:
    return f"{buy.fit.count}x {buy.fit.gpu.name}" if buy.fit.count > 1 else f"one {buy.fit.gpu.name}"


def _unit(buy: Buy, facts: Facts) -> str:
    """The price of one, with what it is: a dated street price or the launch MSRP (a Mac's is the computer)."""
    price = next((p for p in facts.purchases if p.name == buy.fit.gpu.name), None)
    if price is None:
        return f"${buy.unit_usd:,.0f}"
    basis = f"street price, {price.street.as_of.isoformat()}" if price.street else "launch MSRP"
    if price.product:
        basis += f"; {price.product}"
    return f"${buy.unit_usd:,.0f} ({basis})"


def budget_lead(facts: Facts) -> str:
    """The verdict on the budget: the setup to buy within it (the fastest that holds the workload) with its price
    arithmetic, the cheapest one that holds it beside, and a table of the setups within the budget; or no setup
    within it, and the cheapest that holds the workload at all. Empty when the question gives no budget."""
    buys = facts.budget
    if buys is None:
        return ""
    estimate = buys.estimate or facts.estimate
    work = estimate.workload
    what = f"{work.task_label} of {work.model_label}"
    if work.task.label == "inference":
        what += f" in {work.precision}"
    budget = f"${buys.budget_usd:,.0f}"
    if buys.pick is None:
        text = (
            f"**No** — nothing I have purchase prices for holds {what} (about **{gb(estimate.total_gb)}**) "
            f"within {budget}"
        )
        if (over := buys.cheapest_over) is not None:
            text += (
                f"; the cheapest setup that does is **{_setup(over)}** ({over.fit.gpu.memory_gb:g} GB"
                f"{' each' if over.fit.count > 1 else ''}) at {_unit(over, facts)}"
                f"{' each' if over.fit.count > 1 else ''}, **${over.total_usd:,.0f}** in all."
            )
        else:
            text += ", in up to four cards or one Mac."
        return text + " A smaller model or a lower-bit quantization brings it down."
    pick = buys.pick
    each = " each" if pick.fit.count > 1 else ""
    cost = (
        f"{pick.fit.count} x {_unit(pick, facts)} = **${pick.total_usd:,.0f}**"
        if pick.fit.count > 1
        else f"**{_unit(pick, facts)}**"
    )
    speed = f", about {pick.tokens_per_s:,.0f} tokens/s generating" if pick.tokens_per_s else ""
    details = facts.understanding.details
    wanted = (
        details.user_tokens_per_s or details.expected_tokens_per_s or speed_said(facts.understanding.question)
    )
    if wanted and pick.tokens_per_s and pick.tokens_per_s >= wanted:
        speed += f" (the cheapest that reaches your {wanted:g} tokens/s)"
    text = (
        f"**{_setup(pick)}** ({pick.fit.gpu.memory_gb:g} GB{each}) within your {budget}: {what} needs about "
        f"**{gb(estimate.total_gb)}**, which it holds{speed}; it costs {cost}."
    )
    cheapest = min(
        (b for b in buys.within if (b.fit.gpu.software, b.fit.count > 2) == (pick.fit.gpu.software, False)),
        key=lambda b: b.total_usd,
        default=pick,
    )
    if cheapest is not pick and cheapest.total_usd < pick.total_usd:
        text += (
            f" The cheapest setup that holds it is {_setup(cheapest)} at ${cheapest.total_usd:,.0f}"
            + (f" (about {cheapest.tokens_per_s:,.0f} tokens/s)" if cheapest.tokens_per_s else "")
            + "."
        )
    if (full := buys.not_bought) is not None:
        # the method unsaid: the fuller one the budget buys nothing for, said beside the one it does
        text += (
            f" {full.workload.task_label[:1].upper()}{full.workload.task_label[1:]} needs about "
            f"{gb(full.total_gb)}, more than any setup within {budget} holds."
        )
    text += (
        " Prices are for the cards alone (a Mac's is the whole computer), not the rest of the machine; used cards "
        "sell for less."
    )
    rows = ["| setup | memory | price | total | tokens/s |", "| --- | --- | --- | --- | --- |"]
    for buy in buys.within[:6]:
        tps = f"{buy.tokens_per_s:,.0f}" if buy.tokens_per_s else "—"
        rows.append(
            f"| {_setup(buy)} | {gb(buy.fit.per_gpu_gb)} of {buy.fit.gpu.memory_gb:g} GB"
            f"{' each' if buy.fit.count > 1 else ''} | {_unit(buy, facts)} | ${buy.total_usd:,.0f} | {tps} |"
        )
    return text + "\n\n" + "\n".join(rows)
