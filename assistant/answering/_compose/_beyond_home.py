"""A model asked about at home that no home PC's cards hold: the home machines that do (a big-memory Mac, a machine
with that much RAM for the CPU), then the rental — never a rental presented as the way to run it at home."""

from __future__ import annotations

from ..._text import article
from ...knowledge import load_catalog
from ...planning._plan import HOME_CARDS
from ...sizing import Task, estimate_local_speed, load_assumptions, machine_ram_gb
from .._facts import Facts
from ._format import gb, money

__all__ = ["beyond_home_sentence"]


def beyond_home_sentence(facts: Facts, what: str) -> str:
    """For local inference with no card named whose cheapest fit is a rented data-center GPU: the verdict for home
    hardware (the smallest Mac whose unified memory holds it, else none), the CPU route with its speed, and the
    rental beside them; "" in every other case."""
    plan, pick, details = facts.plan, facts.pick, facts.understanding.details
    work = facts.workload
    if (
        plan is None
        or pick is None
        or facts.estimate is None
        or not details.local
        or details.gpus
        or details.providers
        or details.stated_memory_gb
        or work.task is not Task.INFERENCE
        or pick.gpu.gpu_class in ("consumer", "local")
    ):
        return ""
    assumptions = load_assumptions()
    total = facts.estimate.total_gb
    catalog = load_catalog()
    biggest = max((g for g in catalog if g.gpu_class == "consumer"), key=lambda g: g.memory_gb)
    rig = HOME_CARDS * biggest.memory_gb
    if total <= rig:
        return ""  # a few desktop cards hold it: the home pick answers that
    reserve = assumptions.number("os_ram_reserve_gb")
    macs = sorted(
        (g for g in catalog if g.vendor == "Apple" and g.memory_gb - reserve >= total),
        key=lambda g: (g.memory_gb, -g.memory_bandwidth_gbs),
    )
    cards = f"{HOME_CARDS} x {biggest.name} ({rig:.0f} GB together)"
    if macs:
        mac = macs[0]
        speed = estimate_local_speed(facts.estimate, mac, 1, assumptions).decode_tokens_per_s
        raise_limit = (
            ""
            if mac.gpu_memory_gb >= total
            else " once macOS's GPU memory limit is raised (`sudo sysctl iogpu.wired_limit_mb=N`)"
        )
        lead = "**Only with a big-memory Mac, not a PC's graphics cards** —"
        text = (
            f"{lead} {what} needs about {gb(total)}, more than "
            f"{cards} hold; {article(mac.name)} **{mac.name}** holds it in its unified "
            f"memory{raise_limit}, at about "
            f"**{speed:,.0f} tokens/s** (an estimate from its {mac.memory_bandwidth_gbs:,.0f} GB/s of memory "
            "bandwidth, ±30%)."
        )
    else:
        largest = max((g for g in catalog if g.vendor == "Apple"), key=lambda g: g.memory_gb)
        lead = (
            "**No**, not on a home machine's GPU —" if details.yes_no else "No home machine's GPU holds it:"
        )
        text = (
            f"{lead} {what} needs about {gb(total)}, more than {cards} or the "
            f"largest Mac ({largest.name}) hold."
        )
    if plan.cpu is not None:
        ram = machine_ram_gb(total, assumptions)
        text += (
            f" A workstation or server with {ram} GB of RAM runs it on the CPU at about "
            f"**{plan.cpu.decode_tokens_per_s:.1f} tokens/s** ({plan.cpu.detail})."
        )
    price = f" ({money(pick.price_per_hour)}/hour)" if pick.price_per_hour is not None else ""
    return text + f" To rent instead: **{pick.label}**{price}."
