"""'The GPU I have' mode: which models and quantizations run on the user's hardware, how fast, what trains."""

from dataclasses import replace

from ...knowledge._software import load_software, support_of
from ...planning import plan_workload
from ...planning._owned import offloaded_runs, stand_in_card, stand_in_mac, use_ladder, what_runs
from ...understanding import Intent
from ...understanding._engines import BATCHING_ENGINES, engines_named, serves_many
from ...understanding._local import serves_others
from .._compose._non_llm import kind_estimate_answer, unknown_release_answer
from .._compose._ollama_parallel import ollama_users_note
from .._compose._owned import largest_run, memories_answer, owned_answer
from .._compose._rate_largest import largest_within_rate_answer
from .._compose._suited import suited_answer, suited_job
from .._compose._weights_job import weights_job_answer
from .._facts import Facts
from ._registry import Handler, asks_about_macs, planner_request, register
from .non_llm import repository_on_card


@register
class MyHardware(Handler):
    intent = Intent.MY_HARDWARE
    plans_workloads = False

    def gather(self, understanding, knowledge):
        details = understanding.details
        if (on_card := repository_on_card(understanding, knowledge)) is not None:
            return (
                on_card  # "[SomeRepo] can I run this on a 3060?": a repository's release, not which LLMs fit
            )
        if details.budget_per_hour and not (
            details.gpus or details.stated_memory_gb or details.ram_gb or details.has_workload
        ):
            return _largest_within_rate(understanding, knowledge, details.budget_per_hour)
        if details.card_to_buy and not details.purchase_budget_usd:
            return _card_ladder(understanding, knowledge)
        if details.memories_weighed:
            return _memories_weighed(understanding, knowledge)
        if (
            details.purchase_budget_usd
            and not details.gpus
            and not details.stated_memory_gb
            and not details.ram_gb
        ):
            return _within_budget(understanding, knowledge, details.purchase_budget_usd)
        if not details.gpus and not details.stated_memory_gb:
            return Facts(understanding)  # a card the catalog does not list, its memory not said: asked for
        if details.ram_gb and not details.gpus:
            # no GPU, only RAM: llama.cpp on the CPU, reading the weights at the desktop RAM bandwidth
            cpu = stand_in_card(knowledge.catalog, details.stated_memory_gb).model_copy(
                update={
                    "name": f"CPU with {details.ram_gb:g} GB of RAM",
                    "aliases": (),
                    "memory_gb": details.stated_memory_gb,
                    "memory_bandwidth_gbs": details.ram_bandwidth_gbs
                    or knowledge.assumptions.number("system_ram_bandwidth_gbs"),
                    "fp16_tflops": None,
                }
            )
            report = what_runs(
                cpu,
                1,
                knowledge.models,
                knowledge.assumptions,
                quants=_asked_quant(details, knowledge),
                on_cpu=True,
                ladder_names=use_ladder(details.model_use, knowledge.assumptions),
            )
            return replace(
                Facts(understanding), owned=replace(report, trains=()), headline_memory_gb=_largest(report)
            )
        if details.gpus:
            gpu = card = knowledge.catalog.by_name(details.gpus[0])
        elif details.mac_said and (mac := stand_in_mac(knowledge.catalog, details.stated_memory_gb)):
            # "what can I run on a 128GB Mac Studio?": the slowest Mac of that memory, with the share macOS gives
            # its GPU — not a data-center card's speed under a "128 GB GPU" label
            card = mac
            gpu = mac.model_copy(update={"name": f"{details.stated_memory_gb:g} GB Mac", "aliases": ()})
        else:  # "what can I run with 24 GB of VRAM": a card of that memory, at the slowest such card's speed
            card = stand_in_card(knowledge.catalog, details.stated_memory_gb)
            gpu = card.model_copy(
                update={
                    "name": f"{details.stated_memory_gb:g} GB GPU",
                    "aliases": (),
                    "memory_gb": details.stated_memory_gb,
                }
            )
        if details.gpus and (suited := suited_facts(understanding, knowledge)) is not None:
            return suited  # "is the MI300X good for LLM inference?": a data-center card weighed for a job
        served = _serves_from(understanding, card)
        report = what_runs(
            gpu,
            details.gpu_count or 1,
            knowledge.models,
            knowledge.assumptions,
            quants=_server_formats(details, card) if served else _asked_quant(details, knowledge),
            ladder_names=details.family_ladder or use_ladder(details.model_use, knowledge.assumptions),
            rl=details.rl,  # "can I run GRPO training on my 4 L40S?": what trains is that RL run
            runtime="server" if served else "llama.cpp",
        )
        offloaded = (
            offloaded_runs(report, details.host_ram_gb, knowledge.models, knowledge.assumptions)
            if details.host_ram_gb and not details.ram_gb and gpu.software != "Metal"
            else ()
        )
        return replace(
            Facts(understanding),
            gpus=(card,),
            owned=report,
            owned_offloaded=offloaded,
            headline_memory_gb=_headline_memory(report, details),
            support=tools_on(card, knowledge),
        )

    def compose(self, facts, passages):
        if (job := weights_job_answer(facts)) is not None:  # converting, quantizing, merging on their machine
            return job
        if facts.release_unknown:  # a release to train, nothing of it on record: say so and what decides it
            return unknown_release_answer(facts)
        if facts.plan is not None and not facts.understanding.details.has_workload:
            return largest_within_rate_answer(facts)
        if facts.kind_estimate is not None:
            return kind_estimate_answer(facts)
        if (suited := suited_answer(facts)) is not None:
            return suited
        if facts.understanding.details.memories_weighed and facts.owned_each:
            return memories_answer(facts)
        u = facts.understanding
        note = ollama_users_note(u.question, u.details.batch)  # "ollama for 10 users on a 4090": its slots
        lead, _, rest = owned_answer(facts).partition("\n\n")
        return "\n\n".join(filter(None, [lead, note, rest]))  # the note in the answer, not behind its details


