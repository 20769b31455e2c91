"""The intent registry: one handler per intent says what it retrieves, what facts it gathers and how it answers."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ...knowledge import Catalog, ModelSpecs, OfferingsTable, PurchasePrice, gpu_market
from ...knowledge._pretraining import load_pretraining
from ...knowledge._software import Software, load_software, support_of
from ...knowledge._workloads import Workloads, load_workloads
from ...planning import plan_workload
from ...planning._budget import BudgetBuys, budget_buys, card_to_buy, fullest_bought
from ...sizing import Assumptions, Fit, NoFit, Task, memory_levers
from ...understanding import Intent, Understanding, asks_buy_or_rent
from ...understanding._local import speed_said
from ...understanding._premises import product_of
from .._compose import contrast_answer, explain_answer, unknown_model_answer, workload_answer
from .._compose._buy_or_rent import open_options
from .._compose._cluster_time import cluster_time_answer
from .._compose._cohost import cohost_lead
from .._compose._cpu import asks_cpu_only, asks_training_without_gpu, cpu_answer, cpu_training_answer
from .._compose._format import with_details
from .._compose._home import home_answer
from .._compose._shapes import asks_to_fit, choice_pick, reports_oom
from .._compose._support import support_answer
from .._compose._weights_job import weights_job_answer
from .._compose._workload import asks_token_budget
from .._compose._zero_stages import zero_stages_text
from .._facts import Facts, request_for
from ._contrast import contrast_facts
from ._hf import hf_model_facts
from ._home import home_routes_for

__all__ = [
    "Handler",
    "Knowledge",
    "Retrieval",
    "first_check",
    "handler_for",
    "planner_request",
    "register",
    "registered",
]


@dataclass(frozen=True)
class Knowledge:
    """The structured data a handler may use: catalog, model specs, sizing assumptions and cloud offerings."""

    catalog: Catalog
    models: ModelSpecs
    assumptions: Assumptions
    offerings: OfferingsTable | None = None
    purchases: dict[str, PurchasePrice] | None = None
    data_dir: Path | None = None  # where Hugging Face configs are cached
    workloads: Workloads | None = None  # non-LLM measurements; None: the bundled corpus's
    software: Software | None = None  # which tools run on which accelerators; None: the bundled corpus's


@dataclass(frozen=True)
class Retrieval:
    """What guide and catalog passages an answer wants from the search index."""

    wanted: bool = True
    kinds: tuple[str, ...] | None = None  # None: every kind of document
    must_cover: bool = False  # drop the passages unless they cover the question (then say "I don't know")


class Handler:
    """Answers one intent. Subclasses set ``intent`` and override what differs; register them with @register."""

    intent: Intent
    plans_workloads = True  # a stated model or size gets a plan

    def retrieval(self, understanding: Understanding) -> Retrieval:
        """Which passages to search for; by default every kind."""
        return Retrieval()

    def gather(self, understanding: Understanding, knowledge: Knowledge) -> Facts:
        """The facts the answer needs; by default a plan when the question states a workload."""
        facts = Facts(understanding)
        details = understanding.details
        if details.unknown_model and "/" in details.unknown_model and self.plans_workloads:
            return hf_model_facts(
                understanding, knowledge, details.unknown_model
            )  # a Hugging Face id or path
        if details.unknown_model and not details.has_workload:
            return replace(
                facts, unknown_model=details.unknown_model, known_models=tuple(knowledge.models.names)
            )
        contrast = contrast_facts(understanding, knowledge)
        if contrast is not None:  # "why does A need more memory than B": both breakdowns, side by side
            return contrast
        if details.has_workload and self.plans_workloads:
            plan = plan_workload(
                planner_request(understanding, knowledge),
                knowledge.catalog,
                knowledge.models,
                knowledge.assumptions,
                knowledge.offerings,
            )
            named = [knowledge.catalog.by_name(n) for n in details.gpus]
            if not named and (setup := _card_to_buy(understanding, knowledge, plan)) is not None:
                # "rent or buy? I fine-tune 7B models 10 hours a week": weighed on the cheapest card that holds it
                card, count = setup
                told = replace(
                    details, gpus=(card.name,), gpu_count=count if count > 1 else details.gpu_count
                )
                return self.gather(replace(understanding, details=told), knowledge)
            if details.any_mac:
                # every Mac weighed: the ones that hold it come first, least memory first, fastest among those
                held = sorted(
                    (c for c in plan.checks if isinstance(c, Fit) and c.count == 1),
                    key=lambda c: (c.gpu.memory_gb, -c.gpu.memory_bandwidth_gbs),
                )
                plan = replace(plan, checks=(*held, *(c for c in plan.checks if c not in held)))
                named = [c.gpu for c in plan.checks]
            elif len(named) > 1 and len({product_of(g) for g in named}) == 1:
                # sizes of one product ("40GB or 80GB?"): the smallest that holds it as asked comes first
                held = [c for c in plan.checks if isinstance(c, Fit) and (details.gpu_count or c.count == 1)]
                plan = first_check(plan, held[0] if held else None, knowledge.assumptions)
                named = [c.gpu for c in plan.checks]
            elif len(named) > 1:
                # "which is better for X, A or B": the one the answer names comes first
                picked = choice_pick(Facts(understanding, plan=plan))
                plan = first_check(plan, picked, knowledge.assumptions)
                named = [c.gpu for c in plan.checks]
            gpus = named + [f.gpu for f in plan.shown if f.gpu not in named]
            # at home, the card to buy: its purchase price (launch MSRP, or a dated street price) goes with it
            owned = knowledge.purchases or {}
            bought = (
                (owned[plan.pick.gpu.name],)
                if details.local and plan.pick and plan.pick.gpu.name in owned
                else ()
            )
            if asks_buy_or_rent(
                understanding.question
            ):  # "buy 2x 3090 or rent an H100?": the cards to buy, priced
                bought = tuple(owned[g.name] for g in named if g.name in owned) or bought
            budget = _budget_buys(understanding, knowledge, plan) if not named else None
            if budget is not None:  # "what do I buy with $5,000 to run a 70B?": what the budget buys, first
                shown = budget.within or ((budget.cheapest_over,) if budget.cheapest_over else ())
                lead = [budget.pick] if budget.pick else list(shown[:1])
                order = [*lead, *(b for b in shown if b not in lead)]
                gpus = [*{b.fit.gpu.name: b.fit.gpu for b in order}.values()] + [
                    g for g in gpus if g.name not in {b.fit.gpu.name for b in order}
                ]
                bought = tuple({b.fit.gpu.name: owned[b.fit.gpu.name] for b in order}.values())
            return replace(
                facts,
                plan=plan,
                gpus=tuple(gpus),
                filters=plan.filters,
                purchases=bought,
                budget=budget,
                levers=_levers(understanding, plan, named, knowledge.assumptions),
                home=home_routes_for(understanding, knowledge, plan),
                support=_tool_cannot_run_there(understanding, knowledge),
                cohosted=_cohosted(understanding, knowledge, plan),
                other_variants=_other_variants(understanding, knowledge, plan),
                each_model=self._each_model(understanding, knowledge),
            )
        return self.gather_without_workload(understanding, knowledge, facts)

    def _each_model(self, understanding: Understanding, knowledge: Knowledge) -> tuple[Facts, ...]:
        """The facts for each other model the question names, when they are not run together: the same question
        asked of each ("how many A100s for Llama 2 13B and Llama 2 70B?" answers both)."""
        details = understanding.details
        if not details.compared_models or _TOGETHER.search(understanding.question.lower()):
            return ()
        out = []
        for name in details.compared_models:
            alone = replace(details, model=name, params=None, model_note=None, compared_models=())
            other = self.gather(replace(understanding, details=alone), knowledge)
            if other.plan is not None:
                out.append(other)
        return tuple(out)

    def gather_without_workload(
        self, understanding: Understanding, knowledge: Knowledge, facts: Facts
    ) -> Facts:
        """Facts when no model or size was given; by default none beyond the question."""
        return facts

    def ground(self, facts: Facts, passages: Sequence, knowledge: Knowledge) -> Facts:
        """Facts adjusted to what retrieval found; by default unchanged."""
        return facts

    def compose(self, facts: Facts, passages: Sequence) -> str:
        """The offline Markdown answer: an unknown model is said so, a workload gets its plan, else the intent's own."""
        if (clock := cluster_time_answer(facts)) is not None:  # "1.3M GPU-hours on 24K GPUs: how long?"
            return clock
        if (
            job := weights_job_answer(facts)
        ) is not None:  # converting, quantizing, merging: the weights' memory
            return job
        if facts.unknown_model:
            return unknown_model_answer(facts)
        if (facts.contrast is not None or facts.plan is None) and (stages := zero_stages_text(facts)):
            return stages  # "zero2 uses more than zero1": what each stage shards, not two sizings set side by side
        if facts.contrast is not None:
            return contrast_answer(facts)
        if asks_training_without_gpu(
            facts
        ):  # "can I fine-tune it without a GPU?": the RAM, or the tool that can't
            return cpu_training_answer(facts)
        if asks_cpu_only(facts):  # "can I run it on CPU", "is a GPU necessary": the RAM and what to expect
            if (home := home_answer(facts)) is not None:  # a model no home box holds: its distills lead
                return with_details("\n\n".join(p for p in home if p), cpu_answer(facts))
            return cpu_answer(facts)
        if facts.plan is not None:
            if facts.support:  # "can vLLM serve it on a P100?": the tool does not run there, whatever fits
                return f"{support_answer(facts)}\n\n**Memory, with a tool that does run there**\n\n" + (
                    workload_answer(facts, passages)
                )
            if facts.cohosted:  # several models on the same hardware: the verdict is on them together
                return f"{cohost_lead(facts)}\n\n**Each on its own**\n\n{workload_answer(facts, passages)}"
            answer = workload_answer(facts, passages)
            if facts.each_model:  # each other model named: its own lead, after the first's
                head, sep, rest = answer.partition("\n\n")
                others = "\n\n".join(_lead_of(other, passages) for other in facts.each_model)
                answer = f"{head}\n\n{others}{sep}{rest}"
            if sentence := variants_sentence(facts):  # "a V100": which size was read, and the other's verdict
                head, sep, rest = answer.partition("\n\n")
                return f"{head}\n\n_{sentence}_{sep}{rest}"
            return answer
        return self.compose_without_workload(facts, passages)

    def compose_without_workload(self, facts: Facts, passages: Sequence) -> str:
        """The answer when there is no plan; by default quoted from the guides (or "I don't know")."""
        return explain_answer(facts, passages)


