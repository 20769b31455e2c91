"""Which GPU to use: the plan's pick for a stated workload, else the catalog rows that match, else the guides."""

from dataclasses import replace

from ...planning import CatalogFilter, filter_catalog, plan_workload
from ...sizing import Task
from ...understanding import Intent
from .._compose import general_recommendation
from .._compose._kind_pick import kind_pick_answer
from .._compose._size_examples import size_examples_answer
from .._facts import request_for
from ._registry import Handler, Retrieval, register


@register
class Recommend(Handler):
    intent = Intent.RECOMMEND

    def retrieval(self, understanding):
        return Retrieval(kinds=("guide",), must_cover=not understanding.details.has_workload)

    def gather_without_workload(self, understanding, knowledge, facts):
        details = understanding.details
        if details.gpus:
            return facts
        if details.task is Task.INFERENCE and details.batch and details.batch > 1:
            # "what hardware serves an LLM to our 500 staff?": no model named, so one of each common size, sized
            # for the users said (on a serving engine: many users are no llama.cpp desktop job)
            examples = []
            for name in knowledge.assumptions["serving_size_examples"].value:
                spec = knowledge.models.get(name)
                if spec is None:
                    continue
                sized = replace(details, model=spec.name, params=spec.params, local=False, runtime=None)
                plan = plan_workload(
                    request_for(replace(understanding, details=sized)),
                    knowledge.catalog,
                    knowledge.models,
                    knowledge.assumptions,
                    knowledge.offerings,
                )
                if plan.lead is not None:
                    examples.append((spec.name, plan))
            picks = {plan.lead.gpu.name: plan.lead.gpu for _, plan in examples}
            return replace(facts, size_examples=tuple(examples), gpus=tuple(picks.values()))
        constraints = CatalogFilter(
            vendors=(details.vendor,) if details.vendor else (),
            min_memory_gb=details.min_memory_gb,
            max_price_per_hour=details.budget_per_hour,
        )
        filters = tuple(constraints.describe())
        if not filters:
            return facts  # a general recommendation names the GPUs its guide passage names
        gpus = filter_catalog(knowledge.catalog, constraints)
        if details.cheaper:
            gpus = sorted(gpus, key=lambda g: (g.price_per_hour is None, g.price_per_hour or 0.0, g.name))
        return replace(facts, gpus=tuple(gpus), filters=filters)

    def ground(self, facts, passages, knowledge):
        if facts.plan is None and not facts.gpus and passages:
            return replace(facts, gpus=tuple(knowledge.catalog.find_in_text(passages[0].page_content)))
        return facts

    def compose_without_workload(self, facts, passages):
        if (picked := kind_pick_answer(facts)) is not None:  # "best image generation model for my 8GB card?"
            return picked
        if facts.size_examples:
            return size_examples_answer(facts)
        return general_recommendation(facts, passages)
