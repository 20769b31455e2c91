"""The planner: (workload, constraints) -> the plan that every front end renders (pure)."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field, replace

from .._errors import InvalidQuestion
from .._text import article
from ..knowledge import GPU, Catalog, ModelSpec, ModelSpecs, OfferingsTable
from ..knowledge._catalog import Price
from ..sizing import (
    Assumption,
    Assumptions,
    CpuSpeed,
    FinetuneTool,
    Fit,
    FitReport,
    MemoryEstimate,
    NoFit,
    Offload,
    Task,
    Workload,
    context_room,
    cpu_speed,
    estimate_memory,
    fit_at,
    fit_count,
    fit_gpu,
    is_local,
    largest_batch,
    load_finetune_tools,
    offload,
    offload_cpu_ram_gb,
    rank_fits,
    shape_for,
    usable_memory_gb,
)
from ._filters import CatalogFilter, filter_catalog
from ._home import moe_instead
from ._offerings import OfferedFit, best_offered, offered_fit, offered_report, offerings_note
from ._owned import RunsRow, runs_on, stand_in_card, what_runs
from ._request import WorkloadRequest

__all__ = ["DESKTOP_CARDS", "HOME_CARDS", "Option", "Plan", "meets_rate", "plan_workload", "price_note"]

_SHOWN = 6  # rows in the table of GPUs that fit: the pick and the cheapest others


@dataclass(frozen=True)
class Option:
    """An alternative way to run the workload (another task or precision) and its best sensible fit."""

    label: str
    estimate: MemoryEstimate
    best: Fit | None
    on_named: dict[str, Fit | NoFit] = field(default_factory=dict)


@dataclass(frozen=True)
class Plan:
    """Everything numeric an answer about a workload may say, with what was assumed and why."""

    request: WorkloadRequest
    workload: Workload
    estimate: MemoryEstimate
    report: FitReport
    pick: Fit | None
    pick_reason: str
    shown: tuple[Fit, ...]
    checks: tuple[Fit | NoFit, ...]
    options: tuple[Option, ...]
    defaults: tuple[str, ...]
    filters: tuple[str, ...]
    caveats: tuple[str, ...]
    max_gpus: int
    model: ModelSpec | None = None
    monthly_cost: float | None = None  # USD for the user's setup (or the pick) running all month
    # (GPU, count, most sequences per step that fit) on the user's first GPU, when they ask for the largest
    # batch or name a batch above 1
    batch_room: tuple[str, int, int] | None = None
    # named GPU -> the longest context (tokens) one sequence gets there when the assumed context does not fit but
    # the weights do: "yes, with a shorter context"; only for inference whose context and batch were not said
    context_room: dict[str, int] = field(default_factory=dict)
    # the estimate ``context_room`` was worked out on when the question left the format unsaid and the default one
    # leaves no room for any context ("how much context on my 24 GB card?" for a 32B model: none in bf16, some in
    # 4-bit); None when the room is the plan's own estimate's
    context_estimate: MemoryEstimate | None = None
    # named GPU -> memory per GPU, when the setup asked about misses only the serving engine's default reserve
    # and fits once the engine is told to use more of the card (vLLM --gpu-memory-utilization 0.95)
    raised_share: dict[str, Fit] = field(default_factory=dict)
    offload: Offload | None = None  # llama.cpp with some layers in system RAM when the named GPU is too small
    offload_asked: Offload | None = None  # the layer split at the layer count the user gave ("-ngl 30")
    # inference with no GPU named: how fast the usual 4-bit GGUF generates from desktop RAM on the CPU alone
    cpu: CpuSpeed | None = None
    fits_instead: RunsRow | None = (
        None  # on the user's own card that holds the model in no format: the largest
    )
    # a dense model run at home from RAM (CPU-only or partly offloaded): a sparse MoE of about its size that runs
    # at least twice as fast the same way
    moe_instead: RunsRow | None = None
    # a training job on the card the user owns, known only by its memory ("how long on my 12gb card?"): timed on
    # the stand-in card of that memory, with no rental price (it is theirs), whether or not it holds the job
    stated_card_fit: Fit | None = None
    # model of the owned-hardware ladder that does fit, at its best quant
    # the adapter fine-tune (the LoRA or QLoRA asked, QLoRA for any other fine-tune) with FSDP CPU offload on the
    # user's two or more GPUs, where sharding alone does not fit it and offloading does (answer.ai's fsdp_qlora:
    # a 70B on 2x 24 GB); its ``on_named`` holds only those GPUs
    offloaded: Option | None = None
    # the parallelism strategies the question sets side by side, each with its memory estimate (a full fine-tune
    # or pre-training under DDP, ZeRO-1, ZeRO-2, ZeRO-3 or FSDP), in the question's order
    strategies: tuple[tuple[str, MemoryEstimate], ...] = ()
    strategy_room_gb: float | None = (
        None  # memory a training job may fill on the first named GPU, to judge them
    )

    @property
    def lead(self) -> Fit | None:
        """The setup the answer is about: the user's own GPUs when they fit, else the pick."""
        return next((c for c in self.checks if isinstance(c, Fit)), self.pick)

    @property
    def named(self) -> list[GPU]:
        """The GPUs the user named, in their order."""
        return [c.gpu for c in self.checks]

    @property
    def assumptions(self) -> list[Assumption]:
        """Every assumption the memory, speed and time figures of the pick (or first fit) used, once each."""
        used: dict[str, Assumption] = {a.key: a for a in self.estimate.assumptions}
        lead = self.pick or next(iter(self.report.fits), None)
        for fit in [lead, *[c for c in self.checks if isinstance(c, Fit)]]:
            if fit is None:
                continue
            for extra in (fit.serving, fit.training):
                if extra:
                    used.update({a.key: a for a in extra.assumptions if a.key not in used})
        return list(used.values())


def plan_workload(
    request: WorkloadRequest,
    catalog: Catalog,
    models: ModelSpecs,
    assumptions: Assumptions,
    offerings: OfferingsTable | None = None,
) -> Plan:
    """Size ``request``, rank the GPUs that can run it and choose one; InvalidQuestion if it cannot be sized.

    With ``offerings`` (and unless the user runs locally) every fit is a rentable setup priced at a real
    offering (see ``_offerings.py``); without, fits are priced at the catalog's indicative per-GPU rates.

    A cost question ("cheapest way to serve a 70B") that leaves the number format unsaid weighs the formats
    that keep quality acceptable: 4-bit weights (AWQ / GPTQ) are planned when they cost less per hour than
    16-bit ones, with a note giving the 8-bit and 16-bit costs beside (see ``_cheapest_format``).
    """
    plan = _plan(request, catalog, models, assumptions, offerings)
    return _within_budget_format(plan, catalog, models, assumptions, offerings) or _cheapest_format(
        plan, catalog, models, assumptions, offerings
    )


# the format a cost question gets when it names none: 4 bits is usually the best trade-off for a fixed memory
# budget (Dettmers and Zettlemoyer 2023; corpus/guides/quantization.md), with AWQ / GPTQ kernels on every server;
# smaller models lose more to it (same guide), so below this size the close-to-lossless 8 bits
_COST_FORMAT_4BIT_FROM_PARAMS = 20e9


def _unsaid_format_inference(request: WorkloadRequest, plan: Plan) -> bool:
    """Whether ``plan`` serves a model on rented GPUs of no name in the 16-bit format nobody asked for."""
    return (
        request.precision is None
        and not request.gpus
        and not request.local
        and request.runtime in (None, "server")
        and plan.workload.task is Task.INFERENCE
        and plan.workload.precision in ("bf16", "fp16")
    )


def _within_budget_format(
    plan: Plan,
    catalog: Catalog,
    models: ModelSpecs,
    assumptions: Assumptions,
    offerings: OfferingsTable | None,
) -> Plan | None:
    """``plan`` again in 8-bit, else 4-bit weights when no 16-bit setup is within the user's hourly budget but a
    leaner one is (the least-compressed format that fits the budget), with the 16-bit cost in a note; else None."""
    request = plan.request
    if not (request.budget_per_hour and plan.pick is None and _unsaid_format_inference(request, plan)):
        return None
    for precision in ("int8", "int4"):
        lean = _plan(replace(request, precision=precision), catalog, models, assumptions, offerings)
        if lean.pick is not None and lean.pick.price_per_hour is not None:
            break
    else:
        # over the budget in every format: the cheapest setup at all (4-bit), said to be over it
        lean = _plan(
            replace(request, precision="int4", budget_per_hour=None), catalog, models, assumptions, offerings
        )
        if lean.pick is None or lean.pick.price_per_hour is None:
            return None
        over = (
            f"note: no setup holds the model within your budget (${request.budget_per_hour:,.3g}/hour) in any "
            "format; the cheapest at all, with weights in 4-bit (AWQ or GPTQ), is shown"
        )
        return replace(lean, request=request, defaults=(*lean.defaults, over))
    bits = "8-bit (int8, or FP8 on cards that have it)" if precision == "int8" else "4-bit (AWQ or GPTQ)"
    wide = _plan(replace(request, budget_per_hour=None), catalog, models, assumptions, offerings).pick
    over = (
        f"; in 16-bit the cheapest setup, {wide.label} at ${wide.price_per_hour:,.2f}/hour, is over it"
        if wide is not None and wide.price_per_hour is not None
        else ""
    )
    chosen = (
        f"weights in {bits}, the least-compressed format a setup within your budget "
        f"(${request.budget_per_hour:,.3g}/hour) holds the model in{over}"
    )
    return replace(lean, defaults=(*lean.defaults, f"note: {chosen}"))