def _lead_of(facts: Facts, passages: Sequence) -> str:
    """One more model's answer, its lead paragraph only, named: '**Llama 2 70B:** **8 x A100 40GB** — ...'."""
    lead = workload_answer(facts, passages).partition("\n\n")[0]
    return f"**{facts.understanding.details.model}:** {lead}"


def _tool_cannot_run_there(understanding: Understanding, knowledge: Knowledge) -> tuple:
    """The tools the question names (with the feature named of each) that do not run on a GPU it names, from the
    tools' own hardware docs: "serve Llama 3 8B with vLLM on a P100" is decided by vLLM's support before memory."""
    details = understanding.details
    if not details.gpus:
        return ()
    table = knowledge.software or load_software(catalog=knowledge.catalog)
    tools = table.named_in(understanding.question)
    gpus = [knowledge.catalog.by_name(n) for n in details.gpus[:2]]
    checked = (support_of(tool, feature, gpu.software, gpu) for tool, feature in tools for gpu in gpus)
    return tuple(s for s in checked if s.status == "unsupported")


# money or buying said in words, beside a purchase budget read from the question
_MONEY_SAID = re.compile(
    r"[$€£]|\busd\b|\bdollars?\b|\bbucks\b|\beur(?:os?)?\b|\bpounds?\b|\bbudget\b|\bspend\b|\bafford\b|"
    r"\bbuy(?:ing)?\b|\bpurchas\w*|\bcosts?\b|\bprice\b"
)


