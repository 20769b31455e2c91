"""Facts for an answer: the plan for a workload, or the catalog rows a question is about (pure).

Each intent's handler (``answering/_handlers``) gathers them; the composer and the LLM writer only
format what is here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields

from ..knowledge import GPU, BreakEven, ClassGap, GpuMarket, ModelSpec, PurchasePrice
from ..knowledge._software import Support
from ..knowledge._workloads import (
    KindEstimate,
    ScaledRun,
    SpeedCheck,
    TrainingCost,
    WorkloadSpec,
    WorkRun,
)
from ..planning import Option, Plan, WorkloadRequest
from ..planning._budget import BudgetBuys
from ..planning._home import HomeRoutes
from ..planning._owned import OwnedReport
from ..sizing import Fit, FitReport, Lever, MemoryEstimate, NoFit, Task, Workload, load_assumptions
from ..understanding import Market, Understanding, WorkAmount
from ..understanding._local import runs_pytorch

__all__ = ["Facts", "Option", "PeriodCost", "request_for"]


@dataclass(frozen=True)
class PeriodCost:
    """``count`` GPUs of ``gpu`` running for one ``period`` (``hours``) at the table's median and cheapest rates."""

    gpu: str
    count: int
    period: str
    hours: float
    median: float
    cheapest: float


# the memory asked per GPU: "how much VRAM per GPU …", "what does each card need", a bare "and per GPU?"
_PER_GPU = r"(?:per[- ](?:gpu|card|device|rank)|each (?:gpu|card|device)|on each(?: one| of them)?|every (?:gpu|card))\b"
# a way asked for, not a verdict on one setup: "can I fine-tune it in some way?", "somehow?", "is there any way to…",
# "any workaround?", "anyway to make it fit?"
_ROUTE_ASKED = re.compile(
    r"\bsome ?how\b|\b(?:in|by) (?:some|any) (?:way|means)s?\b|\b(?:any|some) ?ways?\b(?! (?:of|from)\b)"
    r"|\bwork[- ]?arounds?\b|\bany (?:trick|option|chance)s?\b|\bat all\b"
)
# the model's own memory need asked ("how much VRAM for the model?", "how much video memory do I need?"): its
# figure in the format it is released in, which the answer gives beside the quant that fits the card
_AMOUNT_ASKED = re.compile(
    r"\bhow much (?:gpu |video |graphics )?(?:memory|vram)\b|\b(?:memory|vram) (?:is )?(?:required|needed|"
    r"requirements?)\b|\brequired (?:gpu |video )?(?:memory|vram)\b|\bhow many (?:gb|gigs?)\b"
)
_PER_GPU_ASKED = re.compile(
    r"\b(?:how much|how many (?:gb|gigs?)|what(?:'s| is| does| would)?)\b[^.?!]{0,80}?\b"
    + _PER_GPU
    + r"|^\W*(?:\w+\W+){0,3}"
    + _PER_GPU
    + r"\W*$"
)