def _cheapest_format(
    plan: Plan,
    catalog: Catalog,
    models: ModelSpecs,
    assumptions: Assumptions,
    offerings: OfferingsTable | None,
) -> Plan:
    """``plan`` again in 4-bit weights when it answers a cost question in an unsaid 16-bit format and 4-bit
    setups cost less per hour; the 8-bit and 16-bit costs go in a note."""
    request = plan.request
    if not (
        request.cheaper
        and _unsaid_format_inference(request, plan)
        and plan.pick is not None
        and plan.pick.price_per_hour is not None
    ):
        return plan
    four_bit = plan.workload.params >= _COST_FORMAT_4BIT_FROM_PARAMS
    lean = _plan(
        replace(request, precision="int4" if four_bit else "int8"), catalog, models, assumptions, offerings
    )
    if (
        lean.pick is None
        or lean.pick.price_per_hour is None
        or lean.pick.price_per_hour >= plan.pick.price_per_hour
    ):
        return plan
    others = [f"in 16-bit, {plan.pick.label} at ${plan.pick.price_per_hour:,.2f}/hour"]
    eight = [o.best for o in plan.options if o.label in ("inference in fp8", "inference in int8") and o.best]
    if (
        four_bit
        and eight
        and (best8 := min(eight, key=lambda f: f.price_per_hour or float("inf"))).price_per_hour
    ):
        others.insert(
            0,
            f"in 8-bit (FP8 or int8, close to lossless), {best8.label} at ${best8.price_per_hour:,.2f}/hour",
        )
    if four_bit:
        chosen = (
            "weights in 4-bit (AWQ or GPTQ), chosen as the cheapest format that keeps quality acceptable — 4 bits "
            "is usually the best trade-off for a fixed memory budget, at a small, measurable quality loss "
            "(Dettmers and Zettlemoyer 2023)"
        )
    else:
        chosen = (
            "weights in 8-bit (int8, or FP8 on cards that have it), chosen as the cheapest format that keeps "
            "quality: close to lossless, while 4-bit costs smaller models more quality"
        )
    return replace(lean, defaults=(*lean.defaults, f"note: {chosen}; " + "; ".join(others)))


def _plan(
    request: WorkloadRequest,
    catalog: Catalog,
    models: ModelSpecs,
    assumptions: Assumptions,
    offerings: OfferingsTable | None = None,
) -> Plan:
    """``plan_workload`` for the request as asked."""
    defaults: list[str] = []
    work, model = _workload(request, models, assumptions, defaults)
    work = _fp16_where_no_bf16(work, request, catalog, defaults)
    work = _trainer_batch_on_their_card(work, request, catalog, assumptions, defaults)
    estimate = estimate_memory(work, assumptions)
    vendors = (request.vendor,) if request.vendor else ()
    if request.not_vendors and not vendors:  # "anything but NVIDIA": every other maker in the catalog
        vendors = tuple(sorted({g.vendor for g in catalog} - set(request.not_vendors)))
    # rented setups are held to an hourly budget by their whole price (every GPU of it, as offered); the catalog's
    # indicative per-GPU rate only where nothing is offered (a card with no catalog rate is offered cheaply too)
    by_setup = offerings is not None and not request.local and request.budget_per_hour is not None
    constraints = CatalogFilter(
        not_gpus=request.not_gpus,
        vendors=vendors,
        classes=("consumer",) if request.consumer_only else (),
        min_memory_gb=request.min_memory_gb,
        max_price_per_hour=None if by_setup else request.budget_per_hour,
        card_memory_gb=request.card_memory_gb,
        min_compute_capability=request.min_compute_capability,
        compute_floor_by=request.compute_floor_by,
    )
    # a China-market A800 / H20 is weighed when named, never offered as a pick
    candidates = [g for g in filter_catalog(catalog, constraints) if not g.sold_in or g.name in request.gpus]
    report = _ranked(estimate, candidates, request, offerings, assumptions)
    rates = dict(request.own_rates)
    if rates:  # a GPU the user rents at their own rate is priced at it at every count, not only the one asked
        report = replace(
            report, fits=tuple(_at_their_rate(f, rates, estimate, assumptions) for f in report.fits)
        )
    named = [_at_own_rate(catalog.by_name(n), rates.get(n)) for n in request.gpus]
    checks = tuple(
        _check(estimate, gpu, request.gpu_count, assumptions)
        if gpu.name in rates
        else _priced_as_offered(_check(estimate, gpu, request.gpu_count, assumptions), report)
        for gpu in named
    )
    if (
        by_setup
    ):  # after the named GPUs were priced as offered: their bill is set against the budget, not hidden
        report = replace(report, fits=tuple(f for f in report.fits if _within(f, request.budget_per_hour)))
    fits = list(report.fits)
    if request.consumer_only:  # more desktop cards than one machine takes is no consumer setup
        fits = [f for f in fits if f.count <= HOME_CARDS]
    if request.faster:
        fits.sort(key=lambda f: -_speed(f))
    if request.cheaper:
        pick = next((f for f in fits if f.price_per_hour is not None), None)
        reason = "the cheapest priced fit"
    elif request.local and not work.task.is_training:
        # at home: a card people buy (GeForce/Radeon), the layers split over a few of them if need be
        pick = next((f for f in fits if _for_home(f, work)), None)
        reason = "the cheapest fit on consumer cards you can buy and run at home"
        if pick is None:
            pick = next((f for f in fits if _preferred(f, request, True)), None)
            reason = "the cheapest fit on a rentable GPU: no consumer card holds it"
    else:
        pick = next((f for f in fits if _preferred(f, request, request.local)), None)
        reason = "the cheapest fit on a rentable data-center GPU with the usual software stack"
        if pick is None and fits:
            pick, reason = fits[0], "the only kind of fit there is"
    if request.faster:
        reason = "the fastest fit"
    rate = request.user_tokens_per_s
    if not rate and (request.batch or 1) > 1 and not request.cheaper and not request.faster:
        rate = assumptions.number("user_tokens_per_s")  # users said, no speed: each still gets a fluid one
    if rate and work.task is Task.INFERENCE and not request.gpus:
        # "I need 200 tokens/s per user" (for N users): the cheapest setup whose speed per user at the batch the
        # users make reaches it, more GPUs of a card where its smallest fit is too slow; the stated load, not
        # the cost per token at full load, is what is being bought
        quick = _at_rate(
            rate, estimate, fits, request, offerings, assumptions, request.user_tokens_per_s is not None
        )
        if quick:
            pick = quick
            users = request.batch or 1
            reason = f"the cheapest setup that generates at least {rate:g} tokens/s for each of {users} " + (
                "users at once" if users > 1 else "user"
            )
    shown = [pick] if pick else []
    for fit in fits:
        if len(shown) >= _SHOWN:
            break
        if fit is not pick and fit.price_per_hour is not None:
            shown.append(fit)
    options = _options(work, request, candidates, named, assumptions, offerings)
    return Plan(
        request=request,
        workload=work,
        estimate=estimate,
        report=report,
        pick=pick,
        pick_reason=reason if pick else "",
        shown=tuple(shown),
        checks=checks,
        options=tuple(options),
        defaults=tuple(defaults),
        filters=tuple(constraints.describe())
        + ((f"at most ${request.budget_per_hour:.2f} per hour for the whole setup",) if by_setup else ()),
        caveats=tuple(_caveats(pick, tuple(shown), checks, work)),
        max_gpus=int(assumptions.number("max_gpus")),
        model=model,
        monthly_cost=_monthly(next((c for c in checks if isinstance(c, Fit)), pick), assumptions),
        batch_room=_batch_room(work, request, named, assumptions, catalog),
        **_context_room_in_a_format_that_leaves_some(estimate, request, named, checks, assumptions),
        raised_share=_raised_share(estimate, request, named, checks, assumptions),
        offload=_partial_offload(
            # at home in an unsaid format: the layer split of the usual GGUF download
            estimate_memory(work.with_(precision=_home_quant(assumptions), runtime="llama.cpp"), assumptions)
            if work.task is Task.INFERENCE and _at_home(work, request, named)
            else estimate,
            checks,
            request.gpu_count,
            assumptions,
        )
        or _stated_offload(work, checks, request, assumptions, catalog),
        offload_asked=_asked_offload(estimate, checks, request, assumptions),
        fits_instead=_fits_instead(work, checks, request, models, assumptions, catalog, model),
        moe_instead=_moe_instead(work, checks, request, models, assumptions, catalog),
        cpu=_cpu_speed(work, checks, assumptions, request.ram_bandwidth_gbs, request.ram_bandwidth_how),
        offloaded=_offloaded(work, request, named, assumptions),
        stated_card_fit=_stated_card_fit(estimate, request, named, assumptions, catalog),
        strategies=(strategies := _strategies(work, request, assumptions)),
        strategy_room_gb=usable_memory_gb(named[0], True, "server", assumptions)[0]
        if strategies and named
        else None,
    )