def asks_about_macs(question: str) -> bool:
    """Whether ``question`` is about a Mac ("a Mac Studio", "MacBooks", "Apple"), not a word starting so ("machine")."""
    return bool(re.search(r"\bmac(?:s|books?|os)?\b|\bapple\b", question.lower()))


def _budget_buys(understanding: Understanding, knowledge: Knowledge, plan) -> BudgetBuys | None:
    """A purchase budget said with a workload ("$5,000 to run Llama 3.3 70B at home"): every card (or, when the
    question is about one, every Mac) with a purchase price, at the fewest that hold the workload, against the
    budget; None with no budget."""
    budget = understanding.details.purchase_budget_usd
    if not budget or plan is None or not _MONEY_SAID.search(understanding.question.lower()):
        return None  # "with 64k max seq length" is no budget: money or buying must be said in words
    mac = asks_about_macs(understanding.question)
    priced = [
        (gpu, price.price_usd)
        for name, price in (knowledge.purchases or {}).items()
        if ((gpu := knowledge.catalog.by_name(name)).vendor == "Apple") == mac
    ]
    if not priced:
        return None
    # hardware not yet bought runs nothing yet: a speed said beside a budget ("at 5 tokens per second") is the target
    details = understanding.details
    speed = details.user_tokens_per_s or details.expected_tokens_per_s or speed_said(understanding.question)
    if plan.workload.task.is_training and details.method_unstated and not speed:
        # "what card for fine-tuning 7B models, budget $2000?": the fullest method the budget buys a card for
        # (full fine-tuning needs data-center memory; LoRA or QLoRA fits a home card)
        methods = [
            o.estimate for o in open_options(plan, details) if o.estimate.workload.optimizer == "adamw"
        ]
        if plan.estimate in methods:
            methods.remove(plan.estimate)
        return fullest_bought([plan.estimate, *methods], priced, budget, knowledge.assumptions)
    return budget_buys(plan.estimate, priced, budget, knowledge.assumptions, tokens_per_s=speed)


