"""'What hardware serves an LLM to our 500 staff?' with no model named: the pick for one model of each common size,
sized for the users said, and a request for the model."""

from __future__ import annotations

from .._facts import Facts
from ._format import gb, money

__all__ = ["size_examples_answer"]


def size_examples_answer(facts: Facts) -> str:
    """One line per example model: the best-value setup for the users said, its memory and price."""
    details = facts.understanding.details
    users = details.batch or 1
    first_plan = facts.size_examples[0][1]
    context = first_plan.workload.context
    lines = []
    for name, plan in facts.size_examples:
        fit = plan.lead
        price = f", {money(fit.price_per_hour)}/hour" if fit.price_per_hour is not None else ""
        lines.append(
            f"- **{name}** ({plan.workload.precision}): **{fit.label}** — about {gb(plan.estimate.total_gb)} in all"
            f"{price}"
        )
    at_once = (
        f" — sized for all {users} at once, an upper bound: far fewer usually have a request running at the same "
        "time, and a serving engine (vLLM, TGI, SGLang) queues the rest"
        if details.users_unqualified
        else ""
    )
    return (
        f"It depends on the model, which you did not name. For {users} users with {context:,} tokens of context "
        f"each{at_once}, the best-value setup for one model of each common size:\n\n"
        + "\n".join(lines)
        + "\n\nName the model (and how many people send requests at the same time) and I will size it exactly."
    )