_TRAINER_BATCH = "the Hugging Face Trainer's default per_device_train_batch_size"


def _within(fit: Fit, budget_per_hour: float) -> bool:
    """Whether the setup ``fit`` is priced at no more than ``budget_per_hour`` in all."""
    return fit.price_per_hour is not None and fit.price_per_hour <= budget_per_hour


def _trainer_batch_on_their_card(
    work: Workload, request: WorkloadRequest, catalog: Catalog, assumptions: Assumptions, defaults: list[str]
) -> Workload:
    """An encoder fine-tune sized at the Trainer's default batch, which the user's card (named, or its memory
    stated) cannot hold while a smaller batch fits: sized at the largest batch that fits, as they would run it,
    the default's figure said beside it. A batch the user sets is never changed."""
    said = next((i for i, d in enumerate(defaults) if _TRAINER_BATCH in d), None)
    if said is None or request.batch:
        return work
    if request.gpus:
        card, name = catalog.by_name(request.gpus[0]), request.gpus[0]
    elif request.stated_memory_gb and (card := _stated_card(catalog, request.stated_memory_gb)) is not None:
        name = f"{request.stated_memory_gb:g} GB card"
    else:
        return work
    count = request.gpu_count or 1
    most = largest_batch(work, card, count, assumptions)
    if not 1 <= most < work.batch:
        return work
    needs = estimate_memory(work, assumptions).per_gpu_gb(count)
    defaults[said] = defaults[said].replace(
        f"micro-batch {work.batch} ({_TRAINER_BATCH})",
        f"micro-batch {most}, the most that fits your {name} ({_TRAINER_BATCH}, {work.batch}, needs about "
        f"{needs:.1f} GB)",
    )
    return work.with_(batch=most)


def _batch_room(
    work: Workload, request: WorkloadRequest, named: list[GPU], assumptions: Assumptions, catalog: Catalog
) -> tuple[str, int, int] | None:
    """The largest batch on the user's GPUs (or the card whose memory they state), when the batch is what they
    ask about or what they set."""
    if not (request.largest_batch or (request.batch or 1) > 1):
        return None
    count = request.gpu_count or 1
    if named:
        return named[0].name, count, largest_batch(work, named[0], count, assumptions)
    if request.stated_memory_gb and (card := _stated_card(catalog, request.stated_memory_gb)) is not None:
        # "max batch on a 24gb card": the memory they state, on a desktop card of that size
        return f"{request.stated_memory_gb:g} GB card", count, largest_batch(work, card, count, assumptions)
    return None


def _stated_card(catalog: Catalog, memory_gb: float) -> GPU | None:
    """A home card of the memory the user states: ``stand_in_card`` with the stated memory."""
    near = stand_in_card(catalog, memory_gb)
    return near.model_copy(update={"memory_gb": memory_gb}) if near is not None else None


def _stated_card_fit(
    estimate: MemoryEstimate,
    request: WorkloadRequest,
    named: list[GPU],
    assumptions: Assumptions,
    catalog: Catalog,
) -> Fit | None:
    """A training job on the user's own card known only by its memory, at no rental price (it may not fit)."""
    work = estimate.workload
    if named or not request.stated_memory_gb or not work.task.is_training or not work.tokens:
        return None
    card = _stated_card(catalog, request.stated_memory_gb)
    if card is None:
        return None
    return fit_at(estimate, card.model_copy(update={"price": None}), 1, assumptions)


def _context_room(
    estimate: MemoryEstimate,
    request: WorkloadRequest,
    named: list[GPU],
    checks: tuple[Fit | NoFit, ...],
    assumptions: Assumptions,
) -> dict[str, int]:
    """For each named GPU that does not hold the assumed context at the count asked (one when none was said),
    the longest context that does fit, when that is still a useful one. A stated context or batch is the
    user's fact, so it is never shortened."""
    work = estimate.workload
    asked = request.longest_context  # "how long can the context be?": every named GPU's room is the answer
    if work.task is not Task.INFERENCE or ((request.context or request.batch) and not asked):
        return {}
    floor = assumptions.number("min_useful_context_tokens")
    room: dict[str, int] = {}
    for gpu, outcome in zip(named, checks, strict=True):
        count = request.gpu_count or 1
        if asked:
            tokens = context_room(estimate, gpu, count, assumptions)
            if tokens is not None:
                room[gpu.name] = tokens
            continue
        if isinstance(outcome, Fit) and outcome.count <= count:
            continue
        tokens = context_room(estimate, gpu, count, assumptions)
        if tokens is not None and floor <= tokens < work.context:
            room[gpu.name] = tokens
    if asked and not named and request.stated_memory_gb:  # "on a 24gb card": the card they state
        tokens = context_room(estimate, None, 1, assumptions, memory_gb=request.stated_memory_gb)
        if tokens is not None:
            room[f"your {request.stated_memory_gb:g} GB card"] = tokens
    return room


def _context_room_in_a_format_that_leaves_some(
    estimate: MemoryEstimate,
    request: WorkloadRequest,
    named: list[GPU],
    checks: tuple[Fit | NoFit, ...],
    assumptions: Assumptions,
) -> dict:
    """``context_room`` (and ``context_estimate``): when the longest context is asked, the format is unsaid and
    the default format's weights leave no room at all, the room in the first leaner format that leaves a useful
    one — the usual GGUF download at home, else 8-bit then 4-bit."""
    room = _context_room(estimate, request, named, checks, assumptions)
    work = estimate.workload
    if not (request.longest_context and request.precision is None and room and max(room.values()) <= 0):
        return {"context_room": room}
    floor = assumptions.number("min_useful_context_tokens")
    home = _at_home(work, request, named) or is_local(work.runtime)
    if home:  # the usual GGUF download, then the smaller ones people fall back to
        quants = [str(q) for q in assumptions["owned_hardware_quants"].value]
        usual = _home_quant(assumptions)
        leaner = [(q, "llama.cpp") for q in quants[quants.index(usual) if usual in quants else 0 :]]
    else:
        leaner = [("int8", work.runtime), ("int4", work.runtime)]
    for precision, runtime in leaner:
        lean = estimate_memory(work.with_(precision=precision, runtime=runtime), assumptions)
        tried = _context_room(lean, request, named, checks, assumptions)
        if tried and max(tried.values()) >= floor:
            return {"context_room": tried, "context_estimate": lean}
    return {"context_room": room}


def _raised_share(
    estimate: MemoryEstimate,
    request: WorkloadRequest,
    named: list[GPU],
    checks: tuple[Fit | NoFit, ...],
    assumptions: Assumptions,
) -> dict[str, Fit]:
    """For each named GPU that misses the served workload at the count asked (one when none was said) only by
    the serving engine's default reserve, its fit under the raised share. Not when
    the user set the reserve themselves or runs a local runtime (those fill the card already)."""
    work = estimate.workload
    if work.task is not Task.INFERENCE or request.memory_fraction is not None or is_local(work.runtime):
        return {}
    if (request.batch or 1) > 1:
        return {}  # many sequences at once: the KV cache is what runs short, answered with how many it holds
    share = assumptions.number("serving_memory_fraction_raised")
    room: dict[str, Fit] = {}
    raised_estimate = replace(estimate, workload=replace(work, memory_fraction=share))
    for gpu, outcome in zip(named, checks, strict=True):
        count = request.gpu_count or 1
        if isinstance(outcome, Fit) and outcome.count <= count:
            continue
        raised = fit_gpu(raised_estimate, gpu, assumptions, count=count)
        if isinstance(raised, Fit) and raised.count == count:
            room[gpu.name] = raised
    return room


def _strategies(
    work: Workload, request: WorkloadRequest, assumptions: Assumptions
) -> tuple[tuple[str, MemoryEstimate], ...]:
    """Each parallelism strategy the question names, sized: DDP copies everything to every GPU, ZeRO-1 shards the
    optimizer states, ZeRO-2 the gradients too, ZeRO-3 and FSDP (full shard) the weights as well."""
    if len(request.strategies) < 2 or work.task not in (Task.FULL, Task.PRETRAIN) or work.param_offload:
        return ()
    sized = []
    for label in request.strategies:
        if label == "DDP":
            variant = work.with_(replicated=True, zero_stage=None)
        else:
            stage = int(label[-1]) if label.startswith("ZeRO") else 3
            variant = work.with_(replicated=False, zero_stage=stage if stage < 3 else None)
        sized.append((label, estimate_memory(variant, assumptions)))
    return tuple(sized)


OFFLOADED_ADAPTERS = "with FSDP and CPU offload"