@dataclass(frozen=True)
class Facts:
    """Everything numeric an answer may say, with where it came from."""

    understanding: Understanding
    plan: Plan | None = None
    gpus: tuple[GPU, ...] = ()
    filters: tuple[str, ...] = ()
    unknown_model: str | None = None
    known_models: tuple[str, ...] = ()
    market: Market | None = None  # what a price question narrows to (regions, spot, providers...)
    markets: tuple[GpuMarket, ...] = ()  # the offerings table's prices for the GPUs asked about
    # "on runpod vs lambda": the one GPU's market at each provider named
    by_provider: tuple[GpuMarket, ...] = ()
    # "what hardware serves an LLM to 500 people?" with no model: each example size's model and its plan
    size_examples: tuple[tuple[str, Plan], ...] = ()
    class_gap: ClassGap | None = None  # training- vs inference-class median price, from the offerings table
    purchases: tuple[PurchasePrice, ...] = ()  # purchase prices of the cards a buying question names
    # "what do I buy with $5,000 to run a 70B?": the setups the purchase budget buys that hold the workload
    budget: BudgetBuys | None = None
    break_evens: tuple[BreakEven, ...] = ()  # hours of rental that cost as much as each card
    period_costs: tuple[PeriodCost, ...] = ()  # rentals over the period (or GPU count) a price question names
    # non-LLM models named (image generation, speech, embeddings, vision training)
    workloads: tuple[WorkloadSpec, ...] = ()
    # "what can my hardware run": models, quants, speed, fine-tuning
    owned: OwnedReport | None = None
    # "$2/hour, what's the biggest model I can serve?": the plan of the next model up the ladder, over that rate
    over_rate: Plan | None = None
    # with the RAM beside the card said: larger models that run split between the card and the RAM (llama.cpp)
    owned_offloaded: tuple = ()  # planning RunsRow
    # "A or B for local LLMs?" with no model named: what runs on each card named, in the order named
    owned_each: tuple[OwnedReport, ...] = ()
    # "what card should I get for local LLMs?" (no budget): the cheapest card of each memory size with its price
    # and the largest model that runs on it (knowledge.GPU, knowledge.PurchasePrice, planning RunsRow or None)
    ladder: tuple[tuple[GPU, PurchasePrice, object], ...] = ()
    headline_memory_gb: float | None = None  # the memory figure a non-LLM answer leads with
    workload_assumed_from: str | None = None  # the technique word a non-LLM model was inferred from
    # the question's model is not on record: workloads[0] is the nearest model of its kind, standing in for it
    workload_stand_in: bool = False
    workload_family: bool = False  # the stand-in is of the family the question's model is named after
    # a model not on record whose kind the words say, of no family on record: what the research releases of its
    # kind on record need at their defaults (their median and range), the estimate the answer leads with
    kind_estimate: KindEstimate | None = None
    # a model not on record whose own requirement the question quotes ("the paper's 24GB VRAM requirement"): that
    # figure, the user's, answers instead of another model's
    quoted_requirement_gb: float | None = None
    # a repository's release asked to be trained on the hardware named, nothing of it on record: no estimate to give
    release_unknown: bool = False
    training_costs: tuple[TrainingCost, ...] = ()  # measured training runs priced from the offerings table
    # non-LLM work of a stated amount ("100 hours of audio", "2M documents") at each measured rate of the model,
    # or the rates alone when only the speed is asked: time by amount / rate, cost from the offerings table
    work_amount: WorkAmount | None = None
    work_runs: tuple[WorkRun, ...] = ()
    # "is 1.2 s/it normal on my 4090?": the user's speed against one measured for the same job on that GPU
    speed_check: SpeedCheck | None = None
    # "ResNet-50 on four A100s": the measured one-GPU run re-timed for the user's GPU count
    scaled_run: ScaledRun | None = None
    # "does vLLM support the V100?": each tool asked about, checked against each GPU (or platform) named
    support: tuple[Support, ...] = ()
    rental_monthly: tuple[float, ...] = ()  # each market's cheapest on-demand offer kept running for a month
    # the instance type a price question names: its cheapest on-demand row, and that kept running for a period
    instance_offer: object | None = None  # knowledge.Offering
    instance_period: PeriodCost | None = None
    # "one A6000 or two 3090s": the workload on each setup the user named, at the count they named for it
    setups: tuple[Fit | NoFit, ...] = ()
    setup_context: dict[str, int] = field(default_factory=dict)  # setup GPU -> the shorter context it holds
    # "why does A need more memory than B": the plan of what ``plan`` is compared with, and how it differs
    contrast: Plan | None = None
    contrast_label: str = ""
    # "two models on one A100, Llama 3 8B and Mistral 7B": each other model served beside the plan's, with what it
    # needs on its own (GB), for a verdict on them together
    cohosted: tuple[tuple[str, float], ...] = ()
    # a GPU named without its memory size ("a V100") whose other sizes change the verdict: each such variant with
    # the workload's outcome on it, at the same count
    other_variants: tuple[Fit | NoFit, ...] = ()
    # "how many A100s for Llama 2 13B and Llama 2 70B?": each other model named, not run together, with its own facts
    each_model: tuple[Facts, ...] = ()
    # a training run that runs out of memory on the one GPU the user has: the usual levers, each sized again
    levers: tuple[Lever, ...] = ()
    # a model too big for a home machine asked about at home: its low-bit GGUFs and its distills on their card
    home: HomeRoutes | None = None

    # --- the plan's parts, for the composer ------------------------------------------------------
    @property
    def workload(self) -> Workload | None:
        return self.plan.workload if self.plan else None

    @property
    def estimate(self) -> MemoryEstimate | None:
        return self.plan.estimate if self.plan else None

    @property
    def lead_memory_gb(self) -> float | None:
        """The memory figure the answer leads with: the estimate's, except for inference whose weight format
        was not said that fits the memory the user states in no format — then the smallest format's, since
        "No, even at 4-bit it needs …" is the figure that decides (the 16-bit one is moot)."""
        if self.home is not None and self.home.lead_gb is not None:
            return self.home.lead_gb
        from ._compose._engine_memory import engine_reserve_gb  # the composer imports these facts
        from ._compose._weights_job import weights_job_gb

        if (job := weights_job_gb(self)) is not None:  # converting or merging: the full-precision weights
            return job

        if (reserved := engine_reserve_gb(self)) is not None:  # "how much will vLLM use on an H100?"
            return reserved
        if self.estimate is None:
            return self.headline_memory_gb
        owned = self.owned_card_format
        if owned is not None and not _AMOUNT_ASKED.search(self.understanding.question.lower()):
            return owned.estimate.total_gb
        route = self.route_asked_method
        if route is not None:
            return route.estimate.total_gb
        smallest = self.smallest_format_not_fitting
        if smallest is not None:
            return smallest.estimate.total_gb
        per_gpu = self.per_gpu_count_asked
        return self.estimate.per_gpu_gb(per_gpu) if per_gpu else self.estimate.total_gb

    @property
    def route_asked_method(self) -> Option | None:
        """A fine-tune whose method was not said, asked as a route on the user's hardware ("I have 45 GB, can I
        fine-tune it in some way?", "is there any way to train it on my 3090?"): the first method that fits there
        (the answer's "Only with LoRA or QLoRA"), whose memory is then the figure — the full fine-tune that does not
        fit is no way to do it. None when a method was said, no route is asked, or none (or the full one) fits."""
        from ._compose._shapes import fits_as_asked  # the composer imports these facts

        details = self.understanding.details
        work = self.workload
        if (
            work is None
            or not work.task.is_training
            or not details.method_unstated
            or not (details.methods_weighed or _ROUTE_ASKED.search(self.understanding.question.lower()))
            or len(self.options) < 2
        ):
            return None
        named = details.gpus[0] if len(details.gpus) == 1 else None
        stated = details.stated_memory_gb
        if named is None and not stated:
            return None
        # "lora or qlora, which?": only the methods weighed, the answer's pick being the first of them that fits
        weighed = {Task(kind) for kind in details.methods_weighed}
        for option in self.options:
            if weighed and option.estimate.workload.task not in weighed:
                continue
            if named is not None:
                ok = fits_as_asked(option.on_named.get(named), details.gpu_count)
            else:
                ok = option.estimate.total_gb <= stated
            if ok:
                return None if option.estimate.workload.task is Task.FULL and not weighed else option
        return None

    @property
    def per_gpu_count_asked(self) -> int | None:
        """The GPU count a question asking for the memory *per GPU* ("how much does each GPU need on 4 A100s?",
        "and per GPU?") spreads the workload over — the count the user named; the figure asked for is then each
        GPU's share, not the total. None when per-GPU memory is not asked, or no count (or one GPU) was named."""
        if not _PER_GPU_ASKED.search(self.understanding.question.lower()):
            return None
        count = (
            self.understanding.details.gpu_count
        )  # the answer's per-GPU line is on the count the user named
        return count if count and count > 1 else None

    @property
    def owned_card_format(self) -> Option | None:
        """Inference in an unstated format on the home card (or cards, or laptop) the user has, where 16-bit does not
        fit: the format the answer leads with — the largest GGUF that fits ("Yes, with 6-bit weights"), or,
        when none does, the usual Q4_K_M that partial offload runs. None otherwise."""
        details = self.understanding.details
        work = self.workload
        if (
            work is None
            or not details.local
            or details.runtime == "server"  # vLLM / TGI on their card: 16-bit is what those load
            or runs_pytorch(self.understanding.question)  # so do Transformers and scripts
            or details.precision is not None
            or work.task.is_training
            or len(self.checks) != 1
            or not self.options
        ):
            return None
        cards = (
            details.gpu_count or 1
        )  # "could I run it on two of them?": the home cards they have, that many
        check = self.checks[0]
        gpu = check.gpu
        if gpu.gpu_class not in ("consumer", "local") or getattr(check, "count", 0) == cards:
            return None  # a data-center card, or the format asked fits as it is
        gguf = [o for o in self.options if "q" in o.label.removeprefix("inference in ")[:1]]
        good = load_assumptions().recommended_quants  # not Q2_K: partial offload of Q4_K_M is the better lead
        fitting = [
            o
            for o in gguf
            if (f := o.on_named.get(gpu.name)) is not None
            and getattr(f, "count", 0) == cards
            and o.label.removeprefix("inference in ") in good
        ]
        usual = str(load_assumptions()["default_local_quant"].value)
        if any(o.label.endswith(usual) for o in fitting):
            # the usual download (Ollama's default tag) fits: what the owner runs and measures, led with; the
            # larger formats that also fit are on their lines
            return next(o for o in fitting if o.label.endswith(usual))
        if fitting:
            return max(fitting, key=lambda o: o.estimate.total_gb)
        if cards > 1:
            return None  # partial offload is the one-card lead
        return next((o for o in gguf if o.label.endswith(usual)), None)

    @property
    def smallest_format_not_fitting(self) -> Option | None:
        """For inference in an unstated format against the memory the user states: the smallest format,
        when even it does not fit; None when some format fits or the case does not apply."""
        details = self.understanding.details
        stated = details.stated_memory_gb
        work = self.workload
        if (
            work is None
            or stated is None
            or self.checks
            or details.precision is not None
            or details.runtime
            == "server"  # vLLM / TGI / SGLang load the 16-bit checkpoint: that figure decides
            or work.task.is_training
            or not self.options
            or self.estimate.total_gb <= stated
        ):
            return None
        worth = [o for o in self.options if not below_quality_floor(o)]  # a Q2_K-only fit is not a "yes"
        smallest = min(worth or self.options, key=lambda o: o.estimate.total_gb)
        if smallest.estimate.total_gb <= stated:
            return None
        # nothing fits: the 4-bit figure is the one people weigh ("even at 4-bit it needs …"); 2-3 bit quants
        # lose too much quality to be the headline, and their lines follow it
        four_bit = [o for o in self.options if o.label.endswith(("q4_k_m", "int4"))]
        return four_bit[0] if four_bit else smallest

    @property
    def report(self) -> FitReport | None:
        return self.plan.report if self.plan else None

    @property
    def pick(self) -> Fit | None:
        return self.plan.pick if self.plan else None

    @property
    def shown(self) -> tuple[Fit, ...]:
        return self.plan.shown if self.plan else ()

    @property
    def checks(self) -> tuple[Fit | NoFit, ...]:
        return self.plan.checks if self.plan else ()

    @property
    def options(self) -> tuple[Option, ...]:
        return self.plan.options if self.plan else ()

    @property
    def defaults(self) -> tuple[str, ...]:
        return self.plan.defaults if self.plan else ()

    @property
    def model(self) -> ModelSpec | None:
        return self.plan.model if self.plan else None

    @property
    def max_gpus(self) -> int:
        return self.plan.max_gpus if self.plan else 0

    @property
    def gpu_names(self) -> list[str]:
        """GPU names discussed, best first, without repeats."""
        names: list[str] = []
        checked = [c.gpu.name for c in self.checks]  # GPUs the question named come first
        # GPUs whose rental or purchase prices the answer shows
        offered = [m.gpu for m in self.markets] + [p.name for p in self.purchases]
        # with a purchase budget, the setup the budget buys leads, not the rental pick
        lead = [g.name for g in self.gpus[:1]] if self.budget is not None else []
        for name in (
            checked
            + lead
            + ([self.pick.gpu.name] if self.pick else [])
            + [g.name for g in self.gpus]
            + offered
        ):
            if name not in names:
                names.append(name)
        return names


def request_for(understanding: Understanding) -> WorkloadRequest:
    """The planner's request for the workload and constraints a question states."""
    details = understanding.details
    return WorkloadRequest(**{f.name: getattr(details, f.name) for f in fields(WorkloadRequest)})


def below_quality_floor(option: Option) -> bool:
    """Whether ``option`` is a GGUF type below the lowest one an answer leads with (Q2_K and the 1-2 bit
    i-quants): it may fit, but "only in 2-bit" is named as a quality trade-off, not as a way to run the model."""
    fmt = option.label.removeprefix("inference in ")
    assumptions = load_assumptions()
    floor = str(assumptions["lowest_recommended_quant"].value)
    return assumptions.is_gguf(fmt) and assumptions.bytes_per_param(fmt) < assumptions.bytes_per_param(floor)
