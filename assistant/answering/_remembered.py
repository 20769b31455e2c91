"""What a conversation keeps of an answered question: the question as read, with the choice the answer made among
the alternatives it weighed, so a follow-up asking a figure ("and what would that cost?", "how many users would it
serve?") is about the pick, not the alternative it turned down; "cheaper?" still weighs them again (pure)."""

from __future__ import annotations

import re
from dataclasses import replace

from ..sizing import Fit
from ..understanding import Understanding
from ._compose._workload import variant_choice, variant_pick
from ._facts import Facts
from ._verdict import PICKED

__all__ = ["remembered"]


def remembered(facts: Facts, draft: str) -> Understanding:
    """The understanding a follow-up builds on, with the details as the answer settled them: a method weighed ("lora
    or full?") becomes the one picked; a GPU weighed against another ("A100 or H100 for it?") the one the answer's
    lead picks, with the count and weight format it picked for it when the question left those open."""
    understanding = facts.understanding
    details = understanding.details
    changes: dict = {}
    if details.methods_weighed and (method := facts.route_asked_method) is not None:
        changes.update(task=method.estimate.workload.task, method_unstated=False, methods_weighed=())
    card = _card_picked(facts, draft) or _setup_recommended(facts, draft)
    if card is not None:
        changes.update(gpus=(card,), cards_weighed=False)
        fit = next((c for c in facts.checks if c.gpu.name == card and isinstance(c, Fit)), None)
        if fit is None and facts.plan is not None and facts.plan.pick and facts.plan.pick.gpu.name == card:
            fit = facts.plan.pick  # "Best value: **4x A100 80GB SXM**": the four of them
        if fit is not None and fit.count > 1 and not details.gpu_count:
            changes.update(gpu_count=fit.count)  # "4x A10G generates about 17 tokens/s": the four of them
        choice = variant_choice(facts)
        if (
            choice is not None
            and choice[0].gpu.name == card
            and draft.lstrip().startswith(variant_pick(facts))
        ):
            option = choice[
                1
            ]  # "**The L40S** for inference in FP8 of …": the format (or method) it picked too
            if facts.workload.task.is_training:
                task = option.estimate.workload.task
                changes.update(task=task, method_unstated=False, methods_weighed=())
            elif details.precision is None:
                changes.update(precision=option.estimate.workload.precision)
    if details.precision is None and "precision" not in changes and (fmt := _format_settled(facts, draft)):
        changes.update(precision=fmt)  # "**Only with 8-bit (int8) weights**": what the follow-up runs
    elif (
        card is not None
        and details.precision is None
        and "precision" not in changes
        and facts.workload is not None
        and not facts.workload.task.is_training
    ):
        changes.update(
            precision=facts.workload.precision
        )  # "cheapest: 4x A4000 in int4": the pick runs in int4
    if not changes:
        return understanding
    return replace(understanding, settled=replace(details, **changes))


def _card_picked(facts: Facts, draft: str) -> str | None:
    """The one GPU of several the question set side by side that the answer's lead picks ("**The H100 SXM** for
    …"), or None."""
    named = facts.understanding.details.gpus
    if len(named) < 2 or facts.workload is None:
        return None
    lead = PICKED.match(draft)
    picked = lead.group(1) if lead else None
    return picked if picked in named else None


def _setup_recommended(facts: Facts, draft: str) -> str | None:
    """With no GPU named or owned, the plan's pick when the answer's first line recommends it in bold ("Best value:
    **one RTX A4000**", "The cheapest option: **2x L4**"), or None."""
    details = facts.understanding.details
    plan = facts.plan
    if details.gpus or details.stated_memory_gb or plan is None or plan.pick is None:
        return None
    name = plan.pick.gpu.name
    first = draft.lstrip().split("\n", 1)[0]
    said = re.search(rf"\*\*(?:one |\d+\s*x\s*)?{re.escape(name)}\*\*", first, re.IGNORECASE)
    return name if said else None


# the lead's condition on the weights: "**Only with 8-bit (int8) weights** — inference of …"
_ONLY_WITH_FORMAT = re.compile(r"^\W*\*\*Only with ([^*]+?) weights\*\*")


def _format_settled(facts: Facts, draft: str) -> str | None:
    """The weight format an inference answer's lead settles on when the question left it open ("Only with 8-bit
    (int8) weights"): the precision of the plan's option it names, or None."""
    lead = _ONLY_WITH_FORMAT.match(draft)
    if lead is None or facts.plan is None or facts.workload is None or facts.workload.task.is_training:
        return None
    for option in facts.plan.options:
        precision = option.estimate.workload.precision
        if option.label.startswith("inference in ") and re.search(
            rf"\b{re.escape(precision)}\b", lead.group(1), re.IGNORECASE
        ):
            return precision
    return None