def _offloaded(
    work: Workload, request: WorkloadRequest, named: list[GPU], assumptions: Assumptions
) -> Option | None:
    """The adapter fine-tune with FSDP CPU offload on the user's GPUs (two or more), for each named GPU where the
    adapter fine-tune sharded without offload does not fit at that count and the offloaded one does."""
    count = request.gpu_count or 0
    if (
        count < 2
        or not named
        or work.rl
        or work.param_offload
        or work.task not in (Task.FULL, Task.LORA, Task.QLORA)
        # FSDP does not shard (or offload) bitsandbytes int8 weights; FSDP-QLoRA needs a 4-bit base
        or (work.task is Task.LORA and work.precision == "int8")
    ):
        return None
    task = work.task if work.task in (Task.LORA, Task.QLORA) else Task.QLORA
    sharded = estimate_memory(work.with_(task=task, replicated=False, zero_stage=None), assumptions)
    offloaded = estimate_memory(
        work.with_(task=task, replicated=False, zero_stage=None, cpu_offload=True, param_offload=True),
        assumptions,
    )
    on_named: dict[str, Fit | NoFit] = {}
    for gpu in named:
        if isinstance(fit_gpu(sharded, gpu, assumptions, count=count), Fit):
            continue
        fit = fit_gpu(offloaded, gpu, assumptions, count=count)
        if isinstance(fit, Fit):
            on_named[gpu.name] = fit
    if not on_named:
        return None
    return Option(f"{task.label} {OFFLOADED_ADAPTERS}", offloaded, None, on_named)


def _visual_tokens(model: ModelSpec, size: tuple[int, int] | None) -> tuple[int, str] | None:
    """Visual tokens one image adds for ``model`` and how they are counted: a fixed count at its own input size,
    or for a dynamic-resolution model one token per square of ``image_token_pixels`` (capped at Qwen2-VL's default
    max_pixels, 12,845,056, i.e. 16,384 tokens); None when the model has neither or the size is needed and unsaid."""
    if model.image_tokens:
        return model.image_tokens, f"{model.name} resizes every image to its own input size"
    side = model.image_token_pixels
    if not side or size is None:
        return None
    tokens = min(math.ceil(size[0] / side) * math.ceil(size[1] / side), _MAX_VISUAL_TOKENS)
    return tokens, f"one per {side}x{side} pixels"


_MAX_VISUAL_TOKENS = 16_384


def _visual_tokens_line(
    request: WorkloadRequest, visual: tuple[int, str], things: tuple[str, ...], unit: str, joined: str
) -> tuple[str, int]:
    """The assumption line for the visual tokens the request's images add per ``unit``, and how many they add."""
    count = request.images or 1
    per, how = visual
    size = f" of {request.image_size[0]}x{request.image_size[1]}" if request.image_size else ""
    said = " or ".join(f"{thing}{'s' if count > 1 else ''}" for thing in things)
    return (
        f"{count} {said}{size} per {unit} at about {per:,} visual tokens each ({how}): {count * per:,} tokens "
        f"added to each sequence's {joined}",
        count * per,
    )


def _home_quant(assumptions: Assumptions) -> str:
    return str(assumptions["default_local_quant"].value)


def _moe_instead(
    work: Workload,
    checks: tuple[Fit | NoFit, ...],
    request: WorkloadRequest,
    models: ModelSpecs,
    assumptions: Assumptions,
    catalog: Catalog | None,
) -> RunsRow | None:
    """At home, a dense model that runs from RAM (on the CPU, or too big for the one home card): the faster sparse
    MoE of about its size (``planning._home.moe_instead``)."""
    if (
        work.task is not Task.INFERENCE
        or not request.local
        or (request.gpu_count or 1) > 1
        or len(checks) > 1
    ):
        return None
    if request.cpu_only or (not checks and request.ram_gb):
        gpu = None
    elif checks:
        gpu = checks[0].gpu
        if gpu.gpu_class not in ("consumer", "local") or gpu.software == "Metal":
            return None
    elif request.stated_memory_gb and catalog is not None:
        gpu = _stated_card(catalog, request.stated_memory_gb)
    else:
        return None
    if gpu is not None:
        home = work.with_(precision=_home_quant(assumptions), runtime="llama.cpp")
        if (
            estimate_memory(home, assumptions).total_gb
            <= usable_memory_gb(gpu, False, "llama.cpp", assumptions)[0]
        ):
            return None  # it fits the card: no RAM-bound run to speed up
    return moe_instead(work, gpu, request.host_ram_gb or request.ram_gb, models, assumptions)


def _fits_instead(
    work: Workload,
    checks: tuple[Fit | NoFit, ...],
    request: WorkloadRequest,
    models: ModelSpecs,
    assumptions: Assumptions,
    catalog: Catalog | None = None,
    model: ModelSpec | None = None,
) -> RunsRow | None:
    """A model that runs on the one owned card the asked one does not fit even at Q2_K (what people do next):
    a smaller size of the asked model's own family first (a 14B distill for the 32B one), else the largest model
    that runs; with no card named, on a home card of the VRAM the user states (speeds as on the slowest such
    card)."""
    if work.task is not Task.INFERENCE or not request.local or (request.gpu_count or 1) > 1:
        return None
    if not checks and request.stated_memory_gb and not request.cpu_only and catalog is not None:
        gpu = _stated_card(catalog, request.stated_memory_gb)
        if gpu is None:
            return None
    elif len(checks) == 1:
        gpu = checks[0].gpu
    else:
        return None
    if gpu.gpu_class not in ("consumer", "local"):
        return None
    # the lowest quant an answer recommends (Q3_K_M), not the Q2_K squeeze: a model that fits only as Q2_K has a
    # smaller model beside it, as people run next
    smallest = work.with_(precision=assumptions.recommended_quants[-1], runtime="llama.cpp")
    one = fit_gpu(estimate_memory(smallest, assumptions), gpu, assumptions)
    if isinstance(one, Fit) and one.count == 1:
        return None  # a recommended quant of the asked model fits the one card: the format lines say which
    usable = (*assumptions.recommended_quants, "mxfp4")  # not a Q2_K squeeze
    if model is not None and model.family:
        context = assumptions.default_context("llama.cpp")
        same_kind = model.vision_encoder_b is None  # a text model's smaller kin is a text model
        kin = sorted(
            (
                m
                for m in models
                if m.family == model.family
                and m.params < model.params
                and (m.vision_encoder_b is None) == same_kind
            ),
            key=lambda m: m.params,
        )
        own = [r for m in kin if (r := runs_on(m, gpu, 1, context, assumptions)).quant in usable]
        if own:
            return own[-1]
    report = what_runs(gpu, 1, models, assumptions)
    fitting = [r for r in report.runs if r.quant and r.model.params < work.params]
    good = [r for r in fitting if r.quant in usable]
    return (good or fitting or [None])[-1]


def _cpu_speed(
    work: Workload,
    checks: tuple[Fit | NoFit, ...],
    assumptions: Assumptions,
    bandwidth_gbs: float | None = None,
    how: str | None = None,
) -> CpuSpeed | None:
    """For inference with no GPU named: generation from RAM with the weights in the usual GGUF (or the format
    asked, when it is a GGUF), reading the weights and the KV cache once per token."""
    if work.task is not Task.INFERENCE or checks:
        return None
    quant = work.precision if work.precision in assumptions.gguf_types else _home_quant(assumptions)
    estimate = estimate_memory(work.with_(precision=quant, runtime="llama.cpp"), assumptions)
    read = estimate.item("weights").gb * work.active_params / work.params
    kv = next((i.gb for i in estimate.items if i.label == "KV cache"), 0.0)
    return replace(cpu_speed(read + kv, assumptions, bandwidth_gbs, how), precision=quant)


def _partial_offload(
    estimate: MemoryEstimate, checks: tuple[Fit | NoFit, ...], count: int | None, assumptions: Assumptions
) -> Offload | None:
    """Under llama.cpp, a model too big for the GPU named (one, or the ``count`` of it the user has): the layers
    that fit on it, split over the cards (-ngl, --tensor-split), the rest in RAM."""
    work = estimate.workload
    cards = count or 1
    if work.runtime != "llama.cpp" or work.task is not Task.INFERENCE or len(checks) != 1:
        return None
    check = checks[0]
    if isinstance(check, Fit) and check.count <= cards:
        return None
    if check.gpu.software == "Metal":
        return None  # a Mac's unified memory is the RAM: there is nothing to offload to
    weights = estimate.item("weights").gb
    split = offload(
        weights,
        estimate.total_gb - weights,
        work.shape.layers,
        check.gpu,
        assumptions,
        active_share=work.shape.active_params / work.shape.params,
        cards=cards,
        kv_gb=next((i.gb for i in estimate.items if i.label == "KV cache"), 0.0),
    )
    return replace(split, precision=work.precision) if split.gpu_layers < split.layers else None


def _stated_offload(
    work: Workload,
    checks: tuple[Fit | NoFit, ...],
    request: WorkloadRequest,
    assumptions: Assumptions,
    catalog: Catalog | None,
) -> Offload | None:
    """At home on a card known only by its memory ("a 16gb card"), a model whose usual GGUF is too big for it: the
    layer split on a home card of that memory, as for a card named."""
    if (
        checks
        or not request.stated_memory_gb
        or request.cpu_only
        or not request.local
        or work.task is not Task.INFERENCE
        or (request.gpu_count or 1) > 1
        or catalog is None
    ):
        return None
    card = _stated_card(catalog, request.stated_memory_gb)
    if card is None:
        return None
    home = work.with_(precision=work.precision if work.runtime == "llama.cpp" else _home_quant(assumptions))
    home = home.with_(runtime="llama.cpp")
    estimate = estimate_memory(home, assumptions)
    if estimate.total_gb <= usable_memory_gb(card, False, "llama.cpp", assumptions)[0]:
        return None
    return _partial_offload(estimate, (NoFit(card, ""),), 1, assumptions)


