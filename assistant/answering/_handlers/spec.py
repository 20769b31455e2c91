"""Spec questions (memory, bandwidth, bf16 support of a GPU): the catalog rows of the GPUs named."""

from dataclasses import replace

from ...understanding import Intent
from .._compose import explain_answer, spec_answer
from .._compose._cluster_time import cluster_time_answer
from .._compose._scaling import more_gpus_no_model_answer
from .._facts import Facts
from ._registry import Handler, register, rental_markets


@register
class Spec(Handler):
    intent = Intent.SPEC

    def gather(self, understanding, knowledge):
        named = tuple(knowledge.catalog.by_name(n) for n in understanding.details.gpus)
        return replace(Facts(understanding), gpus=named, markets=rental_markets(named[:3], knowledge))

    def compose(self, facts, passages):
        if (clock := cluster_time_answer(facts)) is not None:  # "6.4M H100-hours on 2048 H100s: how long?"
            return clock
        if (
            scaled := more_gpus_no_model_answer(facts)
        ) is not None:  # "8 A100s: more concurrent requests than 2?"
            return scaled
        return spec_answer(facts) if facts.gpus else explain_answer(facts, passages)
