"""Price questions: the catalog's dated prices for the GPUs named (or that match), or a workload's cost."""

from dataclasses import replace

from ...planning import CatalogFilter, filter_catalog
from ...understanding import Intent
from .._compose import explain_answer, price_answer
from ._registry import Handler, register


def _by_price(gpu):
    return (gpu.price_per_hour is None, gpu.price_per_hour or 0.0, gpu.name)


@register
class Price(Handler):
    intent = Intent.PRICE

    def gather_without_workload(self, understanding, knowledge, facts):
        details = understanding.details
        if details.gpus:
            named = [knowledge.catalog.by_name(n) for n in details.gpus]
            if details.cheaper:
                named.sort(key=lambda g: (g.price_per_hour is None, g.price_per_hour or 0.0))
            return replace(facts, gpus=tuple(named))
        constraints = CatalogFilter(
            vendors=(details.vendor,) if details.vendor else (),
            min_memory_gb=details.min_memory_gb,
            max_price_per_hour=details.budget_per_hour,
        )
        gpus = sorted(filter_catalog(knowledge.catalog, constraints), key=_by_price)
        return replace(facts, gpus=tuple(gpus), filters=tuple(constraints.describe()))

    def compose_without_workload(self, facts, passages):
        return price_answer(facts) if facts.gpus else explain_answer(facts, passages)