def _asked_offload(
    estimate: MemoryEstimate,
    checks: tuple[Fit | NoFit, ...],
    request: WorkloadRequest,
    assumptions: Assumptions,
) -> Offload | None:
    """Under llama.cpp on the one GPU named, the layer split at the layer count the user gives ("-ngl 30"): what
    the GPU then holds, whether it fits, and the speed."""
    work = estimate.workload
    if (
        request.gpu_layers is None
        or work.runtime != "llama.cpp"
        or work.task is not Task.INFERENCE
        or len(checks) != 1
        or (request.gpu_count or 1) > 1
        or checks[0].gpu.software == "Metal"
    ):
        return None
    weights = estimate.item("weights").gb
    split = offload(
        weights,
        estimate.total_gb - weights,
        work.shape.layers,
        checks[0].gpu,
        assumptions,
        on_gpu=request.gpu_layers,
        active_share=work.shape.active_params / work.shape.params,
    )
    return replace(split, precision=work.precision)


def _monthly(fit: Fit | None, assumptions: Assumptions) -> float | None:
    """What ``fit`` costs kept running for a month, when its price is known."""
    if fit is None or fit.price_per_hour is None:
        return None
    return fit.price_per_hour * assumptions.number("hours_per_month")


def _workload(
    request: WorkloadRequest, models: ModelSpecs, assumptions: Assumptions, defaults: list[str]
) -> tuple[Workload, ModelSpec | None]:
    """The Workload the request describes, noting every default it had to assume."""
    if request.model:
        spec = models.get(request.model)
        if spec is None:
            raise InvalidQuestion(
                f"I don't know the model {request.model!r}; pick one I know or give a size."
            )
        shape, proxy, params, model = spec, False, spec.params, spec
    elif request.params is not None and request.params > 0:
        shape, proxy, params, model = shape_for(request.params, models), True, request.params, None
        defaults.append(
            f"architecture (layers, hidden size, KV heads) taken from {shape.name}, the nearest open model in size"
        )
    else:
        raise InvalidQuestion("Give a model or a parameter count above 0 (e.g. 7B) to size.")
    if (
        request.model_note
    ):  # how the model was read: a family's usual size, a fine-tune's base, a name not on record
        defaults.append(f"note: {request.model_note}")
    task = request.task
    if task is None:
        task = Task.INFERENCE
        defaults.append("inference (you did not say training or fine-tuning)")
    tool = _tool_run(request, task)
    if tool is not None:
        # the tool named runs at its own defaults wherever the question is silent (the user's settings win)
        stated = {
            "batch": request.batch,
            "sequence": request.context,
            "gradient_checkpointing": request.gradient_checkpointing is not None,
            "precision": request.precision,
            "lora_rank": request.lora_rank,
        }
        defaults.append(tool.describe(frozenset(k for k, v in stated.items() if v)))
        request = replace(
            request,
            context=request.context or min(tool.sequence, shape.max_context),
            batch=request.batch or tool.micro_batch,
            gradient_checkpointing=(
                request.gradient_checkpointing
                if request.gradient_checkpointing is not None
                else tool.gradient_checkpointing
            ),
            precision=request.precision or ("int8" if task is Task.LORA and tool.base == "int8" else None),
        )
    encoder_default = (
        task.is_training and request.gradient_checkpointing is None and model is not None and model.is_encoder
    )
    if encoder_default:
        # BERT / RoBERTa / T5 are fine-tuned with the plain Hugging Face Trainer (run_glue, run_summarization),
        # whose gradient_checkpointing is False unless set: their activations are sized whole
        request = replace(request, gradient_checkpointing=False)
    encoder_batch = (
        task in (Task.FULL, Task.LORA, Task.QLORA)
        and not request.batch
        and not request.largest_batch  # "how big a batch fits?": the answer is the batch
        and tool is None
        and model is not None
        and model.is_encoder
        and model.cross_attention_layers is None
    )
    if encoder_batch:
        # BERT / RoBERTa classifiers and taggers are fine-tuned at the Trainer's (or the repository's) batch, never
        # one sequence at a time: sized at the Trainer's default per_device_train_batch_size. Encoder-decoders (T5,
        # up to 11B) keep batch 1: their seq2seq runs go as small as memory forces
        request = replace(request, batch=int(assumptions.number("encoder_finetune_default_batch")))
        if request.context:  # else the sequence line below says the batch
            defaults.append(f"micro-batch {request.batch} ({_TRAINER_BATCH})")
    rl_completion = request.rl_completion
    engine_share = None  # a colocated RL generation engine's share of each training GPU
    if task.is_training:
        # unsaid, the usual training sequence, or the model's whole context when that is shorter (GPT-2's 1,024)
        context = request.context or min(
            int(assumptions.number("default_training_sequence")), shape.max_context
        )
        short_examples = (
            not request.context
            and not request.rl
            and task in (Task.FULL, Task.LORA, Task.QLORA)
            and (request.batch or 1) >= assumptions.number("short_sequence_batch_from")
        )
        if short_examples:
            # a big per-device batch with no length said is a batch of short examples (instruction pairs,
            # classification), not of 2,048-token sequences
            context = min(int(assumptions.number("short_example_sequence")), shape.max_context)
        grpo_lengths = request.rl == "grpo" and not request.context and task is not Task.PRETRAIN
        if grpo_lengths:
            # a GRPO run's sequence is its prompt and one completion, at TRL GRPOConfig's defaults when unsaid
            rl_completion = int(assumptions.number("rl_default_completion_tokens"))
            prompt = int(assumptions.number("rl_default_prompt_tokens"))
            context = min(prompt + rl_completion, shape.max_context)
        if request.rl == "grpo" and not request.batch and task is not Task.PRETRAIN:
            # GRPO scores each prompt's completions against each other, so a training step holds a whole group:
            # TRL's GRPOTrainer needs the global batch to be a multiple of num_generations
            group = int(assumptions.number("rl_generations_per_prompt"))
            request = replace(request, batch=group)
            defaults.append(
                f"micro-batch {group}: GRPO trains on the {group} completions of a prompt together (TRL's "
                "num_generations default)"
            )
        if grpo_lengths:
            defaults.append(
                f"sequence length {context:,} tokens: {article(str(prompt))} {prompt:,}-token prompt and "
                f"{article(str(rl_completion))} {rl_completion:,}-token "
                "completion (TRL GRPOConfig's max_prompt_length and max_completion_length defaults), "
                f"gradient checkpointing {'off, as you said' if request.gradient_checkpointing is False else 'on'}"
            )
        elif not request.context:
            checkpointing = (
                "off (the Hugging Face Trainer's default, as encoder models are usually fine-tuned)"
                if encoder_default
                else ("off, as you said" if request.gradient_checkpointing is False else "on")
            )
            batch_note = (
                " (the Hugging Face Trainer's default per_device_train_batch_size)" if encoder_batch else ""
            )
            defaults.append(
                f"sequence length {context:,} tokens, micro-batch {request.batch or 1}{batch_note}, "
                f"gradient checkpointing {checkpointing}"
                + (
                    f" (no length said: a batch of {request.batch} is sized as short examples, Stanford Alpaca's "
                    f"{context:,}-token maximum; longer sequences need proportionally more activation memory)"
                    if short_examples
                    else ""
                )
            )
        # training weights are bf16, except a LoRA base the user loads in 8-bit (its frozen weights are int8) and
        # a run the user says is in fp32 ("no mixed precision", "float32"): 4-byte weights and activations
        precision = "int8" if task is Task.LORA and request.precision == "int8" else "bf16"
        if request.precision == "fp32" and task in (Task.FULL, Task.LORA, Task.PRETRAIN):
            precision = "fp32"
            defaults.append("fp32 training, as you said: 4-byte weights and activations (no mixed precision)")
        elif (
            request.precision is None
            and task in (Task.FULL, Task.LORA)
            and model is not None
            and model.is_encoder
        ):
            # BERT / RoBERTa / T5 checkpoints are stored in fp32 (so loading them, "auto" dtype or not, gives fp32)
            # and the Trainer mixes precision only when told (fp16 / bf16 are False by default)
            precision = "fp32"
            defaults.append(
                "fp32 training: the checkpoint's own dtype, and the Hugging Face Trainer's default without "
                "`fp16=True` / `bf16=True` (mixed precision halves the activations)"
            )
        if request.cpu_offload and request.param_offload and task in (Task.FULL, Task.PRETRAIN):
            cpu = offload_cpu_ram_gb(params, assumptions, with_params=True)
            defaults.append(
                f"note: with the parameters and the optimizer offloaded to the CPU (ZeRO-3 offload_param / FSDP "
                f"CPU offload), each GPU holds only the layers it is computing and the activations; the machine "
                f"needs about {cpu:,.0f} GB of CPU RAM (DeepSpeed's estimate: 18 bytes per parameter x its 1.5 "
                "buffer factor), and each step is several times slower"
            )
        elif request.cpu_offload and request.param_offload and task in (Task.LORA, Task.QLORA):
            defaults.append(
                "note: with FSDP CPU offload (or ZeRO-3 offload_param) the frozen base and the adapters live in "
                "CPU memory and each GPU gathers only the layers it is computing; each step is slower"
            )
        elif request.cpu_offload and task in (Task.FULL, Task.PRETRAIN):
            cpu = offload_cpu_ram_gb(params, assumptions, with_params=False)
            defaults.append(
                f"note: with the optimizer offloaded to the CPU, the GPUs hold only 16-bit weights and gradients; "
                f"the machine needs about {cpu:,.0f} GB of CPU RAM for the optimizer states, and each step is slower"
            )
        if request.optimizer == "paged_inbwd" and task in (Task.FULL, Task.PRETRAIN):
            defaults.append(
                "torchtune's single-device full fine-tune: bf16 weights with no fp32 master copy, each gradient "
                "applied and freed during the backward (optimizer_in_bwd), and a paged 8-bit AdamW whose states "
                "spill to CPU RAM when the GPU is full (slower, not out of memory)"
            )
        if request.rl and task in (Task.FULL, Task.LORA, Task.QLORA):
            generations = request.rl_generations or assumptions.number("rl_generations_per_prompt")
            defaults.append(
                f"online RL ({request.rl.upper()}): the policy trains while it generates {generations:.0f} "
                "completions per prompt (their KV cache counted) and, "
                + (
                    "with the KL coefficient (beta) at zero as you set it, no reference model is loaded"
                    if request.rl_no_reference
                    else "in a full fine-tune, a frozen reference copy scores the KL penalty (under LoRA the base "
                    "without adapters serves)"
                )
                + (
                    "; PPO adds a trained critic and a frozen reward model of the same size"
                    if request.rl == "ppo"
                    else ""
                )
            )
        if request.rl and request.rl_colocated and task in (Task.FULL, Task.LORA, Task.QLORA):
            # the generation engine runs on the training GPUs themselves: its reservation comes off each card
            engine_share = min(
                request.memory_fraction or assumptions.number("trl_vllm_colocate_memory_utilization"), 0.99
            )
            said = "as you set it" if request.memory_fraction else "TRL's vllm_gpu_memory_utilization default"
            defaults.append(
                f"the generation engine (vLLM) colocated on the training GPUs: it reserves {engine_share:.0%} of each "
                f"card ({said}) for its weights and the rollouts' KV cache, and training fills what is left (a lower "
                "vllm_gpu_memory_utilization, or vLLM in server mode on a GPU of its own, gives training more)"
            )
        elif request.rl and request.rl_vllm and task in (Task.FULL, Task.LORA, Task.QLORA):
            # vLLM named, where it runs unsaid: its reservation is the first lever when such a run runs out
            share = assumptions.number("trl_vllm_colocate_memory_utilization")
            defaults.append(
                "note: the completions are generated by vLLM, which reserves its gpu_memory_utilization share of whichever "
                f"GPU it runs on (TRL's colocate default {share:.0%}; a vLLM server takes a GPU of its own) — on a "
                "training GPU that share comes off the training's memory, so lowering vllm_gpu_memory_utilization "
                "(or giving vLLM its own GPU) is the first lever when such a run runs out of memory"
            )
        if request.train_embeddings and task in (Task.LORA, Task.QLORA):
            defaults.append(
                "the embeddings and LM head trained in full beside the adapters (modules_to_save): a trainable copy "
                "of them with its gradients and optimizer states"
            )
        if request.unsloth and task in (Task.LORA, Task.QLORA):
            defaults.append(
                "Unsloth: its published minimum for a model of this size (weights, adapters, CUDA context), plus "
                "the activations of your sequences, whose checkpoints it keeps in CPU RAM"
            )
        if request.fused_loss:
            defaults.append(
                "a fused cross-entropy (Liger kernel, Cut Cross-Entropy): the loss is computed in chunks, so the "
                "fp32 logits are never held whole"
            )
        if model is not None and model.vision_encoder_b:
            side = model.image_token_pixels
            per_image = ""
            if side and not (request.images or request.image_size):
                # a dynamic-resolution model's tokens per image follow the image's size: the lever is its pixels
                example = _visual_tokens(model, (1280, 720))
                per_image = (
                    f" (one per {side}x{side} pixels here: a 1280x720 image adds about "
                    f"{example[0] if example else 0:,} tokens, larger ones more up to the processor's max_pixels, "
                    "which is the lever to cap)"
                )
            defaults.append(
                f"note: {model.name} is a vision-language model: each image (or video frame) adds its visual tokens "
                f"to the sequence{per_image}, so image-heavy samples need a longer sequence length than the text "
                f"alone; its {model.vision_encoder_b:g}B-parameter vision encoder is counted with the weights"
            )
            visual = _visual_tokens(model, request.image_size)
            if visual is not None and (request.images or request.image_size) and not request.context:
                # the images (or video frames) of each training example are said and its length is not: their
                # visual tokens join the text's sequence, so the activations and the logits are sized over both
                # (a length the user states is the training script's cap, image tokens included)
                line, added = _visual_tokens_line(
                    request, visual, ("image", "video frame"), "training example", f"{context:,} text tokens"
                )
                defaults.append(line)
                context += added
        if request.preference and request.pair_method:
            defaults.append(
                f"preference tuning ({request.pair_method}): a chosen and a rejected sequence per example run "
                "together (about twice the activations of supervised fine-tuning), and no reference model"
            )
        elif request.preference_method == "KTO":
            defaults.append(
                "preference tuning (KTO): one answer per example labelled desirable or undesirable (no pairs), "
                "and in a full fine-tune a frozen reference copy of the model (under LoRA the base without "
                "adapters serves)"
            )
        elif request.preference:
            method = request.preference_method or "DPO"
            defaults.append(
                f"preference tuning ({method}): a chosen and a rejected sequence per example, and in a full "
                "fine-tune a frozen reference copy of the model (under LoRA the base without adapters serves)"
            )
    else:
        home_runtime = (
            request.runtime is None and request.local and request.precision is None and not request.gpus
        )
        if home_runtime:
            # choosing hardware for home: people run quantized GGUF files under llama.cpp (Ollama, LM Studio),
            # not 16-bit on vLLM. On a card they named, 16-bit stays the default and the answer says which
            # smaller formats fit.
            request = replace(request, runtime="llama.cpp")
        # a run on one's own machine with no runtime said is answered as the GGUF run people make there
        runtime = request.runtime or ("llama.cpp" if request.local else None)
        context = request.context or min(assumptions.default_context(runtime), shape.max_context)
        if not request.context:
            defaults.append(f"context of {context:,} tokens per sequence")
        if not request.batch:
            defaults.append("one sequence at a time (say how many concurrent users for more)")
        if model is not None and model.vision_encoder_b and request.runtime != "llama.cpp":
            # a batching server profiles start-up memory with the largest image input it accepts (vLLM docs,
            # "Conserving memory": limit_mm_per_prompt, and mm_processor_kwargs max_pixels for Qwen2-VL)
            defaults.append(
                f"note: {model.name} is a vision-language model: each image adds its visual tokens to the "
                "sequence, and a batching server such as vLLM sizes its start-up memory for the largest images it "
                "accepts — if it runs out of memory, cap them (`--limit-mm-per-prompt`, and for Qwen-VL models a "
                "smaller `max_pixels` in `--mm-processor-kwargs`)"
            )
        visual = _visual_tokens(model, request.image_size) if model is not None else None
        if visual is not None and (request.images or request.image_size):
            line, added = _visual_tokens_line(request, visual, ("image",), "request", "context")
            defaults.append(line)
            context += added
        if home_runtime:
            defaults.append("llama.cpp (Ollama, LM Studio) as the runtime, as on a home PC")
        precision = request.precision or _default_precision(request, model, assumptions, defaults)
        if not assumptions.knows_precision(precision):
            raise InvalidQuestion(f"Pick a precision from: {', '.join(assumptions.precisions)}.")
    if context > shape.max_context and not proxy and task.is_training:
        # a longer training sequence is what the user runs (RoPE scaling): its activations are sized as asked
        defaults.append(
            f"note: {shape.name} was trained for at most {shape.max_context:,} tokens of context; training at "
            f"{context:,} tokens (with RoPE scaling) is sized as asked"
        )
    elif context > shape.max_context and not proxy:
        defaults.append(
            f"note: {shape.name} supports at most {shape.max_context:,} tokens of context, so it is sized at that, "
            f"not the {context:,} asked for"
        )
        context = shape.max_context
    work = Workload(
        task=task,
        shape=shape,
        params=params,
        shape_is_proxy=proxy,
        precision=precision,
        context=context,
        batch=request.batch or 1,
        tokens=request.tokens if task.is_training else None,
        runtime=(request.runtime or "server") if not task.is_training else "server",
        on_cpu=request.cpu_only and not task.is_training,
        kv_precision=request.kv_precision or "fp16",
        memory_fraction=request.memory_fraction if not task.is_training else None,
        # an FP8 build the user names, on the GPUs they name: served weight-only where they lack FP8 compute
        fp8_weight_only_on=request.gpus if request.precision == "fp8" else (),
        optimizer=request.optimizer or "adamw",
        gradient_checkpointing=request.gradient_checkpointing is not False,
        # the tool's LoRA rank and targets (kept on a full fine-tune too, for the LoRA / QLoRA set beside it)
        lora_rank=request.lora_rank or (tool.lora_rank if tool is not None else None),
        lora_targets=(tool.lora_targets if tool is not None else None) or "all",
        replicated=request.data_parallel and task.is_training,
        zero_stage=request.zero_stage if task in (Task.FULL, Task.PRETRAIN) else None,
        preference=request.preference and task in (Task.FULL, Task.LORA, Task.QLORA),
        pair_method=request.pair_method,
        preference_method=request.preference_method if not request.pair_method else None,
        fused_loss=request.fused_loss and task.is_training,
        unsloth=request.unsloth and task.is_training,
        rl=request.rl if task in (Task.FULL, Task.LORA, Task.QLORA) else None,
        rl_generations=request.rl_generations if task in (Task.FULL, Task.LORA, Task.QLORA) else None,
        rl_no_reference=request.rl_no_reference,
        rl_completion=rl_completion if task.is_training and request.rl else None,
        engine_share=engine_share,
        train_embeddings=request.train_embeddings and task in (Task.LORA, Task.QLORA),
        # a 4-bit / 8-bit base prepared with PEFT's prepare_model_for_kbit_training by the tool named (qlora.py,
        # alpaca-lora); TRL's SFTTrainer no longer calls it, so a run with no tool named keeps them 16-bit
        kbit_fp32_rest=task.is_training and not request.unsloth and tool is not None and tool.kbit_fp32_rest,
        cpu_offload=request.cpu_offload
        and task in (Task.FULL, Task.PRETRAIN)
        and request.optimizer != "adam8bit",
        param_offload=request.param_offload
        and request.cpu_offload
        and (
            (task in (Task.FULL, Task.PRETRAIN) and request.optimizer != "adam8bit")
            or task in (Task.LORA, Task.QLORA)
        ),
        user_tokens_per_s=request.user_tokens_per_s if not task.is_training else None,
    )
    return work, model