def _card_to_buy(understanding: Understanding, knowledge: Knowledge, plan):
    """Buying set against renting with no card named (and no budget): the card to weigh, or None."""
    if not asks_buy_or_rent(understanding.question) or understanding.details.purchase_budget_usd:
        return None
    rented = set(knowledge.offerings.gpus) if knowledge.offerings is not None else set()
    priced = [
        (knowledge.catalog.by_name(name), p.price_usd)
        for name, p in (knowledge.purchases or {}).items()
        if name in rented or knowledge.catalog.by_name(name).price_per_hour
    ]
    options = open_options(plan, understanding.details) or plan.options
    training = plan.workload.task.is_training
    if training and understanding.details.method_unstated:
        # a fine-tune bought for at home is an adapter run (LoRA, QLoRA): full fine-tuning needs data-center memory
        options = [o for o in options if not o.label.startswith("full")] or options
    return card_to_buy([o.estimate for o in options], priced, knowledge.assumptions, cheapest=not training)


def first_check(plan, first, assumptions: Assumptions):
    """``plan`` with ``first`` (one of its checks) moved to the front, so the setup the answer names is the one
    the plan leads with (and prices per month); unchanged when ``first`` is None."""
    if first is None:
        return plan
    checks = (first, *(c for c in plan.checks if c is not first))
    lead = next((c for c in checks if isinstance(c, Fit)), plan.pick)
    monthly = plan.monthly_cost
    if lead is not None and lead.price_per_hour is not None:
        monthly = lead.price_per_hour * assumptions.number("hours_per_month")
    return replace(plan, checks=checks, monthly_cost=monthly)


def _levers(understanding: Understanding, plan, named, assumptions: Assumptions) -> tuple:
    """A training run reported to run out of memory (or asked how to make fit) on the one GPU the user has,
    and too big for it as stated: the usual levers, each sized again on that GPU."""
    question = understanding.question
    details = understanding.details
    stated = details.stated_memory_gb if not named and not details.ram_gb else None  # "my 24GB card"
    count = details.gpu_count or 1
    if (
        (len(named) != 1 and stated is None)
        or (count != 1 and not (reports_oom(question) and len(named) == 1))
        or not plan.workload.task.is_training
        or not (reports_oom(question) or asks_to_fit(question) or _asks_of_own_card(understanding, named))
    ):
        return ()
    levers = memory_levers(
        plan.workload, named[0] if named else None, assumptions, memory_gb=stated, count=count
    )
    if not levers or plan.estimate.per_gpu_gb(count) <= levers[0].usable_gb:
        return ()  # it fits on paper: the settings beyond the estimate are what to look at, not these
    return levers


