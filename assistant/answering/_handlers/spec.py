"""Spec questions (memory, bandwidth, bf16 support of a GPU): the catalog rows of the GPUs named; and whether a
tool runs on them ("does vLLM support the V100?")."""

from dataclasses import replace

from ...knowledge._software import load_software, support_of
from ...understanding import Intent
from .._compose import explain_answer, spec_answer
from .._compose._cluster_time import cluster_time_answer
from .._compose._non_llm import kind_estimate_answer
from .._compose._scaling import more_gpus_no_model_answer
from .._compose._suited import suited_answer
from .._compose._support import support_answer
from .._facts import Facts
from ._registry import Handler, register, rental_markets
from .my_hardware import suited_facts
from .non_llm import repository_on_card


@register
class Spec(Handler):
    intent = Intent.SPEC

    def gather(self, understanding, knowledge):
        if (on_card := repository_on_card(understanding, knowledge)) is not None:
            return on_card  # "[SomeRepo] any chance on a colab T4?": the repository's fit, not the card's spec sheet
        if (suited := suited_facts(understanding, knowledge)) is not None:
            return suited  # "is the H200 a good pick for serving?": a verdict for the job, not only the spec sheet
        named = tuple(knowledge.catalog.by_name(n) for n in understanding.details.gpus)
        facts = replace(Facts(understanding), gpus=named, markets=rental_markets(named[:3], knowledge))
        return replace(facts, support=_support(understanding.details, named, knowledge))

    def compose(self, facts, passages):
        if facts.owned is not None and (suited := suited_answer(facts)) is not None:
            return suited
        if facts.kind_estimate is not None:
            return kind_estimate_answer(facts)
        if (supported := support_answer(facts)) is not None:  # "does vLLM support the V100?"
            return supported
        if (clock := cluster_time_answer(facts)) is not None:  # "6.4M H100-hours on 2048 H100s: how long?"
            return clock
        if (
            scaled := more_gpus_no_model_answer(facts)
        ) is not None:  # "8 A100s: more concurrent requests than 2?"
            return scaled
        return spec_answer(facts) if facts.gpus else explain_answer(facts, passages)


def _support(details, gpus, knowledge) -> tuple:
    """Each tool asked about, checked on each GPU named — or on the platform named when no GPU is."""
    if not details.software:
        return ()
    table = knowledge.software or load_software(catalog=knowledge.catalog)
    tools = [found for key in details.software if (found := table.find(key)) is not None]
    if gpus:
        return tuple(
            support_of(tool, feature, gpu.software, gpu) for tool, feature in tools for gpu in gpus[:4]
        )
    if details.stack_asked:
        return tuple(support_of(tool, feature, details.stack_asked) for tool, feature in tools)
    return ()