_BF16_DEFAULT = "bf16 weights (16-bit, unquantized)"


def _fp16_where_no_bf16(
    work: Workload, request: WorkloadRequest, catalog: Catalog, defaults: list[str]
) -> Workload:
    """16-bit inference on the cards asked about when none of them computes in bf16 (V100, T4, older cards):
    engines load the weights in fp16 there (vLLM stops on bf16 and asks for ``--dtype half``) — the same bytes,
    so only the format said changes."""
    if (
        request.precision is not None
        or work.precision != "bf16"
        or work.task is not Task.INFERENCE
        or _BF16_DEFAULT not in defaults
        or not request.gpus
    ):
        return work
    named = [catalog.by_name(n) for n in request.gpus]
    if any(g is None or g.bf16 or g.vendor != "NVIDIA" for g in named):
        return work
    defaults[defaults.index(_BF16_DEFAULT)] = (
        f"fp16 weights (16-bit, unquantized): the {named[0].name} has no bf16, so they load in fp16 "
        "(vLLM `--dtype half`)"
    )
    return work.with_(precision="fp16")


def _default_precision(
    request: WorkloadRequest, model: ModelSpec | None, assumptions: Assumptions, defaults: list[str]
) -> str:
    """The weights' format when the question names none: as shipped, the local runtime's usual quant, or bf16."""
    if (
        model is not None
        and model.native_precision
        and (
            request.runtime != "llama.cpp"
            or assumptions.is_gguf(model.native_precision)
            or model.native_precision == "mxfp4"
        )
    ):
        # under llama.cpp a model shipped in FP8 (DeepSeek-V3) is run as a GGUF conversion; MXFP4 is one
        defaults.append(f"{model.native_precision} weights, the format {model.name} ships in")
        return model.native_precision
    if request.runtime == "llama.cpp":
        quant = str(assumptions["default_local_quant"].value)
        defaults.append(f"GGUF {quant.upper()} weights, the usual Ollama/llama.cpp download")
        return quant
    if request.runtime in ("mlx", "exllamav2"):
        defaults.append(f"4-bit weights, the usual {request.runtime} quantization")
        return "int4"
    defaults.append(_BF16_DEFAULT)
    return "bf16"


