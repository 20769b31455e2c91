"""Spec questions (memory, bandwidth, bf16 support of a GPU): the catalog rows of the GPUs named; and whether a
tool runs on them ("does vLLM support the V100?")."""

from dataclasses import replace

from ...knowledge._software import load_software, support_of
from ...planning._owned import offloaded_runs, what_runs
from ...understanding import Intent
from .._compose import explain_answer, spec_answer
from .._compose._cluster_time import cluster_time_answer
from .._compose._llm_project import llm_project_answer
from .._compose._mac_limit import mac_limit_answer
from .._compose._non_llm import kind_estimate_answer, unknown_release_answer
from .._compose._scaling import more_gpus_no_model_answer
from .._compose._slow import asks_why_slow
from .._compose._slow_card import slow_card_answer
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
        if (slow := _slow_card_facts(understanding, knowledge)) is not None:
            return slow  # "why is my 4090 slow with ollama?": the causes and the speeds to compare, not specs
        named = tuple(knowledge.catalog.by_name(n) for n in understanding.details.gpus)
        facts = replace(Facts(understanding), gpus=named, markets=rental_markets(named[:3], knowledge))
        if mac_limit_answer(facts) is not None:  # the GPU's share of the Mac's memory is the figure asked for
            facts = replace(facts, headline_memory_gb=named[0].gpu_memory_gb)
        facts = replace(facts, support=_support(understanding.details, named, knowledge))
        return _with_the_models_fit(facts, self, understanding, knowledge)

    def compose(self, facts, passages):
        if (slow := slow_card_answer(facts)) is not None:
            return slow
        if (limit := mac_limit_answer(facts)) is not None:  # "how much of my 64 GB Mac can the GPU use?"
            return limit
        if facts.owned is not None and (suited := suited_answer(facts)) is not None:
            return suited
        if facts.release_unknown:  # a release to train, nothing of it on record: say so and what decides it
            return unknown_release_answer(facts)
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
        # nothing else answered "[an MLLM repo] how much VRAM? OOM on my 3080": what is known of such a project
        if (project := llm_project_answer(facts)) is not None:
            return project
        return spec_answer(facts) if facts.gpus else explain_answer(facts, passages)


def _slow_card_facts(understanding, knowledge) -> Facts | None:
    """'My 3090 only gets 5 tok/s', 'why is my 4090 slow with ollama?': one card of the user's own (not a Mac,
    whose memory is the RAM), no model named: what runs on it entirely in the usual Q4_K_M and at what speed, and
    a model too big for it run with layers in system RAM (the RAM said, else as much as that split needs)."""
    details = understanding.details
    if (
        len(details.gpus) != 1
        or details.model
        or details.params
        or not details.local
        or not (details.observed_tokens_per_s or asks_why_slow(understanding.question))
    ):
        return None
    card = knowledge.catalog.by_name(details.gpus[0])
    if card.software == "Metal" or card.gpu_class not in ("consumer", "local", "both"):
        return None
    count = details.gpu_count or 1
    quant = str(knowledge.assumptions["default_local_quant"].value)
    report = what_runs(card, count, knowledge.models, knowledge.assumptions, quants=(quant,))
    ram = (
        details.host_ram_gb or details.ram_gb or 2 * max(r.memory_gb for r in report.runs if r.quant is None)
    )
    over = offloaded_runs(report, ram, knowledge.models, knowledge.assumptions) if count == 1 else ()
    return replace(Facts(understanding), gpus=(card,), owned=report, owned_offloaded=over)


def _with_the_models_fit(facts, handler, understanding, knowledge):
    """A tool that runs on the card asked, with a model named ("v100 can not run baichuan-13B-Chat in vllm??"):
    the model's memory there as well, for whether it also fits is the rest of the answer."""
    if (
        not facts.support
        or not understanding.details.has_workload
        or any(s.status in ("unsupported", "unknown") for s in facts.support)
        or not facts.gpus
    ):
        return facts
    sized = Handler.gather(handler, understanding, knowledge)
    return replace(facts, plan=sized.plan) if sized.plan is not None else facts


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
    if details.stack_asked:  # a card the catalog does not list is checked against the tool's list of cards
        card = details.unlisted_gpu if details.stack_asked not in ("CPU", "Mobile") else None
        series = table.series_of(card) if details.stack_asked == "CUDA" else None
        return tuple(
            support_of(tool, feature, details.stack_asked, card=card, series=series)
            for tool, feature in tools
        )
    return ()