def suited_facts(understanding, knowledge) -> Facts | None:
    """'Is the MI300X good for LLM inference?', 'is the L4 a good pick for fine-tuning?': one data-center card nobody
    says they own, weighed for a kind of job — what one card holds in 16-bit and 8-bit weights, what it fine-tunes,
    and its software; None when the question is not that."""
    details = understanding.details
    if len(details.gpus) != 1 or details.model or details.params or details.gpu_count not in (None, 1):
        return None
    card = knowledge.catalog.by_name(details.gpus[0])
    if (job := suited_job(understanding, card)) is None:
        return None
    eight = "fp8" if card.fp8 else "int8"
    report = what_runs(card, 1, knowledge.models, knowledge.assumptions, quants=("bf16", eight))
    runs = [r for r in report.runs if r.quant]
    return replace(
        Facts(understanding),
        gpus=(card,),
        owned=report,
        headline_memory_gb=runs[-1].memory_gb if runs and job == "inference" else None,
        support=tools_on(card, knowledge),
    )


def _largest_within_rate(understanding, knowledge, rate: float) -> Facts:
    """'$2/hour, what's the biggest model I can serve?': the ladder's models, largest first, each planned for
    serving within the rate; the first whose setup is within it, with the next one up (over it) beside."""
    models = knowledge.models
    ladder = [models.by_name(n) for n in knowledge.assumptions["serving_size_ladder"].value if models.get(n)]
    over = None
    for spec in sorted(ladder, key=lambda m: -m.params_b):
        told = replace(understanding, details=replace(understanding.details, model=spec.name))
        plan = plan_workload(
            planner_request(told, knowledge),
            knowledge.catalog,
            models,
            knowledge.assumptions,
            knowledge.offerings,
        )
        fit = plan.pick
        if fit is not None and fit.price_per_hour is not None and fit.price_per_hour <= rate:
            return replace(Facts(understanding), plan=plan, gpus=(fit.gpu,), over_rate=over)
        over = plan
    return replace(Facts(understanding), over_rate=over)


def tools_on(card, knowledge) -> tuple:
    """Off CUDA (an AMD or Intel card, a Mac): each tool of the software table checked on the card, since which
    tools run decides as much as memory does; () on a CUDA card, where every tool the table lists runs."""
    if card.software == "CUDA":
        return ()
    table = knowledge.software or load_software(catalog=knowledge.catalog)
    return tuple(support_of(tool, None, card.software, card) for tool in table.tools)


def _within_budget(understanding, knowledge, budget: float) -> Facts:
    """'With 2k, what GPU for local LLMs?': the cards whose price (a dated street price, else the launch MSRP) is
    within the budget, CUDA cards first, most memory first (what decides which models run), then the fastest; what
    runs on the first.
    Macs only when the question is about one (their price is the whole computer)."""
    prices = knowledge.purchases or {}
    mac = asks_about_macs(understanding.question)
    affordable = [
        (knowledge.catalog.by_name(name), price)
        for name, price in prices.items()
        if price.price_usd <= budget and (knowledge.catalog.by_name(name).vendor == "Apple") == mac
    ]
    if not affordable:
        return replace(Facts(understanding), owned=None)
    # CUDA first (every local runtime supports it first, as the card ladder says), then most memory, fastest, cheapest
    affordable.sort(
        key=lambda gp: (
            not mac and gp[0].software != "CUDA",
            -gp[0].memory_gb,
            -gp[0].memory_bandwidth_gbs,
            gp[1].price_usd,
        )
    )
    pick = affordable[0][0]
    report = what_runs(
        pick,
        1,
        knowledge.models,
        knowledge.assumptions,
        quants=_asked_quant(understanding.details, knowledge),
    )
    return replace(
        Facts(understanding),
        gpus=tuple(g for g, _ in affordable),
        owned=report,
        purchases=tuple(p for _, p in affordable),
        headline_memory_gb=_largest(report),
    )