def meets_rate(fit: Fit, rate: float, users: int) -> bool:
    """Whether every one of ``users`` concurrent users gets ``rate`` tokens/s on ``fit``: its KV cache holds them
    all at once and a decode step over all of them is still that fast (at one user, its one-user speed)."""
    s = fit.serving
    if s is None:
        return False
    if users <= 1:
        return s.decode_tokens_per_s >= rate
    return s.batch is not None and s.batch >= users and (s.batch_tokens_per_s or 0.0) >= rate


def _at_rate(
    rate: float,
    estimate: MemoryEstimate,
    fits: list[Fit],
    request: WorkloadRequest,
    offerings: OfferingsTable | None,
    assumptions: Assumptions,
    any_link: bool,
) -> Fit | None:
    """The cheapest priced setup meeting ``rate`` for the request's users: each fitting card at its smallest
    count, else at the next counts tensor parallelism splits across (more GPUs read the weights faster and hold
    more KV cache), up to the planner's GPU limit; sensible default picks first, any priced one else."""
    users = request.batch or 1
    limit = assumptions.number("max_gpus")
    if offerings is not None and not request.local and (request.providers or request.not_providers):
        offerings = offerings.for_providers(request.providers, exclude=request.not_providers)
    found: list[Fit] = []
    for fit in fits:
        count, setup = fit.count, fit
        while not meets_rate(setup, rate, users):
            count *= 2
            if count > limit:
                setup = None
                break
            grown = fit_gpu(estimate, fit.gpu, assumptions, count=count)
            if isinstance(grown, Fit) and offerings is not None and not request.local:
                grown = offered_fit(grown, estimate, offerings, assumptions)
            if not isinstance(grown, Fit):
                setup = None
                break
            setup, count = grown, grown.count
        if setup is not None and setup.price_per_hour is not None:
            found.append(setup)
    found.sort(key=lambda f: (f.price_per_hour, f.count))
    # for a speed the user asked for, tensor parallelism over PCIe is an ordinary serving setup (the 4-GPU L4/A10G
    # instances are sold for it) and its slower joins are already in the speed, so only the card itself must be a
    # sensible default; for the assumed fluid speed the usual default picks stay
    sensible = (
        f
        for f in found
        if _preferred_setup(f.gpu, 1 if any_link else f.count, f.price_per_hour, request, request.local)
    )
    return next(sensible, found[0] if found else None)


def _preferred(fit: Fit, request: WorkloadRequest, local: bool) -> bool:
    """A sensible default pick: priced, data-center, CUDA unless another vendor was asked for."""
    return _preferred_setup(fit.gpu, fit.count, fit.price_per_hour, request, local)


def _preferred_setup(
    gpu: GPU, count: int, price_per_hour: float | None, request: WorkloadRequest, local: bool
) -> bool:
    """``_preferred`` of ``count`` of ``gpu`` at ``price_per_hour``, before its speed and cost are worked out."""
    if price_per_hour is None or gpu.is_owned_hardware:
        return False
    if gpu.gpu_class == "consumer" and not (local or request.consumer_only):
        return False
    if not request.vendor and gpu.software != "CUDA":
        return False
    if request.consumer_only:  # desktop cards joined over PCIe, as many as one machine takes
        return count <= HOME_CARDS
    return not (count > 1 and not gpu.fast_link_joins(count))


HOME_CARDS = 4  # desktop cards one home machine takes (a workstation board's double-width slots)
DESKTOP_CARDS = 2  # cards an ordinary desktop board takes: the one or two weighed before a workstation's more


def _for_home(fit: Fit, work: Workload) -> bool:
    """A desktop consumer card (or a few of them under a local runtime, which splits layers over PCIe)."""
    most = HOME_CARDS if is_local(work.runtime) else 1
    return fit.gpu.gpu_class == "consumer" and fit.price_per_hour is not None and fit.count <= most


def _speed(fit: Fit) -> float:
    if fit.serving:
        return fit.serving.decode_tokens_per_s
    return (fit.gpu.training_tflops or 0.0) * fit.count


