"""Comparisons of GPUs: side by side from the catalog, or the plan on each when a workload is stated."""

import re
from dataclasses import replace

from ...planning._offerings import offered_fit
from ...planning._owned import what_runs
from ...sizing import Fit, NoFit, Task, context_room, estimate_memory, fit_gpu
from ...understanding import Intent
from .._compose import compare_answer, explain_answer
from .._compose._catalog import asks_alternative, chosen_for_use, local_pick, rates_of
from .._compose._mac_limit import mac_limit_answer
from .._compose._shapes import best_setup
from .._facts import Facts
from ._registry import Handler, first_check, register, rental_markets
from .my_hardware import tools_on


def _with_setups(facts: Facts, details, knowledge) -> Facts:
    """The workload on each setup the user named; a setup that holds the weights but not the assumed (unsaid)
    context is sized again at the longest context it holds, and that context is kept for the answer."""
    estimate, a = facts.plan.estimate, knowledge.assumptions
    work = estimate.workload
    shorten = work.task is Task.INFERENCE and not details.context and not details.batch
    floor = a.number("min_useful_context_tokens")
    setups, rooms, counts = [], {}, []
    for name, said in details.setups:
        gpu = knowledge.catalog.by_name(name)
        sized = estimate
        # "or rent H100s" (no count): the fewest that hold the work
        outcome = fit_gpu(sized, gpu, a, count=said or None)
        n = said or (outcome.count if isinstance(outcome, Fit) else 1)
        counts.append((name, n))
        room = context_room(sized, gpu, n, a) if shorten and isinstance(outcome, NoFit) else None
        if room is not None and floor <= room < work.context:
            shorter_estimate = estimate_memory(work.with_(context=room), a)
            shorter = fit_gpu(shorter_estimate, gpu, a, count=n)
            if isinstance(shorter, Fit):
                outcome, rooms[name], sized = shorter, room, shorter_estimate
        if isinstance(outcome, Fit) and knowledge.offerings is not None:
            # priced as the plan prices its setups (the cheapest offer of that shape), so the setups weighed and
            # the plan's own rows quote one price for the same cards
            rented = offered_fit(outcome, sized, knowledge.offerings, a)
            outcome = rented if isinstance(rented, Fit) else outcome
        setups.append(outcome)
    told = replace(facts.understanding, details=replace(details, setups=tuple(counts)))
    facts = replace(facts, understanding=told, setups=tuple(setups), setup_context=rooms)
    best = best_setup(facts)
    if best is not None:  # the setup the answer names comes first among the GPUs discussed
        first = next((c for c in facts.plan.checks if c.gpu == best.gpu), None)
        facts = replace(facts, plan=first_check(facts.plan, first, knowledge.assumptions))
    return facts


# what a card is for, said without a model: "for LLMs", "for local AI", "to run language models"
_LLM_WORD = re.compile(r"\bllms?\b|\blanguage models?\b|\blocal (?:ai|models?)\b|\bchat ?bots?\b")


def _runs_on_each(named, understanding, knowledge) -> tuple:
    """'A 4060 Ti 16GB or a 3080 for local LLMs?' with no model named: what runs on each card (llama.cpp, GGUF), since
    which models fit at all decides before speed does; () for any other comparison."""
    details = understanding.details
    home = (
        details.local
        or (  # "a 7900 XTX or a 4070 Ti Super for LLMs?": cards people buy, for running models
            all(g.gpu_class == "consumer" for g in named)
            and (bool(_LLM_WORD.search(understanding.question.lower())) or details.task is Task.INFERENCE)
        )  # "two 3090s or one 4090 for inference?": cards bought to run models at home
    )
    local_use = home and details.task in (None, Task.INFERENCE)
    if not local_use or details.cheaper or not 2 <= len(named) <= 3:
        return ()
    counts = dict(details.setups)  # "2x 3090 or one 4090": each setup at its count, its memory added up
    return tuple(what_runs(g, counts.get(g.name, 1), knowledge.models, knowledge.assumptions) for g in named)


@register
class Compare(Handler):
    intent = Intent.COMPARE

    def gather(self, understanding, knowledge):
        if understanding.details.has_workload:
            facts = super().gather(understanding, knowledge)
            if facts.plan is not None and understanding.details.setups:
                facts = _with_setups(facts, understanding.details, knowledge)
            return facts
        details = understanding.details
        named = tuple(knowledge.catalog.by_name(n) for n in details.gpus)
        markets = rental_markets(named, knowledge)
        each = _runs_on_each(named, understanding, knowledge)
        chosen = local_pick(each) if each else chosen_for_use(named, details, rates_of(named, markets))
        if chosen is not None:  # the GPU the answer names for the stated use comes first
            named = (chosen, *(g for g in named if g is not chosen))
        # at home, what the cards cost to buy (a dated street price, else the launch MSRP) weighs a "worth it?"
        owned = knowledge.purchases or {}
        bought = tuple(owned[g.name] for g in named if g.name in owned) if each else ()
        # "is the Gaudi 3 a good alternative to the H100?": off CUDA, which tools run on it weighs as much as specs
        support = tools_on(named[0], knowledge) if asks_alternative(understanding.question) else ()
        return replace(
            Facts(understanding),
            gpus=named,
            markets=markets,
            owned_each=each,
            purchases=bought,
            support=support,
        )

    def compose_without_workload(self, facts, passages):
        if (
            limit := mac_limit_answer(facts)
        ) is not None:  # "my M2 Max 64GB, and an M1 Max 64GB: the same cap"
            return limit
        return compare_answer(facts) if len(facts.gpus) >= 2 else explain_answer(facts, passages)