def _asks_of_own_card(understanding: Understanding, named) -> bool:
    """'Can I QLoRA it on my 4070 Super?': a yes/no on a card the user has, whose No should say what does fit."""
    details = understanding.details
    if details.any_mac or any(g.vendor == "Apple" for g in named):
        return False  # a Mac's levers are MLX's (answering/_compose/_macs.py), not bitsandbytes'
    return details.yes_no and bool(details.local or details.owns_gpus or details.stated_memory_gb)


# several models served on the same hardware at once: "two models on one GPU", "both at the same time"
_TOGETHER = re.compile(
    r"\b(?:two|2|three|3|both|multiple|several)\s+(?:different\s+)?(?:llms|models)\b|\bat the same time\b"
    r"|\bsimultaneous\w*|\bside by side\b|\btogether\b|\balongside\b|\bconcurrently\b|\bco-?host\w*"
    r"|\bboth\b[^?!]{1,80}?\band\b|\bas well as\b|\bnext to\b|\bbeside\b"
)
# models tried one after the other ("I have tried it with two different models"), each run on its own
_IN_TURN = re.compile(r"\b(?:tried|tested|attempted|switched between|one (?:after|at a time))\b")
# words that put them on the hardware at once, whatever else is said
_AT_ONCE = re.compile(
    r"\bat the same time\b|\bsimultaneous\w*|\bside by side\b|\btogether\b|\balongside\b|\bconcurrently\b|"
    r"\bco-?host\w*"
)


def _cohosted(understanding: Understanding, knowledge: Knowledge, plan) -> tuple[tuple[str, float], ...]:
    """The other models the question serves beside the first on the same hardware, each with the memory it needs
    on its own in the same format and context; () unless several models are named to run at once."""
    details = understanding.details
    question = understanding.question.lower()
    if plan.workload.task is not Task.INFERENCE or not _TOGETHER.search(question):
        return ()
    if _IN_TURN.search(question) and not _AT_ONCE.search(question):
        return ()  # "tried it with two different models": each on its own, not both loaded
    out = _companions(question, knowledge)
    if not details.compared_models:
        return tuple(out)
    request = request_for(understanding)
    for name in details.compared_models:
        other = plan_workload(
            replace(request, model=name, params=None, model_note=None),
            knowledge.catalog,
            knowledge.models,
            knowledge.assumptions,
        )
        out.append((name, other.estimate.total_gb))
    return tuple(out)


def _other_variants(understanding: Understanding, knowledge: Knowledge, plan) -> tuple[Fit | NoFit, ...]:
    """When the one GPU named has several memory sizes and the question says none ("a V100", "an A100"), the
    workload on each other size at the same count, kept only where the verdict differs from the size read."""
    details = understanding.details
    if len(details.gpus) != 1 or not plan.checks or details.card_memory_gb or details.stated_memory_gb:
        return ()
    if _MEMORY_SAID.search(understanding.question.lower()):
        return ()  # a size said anywhere: the variant is meant (or the premise is corrected elsewhere)
    named = knowledge.catalog.by_name(details.gpus[0])
    first = plan.checks[0]
    sizes = {named.memory_gb}
    request = request_for(understanding)
    out: list[Fit | NoFit] = []
    for gpu in knowledge.catalog:
        if product_of(gpu) != product_of(named) or gpu.memory_gb in sizes or not gpu.memory_gb:
            continue
        sizes.add(gpu.memory_gb)
        other = plan_workload(
            replace(request, gpus=(gpu.name,)), knowledge.catalog, knowledge.models, knowledge.assumptions
        ).checks
        if not other:
            continue
        check = other[0]
        differs = isinstance(check, Fit) != isinstance(first, Fit)
        if isinstance(check, Fit) and isinstance(first, Fit) and check.count != first.count:
            differs = True
        if differs:
            out.append(check)
    return tuple(out)


_MEMORY_SAID = re.compile(r"\d\s*(?:gb|gig|g)\b")