def _check(estimate: MemoryEstimate, gpu: GPU, count: int | None, assumptions: Assumptions) -> Fit | NoFit:
    """The workload on a GPU the user named, at the count they named (or the smallest that fits)."""
    outcome = fit_gpu(estimate, gpu, assumptions)
    if count and not isinstance(outcome, Fit) and count > assumptions.number("max_gpus"):
        # a cluster larger than the search tries ("96 DGX-A100" = 768 GPUs): judged at the user's count
        return fit_gpu(estimate, gpu, assumptions, count=count)
    if count and isinstance(outcome, Fit) and outcome.count > count:
        if is_local(estimate.workload.runtime):
            # llama.cpp splits layers over any number of cards: 3 of them may hold what the next even count would
            exact = fit_gpu(estimate, gpu, assumptions, count=count)
            if isinstance(exact, Fit):
                return exact
            # and the fewest that hold it are counted one by one, not in the even steps of tensor parallelism
            fewer = next(
                (
                    n
                    for n in range(count + 1, outcome.count)
                    if isinstance(fit_count(estimate, gpu, assumptions, count=n), int)
                ),
                outcome.count,
            )
            return NoFit(gpu, f"needs {fewer} of them, not {count}", needs=fewer)
        return NoFit(gpu, f"needs {outcome.count} of them, not {count}", needs=outcome.count)
    if count and isinstance(outcome, Fit) and outcome.count < count:
        # the user's count, not the minimum: per-GPU memory, speed and cost of THEIR setup
        return fit_gpu(estimate, gpu, assumptions, count=count)
    return outcome


def _at_own_rate(gpu: GPU, rate: float | None) -> GPU:
    """``gpu`` priced at the hourly rate the user says they pay for it (unchanged when they said none)."""
    if rate is None:
        return gpu
    price = Price(low=rate, typical=rate, seen_at="the rate you said you pay", as_of=dt.date.today())
    return gpu.model_copy(update={"price": price})


def _at_their_rate(
    fit: Fit, rates: dict[str, float], estimate: MemoryEstimate, assumptions: Assumptions
) -> Fit:
    """``fit`` again at the user's own hourly rate for its GPU (unchanged for any other GPU)."""
    rate = rates.get(fit.gpu.name)
    if rate is None:
        return fit
    again = fit_gpu(estimate, _at_own_rate(fit.gpu, rate), assumptions, count=fit.count)
    return again if isinstance(again, Fit) else fit


def _priced_as_offered(check: Fit | NoFit, report: FitReport) -> Fit | NoFit:
    """A named GPU's setup as the ranked report rents it, when the report rents that GPU at the same count: one
    answer must not price "2x A100" at the catalog's indicative rate beside the same setup's real instance."""
    if not isinstance(check, Fit) or isinstance(check, OfferedFit):
        return check
    offered = next((f for f in report.fits if f.gpu.name == check.gpu.name), None)
    if isinstance(offered, OfferedFit) and offered.count == check.count:
        return offered
    return check


LEAN_FULL = "full fine-tuning in pure bf16 with an 8-bit optimizer"
ZERO3_FULL = "full fine-tuning with ZeRO-3"


def _shipped_in_mxfp4(work: Workload) -> bool:
    """A model released with MXFP4 experts (gpt-oss) run in that format: its GGUF and MLX files keep the experts (the
    bulk of it) in MXFP4 whatever the type's name, so a lower-bit GGUF is no smaller way to fit it."""
    return work.precision == "mxfp4" and work.shape.native_precision == "mxfp4"


def _options(
    work: Workload,
    request: WorkloadRequest,
    candidates: list[GPU],
    named: list[GPU],
    assumptions: Assumptions,
    offerings: OfferingsTable | None = None,
) -> list[Option]:
    """Alternatives worth knowing: other fine-tuning methods, or other precisions for inference."""
    variants: list[tuple[str, Workload]] = []
    if work.task in (Task.FULL, Task.LORA, Task.QLORA):
        variants = [(task.label, work.with_(task=task)) for task in (Task.FULL, Task.LORA, Task.QLORA)]
        # the low-memory full fine-tune: pure bf16 weights and gradients, 8-bit Adam, sharded (FSDP / ZeRO-3)
        variants.append(
            (
                LEAN_FULL,
                work.with_(task=Task.FULL, optimizer="bf16_adam8bit", replicated=False, precision="bf16"),
            )
        )
        if work.task is Task.FULL and work.zero_stage in (1, 2):  # the stage that shards the weights too
            variants.append((ZERO3_FULL, work.with_(zero_stage=3)))
    elif work.task is Task.INFERENCE and _at_home(work, request, named):
        # a desktop card or laptop the user owns, format not said: 16-bit as asked, then the GGUF files people
        # run at home under llama.cpp (Ollama, LM Studio), not a server's fp8/int8/int4
        variants = [("inference in bf16", work)] + [
            (f"inference in {p}", work.with_(precision=p, runtime="llama.cpp"))
            for p in ("q8_0", "q6_k", "q4_k_m", "q3_k_m", "q2_k")
        ]
    elif work.task is Task.INFERENCE and not _shipped_in_mxfp4(work):
        formats = (
            ("q8_0", "q6_k", "q5_k_m", "q4_k_m", "q3_k_m", "q2_k")
            if work.runtime == "llama.cpp"
            else ("bf16", "fp8", "int8", "int4")
        )
        variants = [(f"inference in {p}", work.with_(precision=p)) for p in formats]
    options = []
    for label, variant in variants:
        estimate = estimate_memory(variant, assumptions)
        pool = candidates
        if (
            label == LEAN_FULL
        ):  # pure bf16 weights (no fp32 master copy) need bf16 arithmetic: not V100, T4, Turing
            pool = [g for g in candidates if g.bf16]
        if request.cheaper:  # "cheaper?": each method's cheapest priced fit, as the pick is
            report = _ranked(estimate, pool, request, offerings, assumptions)
            best = next((f for f in report.fits if f.price_per_hour is not None), None)
        elif offerings is not None and not request.local:
            # Only the best preferred setup is shown: skip the rest of the report (same result, 1/3 the work).
            best = best_offered(
                estimate,
                pool,
                offerings,
                assumptions,
                lambda gpu, count, price: _preferred_setup(gpu, count, price, request, False),
            )
        else:
            report = _ranked(estimate, pool, request, offerings, assumptions)
            best = next((f for f in report.fits if _preferred(f, request, False)), None)
        on_named = {
            gpu.name: _check(estimate, gpu, request.gpu_count, assumptions)
            if label != LEAN_FULL or gpu.bf16
            else NoFit(gpu, "no bf16 support")
            for gpu in named
        }
        options.append(Option(label, estimate, best, on_named))
    return options


def _at_home(work: Workload, request: WorkloadRequest, named: list[GPU]) -> bool:
    """Inference in an unsaid format and runtime on consumer cards or a laptop/Mac the user runs at home, or on
    a card of theirs known only by its memory ("my 8gb card")."""
    home = (
        all(g.gpu_class in ("consumer", "local") for g in named) if named else bool(request.stated_memory_gb)
    )
    return (
        request.local
        and request.runtime is None
        and request.precision is None
        and work.precision in ("bf16", "fp16")  # fp16 on a card with no bf16: the same unsaid 16-bit
        and home
    )


def _caveats(
    pick: Fit | None, shown: tuple[Fit, ...], checks: tuple[Fit | NoFit, ...], work: Workload
) -> list[str]:
    """What to know before renting the pick or a named GPU, each said once."""
    caveats: list[str] = []
    for fit in ([pick] if pick else []) + [c for c in checks if isinstance(c, Fit)]:
        for caveat in fit.caveats:
            if caveat not in caveats:
                caveats.append(caveat)
    for note in (
        offerings_note(shown),
        price_note([f.gpu for f in shown if not isinstance(f, OfferedFit)] + [c.gpu for c in checks]),
    ):
        if note:
            caveats.append(note)
    if work.shape.is_moe:
        caveats.append(
            "Mixture-of-experts: every expert's weights stay in memory, but each token reads only the active "
            "ones, so it decodes faster than its size suggests."
        )
    return caveats


def _ranked(
    estimate: MemoryEstimate,
    candidates: list[GPU],
    request: WorkloadRequest,
    offerings: OfferingsTable | None,
    assumptions: Assumptions,
) -> FitReport:
    """The candidates ranked: as rentable setups when an offerings table is given and the user does not run
    locally (only from the providers the user asked for, and none they ruled out), else at catalog prices."""
    if offerings is None or request.local:
        return rank_fits(estimate, candidates, assumptions)
    if request.providers or request.not_providers:
        offerings = offerings.for_providers(request.providers, exclude=request.not_providers)
    return offered_report(estimate, candidates, offerings, assumptions)


def price_note(gpus: list[GPU]) -> str:
    """How old and how indicative the prices of ``gpus`` are, or '' when none is priced."""
    dated = sorted({g.price.as_of for g in gpus if g.price})
    if not dated:
        return ""
    when = dated[0].strftime("%B %Y") if len(dated) == 1 else f"{dated[0]:%B %Y}–{dated[-1]:%B %Y}"
    return (
        f"Prices are indicative typical on-demand rates per GPU-hour, seen {when}; spot and reserved prices "
        "are lower and vary by provider and region."
    )


def _tool_run(request: WorkloadRequest, task: Task) -> FinetuneTool | None:
    """The defaults of the fine-tuning tool the request names, for a training run, else None."""
    if not request.finetune_tool or not task.is_training:
        return None
    return load_finetune_tools().get(request.finetune_tool)
