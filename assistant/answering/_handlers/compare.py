"""Comparisons of GPUs: side by side from the catalog, or the plan on each when a workload is stated."""

from dataclasses import replace

from ...understanding import Intent
from .._compose import compare_answer, explain_answer
from .._compose._catalog import chosen_for_use, rates_of
from .._facts import Facts
from ._registry import Handler, register, rental_markets


@register
class Compare(Handler):
    intent = Intent.COMPARE

    def gather(self, understanding, knowledge):
        if understanding.details.has_workload:
            return super().gather(understanding, knowledge)
        named = tuple(knowledge.catalog.by_name(n) for n in understanding.details.gpus)
        markets = rental_markets(named, knowledge)
        chosen = chosen_for_use(named, understanding.details, rates_of(named, markets))
        if chosen is not None:  # the GPU the answer names for the stated use comes first
            named = (chosen, *(g for g in named if g is not chosen))
        return replace(Facts(understanding), gpus=named, markets=markets)

    def compose_without_workload(self, facts, passages):
        return compare_answer(facts) if len(facts.gpus) >= 2 else explain_answer(facts, passages)