def _memories_weighed(understanding, knowledge) -> Facts:
    """'16gb or 24gb gpu for local llms?', '64 or 128gb mac?': what runs at each memory, on the slowest card (or Mac)
    of it the catalog lists, which gives the speeds."""
    mac = asks_about_macs(understanding.question)
    stand_in = stand_in_mac if mac else stand_in_card
    cards = [stand_in(knowledge.catalog, gb) for gb in understanding.details.memories_weighed]
    if None in cards:
        return Facts(understanding)
    reports = tuple(what_runs(card, 1, knowledge.models, knowledge.assumptions) for card in cards)
    return replace(Facts(understanding), gpus=tuple(cards), owned_each=reports)


def _card_ladder(understanding, knowledge) -> Facts:
    """'What card should I get for local LLMs?' with no budget: the cards no cheaper card beats on memory (among
    all makes, and among CUDA cards, since every local runtime supports CUDA first), by price, each with the
    largest model that runs on it; the pick is the CUDA card of at least
    12 GB with the most memory per dollar (memory decides which models run). Macs only when asked about."""
    prices = knowledge.purchases or {}
    mac = asks_about_macs(understanding.question)
    cards = [
        (knowledge.catalog.by_name(name), price)
        for name, price in prices.items()
        if (knowledge.catalog.by_name(name).vendor == "Apple") == mac
        and knowledge.catalog.by_name(name).gpu_class in ("consumer", "local")
    ]
    if not cards:
        return replace(Facts(understanding), owned=None)

    def front(pool):  # the cards no cheaper (or equally priced) card beats on memory
        kept, most = [], 0.0
        for gpu, price in sorted(pool, key=lambda gp: (gp[1].price_usd, -gp[0].memory_gb)):
            if gpu.memory_gb > most:
                kept.append((gpu, price))
                most = gpu.memory_gb
        return kept

    cuda = [(g, p) for g, p in cards if g.software == "CUDA"]
    rows = sorted(
        {g.name: (g, p) for g, p in [*front(cards), *front(cuda)]}.values(),
        key=lambda gp: (gp[1].price_usd, gp[0].memory_gb),
    )
    runs = []
    for gpu, price in rows:
        report = what_runs(gpu, 1, knowledge.models, knowledge.assumptions)
        runs.append((gpu, price, largest_run(report)))
    roomy = [r for r in runs if r[0].memory_gb >= 12 and (mac or r[0].software == "CUDA")] or runs
    pick = min(roomy, key=lambda r: (r[1].price_usd / r[0].memory_gb, r[1].price_usd))
    report = what_runs(pick[0], 1, knowledge.models, knowledge.assumptions)
    return replace(
        Facts(understanding),
        gpus=(pick[0], *(g for g, _, _ in runs if g.name != pick[0].name)),
        purchases=(pick[1], *(p for g, p, _ in runs if g.name != pick[0].name)),
        owned=report,
        ladder=tuple(runs),
        headline_memory_gb=_largest(report),
    )


def _serves_from(understanding, card) -> bool:
    """'What can a p4d.24xlarge serve?', 'which models can 8x A100 serve with vLLM?': data-center cards asked to serve
    people (a batching engine named, serving words, or a cloud instance), so what runs is a serving engine's."""
    details = understanding.details
    engines = engines_named(understanding.question)
    batching = any(e in BATCHING_ENGINES for e in engines)
    return (
        card.vendor != "Apple"
        and not details.family_ladder
        and not any(e not in BATCHING_ENGINES for e in engines)  # Ollama or llama.cpp named: their GGUF files
        and (
            batching  # "vLLM for 10 users on a 4090": the engine's formats, whatever the card
            or (
                card.gpu_class in ("training", "inference", "both")
                and not details.local
                and (
                    bool(details.instance)
                    or serves_others(understanding.question)
                    or serves_many(understanding.question)
                )
            )
        )
    )


def _server_formats(details, card) -> tuple[str, ...]:
    """The formats a serving engine loads, best first: 16-bit, 8-bit (FP8 where the card computes it, else INT8),
    4-bit AWQ/GPTQ; the one the question names alone."""
    if details.precision in ("bf16", "fp16", "fp8", "int8", "int4"):
        return (details.precision,)
    return ("bf16", "fp8" if card.fp8 else "int8", "int4")


def _asked_quant(details, knowledge) -> tuple[str, ...] | None:
    """The GGUF type the question fixes ("what fits in 24 GB at Q4_K_M?"), if it names one."""
    return (details.precision,) if details.precision in knowledge.assumptions.gguf_types else None


def _largest(report) -> float | None:
    """The memory of the run the answer leads with (the largest model at a quant worth running)."""
    run = largest_run(report)
    return run.memory_gb if run is not None else None


def _headline_memory(report, details) -> float | None:
    """The memory of what the answer leads with: for a question about training on CUDA cards, the largest model
    the method asked about (the leanest when none is said) fits, over all the cards; otherwise the largest run."""
    task = details.task
    if task is None or not task.is_training or not report.trains or report.gpu.software != "CUDA":
        return _largest(report)
    asked = "" if details.method_unstated else task.label.lower()
    first = sorted(report.trains, key=lambda t: t.method.lower() != asked)[0]
    if first.model is None or not first.memory_gb:
        return None  # none of the models tracked fits for that method: no figure to lead with
    return round(first.memory_gb * report.count, 2)