def variants_sentence(facts: Facts) -> str:
    """'Read as the V100 16GB (the V100 also comes with 32 GB, where it fits: about 25.1 GB per GPU of 28.8 GB
    usable).' for each other size of the GPU named whose verdict differs."""
    if not facts.other_variants or not facts.checks:
        return ""
    read = facts.checks[0].gpu
    parts = []
    for check in facts.other_variants:
        gpu = check.gpu
        if isinstance(check, Fit):
            on = f"{check.count} x {gpu.name}" if check.count > 1 else f"one {gpu.name}"
            parts.append(
                f"on {on} it fits: about {check.per_gpu_gb:.1f} GB per GPU of the {check.usable_gb:.1f} GB usable"
            )
        else:
            parts.append(f"the {gpu.name} does not hold it ({check.reason})")
    return f"Read as the {read.name} (no memory size said); " + "; ".join(parts) + "."


def _companions(question: str, knowledge: Knowledge) -> list[tuple[str, float]]:
    """The embedding, reranker and other non-LLM models named beside the LLM ("llama 3 8b and a bge reranker"),
    each with its inference memory on record (the smallest figure: its weights)."""
    workloads = knowledge.workloads or load_workloads()
    out = []
    for spec in workloads.named_in(question):
        fact = spec.smallest_memory("inference")
        if fact is not None and fact.memory_gb is not None:
            out.append((spec.name, fact.memory_gb))
    return out


def planner_request(understanding: Understanding, knowledge: Knowledge):
    """The planner's request; a training cost or time question without a dataset size gets the default one
    (the answer states it first), so it is answered with a figure instead of a request for more detail."""
    request = request_for(understanding)
    details = understanding.details
    asks = details.wants_cost or details.wants_time or details.deadline_hours is not None
    # "30 hours per epoch on 100k samples, normal?": a time seen on a dataset of known size, to be judged
    asks = asks or bool(details.stated_wall_hours and (details.tokens or details.examples))
    # "tokens/s per GPU when training": a throughput, worked out on a token budget (the answer's time uses it)
    training = details.task is not None and details.task.is_training
    asks = asks or (training and bool(_THROUGHPUT.search(understanding.question.lower())))
    if details.task is Task.PRETRAIN and not details.tokens and (asks or asks_token_budget(understanding)):
        # from scratch with no token budget said: the compute-optimal one (the answer says so)
        run = load_pretraining().get(details.model) if details.model else None
        if run is not None and not asks_token_budget(understanding):
            return replace(
                request, tokens=run.tokens_t * 1e12
            )  # what its makers trained it on (its model card)
        spec = knowledge.models.get(details.model) if details.model else None
        params = spec.params if spec is not None else details.params
        if params:
            return replace(
                request, tokens=params * knowledge.assumptions.number("chinchilla_tokens_per_param")
            )
    if asks and details.task in (Task.FULL, Task.LORA, Task.QLORA) and not details.tokens:
        if details.dataset_bytes:  # told by its file size: bytes of text per token (the answer says so)
            per_token = knowledge.assumptions.number("text_bytes_per_token")
            return replace(request, tokens=details.dataset_bytes / per_token * (details.epochs or 1))
        if (
            details.examples
        ):  # counted in examples of an unsaid length: an assumed length (the answer says so)
            per = knowledge.assumptions.number("default_tokens_per_example")
            return replace(request, tokens=details.examples * per * (details.epochs or 1))
        request = replace(request, tokens=knowledge.assumptions.number("default_finetune_tokens"))
    return request


_THROUGHPUT = re.compile(r"\b(?:tokens?|toks?)\s*(?:/\s*|per |an? )s(?:ec(?:ond)?)?\b|\bthroughput\b")

_REGISTRY: dict[Intent, Handler] = {}


def register(cls: type[Handler]) -> type[Handler]:
    """Class decorator: make ``cls`` the handler of its intent."""
    if cls.intent in _REGISTRY:
        raise ValueError(f"intent {cls.intent} already has a handler: {type(_REGISTRY[cls.intent]).__name__}")
    _REGISTRY[cls.intent] = cls()
    return cls


def handler_for(intent: Intent) -> Handler:
    """The handler registered for ``intent``."""
    return _REGISTRY[intent]


def registered() -> dict[Intent, Handler]:
    """Every intent and its handler."""
    return dict(_REGISTRY)


def rental_markets(gpus, knowledge: Knowledge) -> tuple:
    """The offerings table's on-demand market for each of ``gpus`` that some provider rents (none without a table)."""
    if knowledge.offerings is None:
        return ()
    markets = (gpu_market(knowledge.offerings, g.name) for g in gpus)
    return tuple(m for m in markets if m.on_demand)
