"""Answers about non-LLM workloads: the sourced figures for the model named, a verdict for the GPU or memory the
user has, what re-running a measured training job costs to rent, and the cheapest GPUs that hold it.

Which figures lead: those of the task asked (training or inference), preferring settings that share a term with
the question (a tool such as faster-whisper or whisper.cpp, a precision such as fp8, an option such as offload);
with a GPU or a memory size stated, the largest figure that fits it (else the smallest on record); with neither,
the smallest measured figure (else the smallest of any basis).
"""

from __future__ import annotations

import re

from ..._text import article
from ...knowledge import GPU, load_catalog
from ...knowledge._software import load_software
from ...knowledge._workloads import (
    LeverSpan,
    WorkloadFact,
    WorkloadSpec,
    WorkRun,
    batch_of,
    batch_said,
    default_run,
    lean_inference,
    load_workloads,
    part_only,
    reconstruction_in_text,
    seconds_per_iteration,
)
from ...sizing import load_assumptions
from ...understanding import asks_live, asks_rate
from ...understanding._engines import BATCHING_ENGINES, asks_engine_memory, engines_named
from ...understanding._local import asks_host_ram
from ...understanding._usage import without_use
from .._facts import Facts
from ._catalog import cards_that_ran_out, matrix_units_sentence, ran_out_on_a_larger_card
from ._engine_memory import ASKS_IF_NORMAL, ASKS_IF_WRONG, reservation_explained
from ._format import gb, markdown_table, money, with_details
from ._non_llm_choice import bandwidth_caveat, choice_lead
from ._shapes import asks_to_fit

__all__ = [
    "ASKS_NORMAL",
    "BRACKETED_TAG",
    "LLM_SAID",
    "REPO_SAID",
    "REQUIREMENT_ASKED",
    "TRAINING",
    "asks_release_fit",
    "asks_repo_memory",
    "cpu_memory_gb",
    "estimate_figure",
    "headline_memory_gb",
    "hours_on_card",
    "kind_estimate_answer",
    "lever_figures",
    "names_project",
    "non_llm_answer",
    "oom_beyond_its_kind",
    "other_size_named",
    "quantized_floor_gb",
    "reports_oom",
    "runs_on_cpu",
    "size_floor_gb",
    "timed_run",
    "unknown_levers",
    "unknown_non_llm_answer",
    "unknown_release_answer",
    "usable_capacity",
]

# "does it need a GPU?", "is a GPU required?": a machine without one is asked about, and the verdict is about the
# need (No when it runs on a CPU)
_GPU_NEEDED = (
    r"\b(?:do|does|will|would)\s+(?:\w+\s+){0,4}(?:really\s+)?(?:need|require)\s+(?:a\s+|an\s+)?"
    r"(?:gpu|graphics card|video card)\b|\bis\s+(?:a\s+)?gpu\s+(?:really\s+)?(?:required|necessary|needed|mandatory)\b"
)
_ASKS_GPU_NEEDED = re.compile(_GPU_NEEDED)
# a machine with no GPU to run on: a Raspberry Pi, "no gpu", "cpu only" (system RAM said with no card counts too)
_CPU_ONLY = re.compile(
    r"\braspberry ?pi\b|\brpi ?\d?\b|\bpi ?[2-5]\b|\bno (?:gpu|graphics card|dedicated gpu)\b|\bwithout (?:a |any )?(?:gpu|graphics card)\b"
    r"|\bcpu[- ]only\b|\bonly (?:a |the )?cpu\b|\b(?:on|under) (?:the |my |a )?cpu\b|"
    r"\b(?:use|using|with|via)\s+(?:just\s+|only\s+)?(?:the |my |a )?cpu\b|" + _GPU_NEEDED
)
_VRAM_SAID = re.compile(r"\bv-?ram\b|\bgpu memory\b|\bvideo memory\b|\bgraphics card\b")
_NO_GPU = re.compile(
    r"\bno (?:gpu|graphics card|dedicated gpu)\b|\bwithout (?:a |any )?(?:gpu|graphics card)\b|\bcpu[- ]only\b"
)
# settings of a runtime built for CPUs (whisper.cpp's ggml): what a machine without a GPU runs
_CPU_RUNTIME = re.compile(r"whisper\.cpp|\bggml\b|\bgguf\b|\bcpu\b")

# "is that normal / reasonable / expected?", "am I doing something wrong?": the user's own speed is to be judged
ASKS_NORMAL = re.compile(
    r"\bnormal\b|\breasonable\b|\bexpected\b|\btypical\b|\bdoing (?:something|anything) wrong\b"
    r"|\bis (?:this|that|it) (?:right|ok|okay|fine)\b|\bsupposed to\b|\bslow\b|\bjust how it is\b"
    r"|\b(?:did|have|am) i (?:mess|screw|do|set)\w* (?:something |anything |it )?(?:up|wrong)\b"
    r"|\bcan[’']?t be right\b|\bcannot be right\b|\bcrawl\w*\b"
    # "is that how it should be?", "is this how it's meant to be?"
    r"|\bhow it(?:[’']s| is)? (?:should|supposed to|meant to) be\b|\bhow it(?:[’']s| is) meant to\b"
)
# "training-free" methods run inference only
# "make some Loras", "my LoRA's", "dreamboothing", "LyCORIS/LoKr": adapters are trained, whatever the spelling
_TRAINING_WORDS = re.compile(
    r"\b(?:pre[- ]?)?train(?!ing[- ]free)|\bfine[-_ ]?tun|\bdream ?booth\w*|\bfinetun|\blycoris\b|\blokr\b"
    r"|\btextual[- ]inversion\b|\bhypernetworks?\b"
    # the same in Chinese, Japanese and Korean, written without spaces ("SDXLのLoRAトレーニング", "训练", "微调"); a
    # pretrained model ("预训练模型", "学習済みモデル") is run, not trained
    r"|(?<!预)(?<!預)(?:训练|訓練)(?!模型)|微[调調]|トレーニング|ファインチューニング|学習(?!済)|학습|파인\s?튜닝|미세\s?조정"
)
# "LoRA" glued to other scripts counts too ("SDXLのLoRAトレーニング"): no \b, which CJK letters defeat
_LORA = re.compile(r"(?<![a-z0-9])lora(?:s|'s|’s)?(?![a-z0-9])")
# a LoRA made ("make some LoRAs", "bake a LoRA") or a trainer named: training
_LORA_MADE = re.compile(
    r"\b(?:make|makes|making|made|create|creates|creating|created|bake|baking|cook\w*)\s+(?:\w+\s+){0,4}loras?\b"
    r"|\bkohya\w*|\bonetrainer\b|\bai[- ]toolkit\b|\bfluxgym\b|\bsimpletuner\b|\bmusubi\w*"
)
# a LoRA used: loaded on a base model to generate ("enough to use the LoRA", "Flux with a LoRA loaded"); not "run",
# which is as often a training run ("my sdxl lora run on a 10gb 3080")
_LORA_USED = re.compile(
    r"\b(?:use|uses|using|used|load|loads|loading|loaded|apply|applying|applied|inference|infer)\b"
)


# a training word said not to apply: "(dont train)", "not training it", "without training", "no fine-tuning"
_NEGATED = re.compile(
    r"(?:\bdon'?t|\bdo not|\bnot|\bwithout|\bno|\bnever|\bw/o)\s+"
    r"(?:(?:want|need|plan|going|trying)\s+to\s+|(?:any|the|to|for|be|doing|do)\s+)?$"
)


class _Training:
    """Whether a question is about training: a training word (train, fine-tune, DreamBooth, textual inversion), or a
    LoRA that is made rather than used: "can my 3060 use this LoRA?" runs the base model with an adapter loaded, which
    is inference; "make a LoRA", "SDXL LoRA on 8GB?" (no use said) train one. Offers ``search`` like a pattern."""

    def search(self, text: str) -> re.Match | None:
        found = next(
            (
                m
                for m in _TRAINING_WORDS.finditer(text)
                if not _NEGATED.search(text[max(0, m.start() - 24) : m.start()])
            ),
            None,
        )
        if found is not None:
            return found
        lora = _LORA.search(text)
        if lora is None or (_LORA_USED.search(text) and not _LORA_MADE.search(text)):
            return None
        return lora


TRAINING = _Training()


def _basis(fact: WorkloadFact) -> str:
    """How ``fact``'s figure was come by, said plainly: a run on record scaled to the size or batch asked is an
    estimate from that run, not weight arithmetic."""
    if fact.basis == "arithmetic" and "an estimate, not a measurement" in fact.setting:
        return "scaled from a run on record, an estimate"
    return _BASIS[fact.basis]


_BASIS = {
    "measured": "measured",
    "published": "the authors' stated requirement",
    "arithmetic": "weight arithmetic (parameters x bytes), not a measurement",
}
_TOKEN = re.compile(r"[a-z0-9]+(?:[.\-/][a-z0-9]+)*")
# words that say nothing about which setting is meant
_GENERIC = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "on",
        "in",
        "to",
        "for",
        "with",
        "without",
        "is",
        "it",
        "its",
        "my",
        "i",
        "me",
        "we",
        "you",
        "can",
        "could",
        "would",
        "should",
        "will",
        "does",
        "do",
        "how",
        "much",
        "many",
        "what",
        "which",
        "need",
        "needs",
        "run",
        "runs",
        "running",
        "use",
        "using",
        "used",
        "enough",
        "gpu",
        "gpus",
        "card",
        "cards",
        "vram",
        "memory",
        "ram",
        "gb",
        "model",
        "models",
        "training",
        "train",
        "inference",
        "time",
        "long",
        "take",
        "takes",
        "hours",
        "cost",
        "per",
        "about",
        "than",
        "more",
        "less",
        "only",
        "just",
        "also",
        "if",
        "so",
        "this",
        "that",
        "there",
        "their",
        "be",
        "have",
        "has",
        "get",
        "large",
        "small",
        "base",
        "medium",
        # how fast it goes says nothing about which setting: "slower" must not pick the offloading one
        "slow",
        "slower",
        "faster",
        "fast",
        "speed",
        "half",
        # glue words of a bug report: "OOM at 1024x1024", "why am I getting..."
        "at",
        "by",
        "as",
        "from",
        "why",
        "im",
        "getting",
        "got",
        "still",
        "way",
    ]
)


def _training_bound_lead(spec, facts: Facts) -> str | None:
    """Running a model asked about a card, with only training figures on record for it (3D Gaussian Splatting):
    training holds the same forward pass plus gradients, optimizer states and the training data, so its smallest
    training figure bounds a run from above. When that fits the card: a Yes, with the bound said in the same
    sentence; otherwise None (a bound above the card decides nothing)."""
    capacity = _capacity(facts.gpus, facts.understanding.details.stated_memory_gb)
    least = _training_bound(spec, facts.understanding.workload_text, capacity)
    if capacity is None or least is None:
        return None
    return (
        f"**Yes**, within {capacity[0]}: running {spec.name} takes less than "
        f"training it, and training ({least.setting}) needs about {gb(least.memory_gb or 0.0)} "
        f"({_basis(least)}), so a run fits with room to spare."
    )


def _speeds_only(spec: WorkloadSpec, training: bool) -> bool:
    """Whether the task asked is on record for ``spec`` only as measured speeds (a rate, no memory or time)."""
    same = [f for f in spec.facts if ("train" in f.task.lower()) == training]
    return bool(same) and all(f.rate is not None and f.memory_gb is None and f.hours is None for f in same)


def _training_bound(spec, question: str, capacity: tuple[str, float] | None) -> WorkloadFact | None:
    """The smallest training figure of ``spec`` when it fits the card (``capacity``) and no run failed there: the
    bound from above a run is answered by (see _training_bound_lead); None otherwise."""
    trained = [f for f in spec.facts if "train" in f.task.lower() and f.memory_gb is not None]
    if capacity is None or not trained or reports_oom(question):
        return None
    least = min(trained, key=lambda f: f.memory_gb or 0.0)
    return least if (least.memory_gb or 0.0) <= capacity[1] else None


def non_llm_answer(facts: Facts) -> str:
    """The figures for the first workload named, a verdict for the GPU or memory stated, costs and sources."""
    spec = facts.workloads[0]
    question = facts.understanding.workload_text
    # vision models are on record mostly for training: "ResNet-50 on ImageNet, how long?" is a training question,
    # unless a figure for running it is on record and running it is asked ("minimum to run SAM?")
    training = (
        bool(TRAINING.search(question.lower()))
        or (spec.kind == "vision training" and not runs_on_record(spec, question))
        or fitted_per_scene(spec, question)
    )
    rows = _relevant(spec, question, training)
    parts = []
    other_task = None
    untrained_encoder = not rows and training and spec.kind in ("embeddings", "reranker")
    timed_only = not rows and _speeds_only(spec, training) and asks_rate(question)
    if timed_only:
        # face recognition on record only as frames per second: the speed table answers; no training row stands in
        other_task = (
            f"No GPU memory figure is on record for {spec.name}; what is on record is its measured speed."
        )
    elif not rows:
        rows = list(spec.facts)
        what = "training" if training else "inference"
        # the other task's figures are shown, never turned into a verdict or a "from about" for this one
        other_task = (
            f"I have no sourced {what} figure for {spec.name}, so I won't give one; below is what is on "
            f"record for it ({'inference' if training else 'training'}, which is no answer for {what})."
        )
        bound = None if training else _training_bound_lead(spec, facts)
        if bound is not None:
            other_task = f"{bound} {other_task}"
        elif _full_training_floor_applies(spec, question, training) and not untrained_encoder:
            # "fine-tune Whisper large on a 4090?": no training figure, but its parameter count gives the states
            details = facts.understanding.details
            room = _training_room(facts.gpus, details.gpu_count or 1, details.stated_memory_gb, spec.params_m)
            floor = size_floor_gb(spec.params_m * 1e6, True)
            verdict, arithmetic = _arithmetic(spec.params_m / 1000, floor, room, True, spec.kind)
            run = default_run([f for f in spec.facts if "train" not in f.task.lower()])
            if run is not None and run.memory_gb and run.memory_gb > floor:
                # a small model with large activations (video frames): running it already takes more than its
                # states, and training holds that run's weights and activations and more
                arithmetic += (
                    f" Running it at its defaults ({run.setting}) already takes about {gb(run.memory_gb)}, and "
                    f"training holds that and more, so **{gb(run.memory_gb)}** is the nearer floor."
                )
                if verdict.startswith("**Yes**") and room and run.memory_gb > room[1] / 2:
                    verdict = ""  # the states' half-the-card test no longer decides a Yes
            other_task = (
                f"{verdict}I have no sourced training figure for {spec.name}; its {_params(spec)} give the "
                f"arithmetic. {arithmetic} The figures below are for inference, which is no answer for training."
            )
        elif training and facts.understanding.details.yes_no and not untrained_encoder:
            # "realistic to train an LTX-Video LoRA on 12 GB?": no training figure, but running it at its defaults
            # already needs more than the card, and training holds more on top: only memory savings can fit it
            details = facts.understanding.details
            room = _capacity(facts.gpus, details.stated_memory_gb)
            run = default_run([f for f in spec.facts if "train" not in f.task.lower()])
            if room is not None and run is not None and run.memory_gb and run.memory_gb > room[1]:
                other_task = (
                    f"Only with memory savings (a LoRA of low rank, an 8-bit optimizer, a batch of 1, cached "
                    f"latents and text embeddings, gradient checkpointing, or offloading), if at all: running "
                    f"{spec.name} at its defaults ({run.setting}) already needs about {gb(run.memory_gb)}, more "
                    f"than {room[0]}, and training holds gradients, optimizer states and activations on top. "
                    + other_task
                )
        nearest = next(
            (w for w in facts.workloads[1:] if any(("train" in f.task.lower()) == training for f in w.facts)),
            None,
        )
        if nearest is not None:
            near_rows = [f for f in nearest.facts if ("train" in f.task.lower()) == training]
            # a larger model's figures bound it from above, a smaller one's from below
            bigger = bool(nearest.params_m and spec.params_m and nearest.params_m > spec.params_m)
            parts.append(
                f"The nearest model of the same kind with {what} figures is **{nearest.name}** "
                f"({_params(nearest)}, vs {_params(spec)}), so expect {'less' if bigger else 'more'} than these:\n\n"
                + markdown_table(
                    ("task", "setting", "GPU memory", "time", "basis"), [_row(f) for f in near_rows]
                )
            )
    stated = facts.understanding.details.stated_memory_gb
    on_cpu = not training and not facts.gpus and runs_on_cpu(facts.understanding)
    if on_cpu:  # the CPU runtime's figures are what a Raspberry Pi or a laptop without a GPU runs
        rows = [f for f in rows if _CPU_RUNTIME.search(f.setting.lower())] or rows
    # "does YOLOv8 run on a Raspberry Pi?": a vision model on record only for training, run with no GPU
    cpu_run = (
        spec.kind == "vision training"
        and not facts.gpus
        and not TRAINING.search(question.lower())
        and runs_on_cpu(facts.understanding)
    )
    lead = (
        other_task
        or (on_cpu and _cpu_lead(spec, rows, facts.workloads[1:], stated, facts.understanding.details.ram_gb))
        or (on_cpu and _cpu_weights_lead(spec, rows))
        or (cpu_run and _cpu_run_below_training_lead(spec, rows))
        or _lead(spec, rows, facts.gpus, stated, question, facts.workload_stand_in)
    )
    if not on_cpu and not training and (cpu_note := _cpu_minimum_note(spec, facts, question)):
        lead = f"{lead} {cpu_note}"
    failed = _failed_default(spec, rows, facts.gpus, stated, question)
    if failed is not None and gb(failed.memory_gb or 0.0) not in lead:
        lead += (
            f" Its default run ({failed.setting}) needs about **{gb(failed.memory_gb or 0.0)}** "
            f"({_basis(failed)}), more than the card: that is the run that ran out of memory."
        )
    if lead.endswith("the measured times below are what is known.") and spec.params_m:
        # a fit asked of a model with only times on record ("will ResNet-50 training fit on one 3090?"): its
        # parameter count gives the floor, and a verdict when the floor decides one
        room = _capacity(facts.gpus, stated)
        floor = size_floor_gb(spec.params_m * 1e6, training)
        verdict, arithmetic = _arithmetic(spec.params_m / 1000, floor, room, training, spec.kind)
        if verdict:
            lead = f"{verdict}{arithmetic} The figures below are the measured times on record."
    if not other_task and (sharded := _sharded_full_run(spec, rows, facts, question, training)):
        lead = sharded  # "8x V100 16GB with DeepSpeed, full fine-tune Whisper large?": the states shard
    if on_cpu and _ASKS_GPU_NEEDED.search(question.lower()) and lead.startswith("**Yes**, on the CPU"):
        rest = lead[len("**Yes**, on the CPU") :].replace(" (no GPU needed)", "", 1)
        lead = "**No**, a GPU is not required: it runs on the CPU" + rest
    elif (
        on_cpu
        and not facts.understanding.details.yes_no
        and _WH_QUESTION.search(question.lower())
        and lead.startswith("**Yes**, on the CPU")
    ):
        lead = "On the CPU" + lead[len("**Yes**, on the CPU") :]  # "the fastest way on a CPU?" is no yes/no
    weights = next((f for f in rows if f.memory_gb is not None), None)
    if untrained_encoder and weights is not None:
        # an inference figure is no verdict on training: the weights are only the floor
        lead = (
            f"**{spec.name}** ({spec.kind}): its weights alone ({weights.setting}) take about "
            f"{gb(weights.memory_gb or 0.0)}; fine-tuning also holds the gradients, the optimizer states and "
            "activations that grow with batch size x sequence length, so that is a floor, not a verdict."
        )
    other = _fits_otherwise(spec, rows, training, facts.gpus, stated, question)
    if other is not None:  # the setting the question points to is too big, another on record fits
        rows = [*rows, other]
        lead = (
            f"**Yes**, {_OFFLOADING if other.offload else 'with another setting'}: {other.setting} needs about "
            f"{gb(other.memory_gb or 0.0)} "
            f"({_basis(other)}), within {_capacity(facts.gpus, stated)[0]}. "
            + _LEVER_LEAD.sub(r"As listed, no, \1.", lead).replace("**No**, not as listed", "As listed, no")
        )
    other_size = other_size_named(spec, facts.understanding.details.params)
    if (
        other_size is not None
    ):  # "Wan 2.1 14B" where the 1.3B is on record: its figures are no verdict for the 14B
        capacity = _capacity(facts.gpus, stated)
        headline = facts.headline_memory_gb
        ran_out = bool(capacity and headline and headline > capacity[1] and reports_oom(question))
        floor = size_floor_gb(other_size * 1e9, training) if ran_out else headline
        lead = _other_size_lead(
            spec, other_size, floor, capacity, training, facts.understanding.details.precision
        )
        precision = facts.understanding.details.precision
        if (
            ran_out
            and capacity
            and _quantized_arithmetic(other_size, capacity, training, spec.kind, precision)
        ):
            # "it ran out in bf16, how do I load the fp8 file instead?": the fewer-bit weights asked about lead
            lead += (
                f" It already ran out of memory on {capacity[0]} as you ran it; the {precision} weights (with the "
                "text encoder on the CPU) are the way through."
            )
        elif ran_out and capacity and headline:
            # its weights fit the card, but the run already ran out on it: what the user saw is the better floor
            lead = (
                f"More than {capacity[0]}: it already ran out of memory there, so plan on a card with "
                f"**{gb(headline)}** or more, or offloading / quantized weights. " + lead
            )
    parts.insert(0, lead)
    if mac := _apple_gpu_note(facts.gpus):
        parts.insert(1, mac)
    rental = _rental_lead(facts, question)
    if (
        rental
    ):  # "what GPU for it?" with no card named: the cheapest rental that holds the figure is named first
        parts.insert(0, rental)
    if facts.purchases:  # a card to buy was asked: the cheapest that holds the headline figure leads
        parts.insert(0, _purchase_lead(spec, facts))
    second = _second_model_lead(facts, question, training, stated)
    if second:  # "whisper large-v3 vs turbo vram": the other model's figure beside the first's
        parts.insert(1, second)
    reported = _reported_row(spec, rows, facts.gpus, stated, question)
    if reported is not None and reported not in rows:  # the recipe the lead offers is shown with the others
        rows = [*rows, reported]
    batch_note = _batch_over(rows, question)
    if batch_note:
        parts.insert(1, batch_note)
    cause = _cause_lead(facts.gpus, question)
    if cause:
        parts.insert(0, cause)
    if killed := killed_by_the_system(question):
        parts.insert(0, killed)
    elif not on_cpu and (ram := host_ram_note(question, facts.gpus)):
        parts.insert(0, ram)
    if reserved := engine_reservation(question):
        parts.insert(0, reserved)
    ratio = _stated_ratio(question)
    if ratio:
        parts.insert(0, ratio)
    if facts.workload_assumed_from:
        parts.insert(
            1,
            f"You named no model, so these are the figures for **{spec.name}**, the model "
            f"{facts.workload_assumed_from} is set up for here; say which model you mean for another.",
        )
    figures = markdown_table(("task", "setting", "GPU memory", "time", "basis"), [_row(f) for f in rows])
    costs = [c for c in facts.training_costs if any(c.fact is f for f in rows)]
    cost_table = _costs(costs) if costs else (_rentals(facts) if facts.markets else None)
    # the cost table leads when the cost is asked, and the rentals when no GPU was named ("which GPU for SDXL?")
    asks_cost = cost_table is not None and (
        facts.understanding.details.wants_cost or bool(facts.markets and not costs)
    )
    # the user's own timings already answer a speed comparison: their ratio leads, not a rate on record
    work = None if training or ratio else _work_lead(spec, facts, question)
    if facts.understanding.details.wants_cost and facts.markets and not costs and work is None:
        month = _monthly_lead(facts, training)  # the cost asked leads
        if month:
            parts.insert(0, month)
    timed = _time_lead(spec, rows, facts) if facts.understanding.details.wants_time and work is None else None
    if timed:
        parts.insert(0, timed)
    elif facts.understanding.details.wants_time and work is None and not ratio:
        # "how long does a 5-second clip take on an H100?" with no time on record: say so before any memory verdict,
        # which answers another question
        parts.insert(
            0,
            f"I have no measured {'training' if training else 'generation'} time for {spec.name} on record, so I "
            "won't guess one: it depends on the resolution, length, steps, precision and the GPU. What is on record "
            "for it is below.",
        )
    if work:
        parts.insert(0, work)
    # a speed measured on the same GPU decides first; else one measured on another card, scaled by compute; else
    # the answer says no speed for that GPU is on record
    judged = (
        (facts.speed_check and _speed_verdict(spec, facts))
        or (None if training else _beyond_compute_gap(spec, facts, question))
        or _speed_verdict(spec, facts)
    )
    if judged:
        parts.insert(0, judged)
    spill = None if cause or ratio else _spill_note(question, judged, spec.kind)
    if spill:  # "why is it so slow?": the likely cause leads, the memory on record follows
        parts.insert(0, spill)
    if not facts.workload_stand_in and _BUILT_ON.search(question.lower()):
        # "DimensionX, built on CogVideoX-5B": the base's own figures answer for a tool that adds to it
        capacity = _capacity(facts.gpus, stated)
        headline = facts.headline_memory_gb
        if (
            _built_on_base(spec, question)
            and parts
            and parts[0].startswith("**Yes**")
            and capacity is not None
            and headline is not None
            and headline > capacity[1] / 2
        ):
            # a floor that takes over half the card decides no Yes: the tool's own networks come on top of it (the
            # rule for weight arithmetic of a model given by its size); what research tools on record added to their
            # own bases says how much, so the answer is a No when even the least of that overflows the card
            parts[0] = _built_on_verdict(spec, headline, capacity, parts[0])
        parts.insert(
            1 if parts and (_ANY_VERDICT.match(parts[0]) or parts[0].startswith(_FLOOR_NO_YES)) else 0,
            f"These go by **{spec.name}**, the model the tool you name is built on: its figures are a floor for the "
            "tool, whose own additions (extra networks, more frames, a higher resolution) come on top.",
        )
    if _inference_on_training_figures(spec, question, rows):
        # detectors and classifiers are on record for training only: an inference question gets them as what they are
        parts.insert(1 if parts and _VERDICT.match(parts[0]) else 0, _INFERENCE_BELOW_TRAINING)
    if facts.workload_stand_in:  # said before any figure of the stand-in
        label = (
            f"I have no figure on record for the model you ask about; the nearest on record is **{spec.name}** "
            + (f"(the same family, {spec.kind})" if facts.workload_family else f"({spec.kind})")
            + f", so the figures below are {spec.name}'s, a guide for that kind of work rather than "
            "a measurement of yours."
        )
        verdict = _VERDICT.match(parts[0])
        if (
            other_size is not None
        ):  # the lead is its own size's arithmetic (and any verdict on it): it stays first
            parts.insert(1, label)
        elif parts[0].startswith(_NOT_NORMAL):  # judged by the slowdown itself, not by the stand-in's figures
            parts.insert(1, label)
        elif verdict:  # a yes/no asked: the verdict leads, saying whose figures it goes by; the label follows
            whose = (
                f"{spec.name}'s figures,"
                if facts.workload_family
                else f"the figures of {spec.name} ({spec.kind}), the nearest model on record,"
            )
            rest = parts[0][verdict.end() :]
            if rest.startswith(":"):  # "**No**: X needs..." keeps its colon, not ",:"
                whose = whose.rstrip(",")
            parts[0] = f"{verdict.group(1)}, going by {whose}{rest}"
            capacity = _capacity(facts.gpus, stated)
            if verdict.group(1) == "**Yes**" and capacity is not None and reports_oom(question):
                # another model's figure fitting the card is no Yes for a run that already ran out on it
                parts[0] = (
                    f"**Not without** lower settings (a smaller input, resolution or batch, fp16): it already ran "
                    f"out of memory on {capacity[0]}, so your run needs more than that card has free; going by "
                    f"{whose}{rest}"
                )
            parts.insert(1, label)
        else:
            parts.insert(0, label)
    unlisted = facts.understanding.details.unlisted_gpu
    if unlisted and not facts.gpus and stated is None:  # "can a 1080 Ti run SDXL?": no memory to weigh it by
        need = facts.headline_memory_gb
        if facts.understanding.details.yes_no and need:
            # a yes/no still opens with its verdict: the condition it turns on is the card's memory, said first
            parts.insert(
                0,
                f"**Only if** the {unlisted} has at least {gb(need)} of GPU memory: it is not in my catalog, so I "
                "don't know how much it has; tell me (e.g. '12 GB') and I will give a plain yes or no.",
            )
        else:
            parts.insert(
                0,
                f"The {unlisted} is not in my catalog, so I can't give a yes or no for it: compare its memory with "
                "the figures below, or tell me its memory (e.g. '11 GB') and I will.",
            )
    speed = _speed_sentence(facts.gpus, question)
    ratio_lead = None
    if speed:
        parts.insert(0, speed)
    # "which should I get, A or B?" is answered by naming one; "how much faster is A than B?" by the ratio
    chosen = (
        None
        if speed or _HOW_MUCH_FASTER.search(question.lower())
        else choice_lead(spec, rows, facts.gpus, facts.understanding.details, training, question)
    )
    if not speed and not chosen and (spec.kind in _COMPUTE_BOUND or training):
        ratio_lead = _compute_ratio_lead(facts.gpus, question)
        if ratio_lead:
            parts.insert(0, ratio_lead)
    second = (
        _pooled_training_note(question)
        if training
        else _second_gpu_lead(facts.gpus, facts.understanding.details, question)
    )
    if second and training:
        parts.insert(1 if parts and _VERDICT.match(parts[0]) else 0, second)
    elif second:
        parts.insert(0, second)
    elif chosen:
        parts.insert(0, chosen)
    parts.extend(_precision_notes(facts.gpus, question) if not cause else [])
    parts.extend(_integrated_note(question))
    parts.extend(_video_floor_note(spec, facts.workloads, question))
    parts.extend(_memory_levers(spec, rows, training, question, facts.gpus, stated, facts.headline_memory_gb))
    parts = _as_asked(parts, question, facts.understanding.details.yes_no)
    if rows or asks_cost:
        parts.append(cost_table if asks_cost else figures)  # the one table the short answer shows
    parts.append("These are sourced measurements or published requirements, not the LLM memory formula.")
    details = [figures] if asks_cost else ([cost_table] if cost_table else [])
    if training and any(f.hours is not None and f.gpu is None for f in rows):
        details.append("Runs whose source does not name the GPU model are not priced: I won't guess the GPU.")
    details.append(
        f"{spec.name}: {_params(spec)}"
        + (f" ({spec.params_note})" if spec.params_note else "")
        + ". The LLM memory formula does not apply to this kind of model."
    )
    shown = rows + [
        f for w in facts.workloads[1:] for f in w.facts if ("train" in f.task.lower()) == training
    ]
    if timed_only:
        shown += [run.fact for run in facts.work_runs]
    sources = sorted({f.source for f in shown})
    details.append("**Sources**\n" + "\n".join(f"- {s}" for s in sources))
    return with_details("\n\n".join(parts), "\n\n".join(details))


_LEVERS_SAID = "When memory is tight, what lowers it (each trades some speed): "
# an open question asked: a wh-clause ending in "?" ("why does it run out?", "..., what can I change?"), or the
# minimum asked for ("curious about the minimum VRAM requirements")
_ASKS_OPEN = re.compile(
    r"(?:^|[.?!,;:]\s*|\b(?:so|and|but|then)\s+)(?:what|how|why|which)\b[^.?!]*\?"
    r"|\b(?:minimum|least|min)\b[^.?!]{0,30}\b(?:vram|memory|requirements?|gpu)\b"
)
# a bare fit verdict the composer led with, restated as a finding for a question that is no yes/no ("**Not without**
# lower settings", which names the condition, stays)
_FIT_AS_STATEMENT = (
    (re.compile(r"^\*\*Yes\*\*,?\s+(?:but\s+)?only\s+"), "A setting on record fits only "),
    (re.compile(r"^\*\*Yes\*\*\s+(?=on\b)"), "A setting on record fits "),
    (re.compile(r"^\*\*Yes\*\*,\s+(?=with\b)"), "It fits "),
    (re.compile(r"^\*\*No\*\*,?\s+not as listed,?\s+(?=on\b)"), "As listed it does not fit "),
)


def _as_asked(parts: list[str], question: str, yes_no: bool) -> list[str]:
    """An open question that reports running out of memory or asks how to make the run fit gets no bare Yes / No:
    "my SDXL LoRA keeps running out of memory on a 12 GB card, what can I change?" is answered by what to change
    (the levers lead), "what is the minimum VRAM? I ran out on 8 GB" by the figure; the fit on the card said follows
    as a finding instead of a verdict."""
    text = question.lower()
    if yes_no or not parts or not ((asks_to_fit(text) or reports_oom(text)) and _ASKS_OPEN.search(text)):
        # "least VRAM to train it? I have a 12 GB card" still gets its card's verdict, and so do a pasted error
        # and "any way to make it work?" (a yes/no in all but its words)
        return parts
    for pattern, said in _FIT_AS_STATEMENT:
        if pattern.match(parts[0]):
            parts = [pattern.sub(said, parts[0], count=1), *parts[1:]]
            break
    at = next((i for i, p in enumerate(parts) if p.startswith(_LEVERS_SAID)), None)
    if at is None or not asks_to_fit(question):
        return parts  # "what is the minimum VRAM? I ran out on 8 GB" asks the figure, which leads
    levers = parts[at][len(_LEVERS_SAID) :]
    return [f"What to change (each trades some speed): {levers}", *parts[:at], *parts[at + 1 :]]


def unknown_non_llm_answer(facts: Facts, kind: str) -> str:
    """A non-LLM model with nothing of its kind on record for the task asked (an OCR engine, a segmentation model
    run for inference): say so, and what would decide its memory, rather than a guide about language models."""
    question = facts.understanding.workload_text
    training = bool(TRAINING.search(question.lower()))
    what = "training" if training else "inference"
    original = kind
    kind = (
        "vision" if kind == "vision training" else kind
    )  # a detector, segmenter or OCR engine, run or trained
    grows = (
        "the batch size and input size (image resolution, frames, audio length)"
        if training
        else "the input size (image resolution, pages or frames at once, audio length) and the batch size"
    )
    params = facts.understanding.details.params
    if (
        params
    ):  # its size is said: the arithmetic it asks for, labelled as an estimate, instead of "I don't know"
        room = _capacity(facts.gpus, facts.understanding.details.stated_memory_gb)
        verdict, arithmetic = _arithmetic(params / 1e9, size_floor_gb(params, training), room, training, kind)
        return (
            verdict + f"I have no sourced {what} figure for this {kind} model or for anything of its kind. "
            "" + arithmetic
        )
    text = (
        f"I don't know the GPU memory of this {kind} model: I have no sourced {what} figure for it or for "
        "anything of its kind, and I won't guess one. What decides it: the weights (parameters x 2 bytes in "
        f"fp16, x 4 in fp32; the checkpoint's file size is a good floor) plus activations, which grow with {grows}"
        + (", plus gradients and optimizer state (about 4x the fp32 weights with Adam)" if training else "")
        + ". Tell me its parameter count or checkpoint size and I will do that arithmetic; the model card or "
        "README usually states a tested GPU."
    )
    if facts.gpus:
        text += f" For the {facts.gpus[0].name} ({gb(facts.gpus[0].gpu_memory_gb)} usable), that is the number to compare."
    levers = unknown_levers(original, training)
    if levers:
        text += f"\n\nWhat lowers its memory (each trades some speed or quality): {levers}."
    capacity = _capacity(facts.gpus, facts.understanding.details.stated_memory_gb)
    if reports_oom(question):
        # it already ran out on the user's card: its default run needs more than that, and the way through is a
        # setting that needs less, which only trying tells (no figure on record to promise one fits)
        where = (
            f"the {facts.gpus[0].name}"
            if facts.gpus
            else (f"{article(gb(capacity[1]))} {gb(capacity[1])} card" if capacity else "your card")
        )
        if facts.understanding.details.yes_no:
            lead = (
                f"Only with settings that need less memory than the run that failed, if one brings it within {where}: "
                "the error says that run needs more than the card has free."
            )
        else:
            lead = f"It ran out of memory: that run needs more than {where} has free."
        text = lead + " " + text
    return text


_LIKE = {
    "image generation": "image-generation",
    "video generation": "video-generation",
    "3D generation": "3D-generation",
    "image restoration": "image-restoration",
    "image animation": "image-animation",
    "vision inference": "vision-model (depth, segmentation, detection, multi-view stereo; run for inference)",
    "speech synthesis": "speech-synthesis (text-to-speech, voice cloning)",
}


# the part of a kind an estimate was narrowed to (see Workloads.kind_estimate), as said in an answer
_SCOPED = {
    "single-image": "single-image vision-model (detection, segmentation, depth, OCR; run once per image)",
    "video": "video vision-model (depth, segmentation or tracking over a video's frames)",
    "multi-view": "multi-view vision-model (multi-view stereo depth from several views of a scene)",
    "heavier": "vision-model (over a video, several views or a diffusion denoiser's steps: heavier than one "
    "network's pass over one image; run for inference)",
}


def estimate_figure(estimate, question: str) -> float:
    """The figure an estimate from research releases leads with: their median, or, when the least memory is asked
    ("minimum VRAM?", "the least it runs with"), their lower quartile (a typical release's smaller settings)."""
    return estimate.quartile_gb if _MINIMUM.search(question.lower()) else estimate.median_gb


# what a model of each kind needs more memory for, beyond its weights
_MOVES = {
    "": "What moves it: the resolution and, for video, the number of frames (activation memory grows with the "
    "pixels x frames generated at once), the batch size, and the precision (fp32 code takes twice fp16's).",
    "speech synthesis": "What moves it: the length of the text and reference audio per generation, the batch, "
    "extra models the tool loads (a speech recogniser for the reference, a vocoder), and the precision (fp32 code "
    "takes twice fp16's).",
}


def oom_beyond_its_kind(estimate, room_gb: float | None) -> bool:
    """Whether an out-of-memory error on a card of ``room_gb`` says nothing about a model's size: every model of its
    kind on record fits the card and a typical one (the estimate's median) takes under half of it, so the run that
    failed held something else (a long input or batch, a web UI loading extra models, another process). Only for
    kinds of small models (speech, vision, embeddings, restoration): a generator's memory is set by what it is asked
    to make (resolution, frames, views), where an unseen release can well exceed every one on record."""
    return (
        bool(room_gb)
        and estimate.kind not in _GENERATORS
        and not estimate.pooled
        # narrowed to a part of its kind (single-image vision networks): an error on a card several times their
        # size says the model is of another part (a diffusion-based depth model), not that a setting is off
        and not estimate.scope
        and estimate.high_gb <= room_gb
        and 2 * estimate.median_gb <= room_gb
    )


# kinds whose memory is set by what they generate, and the estimate over every research release (its kind unknown)
_GENERATORS = frozenset(
    ["image generation", "video generation", "3D generation", "image animation", "research release"]
)


def kind_estimate_answer(facts: Facts) -> str:
    """A model not on record whose kind is known: the research releases of its kind on record, at their own
    repositories' defaults, give the estimate (their median) and the range; a yes/no asked about a card is answered
    from the median, with the range deciding a plain Yes or No, and the assumption said in the same sentence."""
    estimate = facts.kind_estimate
    assert estimate is not None
    question = facts.understanding.workload_text
    stated = facts.understanding.details.stated_memory_gb
    capacity = _capacity(facts.gpus, stated)
    kind = _LIKE.get(estimate.kind, estimate.kind)
    if estimate.scope:  # a part of its kind: "single-image vision models (detection, segmentation, ...)"
        kind = _SCOPED.get(estimate.scope, f"{estimate.scope} {kind}")
    if (
        estimate.kind == "research release" and estimate.training
    ):  # trained: every release with a training figure
        which = "research releases on record with a training figure (of any kind; its kind is not said)"
    elif (
        estimate.kind == "research release"
    ):  # neither the model nor its kind is known: every research release
        which = "research releases on record (image, video and 3D generation, image animation; its kind is not said)"
    elif estimate.pooled:
        which = f"research releases on record of the generative kinds (image, video, 3D; too few {kind} ones)"
    elif not estimate.research_only:  # too few research releases: every model of its kind, popular tools too
        which = f"{kind} models on record (research releases and popular tools alike)"
    else:
        which = f"{kind} research releases on record"
    basis = (
        f"no figure is on record for the model you ask about, and the {len(estimate.models)} {which} need "
        f"{gb(estimate.low_gb)} to {gb(estimate.high_gb)}{' to train' if estimate.training else ''} with their own "
        "repositories' scripts at their defaults "
        f"(median {gb(estimate.median_gb)})"
    )
    median = estimate.median_gb
    least = estimate_figure(estimate, question) != median
    levers = unknown_levers(estimate.kind, estimate.training)
    seen = facts.understanding.details.observed_gb
    if seen and capacity is not None and seen > capacity[1]:
        # the user's own reading of the run beats any estimate from other releases: it does not fit as run
        lead = (
            f"**Only with** lower settings: by your own reading the run takes about **{gb(seen)}**, more than "
            f"{capacity[0]}, and that reading, not an estimate, is what your run needs (for comparison, {basis}). "
            "Bring it under the card with the levers below, the input size or resolution first."
        )
    elif seen:
        lead = (
            f"About **{gb(seen)}** by your own reading of the run, which is the figure for your setting "
            f"(for comparison, {basis})."
        )
    elif larger_failed := ran_out_on_a_larger_card(facts):
        lead = (
            larger_failed  # it already ran out on a card with at least as much memory: no estimate beats that
        )
    elif capacity is not None:
        where, room = capacity
        if estimate.high_gb <= room:
            lead = f"**Yes**, most likely: {basis}, all within {where}."
        elif estimate.kind == "research release" and median <= room and not reports_oom(question):
            # neither the model nor its kind is known and releases on record fall both sides of the card, which
            # holds a typical one: a hedged Yes (real threads asking it of a 3090 or 4090 mostly ended in one),
            # with what settles it
            lead = (
                f"**Yes**, probably: {basis}, so {where} holds a typical one at its defaults, though the largest "
                "need more. What decides it is the figure in its README or paper, or the peak `nvidia-smi` shows "
                "on a run; tell me what it is built on and I can size that."
            )
        elif median <= room:
            lead = (
                f"**Yes**, probably: {basis}, so {where} holds a typical one at its defaults, though the largest "
                "need more."
            )
        elif estimate.low_gb > room:
            lead = f"**No**: {basis}, every one more than {where}."
        elif estimate.quartile_gb <= room and estimate.kind != "research release" and reports_oom(question):
            # within the savings' reach, but the default run already ran out there: a setting that needs less
            lead = (
                f"**Not without** lower settings: it already ran out of memory on {where}, and {basis}, more than "
                f"the card for a typical one; a quarter of them need {gb(estimate.quartile_gb)} or less, so the "
                "savings below may bring it within the card."
            )
        elif estimate.quartile_gb <= room and (estimate.kind != "research release" or not estimate.training):
            # the card holds what a quarter of the releases (of its kind, or run of any kind when that is unknown)
            # need at their defaults: within reach of the usual memory savers (fp16, offload, tiling, a smaller
            # resolution, batch or frame count), as threads asking this of a 16-32 GB card mostly found ("it should be
            # fine, you might need fewer frames"); a median's confident No would turn away most who ask it. Training
            # of an unknown kind stays a No: its dozen figures on record spread too wide for that
            lead = (
                f"**Yes**, with memory savings, probably: {basis}, so {where} holds a quarter of them at their "
                f"defaults ({gb(estimate.quartile_gb)} or less) and a typical one with the savings below (a smaller "
                "resolution, batch or frame count, fp16, CPU offload)."
            )
        else:
            lead = (
                f"**No**, probably not at its defaults: {basis}, more than {where} for a typical one; only "
                "with memory savings (below) or a smaller setting might it fit."
            )
        failed = cards_that_ran_out(facts.understanding.question, facts.gpus)
        if failed and facts.gpus[0] not in failed:
            # it ran out on another, smaller card named: this card's verdict stands, with that floor said
            largest = max(failed, key=lambda g: g.gpu_memory_gb)
            lead += (
                f" It ran out of memory on the {largest.name} ({gb(largest.gpu_memory_gb)}), so your run needs more "
                "than that card holds."
            )
        elif reports_oom(question) and lead.startswith("**Yes**") and oom_beyond_its_kind(estimate, room):
            lead = (
                f"**Yes**, {where} is far more than a model of its kind needs: {basis}, every one within the card "
                "and a typical one in under half of it. So the out-of-memory error points at a setting rather than "
                "the model's size: a long input or batch, a web UI or demo loading extra models, or another "
                "process holding GPU memory (nvidia-smi shows it)."
            )
        elif reports_oom(question) and lead.startswith("**Yes**"):
            # with several cards named, which one the run failed on is not read: "your card", not the first named
            ran_out = where if len(facts.gpus) <= 1 else "your card"
            lead = (
                f"**Not without** lower settings: it already ran out of memory on {ran_out}, although {basis}; "
                "its default run needs more than the card has free."
            )
    elif reports_oom(question) and facts.understanding.details.yes_no:
        # "it ran out of memory on my card; any chance to get it running?": its default run needs more than the
        # card has free, and the way through is a setting that needs less, which only trying tells
        lead = (
            "Only with settings that need less memory than the run that failed (a smaller input size or "
            f"resolution, fewer frames, fp16): the error says that run needs more than the card has free. {basis[0].upper()}{basis[1:]}."
        )
    elif least:  # the least asked: the lower quartile, what a typical release's smaller settings come to
        lead = (
            f"About **{gb(estimate.quartile_gb)}** at the least is my estimate, not a figure for this model: {basis}; "
            f"a quarter of them need {gb(estimate.quartile_gb)} or less. Its own README or model card may state a "
            "tested GPU; treat this as the likely floor, not a promise."
        )
    else:
        lead = (
            f"About **{gb(median)}** of GPU memory is my estimate, not a figure for this model: {basis}. "
            "Its own README or model card may state a tested GPU; treat this as the likely size, not a promise."
        )
    parts = [lead]
    if killed := killed_by_the_system(question):
        parts.insert(0, killed)
    elif ram := host_ram_note(question, facts.gpus):
        parts.insert(0, ram)
    if reserved := engine_reservation(facts.understanding.question):
        parts.insert(0, reserved)
    parts.append(_MOVES.get(estimate.kind, _MOVES[""]))
    if levers:
        parts.append(f"What lowers its memory (each trades some speed or quality): {levers}.")
    details = [
        "**Research releases the estimate goes by** (default runs, smallest to largest):\n"
        + "\n".join(f"- {name}" for name in estimate.models),
        "**Sources**\n" + "\n".join(f"- {s}" for s in sorted(set(estimate.sources))),
    ]
    return with_details("\n\n".join(parts), "\n\n".join(details))


# a memory requirement asked ("how much VRAM is needed", "GPU memory required for inference", "can it run on a 12G
# card", "minimum GPU"): what a repository's requirement answers
REQUIREMENT_ASKED = re.compile(
    r"\bhow (?:much|many)\s+(?:gb\s+(?:of\s+)?)?(?:gpu\s+|video\s+|graphics\s+)?(?:memory|v-?ram|gpu mem\w*)"
    r"|\b(?:gpu\s+|video\s+|graphics\s+)?(?:memory|v-?ram)\s+(?:is\s+)?(?:needed|required|requirements?|usage|consumption)"
    r"|\bminimum\s+(?:gpu|v-?ram|memory|requirements?|hardware)|\bhardware requirements?"
    r"|\b(?:can|could|will|would|does)\s+(?:it|this)\s+(?:\w+\s+)?run\s+(?:on|in|with)\b"
    r"|\b(?:can|could)\s+i\s+(?:\w+\s+)?(?:run|use)\s+(?:it|this)\s+(?:on|with)\b"
    r"|\b(?:run|use)\s+(?:it|this)\s+(?:on|with|in)\b|\benough\b"
    # whether it fits a memory or a card said: "possible to run inference on 8GB VRAM", "does it work with 16gb vram",
    # "will it fit in 12 GB", "enough for a 24GB card"
    r"|\b(?:run|runs|work|works|fit|fits|load|inference)\b[^.?!]{0,40}?\b(?:on|with|in|under|within)\s+"
    r"(?:an?\s+|my\s+|one\s+|a\s+single\s+)?\d+(?:\.\d+)?\s*(?:gb|g|gigs?)\b"
    r"|\benough\b[^.?!]{0,30}\b(?:v-?ram|gpu|card|memory)\b|\b(?:v-?ram|gpu|card|memory)\b[^.?!]{0,30}\benough\b"
)
# a repository or its release is what is asked about: "this project", "the method", "your work", "the demo script";
# or a project's own name, written in mixed case ("PrimeDepth", "ScoreHMR", "X-Omni")
REPO_SAID = re.compile(
    r"\b(?:this|the|your|our)\s+(?:project|method|work|repo(?:sitory)?|paper|program|demo|code|approach|"
    r"algorithm|pipeline)\b|\bdemo script\b|\binference script\b"
    # the authors' own release, said as theirs or as this one: "your model", "this application", "your implementation"
    r"|\b(?:this|your|our)\s+(?:model|application|app|implementation|framework|network|tool|codebase|release)\b"
    # reproducing what a paper or repository did: "can I replicate your results", "reproduce the paper on a 3090"
    r"|\b(?:reproduc|replicat|repeat)\w*\s+(?:\w+\s+)?(?:work|results?|paper|experiments?|method|project)\b"
)
_PROJECT_NAME = re.compile(
    r"\b[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*\b|\b[A-Z]{1,3}-[A-Z][a-z]+\w*\b"
    # capitals run into a word ("VEnhancer", "MVDream" style prefixes): not an acronym with a plural ("GPUs")
    r"|\b[A-Z]{2,4}[a-z]{3,}\w*\b"
    # a lower-case name with one digit inside ("splatt3r", "nerf2mesh", "wav2lip"); not a number format ("fp8e4m3")
    r"|\b(?!(?:fp|bf|int|uint|nf|mx|sm|cu|py|gen|pcie)\d)[a-z]{2,}\d[a-z][a-z0-9]*\b"
)
# the repository a question is asked in, given first in brackets ("[SomeRepo] how much VRAM...", "[SomeRepo, a video
# model] ..."): its first name
_BRACKETED_PROJECT = re.compile(r"^\s*\[\s*([^\[\],;:]{2,40}?)\s*[\],;:]")


_ERROR_NAME = re.compile(r"(?:error|exception|warning|cannot\w*|failed|failure|fault)$", re.I)


def _project_names(question: str) -> list[str]:
    """The project names in ``question`` (see _PROJECT_NAME and _BRACKETED_PROJECT), tools and units left out."""
    found = _PROJECT_NAME.findall(question)
    bracketed = _BRACKETED_PROJECT.match(question)
    if bracketed:
        found.append(bracketed.group(1))
    # an error's or exception's name ("ShardCannotStart", "OutOfMemoryError") is no project, nor a card ("A10G")
    return [
        m
        for m in found
        if m.lower() not in _NOT_A_PROJECT
        and not _ERROR_NAME.search(m)
        and not load_catalog().find_in_text(m)
    ]


# mixed-case words that are tools, companies, units or errors, not a project asked about
_NOT_A_PROJECT = frozenset(
    [
        "github",
        "pytorch",
        "comfyui",
        "deepspeed",
        "huggingface",
        "geforce",
        "openai",
        "macbook",
        "tensorrt",
        "tensorflow",
        "lora",
        "qlora",
        "gib",
        "mib",
        "kib",
        "runpod",
        "youtube",
        "chatgpt",
        "macos",
        "ipados",
        "outofmemoryerror",
        "ooming",
        "oomed",
        "oomes",
        "runtimeerror",
        "valueerror",
        "cudnn",
        "onnxruntime",
        "invokeai",
        "fastapi",
        "jupyterlab",
        "colab",
        "dreambooth",
        "controlnet",
        "xformers",
        "imagenet",
        "nvidia",
        "nvlink",
        "pcie",
        "infiniband",
    ]
)
LLM_SAID = re.compile(
    r"\bllms?\b|\blanguage models?\b|\btokens?\b|\bchat|\bgguf\b|\bollama\b|\bvllm\b|\bllama|\bmistral|\bmixtral"
    r"|\bqwen|\bgemma|\bdeepseek|\bgpt|\w+gpt\b|\bmulti-?modal\b|\bvision[- ]language\b|\bvlms?\b|\bexllama|\bkobold|\blm ?studio\b|\btext[- ]generation\b|\bprompts?\b"
    # names language models are often given: "WizardLM", "ChatGLM", "StarCoder", "OpenHermes", "Vicuna", "Orca"
    r"|lm\b|\w*coder\b|\w*hermes\b|\bvicuna|\balpaca|\bwizard|\binstruct|\borca|\bfalcon|\bbloom|\bpythia|\bbaichuan"
    r"|\w*glm\b|\bmpt\b|\bphi\b|\bopenchat|\bzephyr|\bsolar\b|\byi\b|\bintern\w*|\bminicpm|\bllava"
    # language-model trainers and servers named as the repository asked in ("[axolotl] can this run on a 3090?")
    r"|\baxolotl\b|\bunsloth\b|\bpeft\b|\btrl\b|\btorchtune\b|\blit-?gpt\b|\bfastchat\b|\bsglang\b"
    r"|\blmdeploy\b|\btgi\b|\btensorrt[- ]llm\b|\bmlc\b|\btabby\w*|\bopenrlhf\b|\bverl\b|\bmegatron\b"
    # language-model preference and RL training methods ("[MOSS-RLHF, PPO]", "GRPO baselines"); PPO alone also
    # trains game and robot policies, so it is not one of them
    r"|rlhf\b|\bgrpo\b|\bdpo\b|\borpo\b|\bsimpo\b|\brloo\b|\bdapo\b|\bgspo\b"
)


def names_project(question: str) -> bool:
    """Whether ``question`` names a project in mixed case ("[PrimeDepth]", "X-Omni"), not a tool, company or unit."""
    return bool(_project_names(question))


def asks_repo_memory(question: str, training: bool = False) -> bool:
    """A memory requirement asked about a repository's release that names no model on record and no kind of work
    ("[PrimeDepth] how much GPU memory is needed for inference?", "can this project run on a 12G card?"), not a
    language model, and trained when ``training`` (else not): the research releases on record, of any kind, give an
    estimate (from their training figures when trained)."""
    text = question.lower()
    # a run of the repository it is asked in that ran out of memory asks the same ("[SomeRepo] the demo goes OOM on
    # my 3060"); a pasted error log alone, with no repository given, does not
    oom_in_repo = reports_oom(text) and _BRACKETED_PROJECT.match(question) is not None
    if (
        not (REQUIREMENT_ASKED.search(text) or oom_in_repo)
        or LLM_SAID.search(text)
        or bool(TRAINING.search(text)) != training
    ):
        return False
    return bool(_project_names(question) or REPO_SAID.search(text))


def asks_release_fit(
    question: str, yes_no: bool, hardware_named: bool, memory_said: bool = False, *, training: bool = False
) -> bool:
    """Whether a repository's release ("your work", "this method", a project named in mixed case) is asked to fit the
    hardware named, as a yes/no question ("can this method be executed on an RTX 3090?", "can I repeat your work on a
    single 4090?") or against a memory said ("how accessible is your work to 8 or 16 GB cards?"), with no language
    model said and no training (``training``: training said, instead): what the research releases on record
    estimate, not the LLMs that fit the card nor its spec sheet."""
    text = question.lower()
    # trained, a requirement asked with the card named is the same question ("fine-tuning OOMs on my A10, how much
    # VRAM do I need?"): no yes/no word, but the card's fit is what is asked
    yes_no = yes_no or (training and bool(REQUIREMENT_ASKED.search(text)))
    if not ((yes_no and hardware_named) or memory_said) or LLM_SAID.search(text):
        return False
    if bool(TRAINING.search(text)) != training:
        return False
    if REPO_SAID.search(text) or BRACKETED_TAG.search(question):
        return True
    # a name in mixed case alone is weak evidence (trainers, "NVLink", "PCIe"): a release's run must be said with it
    # ("can WorldGen inference be reproduced on a 4090?"), and never for training ("OneTrainer")
    return not training and bool(_project_names(question)) and bool(_RELEASE_RUN.search(text))


# running or reproducing a release: "inference", "the demo", "reproduce", "replicate"
_RELEASE_RUN = re.compile(r"\binferenc\w*|\bdemo\b|\breproduc\w*|\breplicat\w*")


# the repository a question was asked in, given in brackets anywhere ("... on a 4090? [SomeRepo]")
BRACKETED_TAG = re.compile(r"\[\s*[A-Za-z][^\[\]]{1,60}\]")


def unknown_release_answer(facts: Facts) -> str:
    """A repository's release asked to be trained on the hardware named, nothing of it on record: say so plainly, and
    what decides it, rather than which LLMs that hardware trains."""
    question = facts.understanding.question
    tag = BRACKETED_TAG.search(question)
    names = [re.split(r"[,;:(]", tag.group(0)[1:-1])[0].strip()] if tag else _project_names(question)
    what = f"**{names[0]}**" if names and names[0] else "this release"
    text = (
        f"I can't tell whether {what} trains there: I have no training figure on record for it, and the inference "
        "figures of other research releases say nothing of training, which needs several times more. What decides "
        "it: its parameter count (about 16 bytes per parameter for full training in mixed precision with AdamW: "
        "weights, gradients and optimizer states), plus activations, which grow with the batch size and the input "
        "size (resolution, frames, audio length). The README or paper usually says which GPUs the authors trained "
        "on; tell me its parameter count and I will do that arithmetic."
    )
    if facts.gpus:
        card = facts.gpus[0]
        count = facts.understanding.details.gpu_count or 1
        text += (
            f" On {count} x {card.name} each card has {gb(card.gpu_memory_gb)} usable: under plain data parallelism "
            "every card holds the whole model, so that, not the sum, is what the total above must fit."
            if count > 1
            else f" The {card.name} has {gb(card.gpu_memory_gb)} usable, the number to compare."
        )
    return text + (
        "\n\nWhat lowers training memory (each trades some speed): gradient checkpointing, a smaller batch (batch 1 "
        "with gradient accumulation), an 8-bit optimizer, and freezing the parts of the model that need no training."
    )


def unknown_levers(kind: str, training: bool) -> str | None:
    """What lowers memory for a model of ``kind`` not on record, run or trained."""
    if kind == "vision training":  # a detector, segmenter or depth model: run unless training is said
        return _LEVERS["vision training" if training else "vision inference"]
    if training:
        return _LEVERS.get(f"{kind} training", _LEVERS["training"])
    return _LEVERS.get(kind)


_TWO_MODELS = re.compile(r"\bvs\.?\b|\bversus\b|\bcompared?\b|\bdifference\b|\bor\b|\bthan\b")


def _second_model_lead(facts: Facts, question: str, training: bool, stated: float | None) -> str | None:
    """Two models named and set against each other: the second one's figure for the same task, in the same form
    as the first's (a verdict on the memory stated, else its smallest figure)."""
    if facts.workload_stand_in or len(facts.workloads) < 2 or not _TWO_MODELS.search(question.lower()):
        return None
    other = facts.workloads[1]
    if other.kind != facts.workloads[0].kind:
        return None
    if not any(("train" in f.task.lower()) == training for f in facts.workloads[0].facts):
        return (
            None  # the second model is the nearest one brought in for its figures of this task, not one named
        )
    rows = [f for f in _relevant(other, question, training) if f.memory_gb is not None]
    if not rows:
        return None
    lead = _lead(other, rows, facts.gpus, stated, question)
    return f"For **{other.name}**: {lead}" if _VERDICT.match(lead) else lead


_VERDICT = re.compile(r"(\*\*(?:Yes|No)\*\*),?")
# any verdict a lead opens with, conditional ones too: a note about whose figures these are follows it, never leads
_ANY_VERDICT = re.compile(r"\*\*(?:Yes|No|Only with|Not without)\*\*")


_MODEL_FILE = re.compile(r"\.(?:bin|gguf|ggml|safetensors|ckpt|pt|pth|onnx)$")


def _terms(text: str) -> set[str]:
    """Words of ``text`` (a model file's name also by its parts: 'ggml-large-v2.bin' says 'ggml'); single letters
    ("it's" -> "s", "~1000 s") say nothing about which setting is meant."""
    tokens = _TOKEN.findall(_FINE_TUNE.sub("fine-tune", text.lower()))
    parts = {p for t in tokens if _MODEL_FILE.search(t) for p in re.split(r"[.\-/]", t)}
    return {t for t in {*tokens, *parts, *_resolutions(text.lower())} if len(t) > 1}


_RESOLUTION = re.compile(r"\b(\d{3,4})\s*[x\u00d7*]\s*(\d{3,4})\b")
# video heights people say for a frame size: the landscape frame each stands for
_VIDEO_HEIGHT = {"720p": "720x1280", "1080p": "1080x1920"}


def _resolutions(text: str) -> set[str]:
    """A frame size written either way round ('1280x720', '720 x 1280') or as a video height ('720p') is one size:
    its canonical form (short side first), so a question and a setting that say it differently share it."""
    found = {size for height, size in _VIDEO_HEIGHT.items() if re.search(rf"\b{height}\b", text)}
    for m in _RESOLUTION.finditer(text):
        short, long = sorted((int(m.group(1)), int(m.group(2))))
        found.add(f"{short}x{long}")
    return found


_FINE_TUNE = re.compile(r"\bfine[- ]?tun(?:e|es|ed|ing)\b|\bfinetun(?:e|es|ed|ing)\b")


_ASKS_MEMORY = re.compile(r"\bv?ram\b|\bmemory\b|\bgigs?\b|\d ?gb\b|\bgb\b|\bgigabytes?\b")


# a tool said to be built on a model on record ("built on CogVideoX-5B", "based on SD 1.5", "an SDXL-based tool")
_BUILT_ON = re.compile(r"\b(?:built|based)\s+(?:on\s+top\s+of|on|upon)\b|\w[- ]based\b")
# running a trained detector or classifier, not training one ("inference", "predict", "run it on images")
_INFERENCE_ASKED = re.compile(
    r"\binfer\w*|\bpredict\w*|\bdeploy\w*|\bserv(?:e|ing)\b|\bevaluat\w*|\beval[- ]only\b|\bdemo\b"
    r"|\brun(?:ning)?\s+(?:it\s+|the\s+model\s+)?on\s+(?:\w+\s+)?(?:images?|photos?|pictures?|frames?|videos?|scans?)\b"
)
_INFERENCE_BELOW_TRAINING = (
    "These are training figures (weights, gradients, optimizer state and a batch of activations): no inference "
    "figure is on record. Running the same model at the same input size needs less, so a card that holds the "
    "training figure holds inference; one that does not may still run it, at batch 1 in fp16."
)


# looking at a finished scene, not making one: "a viewer for my splats", "visualize the trained NeRF"
_VIEWING = re.compile(
    r"\bview(?:er|ers|ing)\b|\brender(?:s|ing)?\b|\bvisuali[sz]\w*|\btrained (?:scene|splats?|nerf|model)\b|\.ply\b"
)


def fitted_per_scene(spec: WorkloadSpec, question: str) -> bool:
    """A scene reconstruction (3D Gaussian Splatting, a NeRF) asked about with no viewing word: running it on one's
    photos is fitting it, a training run, so "minimum VRAM for gaussian splatting?" is answered by the training
    figures, not with no inference figure."""
    return reconstruction_in_text(" ".join((spec.name, *spec.aliases))) and not _VIEWING.search(
        question.lower()
    )


_RUN_WORDS = re.compile(r"\binfer\w*|\bpredict\w*|\bdemo\b|\bruns?\b|\brunning\b|\bdeploy\w*")


def runs_on_record(spec: WorkloadSpec, question: str) -> bool:
    """A vision model on record with a figure for running it (not only for training it), asked about running it: a
    run word and no training word ("minimum hardware to run Segment Anything?")."""
    text = question.lower()
    return (
        not TRAINING.search(text)
        and not _ASKS_TIME.search(
            text
        )  # "an ImageNet run on 4x A100, how many hours?": a training run's time
        # an out-of-memory error with no training word said ("this model ... CUDA out of memory") came from running it
        and bool(
            _RUN_WORDS.search(text)
            or asks_live(text)
            or (reports_oom(text) and not _DATASET_WORDS.search(text))
        )
        # a memory figure or a measured speed (frames a second on an edge board) for running it
        and any(
            "train" not in f.task.lower() and (f.memory_gb or (f.rate and asks_rate(text)))
            for f in spec.facts
        )
    )


# a dataset or its passes said: the run is a training run even without a training word ("imagenet, 90 epochs")
_DATASET_WORDS = re.compile(
    r"\bdatasets?\b|\bepochs?\b|\bimagenet\b|\bcoco\b|\bcheckpoints? (?:every|each)\b"
)


def _inference_on_training_figures(spec: WorkloadSpec, question: str, rows: list[WorkloadFact]) -> bool:
    """An inference question about a vision model whose memory figures on record are training ones only."""
    t = question.lower()
    return (
        spec.kind == "vision training"
        and not TRAINING.search(t)
        and bool(_INFERENCE_ASKED.search(t))
        and bool(rows)
        and all("train" in f.task.lower() for f in rows if f.memory_gb is not None)
    )


# a time asked ("how long on 8 V100 16GB?"): the card's memory said in it asks for no memory figure
_OOM_SAID = re.compile(r"(?:cuda |gpu )?out[- ]of[- ]memory")
_ASKS_TIME = re.compile(r"\bhow long\b|\bhow many (?:hours|days|minutes)\b|\bhow fast\b")


def _relevant(spec: WorkloadSpec, question: str, training: bool) -> list[WorkloadFact]:
    """The facts of the task asked; only those sharing the most question terms, when any shares one. Speed-only
    rows (a rate, no memory or time) belong to the speed table (see :func:`_work_lead`), not here."""
    rows = [
        f
        for f in spec.facts
        if ("train" in f.task.lower()) == training and (f.memory_gb is not None or f.hours is not None)
    ]
    # "CUDA out of memory" reported is no memory asked ("what GPUs did you train ResNet-50 on? I get OOM")
    asked_memory = _ASKS_MEMORY.search(_OOM_SAID.sub(" ", question.lower()))
    if (
        asked_memory
        and not _ASKS_TIME.search(question.lower())
        and any(f.memory_gb is not None for f in rows)
    ):
        rows = [f for f in rows if f.memory_gb is not None]  # a memory question is answered by memory figures
    method = _method_asked(question) if training else None
    if method is not None:
        # a full fine-tune asked is never answered by a LoRA row (nor a LoRA by a full one), however many of the
        # question's words (the tool, the optimizer) the other row shares
        same = [f for f in rows if _row_method(f) == method]
        rows = same or rows
    own = {t for label in (spec.name, *spec.aliases) for t in _terms(label)}
    asked = {t for t in _terms(question) if t not in _GENERIC and t not in own and not t.isdigit()}
    if not asked:
        return rows
    scores = {id(f): len(asked & _terms(f"{f.task} {f.setting}")) for f in rows}
    best = max(scores.values(), default=0)
    return [f for f in rows if scores[id(f)] == best] if best else rows


# the training method a question asks about: an adapter (LoRA and its kin) or every weight of the model
_ADAPTER_SAID = re.compile(
    r"\bq?loras?\b|\blycoris\b|\bloha\b|\blokr\b|\blocon\b|_network\.py\b|\badapters?\b"
)
_FULL_SAID = re.compile(
    r"\bfull[- ]?(?:fine[- ]?tun\w*|finetun\w*|parameter\w*|training|train\b|model training)"
    r"|\bfine[- ]?tun\w* (?:the )?(?:whole|entire|full) (?:model|unet|transformer)\b"
    # the full-model scripts of kohya sd-scripts and diffusers ("sdxl_train.py", "train_text_to_image.py")
    r"|\b(?:sdxl|flux|sd3)_train\.py\b|\btrain_text_to_image\w*\.py\b"
)

# an adapter named only to be ruled out: "(not LoRA)", "without lora", "rather than a LoRA", "non-LoRA"
_NEGATED_ADAPTER = re.compile(
    r"\b(?:not|no|non|without|instead of|rather than)[- ]+(?:an? |the )?(?:q?loras?|lycoris|adapters?)\b"
)


def _method_asked(question: str) -> str | None:
    """ "lora" when the question trains an adapter, "full" when it trains every weight, None when it says neither
    (or both)."""
    text = _NEGATED_ADAPTER.sub(" ", question.lower())  # "full fine-tune (not LoRA)": no adapter trained
    adapter, full = bool(_ADAPTER_SAID.search(text)), bool(_FULL_SAID.search(text))
    if adapter == full:
        return None
    return "lora" if adapter else "full"


def _row_method(fact: WorkloadFact) -> str:
    """A training row's method: "lora" for an adapter's, else "full"."""
    return "lora" if _ADAPTER_SAID.search(f"{fact.task} {fact.setting}".lower()) else "full"


def cpu_memory_gb(spec: WorkloadSpec, stated_gb: float | None) -> float | None:
    """The RAM figure a CPU-only verdict leads with (see :func:`_cpu_lead`): the largest CPU-runtime setting within
    ``stated_gb``, else the smallest; None when no CPU runtime's figure is on record."""
    sized = sorted(
        f.memory_gb
        for f in spec.facts
        if "train" not in f.task.lower()
        and f.memory_gb is not None
        and _CPU_RUNTIME.search(f.setting.lower())
    )
    if not sized:
        return None
    fits = [m for m in sized if stated_gb is not None and m <= stated_gb]
    return fits[-1] if fits else sized[0]


def runs_on_cpu(understanding) -> bool:
    """Whether the question puts the job on a machine without a GPU (system RAM said, a Pi, "cpu only")."""
    text = understanding.workload_text.lower()
    if understanding.details.ram_gb is not None:
        return True
    if (
        understanding.details.stated_memory_gb is not None
        and _VRAM_SAID.search(text)
        and not _NO_GPU.search(text)
    ):
        return False  # "tested it only on CPU; will it run on a 6-8GB VRAM card?": the card is the question
    # a repository named ("[SomeTool] any chance to run it without nvidia?") is asked about its own code, which may
    # hard-code CUDA: the model's own CPU run does not answer for it
    return bool(_CPU_ONLY.search(text)) or (
        bool(_NO_NVIDIA.search(text))
        and not _OTHER_GPU.search(text)
        and not names_project(understanding.workload_text)
    )


# no NVIDIA card, and no other GPU said: "any chance to run it without nvidia?", "I don't have a cuda gpu", "cpu
# instead of cuda"
_NO_NVIDIA = re.compile(
    r"\bwithout (?:a |an |any )?(?:nvidia|cuda)\b|\bno (?:nvidia|cuda)\b"
    r"|\b(?:do ?n[o'’]?t|doesn[o'’]?t) have (?:a |an |any )?(?:nvidia |cuda |dedicated |discrete )?(?:gpu|graphics card|video card)"
    r"|\bcpu instead of\b|\binstead of (?:a |the |my )?(?:gpu|cuda|nvidia)\b"
)
# another GPU the job would run on instead (an AMD or Intel card, a Mac): not a CPU run
_OTHER_GPU = re.compile(
    r"\bamd\b|\bradeon\b|\brx ?\d{3,4}|\brocm\b|\bintel arc\b|\barc a\d|\bmac|\bapple\b|\bm[1-5]\b|\bmps\b"
)


def _cpu_lead(
    spec: WorkloadSpec,
    rows: list[WorkloadFact],
    others: tuple[WorkloadSpec, ...],
    stated_gb: float | None,
    ram_gb: float | None,
) -> str | None:
    """The verdict for a machine without a GPU, from the CPU runtime's figures (system RAM, not GPU memory); the
    smaller models of the family with their figures. None when no CPU runtime's figure is on record."""
    sized = sorted(
        (f for f in rows if f.memory_gb is not None and _CPU_RUNTIME.search(f.setting.lower())),
        key=lambda f: f.memory_gb or 0.0,
    )
    if not sized or spec.kind == "video generation":
        return (
            None  # a video model's rows that name the CPU put one part there (the text encoder), not the run
        )
    smaller = sorted(
        (
            (w, f)
            for w in others
            for f in w.facts
            if "train" not in f.task.lower()
            and f.memory_gb is not None
            and f.memory_gb < (sized[0].memory_gb or 0.0)
            and _CPU_RUNTIME.search(f.setting.lower())
        ),
        key=lambda wf: wf[1].memory_gb or 0.0,
    )
    listed = "; ".join(f"**{w.name}** about {gb(f.memory_gb or 0.0)} ({f.setting})" for w, f in smaller)
    if stated_gb is None:
        low = sized[0]
        lead = (
            f"**Yes**, on the CPU (no GPU needed): **{spec.name}** with {low.setting} needs about "
            f"**{gb(low.memory_gb or 0.0)}** of RAM ({_basis(low)}), so it runs on a machine with that much "
            "free memory, slowly (a CPU is many times slower than a GPU for this)."
        )
        return lead + (f" Smaller models need less: {listed}." if listed else "")
    have = (
        f"the {gb(stated_gb)} your {ram_gb:g} GB of RAM leaves after the operating system"
        if ram_gb
        else f"{gb(stated_gb)} of RAM"
    )
    fits = [f for f in sized if (f.memory_gb or 0.0) <= stated_gb]
    if fits:
        best = fits[-1]
        return (
            f"**Yes**, on the CPU: **{spec.name}** with {best.setting} needs about **{gb(best.memory_gb or 0.0)}** "
            f"of RAM ({_basis(best)}), within {have}; expect it to run many times slower than on a GPU."
        )
    small = [(w, f) for w, f in smaller if (f.memory_gb or 0.0) <= stated_gb]
    low = sized[0]
    if small:
        return (
            f"**Only with a smaller model**: **{spec.name}** needs about {gb(low.memory_gb or 0.0)} of RAM "
            f"({low.setting}), more than {have}; these fit: "
            + "; ".join(f"**{w.name}** about {gb(f.memory_gb or 0.0)} ({f.setting})" for w, f in small)
            + "."
        )
    return (
        f"**No**: **{spec.name}** needs about {gb(low.memory_gb or 0.0)} of RAM ({low.setting}; "
        f"{_basis(low)}), more than {have}."
    )


def _cpu_minimum_note(spec: WorkloadSpec, facts: Facts, question: str) -> str | None:
    """'Minimum requirements to run it?' with no card said, for a model a CPU runtime runs (whisper.cpp's figures on
    record): the least is no GPU at all, so the CPU run's RAM is said beside the GPU figure. None otherwise."""
    if (
        facts.gpus
        or facts.understanding.details.stated_memory_gb is not None
        or not _MINIMUM.search(question.lower())
    ):
        return None
    on_cpu = sorted(
        (
            f
            for f in spec.facts
            if f.memory_gb is not None
            and "train" not in f.task.lower()
            and _CPU_RUNTIME.search(f.setting.lower())
        ),
        key=lambda f: f.memory_gb or 0.0,
    )
    if not on_cpu:
        return None
    low = on_cpu[0]
    return (
        f"No GPU is strictly needed: it also runs on the CPU, slower, where {low.setting} needs about "
        f"{gb(low.memory_gb or 0.0)} of RAM ({_basis(low)})."
    )


# "what's the fastest way…", "how do I run…": asks what or how, so no Yes/No opens the answer
_WH_QUESTION = re.compile(r"^\W*(?:[\w']+\W+){0,2}?(?:what|which|how|why|where|when)\b")


def _cpu_weights_lead(spec: WorkloadSpec, rows: list[WorkloadFact]) -> str | None:
    """No CPU runtime's figure on record: PyTorch runs these models on a CPU too, so the verdict is Yes with the
    GPU figure as what the RAM must hold; not for video generation, which is impractically slow there. None when
    nothing sized is on record."""
    sized = [f for f in rows if f.memory_gb is not None and not f.offload] or [
        # the rows the question's words picked all offload ("cpu" matched a CPU-offload recipe): a plain run's
        f
        for f in spec.facts
        if f.memory_gb is not None and not f.offload and "train" not in f.task.lower()
    ]
    if spec.kind == "video generation" or not sized:
        return None
    low = _smallest(sized)
    return (
        f"**Yes**, on the CPU too (no GPU needed): PyTorch runs **{spec.name}** there, many times slower than on a "
        f"GPU; the RAM has to hold at least what the GPU would, about **{gb(low.memory_gb or 0.0)}** ({low.setting}; "
        f"{_basis(low)})."
    )


def _cpu_run_below_training_lead(spec: WorkloadSpec, rows: list[WorkloadFact]) -> str | None:
    """A vision model on record only for training (a detector, a classifier), asked about running it with no GPU:
    PyTorch runs it on a CPU, slower, and a run needs less than the smallest training figure, which holds gradients,
    optimizer states and a batch of activations on top of what a run holds. None when nothing sized is on record."""
    sized = [f for f in rows if f.memory_gb is not None and "train" in f.task.lower()]
    if not sized:
        return None
    low = min(sized, key=lambda f: f.memory_gb or 0.0)
    return (
        f"**Yes**, on the CPU too (no GPU needed): PyTorch (or an ONNX / OpenVINO export) runs **{spec.name}** there, "
        "many times slower than on a GPU; running it takes less memory than training it, which on record needs about "
        f"{gb(low.memory_gb or 0.0)} ({low.setting}; {_basis(low)}) with gradients, optimizer states and a "
        "batch of activations on top of the weights."
    )


def _purchase_lead(spec: WorkloadSpec, facts: Facts) -> str:
    """The cheapest cards to buy that hold the headline figure, with the price the data gives for each."""
    need = facts.headline_memory_gb or 0.0
    first, *others = facts.purchases
    text = (
        f"The **{first.name}** is the cheapest card on record to buy that holds the {gb(need)} {spec.name} needs "
        f"(the figure below; CUDA cards first, which the PyTorch tools support first): {_card_price(first)}"
    )
    if first.note:
        text += f"; {first.note}"
    text += "."
    if others:
        text += " Next up: " + "; ".join(f"the {p.name}, {_card_price(p)}" for p in others) + "."
    return text + " More memory than the minimum buys headroom for larger resolutions, batches and models."


def _card_price(price) -> str:
    if price.street:
        return f"about ${price.street.usd:,.0f} (street price, {price.street.as_of.isoformat()})"
    when = f", {price.launched.isoformat()}" if price.launched else ""
    return f"${price.msrp_usd:,.0f} (launch MSRP{when})"


_ADAPTER_WORDS = re.compile(r"\bq?-?lora\b|\badapters?\b|\bpeft\b|\bdreambooth\b|\btextual inversion\b")


def _full_training_floor_applies(spec: WorkloadSpec, question: str, training: bool) -> bool:
    """Whether a training question on a model with no training figure gets the full-training arithmetic from its
    parameter count: a full fine-tune (no adapter method named) of a model whose count is on record."""
    return training and bool(spec.params_m) and not _ADAPTER_WORDS.search(question.lower())


def _sharded_full_run(
    spec: WorkloadSpec, rows: list[WorkloadFact], facts: Facts, question: str, training: bool
) -> str:
    """Several cards of the user's for a full fine-tune whose measured run does not fit one of them: its weights,
    gradients and AdamW states (``adamw_mixed_bytes_per_param`` a parameter) shard over the cards with DeepSpeed ZeRO-3 or FSDP and the
    rest of the measured peak (activations) stays on each; a verdict on that per-GPU figure. "" otherwise."""
    count = facts.understanding.details.gpu_count or 1
    if (
        not training
        or count < 2
        or not facts.gpus
        or not spec.params_m
        or _ADAPTER_WORDS.search(question.lower())
    ):
        return ""
    # a measured (or published) peak only: an estimate scaled to the user's batch or input size is no measured run
    full = [
        f
        for f in rows
        if f.memory_gb
        and "train" in f.task.lower()
        and "lora" not in f.task.lower()
        and f.basis != "arithmetic"
    ]
    gpu = facts.gpus[0]
    room = gpu.gpu_memory_gb
    if not full or min(f.memory_gb for f in full) <= room:
        return ""
    run = min(full, key=lambda f: f.memory_gb)
    states = size_floor_gb(spec.params_m * 1e6, True)
    if states >= run.memory_gb:
        # the measured run held less than full AdamW states (8-bit Adam, Adafactor, a frozen part): its peak cannot
        # be split into states and activations this way, so no sharded figure is made up from it
        return ""
    rest = run.memory_gb - states
    per_gpu = states / count + rest
    fits = per_gpu <= room
    verdict = "**Yes**, sharded" if fits else "**No**, even sharded"
    return (
        f"{verdict} with DeepSpeed ZeRO-3 or FSDP over {count} x {gpu.name} ({gb(room)} usable each): the measured "
        f"run ({run.setting}) peaks at {gb(run.memory_gb)} on one GPU, of which about {gb(states)} are weights, "
        f"gradients and AdamW states ({_params(spec)} x {load_assumptions().number('adamw_mixed_bytes_per_param'):g} "
        f"bytes) that split {count} ways, the rest (about "
        f"{gb(rest)}, activations) staying on each card: about **{gb(per_gpu)} per GPU**, "
        + ("within" if fits else "more than")
        + " the card (an estimate from the measured peak, not a measurement of the sharded run)."
    )


def _training_room(
    gpus: tuple[GPU, ...], count: int, stated_gb: float | None, params_m: float
) -> tuple[str, float] | None:
    """The memory a full training run of ``params_m`` million parameters is weighed against: one card, or the
    user's several cards sharded (DeepSpeed ZeRO-3 / FSDP split the states) when one card does not hold them."""
    room = _capacity(gpus, stated_gb)
    if room is None or count < 2 or size_floor_gb(params_m * 1e6, True) <= room[1]:
        return room
    name = gpus[0].name if gpus else f"{gb(room[1])} cards"
    return f"{count} x {name} sharded with DeepSpeed ZeRO-3 or FSDP ({gb(room[1] * count)} usable in all)", (
        room[1] * count
    )


def usable_capacity(gpus: tuple[GPU, ...], stated_gb: float | None) -> tuple[str, float] | None:
    """The user's memory to weigh a figure against: the first GPU named (its label and usable GB), else the memory
    stated, else None."""
    return _capacity(gpus, stated_gb)


def _apple_gpu_note(gpus: tuple[GPU, ...]) -> str:
    """How PyTorch code reaches a Mac's GPU, from the software table's PyTorch row: the MPS (Metal) backend, which
    scripts select by name, else they run on the CPU; "" unless every card asked about is an Apple chip."""
    if not gpus or any(g.software != "Metal" for g in gpus):
        return ""
    found = load_software().find("PyTorch")
    metal = next((p for p in found[0].platforms if p.stack == "Metal"), None) if found else None
    if metal is None:
        return ""
    return (
        f"On a Mac, PyTorch reaches the Apple GPU through {metal.note} — a script runs there only when it selects "
        'that device (`--device mps`, `device="mps"`), and on the CPU otherwise.'
    )


def _capacity(gpus: tuple[GPU, ...], stated_gb: float | None) -> tuple[str, float] | None:
    if gpus:
        return f"the {gpus[0].name} ({gb(gpus[0].gpu_memory_gb)} usable)", gpus[0].gpu_memory_gb
    if stated_gb:
        return f"{gb(stated_gb)} of GPU memory", stated_gb
    return None


def _lead(
    spec: WorkloadSpec,
    rows: list[WorkloadFact],
    gpus: tuple[GPU, ...],
    stated_gb: float | None,
    question: str = "",
    stand_in: bool = False,
) -> str:
    sized = [f for f in rows if f.memory_gb is not None]
    if gpus and all(g.software == "Metal" for g in gpus):
        # a Mac: bitsandbytes and fp8 weights need CUDA, so those settings are no way for it to fit
        sized = [f for f in sized if not f.needs_cuda] or sized
    capacity = _capacity(gpus, stated_gb)
    if capacity is None or not sized:
        if sized:
            low = _smallest(sized, question)
            return (
                f"**{spec.name}** ({spec.kind}): from about **{gb(low.memory_gb or 0.0)}** of GPU memory "
                f"({low.setting}; {_basis(low)})."
            )
        return f"**{spec.name}** ({spec.kind}): the measured times below are what is known."
    verdicts = []
    targets = [(f"the {g.name} ({gb(g.gpu_memory_gb)} usable)", g.gpu_memory_gb) for g in gpus[:3]] or [
        capacity
    ]
    names = [g.name for g in gpus[:3]] or [""]
    reported = reports_oom(question)
    pool = _task_pool(spec, sized) if reported else sized
    # cards weighed side by side are judged on one setting: the largest whole run the smallest of them holds, so an
    # fp32 row on the bigger card does not stand against a bf16 row on the other
    common = min(memory for _, memory in targets) if len(targets) > 1 else None
    for (label, memory), name in zip(targets, names, strict=True):
        ok = [f for f in sized if (f.memory_gb or 0.0) <= memory]
        shared = [
            f for f in ok if (f.memory_gb or 0.0) <= (common or 0.0) and not f.offload and not part_only(f)
        ]
        ok = shared or ok  # a whole run both hold, else each card's own best
        fits_pool = [f for f in pool if (f.memory_gb or 0.0) <= memory]
        tight = _offload_when_reported(fits_pool, memory, label, ok) if reported else None
        if tight is not None:
            verdicts.append(tight)
        elif ok:
            best = _largest_fit(ok)
            usual = None if _MINIMUM.search(question.lower()) else default_run(sized)
            if own := _own_code_short(sized, best, memory, question):
                verdicts.append(
                    f"**No**, not with its own code, on {label}: the least its own repository states, "
                    f"{own.setting}, needs about {gb(own.memory_gb or 0.0)} ({_basis(own)}). Another tool fits it: "
                    f"{best.setting} needs about {gb(best.memory_gb or 0.0)} ({_basis(best)})."
                )
                continue
            if (
                reported
                and not best.offload
                and (best.memory_gb or 0.0) >= load_assumptions().number("non_llm_oom_setting_share") * memory
                and (usual is None or (usual.memory_gb or 0.0) <= memory)
            ):
                # the setting on record nearly fills the card (and no larger default run explains the error), and
                # the user's own run already ran out of memory there: theirs is larger than that setting (more or
                # larger inputs, a higher resolution, a bigger batch), so it fits only once brought down to it. A
                # figure far under the card leaves the plain verdict: then the error points elsewhere.
                verdicts.append(
                    f"**Yes, with** lower settings, on {label}: {best.setting} needs about "
                    f"{gb(best.memory_gb or 0.0)} ({_basis(best)}), but your run already ran out of memory "
                    "there, so it is larger than that setting; bring it down to it (the levers below)."
                )
                continue
            if (
                not best.offload
                and usual is not None
                and (usual.memory_gb or 0.0) > memory
                and part_only(best)
                and not lean_inference(best)
            ):  # only part of the weights fits: the rest (text encoders, VAE) must wait off the GPU in turn
                verdicts.append(
                    f"**Yes**, but only with part of it off the GPU at a time (CPU offload of the parts not running, "
                    f"slower), on {label}: {best.setting} needs about {gb(best.memory_gb or 0.0)} ({_basis(best)}); "
                    f"the default run ({usual.setting}) needs about {gb(usual.memory_gb or 0.0)}."
                )
                continue
            if (  # the run a user who changed nothing makes does not fit, another real setting does
                not best.offload
                and usual is not None
                and (usual.memory_gb or 0.0) > memory
                and (
                    not part_only(best) or lean_inference(best)
                )  # fp8 weights are a recipe; weights alone not
            ):
                over = _default_run_over(sized, memory, question)
                if over is not None:
                    # a training run: the default run's figure leads (its No), then the recipe of its kind that fits
                    fit = _largest_fit(
                        [
                            f
                            for f in ok
                            if _task_kind(f) == _task_kind(over) and not f.offload and not part_only(f)
                        ]
                    )
                    if stand_in and over is usual:
                        # another model's default batch is no setting of the user's: that a small batch of it fits
                        # is what says their model trains there (at a batch their own run chooses)
                        verdicts.append(_small_batch_yes(label, over, fit))
                    else:
                        verdicts.append(_default_training_no(label, over, fit, over is usual))
                    continue
                verdicts.append(
                    f"**Yes**, but only with a setting other than the default, on {label}: {best.setting} needs "
                    f"about {gb(best.memory_gb or 0.0)} ({_basis(best)}); the default run ({usual.setting}) "
                    f"needs about {gb(usual.memory_gb or 0.0)}."
                )
                continue
            verdicts.append(
                f"**Yes**{', ' + _OFFLOADING if best.offload else ''} on {label}: {best.setting} needs about "
                f"{gb(best.memory_gb or 0.0)} ({_basis(best)}{_elsewhere(best, name)})."
            )
        else:
            low = min(sized, key=lambda f: f.memory_gb or 0.0)
            # a Mac's GPU memory is its system RAM: offloading to CPU RAM frees none of it
            apple = bool(gpus) and all(g.software == "Metal" for g in gpus)
            # a batch the user set is their setting: fewer images at once, not another model's cut, is the lever
            span = None if apple or (batch_said(question) or 1) > 1 else lever_reach(spec, low, memory)
            if span is not None:
                verdicts.append(
                    f"**Only with** memory savings, on {label}: the smallest setting on record, {low.setting}, "
                    f"needs about {gb(low.memory_gb or 0.0)} ({_basis(low)}), but the settings on record for "
                    f"{spec.kind} models span a wide range ({span.model} {span.task}: from "
                    f"{gb(span.high.memory_gb or 0.0)} down to {gb(span.low.memory_gb or 0.0)}), and a cut of "
                    f"that size would bring it within {gb(memory)}, slower. That it does is not measured; the "
                    "levers are below."
                )
                continue
            verdicts.append(
                f"**No**, not as listed, on {label}: the smallest setting on record, {low.setting}, needs about "
                f"{gb(low.memory_gb or 0.0)} ({_basis(low)})." + _smaller_batch_fits(spec, question, memory)
            )
    return " ".join(verdicts)


def _smaller_batch_fits(spec: WorkloadSpec, question: str, memory: float) -> str:
    """With a batch asked that does not fit, the largest smaller batch on record that does, as the way to run it
    (the images one call after another), else ''."""
    asked = batch_said(question) or 1
    stored = load_workloads().get(spec.name)
    smaller = [
        f
        for f in (stored.facts if stored else ())
        if (b := batch_of(f)) is not None
        and b < asked
        and f.memory_gb is not None
        and f.memory_gb <= memory
        and not f.offload
        and not lean_inference(f)
    ]
    if asked <= 1 or not smaller:
        return ""
    fit = max(smaller, key=lambda f: (batch_of(f) or 0, -(f.memory_gb or 0.0)))
    return (
        f" A smaller batch fits: {fit.setting} needs about {gb(fit.memory_gb or 0.0)} ({_basis(fit)}), so run the "
        f"{asked} images in calls of {batch_of(fit)}."
    )


def _small_batch_yes(label: str, usual: WorkloadFact, fit: WorkloadFact) -> str:
    """Yes at a small batch for a model judged by a stand-in whose default run overflows the card but whose smaller
    batch fits: the batch is the lever, the stand-in's default figure only what a full batch would take."""
    return (
        f"**Yes**, at a small batch, on {label}: {fit.setting} needs about **{gb(fit.memory_gb or 0.0)}** "
        f"({_basis(fit)}); lower the batch until it fits (its default run, {usual.setting}, needs about "
        f"{gb(usual.memory_gb or 0.0)})."
    )


def _default_training_no(label: str, usual: WorkloadFact, best: WorkloadFact, default: bool = True) -> str:
    """A training run whose default does not fit the card but a leaner recipe on record does: No at the defaults,
    with the default run's figure first (after an out-of-memory report, the nearest run above the card, which
    explains it) and the recipe that brings it within the card after."""
    which = "the default run" if default else "even a lean run"
    return (
        f"**No**, not at its defaults, on {label}: {which} ({usual.setting}) needs about "
        f"**{gb(usual.memory_gb or 0.0)}** ({_basis(usual)}). It fits only with a leaner recipe: {best.setting} needs "
        f"about {gb(best.memory_gb or 0.0)} ({_basis(best)})."
    )


def _default_run_over(sized: list[WorkloadFact], memory: float, question: str) -> WorkloadFact | None:
    """The default training run when it does not fit ``memory`` but another setting of the same kind of training does
    (the figure a No at the defaults leads with), else None; None too when a batch is said (the user's setting).
    After an out-of-memory report, the smallest setting of that kind above the card instead: the nearest run that
    does not fit is what explains the error (the default is far above it)."""
    usual = None if _MINIMUM.search(question.lower()) or batch_said(question) else default_run(sized)
    if usual is None or "train" not in usual.task.lower() or (usual.memory_gb or 0.0) <= memory:
        return None
    fits = [
        f
        for f in sized
        if (f.memory_gb or 0.0) <= memory
        and not f.offload
        and not part_only(f)
        and _task_kind(f) == _task_kind(usual)
    ]
    if not fits:
        return None
    if reports_oom(question):
        above = [
            f
            for f in sized
            if (f.memory_gb or 0.0) > memory and not f.offload and _task_kind(f) == _task_kind(usual)
        ]
        return min(above, key=lambda f: f.memory_gb or 0.0)
    return usual


# the model's own code asked about ("can this code run on…", "your repo", "the official scripts"), not any tool for it
_OWN_CODE = re.compile(
    r"\b(?:this|your|the official|its own|the original)\s+(?:code|repo\w*|implementation|scripts?|project)\b"
)
_REPOSITORY = re.compile(r"(?:github\.com|huggingface\.co)/([\w.-]+/[\w.-]+)")
_SITE = re.compile(r"https?://([^/\s]+)")


def _repository(source: str) -> str:
    """The repository (or site) a figure's source is in: 'tencent/hunyuanvideo' for its README."""
    m = _REPOSITORY.search(source) or _SITE.search(source)
    return m.group(1).lower() if m else source


def _own_code_short(
    sized: list[WorkloadFact], best: WorkloadFact, memory: float, question: str
) -> WorkloadFact | None:
    """When the model's own code is asked about and the setting that fits is another tool's (a fork's offloading or
    low-resolution recipe), the least the model's own repository states when that is more than ``memory``: its own
    code does not fit, whatever another tool does. None otherwise."""
    usual = default_run(sized)
    if usual is None or not _OWN_CODE.search(question.lower()):
        return None
    home = _repository(usual.source)
    own = [f for f in sized if _repository(f.source) == home]
    if best in own or not own:
        return None
    least = min(own, key=lambda f: f.memory_gb or 0.0)
    return least if (least.memory_gb or 0.0) > memory else None


def lever_reach(spec: WorkloadSpec, low: WorkloadFact, memory: float) -> LeverSpan | None:
    """The span of settings on record for models of the spec's kind when it would bring the smallest setting on
    record within ``memory``, else None. None too when that setting already offloads (the levers are spent), when
    no lever is on record for the kind, when the span is the spec's own (its lightest setting is that one), or when
    the row was scaled to a batch or input size the user set (a yes/no on those settings)."""
    if low.memory_gb is None or spec.research or _levers_spent(spec, low):
        return None
    training = "train" in low.task.lower()
    if unknown_levers(spec.kind, training) is None:
        return None
    stored = load_workloads().get(spec.name)
    if stored is not None and low not in stored.facts:
        return (
            None  # a row scaled to the batch or input size the user set: the verdict is on the settings asked
        )
    span = load_workloads().lever_span(spec.kind, training)
    if span is None or span.ratio <= 1 or span.low == low:
        return None
    return span if low.memory_gb / span.ratio <= memory else None


# a setting that already uses the memory levers (offloading, fewer-bit weights or optimizer, cached latents, a low-VRAM
# mode) or is said not to fit even so: nothing is left to cut, so a card below it gets a plain No
_LEVERS_SPENT = re.compile(
    r"block ?swap|\b(?:fp8|nf4|gguf|int8|int4|[48]-?bit)\b|quantiz|adafactor|precomputed|\bcach(?:e|ed|ing)\b"
    r"|--(?:low|med)vram|not doable|even with"
)


# a lever said as not used ("without quantization", "no offloading", "unquantized"): the lever is still there to use
_LEVER_NOT_USED = re.compile(
    r"\b(?:without|no|not|w/o)\s+(?:any\s+)?(?:quantiz\w*|offload\w*|cpu offload\w*|fp8|int8|gguf)|\bun-?quantiz\w*"
)
# 16-bit weights said of a setting: a smaller-bit copy of the weights (fp8, GGUF, NF4) is a lever it leaves unused
_SIXTEEN_BIT = re.compile(r"\b(?:fp16|bf16|float16|bfloat16|16-?bit)\b|--force-fp16")
_QUANTIZED = re.compile(r"\b(?:fp8|nf4|gguf|int8|int4|[48]-?bit|q[2-8]_\w+)\b|quantiz")
# kinds whose large transformers are commonly run from 8-bit or GGUF-quantized weights (ComfyUI-GGUF, fp8 checkpoints)
_QUANTIZED_KINDS = frozenset(["image generation", "video generation"])


def _levers_spent(spec: WorkloadSpec, low: WorkloadFact) -> bool:
    """Whether the smallest setting on record already uses the memory levers, so a card below it gets a plain No. An
    offloading (or low-VRAM) setting of an image or video generator that keeps 16-bit weights still leaves the
    quantized weights of that kind unused; a lever the setting says it goes without is no lever spent."""
    setting = _LEVER_NOT_USED.sub(" ", low.setting.lower())
    if _QUANTIZED.search(setting):
        return True
    if spec.kind in _QUANTIZED_KINDS and _SIXTEEN_BIT.search(setting):
        return bool(re.search(r"not doable|even with|block ?swap|precomputed|\bcach", setting))
    return low.offload or bool(_LEVERS_SPENT.search(setting))


# the lever verdict of _lead, restated as a plain finding when another setting on record fits the card
_LEVER_LEAD = re.compile(
    r"\*\*Only with\*\* memory savings, (on .*?), but the settings on record for .*?the levers are below\."
)


def lever_figures(facts: Facts) -> list[float]:
    """The figures :func:`lever_reach` prints (the span's two ends) and those :func:`_built_on_verdict` prints (what
    research tools on record add to their bases), for the number check."""
    out: list[float] = [added for _, _, added in load_workloads().base_additions()]
    for spec in facts.workloads[:1]:
        for training in (False, True):
            span = load_workloads().lever_span(spec.kind, training)
            if span is not None:
                out += [span.high.memory_gb or 0.0, span.low.memory_gb or 0.0]
    return out


def _task_pool(spec: WorkloadSpec, rows: list[WorkloadFact]) -> list[WorkloadFact]:
    """Every sized setting of the task the rows are about (training or inference): when the job already runs out
    of memory, the recipe the user named is not enough, so the other recipes on record are what to offer."""
    training = any("train" in f.task.lower() for f in rows)
    return [f for f in spec.facts if f.memory_gb is not None and ("train" in f.task.lower()) == training]


def _reported_row(
    spec: WorkloadSpec,
    rows: list[WorkloadFact],
    gpus: tuple[GPU, ...],
    stated_gb: float | None,
    question: str,
) -> WorkloadFact | None:
    """The offloading recipe an answer leads with when the user reports running out of memory on one card (see
    :func:`_offload_when_reported`), else None."""
    capacity = _capacity(gpus, stated_gb)
    sized = [f for f in rows if f.memory_gb is not None]
    if capacity is None or len(gpus) > 1 or not sized or not reports_oom(question):
        return None
    pool = [f for f in _task_pool(spec, sized) if (f.memory_gb or 0.0) <= capacity[1]]
    asked = [f for f in sized if (f.memory_gb or 0.0) <= capacity[1]]
    if _offload_when_reported(pool, capacity[1], asked=asked) is None:
        return None
    return _reported_offload(pool, capacity[1])


def _failed_default(
    spec: WorkloadSpec,
    rows: list[WorkloadFact],
    gpus: tuple[GPU, ...],
    stated_gb: float | None,
    question: str,
) -> WorkloadFact | None:
    """When the user ran out of memory on their card and an offloading recipe is the way through (see
    :func:`_reported_row`): the default run, when it needs more than the card, which is the run that failed; else
    None."""
    capacity = _capacity(gpus, stated_gb)
    if capacity is None or _reported_row(spec, rows, gpus, stated_gb, question) is None:
        return None
    usual = default_run([f for f in rows if f.memory_gb is not None])
    return usual if usual is not None and (usual.memory_gb or 0.0) > capacity[1] else None


def _reported_offload(fitting: list[WorkloadFact], memory: float) -> WorkloadFact:
    """The offloading recipe to offer when the job runs out of memory: the largest that fits the card, i.e. the
    one that offloads least (the smaller ones stream more from CPU RAM and run slower)."""
    offloading = [f for f in fitting if f.offload]
    return max(offloading, key=lambda f: f.memory_gb or 0.0)


def _elsewhere(fact: WorkloadFact, gpu_name: str) -> str:
    """Where a speed quoted in ``fact``'s setting was measured, when that is not the card the verdict is for: a
    time read beside the user's card is otherwise taken as that card's."""
    if not gpu_name or fact.rate is None or fact.hardware is None or fact.measured_on(gpu_name):
        return ""
    where = fact.hardware.split(" (")[0]  # "A100 80GB (form factor not stated)" is said as the card
    return f" on {article(where)} {where}, so its time is not the {gpu_name}'s"


def _largest_fit(fitting: list[WorkloadFact]) -> WorkloadFact:
    """The largest setting that fits, preferring one that keeps everything on the GPU: offloading to CPU RAM is
    much slower, so it leads only when nothing else fits."""
    direct = [f for f in fitting if not f.offload] or fitting
    return max(direct, key=lambda f: f.memory_gb or 0.0)


# the user reports the job already runs out of memory on their card
_OOM_REPORT = re.compile(
    r"out[- ]?of[- ]?memory|\boom(?:s|ed|ing)?\b|\bruns? out of\b|\bran out of\b|\bexceed\w*|\bconsum\w* (?:way |much )?more than"
    r"|\buses? (?:way |much )?more than|\bnot enough (?:v?ram|memory)\b"
    # "causes VRAM overflow", "the memory overflows", "overflowed my 24 GB"
    r"|\b(?:v?ram|memory) overflow\w*|\boverflow\w* (?:the |my )?(?:v?ram|memory|\d+\s*gb)\b"
    # "it fills the GPU memory", "fills up all my VRAM", "maxes out the 24 GB"
    r"|\b(?:fill(?:s|ed|ing)?|max(?:es|ed|ing)? out)\s+(?:up\s+)?(?:all\s+)?(?:of\s+)?(?:the\s+|my\s+)?(?:whole\s+)?"
    r"(?:gpu\s+|video\s+)?(?:v?ram|memory|\d+\s*gb)\b"
)


_OFFLOAD_WORD = re.compile(r"\boffload\w*|\blow ?vram\b|\bblock[- ]?swap\w*|\bblocks_to_swap\b")


def reports_oom(question: str) -> bool:
    """The job already runs out of memory on the user's card, and they do not say they offload already (offering
    what they tried would not help them)."""
    text = question.lower()
    return bool(_OOM_REPORT.search(text)) and not _OFFLOAD_WORD.search(text)


def _offload_when_reported(
    fitting: list[WorkloadFact], memory: float, label: str = "", asked: list[WorkloadFact] | None = None
) -> str | None:
    """It runs out of memory on the user's card although a setting on record fits. When a whole-job figure
    (measured or published) for the recipe the question points to (``asked``; every fitting one when None) keeps
    everything on the GPU and fits, the shortfall is elsewhere (batch, resolution) and the plain verdict stands:
    None. When that recipe's figure is weight arithmetic (the text encoders, VAE and activations come on top of
    it) or it does not fit, the way through is an offloading recipe: the lead says so, beside that recipe."""
    offloading = [f for f in fitting if f.offload]
    direct = [f for f in fitting if not f.offload]
    yours = [f for f in (asked if asked is not None else direct) if not f.offload]
    if not offloading or any(f.basis != "arithmetic" for f in yours):
        return None
    best = _reported_offload(fitting, memory)
    lead = (
        f"**Yes**, {_OFFLOADING}, on {label}: {best.setting} needs about {gb(best.memory_gb or 0.0)} "
        f"({_basis(best)})."
    )
    closest = yours or direct
    if closest:
        near = max(closest, key=lambda f: f.memory_gb or 0.0)
        lead += (
            f" Without offloading, the recipe closest to yours ({near.setting}) needs about "
            f"{gb(near.memory_gb or 0.0)} of the {gb(memory)} by itself; what comes on top of it (the parts it "
            "leaves out, and activations at your resolution and batch) is where it runs out."
        )
    return lead


_BATCH_SET = re.compile(r"\bbatch(?: size)?\s*(\d+)\b")


def _batch_over(rows: list[WorkloadFact], question: str) -> str | None:
    """The user runs (or asks about) a larger batch than every figure on record that names one: out of memory, the
    batch is the first thing to lower (memory grows with it), to the largest batch on record; asked, the figure is
    a floor for their batch, which needs more."""
    theirs = batch_said(question)
    if theirs is None:
        return None
    recorded = [
        int(m.group(1)) for f in rows if f.memory_gb is not None for m in [_BATCH_SET.search(f.setting)] if m
    ]
    if not recorded or theirs <= max(recorded):
        return None
    if not reports_oom(question) and not _TIGHT.search(question.lower()):
        # "how much VRAM for SDXL at batch 4?": the figure on record is a smaller batch's, so a floor for theirs
        return (
            f"The figure on record is for batch {max(recorded)}; your batch of {theirs} needs more (activation "
            "memory grows with the batch), by an amount not on record here: start from it and read the peak "
            "(`torch.cuda.max_memory_allocated()`), or run the batch in smaller chunks."
        )
    return (
        f"Your batch of {theirs} is larger than any on record here (batch {max(recorded)} at most): activation "
        f"memory grows with the batch, so lower it to {max(recorded)} (or 1, with gradient accumulation to keep the "
        "effective batch) before anything else."
    )


_MINIMUM = re.compile(r"\bleast\b|\bminim|\bmin\b|\blowest\b|\bsmallest\b|\bbare\b")


def _smallest(sized: list[WorkloadFact], question: str = "") -> WorkloadFact:
    """The figure a question that states no card leads with: the reference tool at its defaults when one is on
    record and the minimum is not asked (users run the defaults: leading with the leanest recipe understated
    them), else the smallest measured figure, else the smallest of any basis; settings that offload to CPU RAM
    (much slower) lead only when the question asks for the minimum or nothing else is on record."""
    if not _MINIMUM.search(question.lower()):
        return default_run(sized) or sized[0]
    measured = [f for f in sized if f.basis == "measured"]
    return min(measured or sized, key=lambda f: f.memory_gb or 0.0)


def _row(fact: WorkloadFact) -> list[str]:
    memory = gb(fact.memory_gb) if fact.memory_gb is not None else "—"
    if fact.hours is not None:
        on = f"{fact.gpus}x {fact.gpu}" if fact.gpu else f"{fact.gpus} GPU{'s' if fact.gpus != 1 else ''}"
        time = f"~{fact.hours:g} h on {on}"
    else:
        time = "—"
    where = f" ({fact.hardware})" if fact.hardware else ""
    return [fact.task, fact.setting + where, memory, time, _basis(fact)]


_BF16 = re.compile(r"\bbf16\b|\bbfloat16\b|\bbfloat\b")
_FP8 = re.compile(r"\bfp8\b|\bfloat8\b")


def _precision_notes(gpus: tuple[GPU, ...], question: str) -> list[str]:
    """A named GPU's missing bf16 or FP8, when the question brings either up (from the catalog's flags)."""
    text = question.lower()
    notes = []
    for gpu in gpus[:3]:
        if _BF16.search(text) and not gpu.bf16:
            notes.append(
                f"The {gpu.name} has no bf16 support: bf16 work falls back to slower paths or fails, so use fp16 "
                "with loss scaling on it."
            )
        if _FP8.search(text) and not gpu.fp8:
            notes.append(
                f"The {gpu.name} has no FP8 support: fp8 weights run only through slower conversions."
            )
    return notes


def _costs(costs) -> str:
    rows = []
    for c in costs:
        f = c.fact
        rows.append(
            [
                f"{f.gpus}x {f.gpu}, ~{f.hours:g} h",
                f"{c.gpu_hours:,.4g}",
                f"{money(c.cost_cheapest)} (at {money(c.per_gpu_hour_cheapest)})",
                f"{money(c.cost_median)} (at {money(c.per_gpu_hour_median)})",
            ]
        )
    return (
        "What re-running those measured jobs costs to rent (GPU-hours x on-demand $/GPU-hour from the offerings "
        "table, cheapest regular offer and median; storage, data transfer and failed runs not counted):\n\n"
        + markdown_table(("run", "GPU-hours", "cost, cheapest", "cost, median"), rows)
    )


# a GPU asked for by kind rather than by name: "what GPU?", "which card should I rent", "recommend hardware"
_CARD_ASKED = re.compile(
    r"\b(?:what|which|best|recommend\w*|suggest\w*)\b[^.?!]{0,30}?\b(?:gpus?|cards?|hardware|instances?)\b"
    # "what the GPU/VRAM requirements are" asks a figure, not a card
    r"(?![/\s]*(?:v-?ram\b|memory\b|requirements?\b|reqs?\b|needs?\b))"
)


def timed_run(spec: WorkloadSpec, question: str) -> WorkloadFact | None:
    """The training run asked about with a time measured on one catalog GPU (the first on record), else None."""
    catalog = load_catalog()
    timed = [
        f
        for f in _relevant(spec, question, True)
        if f.hours is not None and f.gpu is not None and (f.gpus or 1) == 1 and f.gpu in catalog.names
    ]
    return timed[0] if timed else None


def hours_on_card(run: WorkloadFact, gpu: GPU) -> float | None:
    """The measured run's hours carried to ``gpu`` by dense 16-bit TFLOPS (training is compute-bound): an estimate
    from that measurement, None when either card's figure is missing."""
    measured = load_catalog().by_name(run.gpu or "")
    if run.hours is None or not measured.training_tflops or not gpu.training_tflops:
        return None
    return run.hours * measured.training_tflops / gpu.training_tflops


def _deadline_lead(facts: Facts, question: str) -> str | None:
    """'Train it in under an hour, what GPU?': the cheapest rental whose time for the measured run, carried over by
    dense 16-bit TFLOPS, meets the time asked (the rentals the handler kept), or that none on offer does."""
    deadline = facts.understanding.details.deadline_hours
    run = timed_run(facts.workloads[0], question) if facts.workloads and deadline else None
    if run is None or deadline is None or facts.gpus:
        return None
    within = f"within {_clock_long(deadline * 3600)}"
    basis = (
        f"the measured run ({run.setting}: {run.hours:g} h on one {run.gpu}) carried over by dense FP16 TFLOPS, an "
        "estimate; your own run's time grows with its images x epochs (steps) and resolution"
    )
    if not facts.markets:
        return f"**None on record** finishes it {within} on one GPU by {basis}; several GPUs (data parallel) cut it."
    first = facts.markets[0]
    hours = hours_on_card(run, load_catalog().by_name(first.gpu)) or 0.0
    return (
        f"The **{first.gpu}** is the cheapest GPU to rent that should finish it {within}: about "
        f"{_clock_long(hours * 3600)} by {basis}. It costs about {money(first.cheapest[0].per_gpu_hour)}/hour."
    )


def _rental_lead(facts: Facts, question: str) -> str | None:
    """For a GPU asked for with none named ("I want to fine-tune flux, what GPU?"), the first sentence names the
    cheapest rental that holds the headline figure (the first row of the rentals table), else None; with a time asked
    for a training run on record, the cheapest that meets it (see :func:`_deadline_lead`)."""
    details = facts.understanding.details
    if not facts.gpus and (deadline := _deadline_lead(facts, question)):
        return deadline
    if not facts.markets or facts.gpus or details.wants_cost or not _CARD_ASKED.search(question.lower()):
        return None
    first = facts.markets[0]
    gpu = load_catalog().by_name(first.gpu)
    memory = f" ({gb(gpu.gpu_memory_gb)})" if gpu is not None else ""
    return (
        f"The **{first.gpu}**{memory} is the cheapest GPU to rent that holds the "
        f"{gb(facts.headline_memory_gb or 0.0)} below, at about {money(first.cheapest[0].per_gpu_hour)}/hour; "
        "any card with at least that much memory works."
    )


def _rentals(facts: Facts) -> str:
    need = facts.headline_memory_gb or 0.0
    rows = []
    for m, monthly in zip(facts.markets, facts.rental_monthly or (None,) * len(facts.markets), strict=True):
        q = m.cheapest[0]
        o = q.offering
        spot = m.cheapest_spot[0].per_gpu_hour if m.cheapest_spot else None
        rows.append(
            [
                m.gpu,
                f"{o.provider} `{o.instance_type}`",
                o.region or "not given",
                money(q.per_gpu_hour),
                money(monthly) if monthly is not None else "—",
                money(spot) if spot is not None else "no spot offer",
                o.as_of.isoformat(),
            ]
        )
    heading = (
        "The cheapest single-GPU offer of each GPU you named, from the offerings table"
        if facts.gpus
        else f"Cheapest single GPUs to rent with at least {gb(need)} usable (the figure above), from the offerings table"
    )
    return (
        f"{heading}. Spot capacity is cheaper but can be reclaimed at short notice; for bursty work, stopping the "
        "instance when idle is what keeps the bill down:\n\n"
        + markdown_table(
            (
                "GPU",
                "cheapest offer",
                "region",
                "on-demand $/hour",
                "a month around the clock",
                "spot $/hour",
                "as of",
            ),
            rows,
        )
    )


_SAID_BASED = re.compile(r"(?<![\w.])([\w.]+)[- ]based\b")  # from a word's start: linear on "1.1.1…"


def _built_on_base(spec: WorkloadSpec, question: str) -> bool:
    """The question says a tool is built on ``spec`` ("built on SDXL", "an SDXL-based tool"), not merely a word ending
    in "-based" ("Retrieval-based Voice Conversion" is RVC's own name)."""
    text = question.lower()
    if re.search(r"\b(?:built|based)\s+(?:on\s+top\s+of|on|upon)\b", text):
        return True
    labels = [label.lower() for label in (spec.name, *spec.aliases)]
    own = {t for label in labels for t in _TOKEN.findall(label)}
    return any(
        m.group(1) in own
        and not any(m.group(0).replace(" ", "-") in label.replace(" ", "-") for label in labels)
        for m in _SAID_BASED.finditer(text)
    )


def headline_memory_gb(
    spec: WorkloadSpec,
    question: str,
    gpus: tuple[GPU, ...],
    stated_gb: float | None = None,
    stand_in: bool = False,
) -> float | None:
    """The memory figure the answer leads with (see the module docstring for the rule); ``stand_in`` when ``spec``
    is another model's figures (its default batch is no No for the user's model)."""
    training = bool(TRAINING.search(question.lower())) or fitted_per_scene(spec, question)
    sized = [f for f in _relevant(spec, question, training) if f.memory_gb is not None]
    if (
        not sized
        and _full_training_floor_applies(spec, question, training)
        and spec.kind not in ("embeddings", "reranker")
    ):
        # no training figure on record: the answer's arithmetic (weights, gradients, AdamW states) is the figure,
        # or running it at its defaults when that takes more (training holds what a run holds, and more)
        return max(size_floor_gb(spec.params_m * 1e6, True), _run_floor_gb(spec) or 0.0)
    capacity = _capacity(gpus, stated_gb)
    if not sized:
        # a run asked, only training figures on record: the training bound the answer leads with, when it fits
        bound = _training_bound(spec, question, capacity)
        return bound.memory_gb if bound is not None else None
    if capacity is None:
        return _smallest(sized, question).memory_gb
    other = _fits_otherwise(spec, sized, training, gpus, stated_gb, question)
    if other is not None:
        return other.memory_gb
    fitting = [f for f in sized if (f.memory_gb or 0.0) <= capacity[1]]
    reported = _reported_row(spec, sized, gpus, stated_gb, question)
    if reported is not None:
        failed = _failed_default(spec, sized, gpus, stated_gb, question)
        return (failed or reported).memory_gb  # what the run that ran out needs, when the default is that run
    chosen = _largest_fit(fitting) if fitting else min(sized, key=lambda f: f.memory_gb or 0.0)
    if fitting and (own := _own_code_short(sized, chosen, capacity[1], question)):
        return own.memory_gb  # its own code asked about: what that needs leads, not another tool's recipe
    if training and not stand_in and (usual := _default_run_over(sized, capacity[1], question)):
        return usual.memory_gb  # No at the defaults: the default run's figure leads
    return chosen.memory_gb


_OFFLOADING = "but only with offloading to CPU RAM (slower: see the setting for how much)"


def _fits_otherwise(
    spec: WorkloadSpec,
    rows: list[WorkloadFact],
    training: bool,
    gpus: tuple[GPU, ...],
    stated_gb: float | None,
    question: str = "",
) -> WorkloadFact | None:
    """When no setting the question points to fits the memory stated, the largest other setting on record of the
    same task that does (another tool's fp8 or offloading recipe), else None. None too when the question sets a
    batch above one: that batch is the setting asked, and another on record (one image at a time) no answer to it."""
    capacity = _capacity(gpus, stated_gb)
    if capacity is None or len(gpus) > 1 or (batch_said(question) or 1) > 1:
        return None
    if any(f.memory_gb is not None and f.memory_gb <= capacity[1] for f in rows):
        return None
    kind = {_task_kind(f) for f in rows}
    others = [
        f
        for f in spec.facts
        if f not in rows
        and f.memory_gb is not None
        and f.memory_gb <= capacity[1]
        and ("train" in f.task.lower()) == training
        and (not kind or _task_kind(f) in kind)
        and not part_only(f)  # weights alone are a floor, not a setting one can run
    ]
    return max(others, key=lambda f: f.memory_gb or 0.0) if others else None


def _task_kind(fact: WorkloadFact) -> str:
    """'LoRA training' and 'DreamBooth LoRA training' are one kind of job; full fine-tuning is another."""
    task = fact.task.lower()
    return "lora" if "lora" in task else "full" if "full" in task else task


_SLOW = re.compile(
    r"\bslow|\bcrawl|\bsluggish|\bculprit\b|\breason\b|\bblame\b|\bcause|\bwhy\b|\btaking\b|\btakes?\b.{0,20}\blong|\bspeed|\bfaster\b"
)


# a process ended by the operating system ("Killed", "got killed after 30 steps"), with no CUDA out-of-memory error
_KILLED = re.compile(r"\bkilled\b")
_CUDA_OOM = re.compile(r"cuda out of memory|cuda error|outofmemoryerror|torch\.cuda|cublas|cudnn")


def killed_by_the_system(question: str) -> str | None:
    """A run that was "Killed" with no CUDA error: the operating system ended it for running out of system RAM (the
    Linux out-of-memory killer), which no GPU memory figure answers; what fills host RAM and what gets it through."""
    text = question.lower()
    if not _KILLED.search(text) or _CUDA_OOM.search(text):
        return None
    return (
        '"Killed" with no CUDA error is the operating system ending the process for running out of **system RAM** '
        "(the Linux out-of-memory killer; `dmesg` shows it), not GPU memory: loading the checkpoints (often in fp32 "
        "in RAM before they move to the GPU) and, for video, decoding all the frames at once can need more host "
        "memory than the machine has (a free Colab has little). More RAM or swap, fewer frames, or fp8 / "
        "quantized weights (smaller files to load) get it through; the GPU figures follow."
    )


def host_ram_note(question: str, gpus: tuple[GPU, ...] = ()) -> str:
    """How much system RAM a load takes, the RAM said to be too little, or whether swap helps: what a load holds in
    RAM and what gets it through, before the GPU figures; "" when system RAM is not asked about (nor when the RAM
    said is the card's: "my 3060 with 12GB RAM", with no VRAM said apart)."""
    if not asks_host_ram(question) or _ram_is_the_cards(question, gpus):
        return ""
    return (
        "**System RAM:** while a model loads, its checkpoint files are read into system RAM before they move to the "
        "GPU (all at once unless they are memory-mapped safetensors; older code also upcasts them to fp32), and "
        "whatever is offloaded to the CPU (a text encoder, CPU offload, block swap) stays there. So RAM needs at "
        "least the files being loaded plus what the operating system and open apps hold. **Swap helps:** more swap "
        "space (on Windows a larger page file / virtual memory) gets a load that runs out of RAM through, slowly; "
        "fp8 or quantized checkpoints (smaller files), loading the text encoder on its own and closing other apps "
        "lower it. The GPU figures follow."
    )


_RAM_FIGURE = re.compile(r"(\d+(?:\.\d+)?)\s*(?:gb|gib|g)?\s*(?:of\s+)?ram\b")
_VRAM_APART = re.compile(
    r"\bvram\b|\b(?:gpu|video|graphics) memory\b|\bsystem (?:ram|memory)\b|\bswap\b|\bpage ?file\b"
)


def _ram_is_the_cards(question: str, gpus: tuple[GPU, ...]) -> bool:
    """'Is my 3060 with 12GB RAM enough?': a RAM figure equal to the named card's memory, with neither VRAM nor
    system RAM said apart, is the card's memory."""
    text = question.lower()
    if _VRAM_APART.search(text):
        return False
    said = {float(m.group(1)) for m in _RAM_FIGURE.finditer(text)}
    return any(g.memory_gb in said for g in gpus)


def engine_reservation(question: str) -> str:
    """A model served by a batching server (Whisper on vLLM or TensorRT-LLM) that "takes 20 GB": the server
    reserves a share of the card for its KV cache at start-up, so the memory in use is no measure of the model's
    need; "" when no such server is named or no memory in use is asked about."""
    if not any(e in BATCHING_ENGINES for e in engines_named(question)) or not asks_engine_memory(question):
        return ""
    t = question.lower()
    verdict = (
        "**No**, nothing is wrong. "
        if ASKS_IF_WRONG.search(t)
        else "**Yes**. "
        if ASKS_IF_NORMAL.search(t)
        else ""
    )
    return verdict + reservation_explained(question)


def _cause_lead(gpus: tuple[GPU, ...], question: str) -> str | None:
    """'Is the missing bf16 the reason it is slow?' on a GPU without it: yes, from the catalog's flag."""
    text = question.lower()
    if not (_BF16.search(text) and _SLOW.search(text)):
        return None
    lacking = [g for g in gpus[:3] if not g.bf16]
    if not lacking:
        return None
    names = " and ".join(f"the {g.name}" for g in lacking)
    return (
        f"**Yes**, that is the likely cause: {names} has no bf16 support, so bf16 work (and the compiled or "
        "fused kernels built for it) falls back to slower paths. Run in fp16 with loss scaling on it, or use a "
        "GPU with bf16 (Ampere or newer) for this recipe."
    )


_INTEGRATED = re.compile(
    r"\bintel\s+(?:hd|uhd|iris)\b|\biris\s+xe\b|\bintegrated\s+(?:gpu|graphics)\b|\bigpu\b"
    r"|\bradeon\s+(?:vega|graphics|\d{3}m)\b|\bvega\s+\d+\b"
)


def _integrated_note(question: str) -> list[str]:
    """A note when the question's GPU is an integrated one (not in the catalog: it has no memory of its own)."""
    if not _INTEGRATED.search(question.lower()):
        return []
    return [
        "That is an integrated GPU: it has no memory of its own (it borrows system RAM) and a small fraction of "
        "the compute and memory bandwidth of a discrete card, so jobs that take minutes on a discrete NVIDIA GPU "
        "can take hours on it. A discrete GPU with at least the memory below is what makes this fast."
    ]


_TIGHT = re.compile(
    r"out[- ]of[- ]memory|\boom(?:s|ed|ing)?\b|not enough (?:v?ram|memory)|reduce (?:the )?(?:v?ram|memory)|less (?:v?ram|memory)"
    r"|less than \d+ ?gb|low[- ]?vram|\bvram (?:usage|requirement)"
    # "OutOfMemoryError", "why does it consume so much memory", "high VRAM usage", "lower the memory"
    r"|outofmemory|(?:so|too|that) much (?:v?ram|gpu memory|memory)|\b(?:gpu |v?ram |high )?memory (?:usage|consumption)\b"
    r"|\blower (?:the |my )?(?:v?ram|memory)"
    # "it crashes with a batch size of 3200", "batch 64 crashes": a batch too large for the card
    r"|\bcrash\w*(?:[^.?!]|\.(?=\S)){0,60}\bbatch|\bbatch(?:[^.?!]|\.(?=\S)){0,60}\bcrash"
)
_LEVERS = {
    "training": "gradient checkpointing, a smaller batch size (batch 1 with gradient accumulation), 8-bit Adam, "
    "training the U-Net or transformer only (the text encoders frozen), caching latents and the text encoder "
    "outputs, and for the largest models fp8 base weights or block swap (offloading transformer blocks to CPU RAM)",
    "image generation": "fp16 (half precision) weights, attention slicing or xformers, a lower resolution, "
    "8-bit or 4-bit weights (fp8, NF4, GGUF) for the transformer and text encoder of the largest models, VAE "
    "tiling, and CPU offload (model or sequential: slower, but the least memory)",
    "video generation": "fp16, 8-bit or GGUF-quantized weights for the transformer and the text encoder (fp8, "
    "GGUF Q8 / Q4 in ComfyUI; int8 in diffusers), CPU offload (model or sequential, or block swap), fewer frames or "
    "a lower resolution, and VAE tiling (decoding frames in chunks)",
    "image animation": "fp16, a smaller batch of frames rendered at once (the tool's batch size option), a shorter "
    "driving video or audio, a lower output resolution, and leaving face enhancers or frame interpolation off",
    "speech recognition": "faster-whisper (CTranslate2) with int8 or float16 compute, a smaller model, or "
    "whisper.cpp",
    "vision training": "a smaller batch size first (memory grows with it), a smaller input size (imgsz), a smaller "
    "model variant (n or s rather than m, l or x; ViT-B rather than ViT-H), mixed precision (AMP), and gradient "
    "checkpointing",
    "speech synthesis": "the smaller model versions where there are some (Bark's SUNO_USE_SMALL_MODELS), fp16, "
    "shorter texts per generation, and parts moved to the CPU",
    "audio generation": "a smaller model size (small or medium rather than large), fp16, shorter clips and batch "
    "size 1",
    "3D generation": "a lower rendering or texture resolution, the shape stage alone (texturing is the larger "
    "part where it is a separate model), fp16, fewer sampling steps and CPU offload",
    # fine-tuning a sentence encoder or cross-encoder: activations grow with batch x sequence length
    "embeddings training": "a shorter max_seq_length (activation memory grows with the sequence length, "
    "quadratically in attention without FlashAttention), a smaller batch — or CachedMultipleNegativesRankingLoss "
    "(GradCache), which keeps a large in-batch-negatives batch by computing it in small chunks — fp16/bf16 mixed "
    "precision (use_amp), and gradient checkpointing",
}
_LEVERS["reranker training"] = _LEVERS["embeddings training"]
# training a TTS model (VITS, F5-TTS, XTTS): audio frames per batch set the activations
_LEVERS["speech synthesis training"] = (
    "activation (gradient) checkpointing, a smaller batch per GPU (fewer frames or seconds of audio per batch; keep "
    "the total with gradient accumulation), fp16/bf16 mixed precision, and leaving out the longest clips (the "
    "longest utterance in a batch sets its peak)"
)
# running a detector, segmenter or depth model (not training it): the input and what is held at once decide it
_LEVERS["vision inference"] = (
    "a smaller input size (the tool's input-size, imgsz or max-resolution option; memory grows with the pixels), a "
    "smaller model variant (small or base rather than large), fp16, one image at a time, and for video fewer frames "
    "held at once (shorter clips, or frames and per-frame state offloaded to the CPU, as SAM 2's "
    "offload_video_to_cpu / offload_state_to_cpu do)"
)
# upscalers and face restorers: the whole image is processed at once unless it is cut into tiles
_LEVERS["image restoration"] = (
    "processing the image in tiles (Real-ESRGAN's --tile 512, 256 or smaller; its default 0 runs the whole image "
    "at once), a smaller input or output scale (--outscale 2 rather than 4), half precision, and one image at a time"
)
# 3D Gaussian splatting and NeRF-style training: the scene's images and the number of Gaussians fill the card
_LEVERS["3D generation training"] = (
    "keeping the training images in system RAM instead of on the GPU (--data_device cpu in the 3D Gaussian "
    "Splatting reference code), lower-resolution images (its -r 2 or -r 4), fewer Gaussians (densify less: a "
    "higher densification gradient threshold or an earlier stop to densification), and fewer or smaller input "
    "images"
)
# fine-tuning Whisper-style encoder-decoders: no latents, text encoders or block swap
_LEVERS["speech recognition training"] = (
    "LoRA adapters (PEFT) on the model loaded in 8-bit instead of a full fine-tune, a smaller per-device batch with "
    "gradient accumulation, gradient checkpointing, fp16 mixed precision, 8-bit Adam, and a smaller checkpoint "
    "(medium or small rather than large)"
)


def _memory_levers(
    spec: WorkloadSpec,
    rows: list[WorkloadFact],
    training: bool,
    question: str,
    gpus: tuple[GPU, ...],
    stated_gb: float | None,
    headline_gb: float | None = None,
) -> list[str]:
    """What cuts memory for this kind of job, when memory is tight: the question reports running out, the
    memory stated holds none of the settings on record, or the figure the answer leads with only just fits it
    (less free than the tight-fit share: activations, the desktop or a longer job then tip it over). Technique
    names only; the figures are in the table."""
    capacity = _capacity(gpus, stated_gb)
    sized = [f.memory_gb for f in rows if f.memory_gb is not None]
    short = capacity is not None and bool(sized) and min(sized) > capacity[1]
    share = load_assumptions().number("local_tight_fit_share")
    just_fits = (
        capacity is not None
        and headline_gb is not None
        and (1 - share) * capacity[1] < headline_gb <= capacity[1]
    )
    if not (_TIGHT.search(question.lower()) or short or just_fits):
        return []
    if spec.kind == "vision training":
        # detectors and classifiers: no latents, text encoders or block swap; run (not trained): the input decides
        text = question.lower()
        running = not TRAINING.search(text) and bool(
            _INFERENCE_ASKED.search(text) or _VIDEO_FRAMES.search(text)
        )
        levers = _LEVERS["vision inference" if running else spec.kind]
    else:
        levers = (
            _LEVERS.get(f"{spec.kind} training", _LEVERS["training"]) if training else _LEVERS.get(spec.kind)
        )
    if levers is None:
        return []
    return [f"When memory is tight, what lowers it (each trades some speed): {levers}."]


# a video run through a vision model ("SAM2 on a 4-minute video", "frames"): inference on frames, not training
_VIDEO_FRAMES = re.compile(r"\bvideos?\b|\bframes?\b|\bclips?\b")


# the user finds their own run far slower than it should be: "takes forever", "15000 hours", "600 days", "s/it"
_SLOW_RUN = re.compile(
    r"\bslow\w*|\bforever\b|\bages\b|\bcrawl\w*"
    # a number read from its first digit (a search from every digit of "1.1.1…" would take quadratic time)
    r"|(?<![\d,.])\d[\d,.]*\s*(?:hours?|hrs?|days?|weeks?)\b.{0,40}\b(?:train|generat|render|mak|creat|produc|upscal)"
    r"|\b(?:train|generat|render|mak|creat|produc|upscal)\w*\b.{0,60}(?<![\d,.])\d[\d,.]*\s*(?:hours?|hrs?|days?|weeks?)\b"
    r"|\bs/it\b"
)


# a speed wished for, not a slowdown seen: "a card that runs it without waiting forever", "not too slow", "I don't want
# it to take ages"
_SLOW_WISHED = re.compile(
    r"\bwithout (?:\w+ )?(?:waiting|taking|being) (?:\w+ )?(?:forever|ages|slow\w*)"
    r"|\b(?:not|don'?t|never)(?: want(?: it)? to)? (?:wait|take|be|run) (?:\w+ )?(?:forever|ages|slow\w*)"
    r"|\bnot (?:too |so |painfully )?slow\w*"
)


# "is this normal?", "is that expected?", "normal?": whether the user's own (many-fold slower) time is to be expected
_ASKS_IF_NORMAL = re.compile(
    r"\bis (?:this|that|it)(?: \w+)? (?:normal|expected|reasonable|typical|right|ok|okay)\b"
    r"|\b(?:normal|expected|reasonable|typical)\s*\?"
)
_NOT_NORMAL = "**No**, that is not normal."
# a base model's figure that takes over half the card: no plain Yes for a tool built on it
_FLOOR_NO_YES = "I can't give a plain yes:"


def _built_on_verdict(spec: WorkloadSpec, floor: float, capacity: tuple[str, float], lead: str) -> str:
    """A yes/no about a tool built on ``spec`` whose figure (``floor``) takes over half the card: what the research
    tools on record added to their own bases decides (see Workloads.base_additions): No when even the least of it
    overflows the card, "No, probably not" when their median does, else no plain yes (the base alone fits)."""
    where, room = capacity
    added = load_workloads().base_additions()
    by_base = (
        f"{spec.name}'s own figure ({gb(floor)}) is only a floor for a tool built on it, and it already takes over "
        f"half of {where}"
    )
    if not added:
        return (
            f"{_FLOOR_NO_YES} {by_base}; the tool's own networks, frames or resolution come on top. "
            + lead.replace("**Yes**", "By the base model alone, yes", 1)
        )
    least, most = added[0][2], added[-1][2]
    middle = added[len(added) // 2][2]
    evidence = (
        f"the {len(added)} research tools on record built on a model on record need {gb(least)} to {gb(most)} more "
        f"than their base at their defaults (median {gb(middle)} more, e.g. {added[len(added) // 2][0]} on "
        f"{added[len(added) // 2][1]})"
    )
    savings = "only memory savings (CPU offload, fp8 or quantized weights, a lower resolution) might bring it within"
    if floor + least > room:
        return f"**No**, not at its defaults: {by_base}, and {evidence}; {savings} {where}."
    if floor + middle > room:
        return (
            f"**No**, probably not at its defaults: {by_base}, and {evidence}, about {gb(floor + middle)} in all; "
            f"{savings} {where}."
        )
    return f"**Yes**, probably: {by_base}, and {evidence}, about {gb(floor + middle)} in all."


# generators whose memory levers are quantized weights, text encoders and latents (image, video, animation)
_DIFFUSION_KINDS = frozenset(["", "image generation", "video generation", "image animation"])
# a CPU or a Mac has no VRAM to spill out of
_NOT_A_CARD = re.compile(
    r"\bcpus?\b|\bmacs?\b|\bmacbook\w*|\bapple\b|\bmps\b|\bm[1-4](?: pro| max| ultra)?\b"
)


def _spill_note(question: str, judged: str | None, kind: str = "") -> str | None:
    """A run the user finds far slower than it should be, on their own card: the usual cause, memory spilling into
    shared system RAM, and what brings it back within the card (unless a measured speed already judged it)."""
    text = question.lower()
    if (
        judged
        or not _SLOW_RUN.search(_SLOW_WISHED.sub(" ", without_use(text)))
        or _NOT_A_CARD.search(text)
        or _INTEGRATED.search(text)
    ):
        return None
    training = bool(TRAINING.search(text))
    if kind in _DIFFUSION_KINDS:
        levers = (
            "a smaller batch or resolution, gradient checkpointing, an 8-bit optimizer, cached latents, fewer trained "
            "parts"
            if training
            else "8-bit or 4-bit weights (fp8, NF4, GGUF), a smaller resolution or batch, the text encoders offloaded"
        )
    else:  # a detector, splatting, speech or audio job: no text encoders or latents to shed
        levers = "a smaller batch, input size or resolution, a smaller model variant, fp16"
    # "5 hours for a 5-second clip, is this normal?": the answer to that comes first, then the cause
    verdict = f"{_NOT_NORMAL} " if _ASKS_IF_NORMAL.search(text) else ""
    return verdict + (
        "A many-fold slowdown like that usually means the job needs more memory than the card has: the NVIDIA "
        "driver then spills into shared system RAM (on Windows, the 'sysmem fallback'), which is many times slower "
        f"than VRAM, and the time balloons. Bring it back within the card's memory ({levers}) and watch 'shared "
        "GPU memory' in Task Manager stay near zero; on Windows the driver's CUDA sysmem fallback policy can be set "
        "to 'prefer no sysmem fallback' so it fails fast instead."
    )


_DURATION = re.compile(
    r"(\d+(?:\.\d+)?)\s*(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h)\b(?!\s*(?:of\s+)?(?:audio|video|clip|file|"
    r"recording|speech|lecture|podcast|mp3|wav|long))"
)
_UNIT_S = {"s": 1, "m": 60, "h": 3600}
_COMPARES = re.compile(r"\bfaster\b|\bslower\b|\bspeed[- ]?ups?\b")


def _stated_ratio(question: str) -> str | None:
    """Two processing times in the question and a speed comparison asked: their ratio, by explicit arithmetic
    (lengths of the audio or video itself are not processing times and are left out)."""
    text = question.lower()
    if not _COMPARES.search(text):
        return None
    times = [float(v) * _UNIT_S[u[0]] for v, u in _DURATION.findall(text)]
    if len(times) != 2 or min(times) <= 0:
        return None
    slow, fast = max(times), min(times)
    if slow == fast:  # one time said twice ("15000 hours ... almost 15000 hours"): nothing to compare
        return None
    return (
        f"By your own timings that is **{slow / fast:.2f}x**: {slow:g} s / {fast:g} s. Published speed-ups are "
        "measured on other hardware, audio and settings, so they seldom carry over exactly."
    )


_VIDEO = re.compile(
    r"\bvideos?\b|\bframes\b|\bvid2vid\b|\bimg2vid\b|\btext[- ]to[- ]video\b|\banimate[- ]?diff\w*"
)


def _video_floor_note(spec: WorkloadSpec, workloads: tuple[WorkloadSpec, ...], question: str) -> list[str]:
    """A video tool built on an image model that has no figures of its own: the image figures are a floor."""
    if spec.kind != "image generation" or not _VIDEO.search(question.lower()):
        return []
    if any(w.kind == "video generation" for w in workloads):
        return []
    return [
        f"These are {spec.name}'s image figures: a video method built on it denoises many frames at once (like a "
        "large image batch), so it needs well more than this, and I have no sourced figure for that tool itself."
    ]


_SECOND_GPU = re.compile(
    r"\b(?:add|adding|buy|get|install|put in|slot in|plug in)\b.{0,30}\b(?:second|another|one more|extra|2nd)\b"
    r"|\b(?:second|another|one more|extra|2nd)\s+(?:\w+\s+){0,2}(?:gpu|card|\d{4}\s*(?:ti|super)?)\b"
    r"|\bmulti[- ]?gpu\b|\b(?:two|2|dual)\s*(?:x\s*)?(?:gpus|cards)\b"
)
_GAIN = re.compile(
    r"\bfaster\b|\bspeed|\bfps\b|\bframes per second\b|\bincrease\b|\bquicker\b|\bthroughput\b|\bboost"
    r"|\bdouble\b|\bgo(?:es)? up\b|\bhelp\b.{0,20}\b(?:render|generat|transcri)"
)


# several cards asked of as a way around running out of memory in training: "how to do parallel training with two
# GPUs?", "can I spread it over 2 cards", "multi-gpu to fix the OOM"
_SEVERAL_CARDS = re.compile(
    r"\bparallel training\b|\btrain\w*\s+(?:\w+\s+){0,3}(?:in parallel|on (?:two|2|both|multiple|several) (?:gpus|cards))"
    r"|\b(?:split|spread|shard|distribut)\w*\b[^.?!]{0,30}\b(?:across|over|between|on)\s+(?:two|2|both|multiple|several)\b"
    r"|\b(?:using|use|with)\s+(?:two|2|both|multiple|several)\s+(?:gpus|cards)\b"
    r"|\bmulti[- ]?gpu\b"
)


def _pooled_training_note(question: str) -> str | None:
    """Two or more cards asked of as a way around a training run's out-of-memory: data parallelism (what a research
    repository's train.py offers, if anything) copies the whole job onto each card, so it speeds the run but does
    not pool the cards' memory; only splitting the model (or scene) across them does."""
    text = question.lower()
    if not _SEVERAL_CARDS.search(text) or not (reports_oom(text) or _ASKS_MEMORY.search(text)):
        return None
    return (
        "A second card does not add its memory to one training run here: data-parallel training (DDP, what most "
        "training scripts offer) puts a full copy of the job on each card, so each still needs what one run needs; "
        "it makes training faster, not smaller. Only code that splits the model (or the scene) itself across the "
        "cards pools their memory, and few research repositories ship that; lowering the run's memory (below) is "
        "the way through."
    )


def _second_gpu_lead(gpus: tuple[GPU, ...], details, question: str) -> str | None:
    """'Will adding a second card make it faster?' for image, video or speech inference: not one job. These
    pipelines run a job on one GPU; a second card adds a second job running at the same time."""
    text = question.lower()
    if not (_SECOND_GPU.search(text) or (details.gpu_count or 1) >= 2) or not _GAIN.search(text):
        return None
    card = f"another {gpus[0].name}" if gpus else "a second GPU"
    return (
        f"**No**, not for a single job: image, video and speech tools run one generation or transcription job "
        f"on one GPU, so {card} does not make that job faster unless the tool itself splits one job across GPUs "
        "(a few large video models ship such multi-GPU inference; check the tool's docs). It adds throughput by "
        "running a second job (another video, batch of images or audio file) on the other card at the same time, "
        "where the tool lets you pick the GPU per run."
    )


def _speed_sentence(gpus: tuple[GPU, ...], question: str) -> str | None:
    """Two named GPUs and their speed compared ('why is the P100 slower than the T4?'): the catalog's tensor-core
    flags, which decide fp16 diffusion and mixed-precision speed more than memory or bandwidth do."""
    if len(gpus) < 2 or not (_COMPARES.search(question.lower()) or _SLOW.search(question.lower())):
        return None
    sentence = matrix_units_sentence(gpus[:3]).strip()
    return sentence or None


# diffusion denoising and training run matrix maths flat out: their speed follows 16-bit tensor compute
_COMPUTE_BOUND = frozenset(["image generation", "video generation", "image animation", "vision training"])
_ASKS_SPEED = re.compile(
    r"\bfaster\b|\bslower\b|\bquicker\b|\bspeed\w*|\bhow much (?:better|quicker)\b|\bperformance\b"
    r"|\bworth (?:it|the|upgrading)\b|\bupgrade\b|\bit/s\b|\bs/it\b"
    r"|\bbetter\b|\bwhich (?:one|card|gpu|is)\b|\bvs\.?\b|\bversus\b"
)


_HOW_MUCH_FASTER = re.compile(
    r"\bhow (?:much|many times) (?:faster|quicker|slower|better)\b|\bhow (?:much|big) (?:of )?(?:a |an )?"
    r"(?:speed[- ]?up|difference|gain|improvement)\b|\bspeed[- ]?up\b"
)


def _compute_ratio_lead(gpus: tuple[GPU, ...], question: str) -> str | None:
    """'How much faster is a 4090 than a 3090 for SDXL?': compute-bound work scales with dense 16-bit tensor
    TFLOPS (FP32 accumulate, what fp16/bf16 PyTorch uses), so the catalog's ratio is the estimate, said as such."""
    if len(gpus) < 2 or not _ASKS_SPEED.search(question.lower()):
        return None
    known = [g for g in gpus[:3] if g.tensor_cores and g.training_tflops]
    if len(known) < 2:
        return None
    ranked = sorted(known, key=lambda g: g.training_tflops or 0.0, reverse=True)
    fast, slow = ranked[0], ranked[-1]  # two different cards even when their figures tie
    ratio = (fast.training_tflops or 0.0) / (slow.training_tflops or 1.0)
    return (
        f"The **{fast.name}** should be about **{ratio:.1f}x** as fast as the {slow.name} for this: it is "
        f"compute-bound work, and the {fast.name} has {fast.training_tflops:,.1f} dense FP16 tensor TFLOPS (FP32 "
        f"accumulate) against {slow.training_tflops:,.1f} ({fast.training_tflops:,.1f} / {slow.training_tflops:,.1f}). "
        "That is a ratio of the spec sheets, not a measurement: real speed-ups land somewhat below it where the "
        "VAE, memory bandwidth or the software hold things back."
        + _caveat_sentence(bandwidth_caveat(fast, slow))
    )


def _caveat_sentence(clause: str) -> str:
    return f" Here {clause}." if clause else ""


def _monthly_lead(facts: Facts, training: bool) -> str | None:
    """The cost asked, first: the cheapest GPU that holds the figure, per hour and kept running for a month
    (for training with no measured time to price, the hourly rate the hours multiply)."""
    if not facts.rental_monthly:
        return None
    m, monthly = facts.markets[0], facts.rental_monthly[0]
    hourly = m.cheapest[0].per_gpu_hour
    if training:
        return (
            f"The cheapest GPU on record that holds it ({gb(facts.headline_memory_gb or 0.0)}) rents from "
            f"**{money(hourly)}/hour** ({m.gpu}); I have no measured training time for this job, so the total is "
            "that rate times the hours your run takes, which I won't guess."
        )
    offer = m.cheapest[0].offering
    where = f"{offer.provider} `{offer.instance_type}`"
    if facts.gpus:
        return (
            f"About **{money(monthly)} a month** kept running around the clock on one {m.gpu} ({where}, the "
            f"cheapest on-demand offer at {money(hourly)}/hour); stopping it when idle is what brings that down."
        )
    return (
        f"About **{money(monthly)} a month** kept running around the clock on the cheapest GPU that holds it, the "
        f"{m.gpu} ({where}) at {money(hourly)}/hour on demand; stopping it when idle is what brings that down."
    )


# a time inside a setting's text: "2m23s", "16 s", "59s", "1.5 hours", "1.16 s/it", "2,470 images/s"
_TIME_IN_SETTING = re.compile(
    # (not a model's size letter: "YOLOv8s", "v5s" name a model, not 8 seconds)
    r"(?<![a-z\d.])(?:\d+m\d+s\b|\d+(?:\.\d+)?\s*(?:s|secs?|seconds?|min|minutes?|h|hours?)\b)|s/it\b|\bit/s\b|"
    r"images/s\b",
    re.IGNORECASE,
)


def _time_lead(spec: WorkloadSpec, rows: list[WorkloadFact], facts: Facts) -> str | None:
    """'How long does it take?': the time on record leads, before any memory verdict. A run with measured hours
    gives them (on the named GPU when one was measured there); else the settings whose text states a time."""
    named = {g.name for g in facts.gpus}
    hours = [f for f in rows if f.hours is not None]
    scaled = facts.scaled_run
    if scaled is not None and scaled.one in rows:
        gpu = scaled.one.gpu or facts.gpus[0].name
        text = (
            f"About **{scaled.linear_hours:.1f} h** on {scaled.count}x {gpu} if it scaled perfectly: the measured "
            f"{scaled.one.hours:g} h on one ({scaled.one.setting}; {_basis(scaled.one)}) / {scaled.count}."
        )
        if scaled.many is not None and scaled.efficiency is not None and scaled.hours is not None:
            how = (
                f"{scaled.many.rate:,.0f} / ({scaled.many.gpus} x {scaled.one.rate:,.0f}) {scaled.one.rate_unit}/s"
                if scaled.one.rate and scaled.many.rate
                else f"{scaled.one.hours:g} h / {scaled.many.hours:g} h / {scaled.many.gpus}"
            )
            text += (
                f" The measured {scaled.many.gpus}-GPU run reached {scaled.efficiency * 100:.0f}% of perfect scaling "
                f"({how}); at that, about **{scaled.hours:.1f} h**."
            )
        return text
    if hours:
        count = facts.understanding.details.gpu_count
        on_named = [f for f in hours if f.gpu in named] or hours
        best = next((f for f in on_named if f.gpus == count), on_named[0])
        on = f"{best.gpus}x {best.gpu}" if best.gpu else f"{best.gpus} GPU{'s' if best.gpus != 1 else ''}"
        other = "" if best.gpu in named or not named else " (not measured on your GPU: on the one below)"
        return f"About **{best.hours:g} h** on {on}{other} for {spec.name}: {best.setting} ({_basis(best)})."
    timed = [f for f in rows if _TIME_IN_SETTING.search(f.setting)]
    if not timed:
        return None
    best = timed[0]
    where = f" on {best.hardware}" if best.hardware else ""
    return (
        f"Time on record for {spec.name}{where}: **{best.setting}** ({_basis(best)}); other GPUs, audio "
        "or settings change it, roughly in line with their compute."
    )


def _where(fact: WorkloadFact) -> str:
    name = fact.gpu or fact.hardware or "the GPU measured"
    return f"{fact.rate_gpus}x {name}" if fact.rate_gpus > 1 else f"one {name}"


def _duration(run: WorkRun) -> str:
    if run.hours >= 48:
        return f"{run.hours / 24:,.1f} days"
    if run.hours >= 1:
        return f"{run.hours:,.1f} h"
    if run.minutes >= 1:
        return f"{run.minutes:,.0f} min"
    return f"{run.seconds:,.0f} s"


def _speed(run: WorkRun) -> str:
    fact = run.fact
    if fact.rate_unit == "seconds of audio":
        return f"{fact.rate:g}x real time"
    if fact.rate_unit == "images":
        return f"{run.per_unit_seconds:.1f} s per image ({run.per_minute:.1f} images a minute)"
    if fact.rate_unit == "frames":
        return f"{fact.rate:,.3g} frames a second (fps)"
    return f"{fact.rate:,.0f} texts a second"


def _amount(run: WorkRun) -> str:
    if run.fact.rate_unit == "seconds of audio":
        return f"{run.amount:,.0f} s of audio"
    return f"{run.amount:,.0f} {run.fact.rate_unit}"


def _work_lead(spec: WorkloadSpec, facts: Facts, question: str) -> str | None:
    """An amount of work stated or a speed asked: the time (amount / measured rate) and the rental cost lead, with
    every measured rate in a table; without a measured rate for the model, say so instead of guessing a time."""
    amount = facts.work_amount
    if amount is None and not asks_rate(question):
        return None
    runs = list(facts.work_runs)
    if not runs:
        what = f" for {amount.phrase}" if amount else ""
        return (
            f"I have no measured speed for **{spec.name}** on record, so I won't guess a time{what}: speed depends "
            "on the tool, precision, batch size and GPU. What is on record for it is below."
        )
    named = [g.name for g in facts.gpus]
    on_named = [r for r in runs if any(r.fact.measured_on(n) for n in named)]
    # the tool or precision the question names leads ("faster-whisper", "TensorRT", "int8"), else the first on
    # record (the file lists the plain, unoptimised setup of each GPU first)
    own = {t for label in (spec.name, *spec.aliases) for t in _terms(label)}
    asked = {t for t in _terms(question) if t not in _GENERIC and t not in own and not t.isdigit()}
    pool = on_named or runs
    if amount is not None and facts.understanding.details.wants_cost and not on_named:
        # "what would it cost to rent?": a run whose card can be rented leads, the cheapest bill first
        pool = sorted((r for r in pool if r.cost is not None), key=lambda r: r.cost) or pool
    lead = max(pool, key=lambda r: (len(asked & _terms(r.fact.setting)), -pool.index(r)))
    note = ""
    unmeasured = bool(named and not on_named)
    scaled = _scaled_speed(lead, facts.gpus[0], spec.kind) if unmeasured else None
    if unmeasured:
        note = scaled or (
            f" Not measured on the {named[0]}: these are the GPUs the sources ran; a different card lands roughly "
            "in line with its compute, which I won't turn into a number."
        )
    if amount is not None:
        # the card asked about leads: a time measured on another card must not read as the answer for it
        opening = (
            f"I have no measured speed on the **{named[0]}** (an estimate for it follows); measured on another "
            "card: about"
            if unmeasured and scaled
            else f"I have no measured speed on the **{named[0]}**, so I won't give its time; measured on another card: "
            "about"
            if unmeasured
            else "About"
        )
        text = (
            f"{opening} **{_duration(lead)}** for {amount.phrase} on {_where(lead.fact)} at the measured "
            f"{_speed(lead)} ({lead.fact.setting}; {_basis(lead.fact)}): {_amount(lead)} / {lead.fact.rate:g} "
            f"per second = {lead.seconds:,.0f} s."
        )
        if lead.cost is not None and lead.cost >= 0.01:
            text += (
                f" Renting that for {lead.gpu_hours:,.2f} GPU-hours costs about **{money(lead.cost)}** at "
                f"{money(lead.per_gpu_hour)}/hour (the cheapest on-demand offer)."
            )
    else:
        text = (
            f"On record for **{spec.name}**: {_speed(lead)} on {_where(lead.fact)} ({lead.fact.setting}; "
            f"{_basis(lead.fact)})."
        )
        audio = [r for r in runs if r.fact.rate_unit == "seconds of audio"]
        video = [r for r in pool if r.fact.rate_unit == "frames"]
        if audio and asks_live(question):
            text = _real_time_verdict(spec, audio) + " " + text
        elif video and asks_live(question) and (not unmeasured or _outclasses(facts.gpus[0], lead.fact)):
            text = _live_video_verdict(video, named[0] if unmeasured else None)
            note = ""  # the verdict already says the card asked was not measured
    if re.search(r"\bcpus?\b|\bwithout (?:a )?gpu\b|\bno gpu\b", question.lower()):
        if not named:  # a CPU-only run asked: no GPU time may lead as if it were the answer
            what = f" for {amount.phrase}" if amount else ""
            hint = (
                "; whisper.cpp and faster-whisper int8 are the CPU-friendly ones"
                if spec.kind == "speech recognition"
                else ""
            )
            text = (
                f"I have no CPU speed on record for **{spec.name}**, so I won't guess a time{what} on a CPU: it is "
                f"far slower than on a GPU, by how much depends on the cores, the tool and the precision{hint}. "
                "These speeds are GPU measurements, not a guide for a CPU."
            )
            note = ""
        else:
            note += " These speeds are GPU measurements; on a CPU it is far slower, and I have no CPU figure on record."
    rows = []
    for r in runs:
        row = [r.fact.setting, _where(r.fact), _speed(r)]
        if amount is not None:
            row += [_duration(r), money(r.cost) if r.cost is not None else "not priced"]
        rows.append(row)
    header = ("setting", "measured on", "speed") + (
        ("time for yours", "rental cost") if amount is not None else ()
    )
    return f"{text}{note}\n\n" + markdown_table(header, rows)


def _scaled_speed(run: WorkRun, mine: GPU, kind: str) -> str | None:
    """A speed measured on another card carried to ``mine`` by the ratio of what limits the work, said as an estimate
    from that measurement: memory bandwidth for speech recognition (its decoder writes one token at a time, reading
    every weight each time), dense FP16 tensor TFLOPS for encoders over batches of texts, and for diffusion (compute
    on large images, weight reads on small ones) the range the two ratios span. None when the card measured is not
    in the catalog or a figure is missing."""
    found = load_catalog().find_in_text(run.fact.gpu or run.fact.hardware or "")
    if not found or run.fact.rate is None or run.fact.rate_gpus > 1:
        return None
    other = found[0]
    bounds = {
        "GB/s of memory bandwidth": (mine.memory_bandwidth_gbs, other.memory_bandwidth_gbs),
        "dense FP16 TFLOPS": (mine.fp16_tflops or 0.0, other.fp16_tflops or 0.0),
    }
    if kind == "speech recognition":
        bounds.pop("dense FP16 TFLOPS")
    elif run.fact.rate_unit != "images":
        bounds.pop("GB/s of memory bandwidth")
    if not all(ours and theirs for ours, theirs in bounds.values()):
        return None
    rates = sorted(run.fact.rate * ours / theirs for ours, theirs in bounds.values())
    said = _rates_said(rates, run.fact.rate_unit)
    ratios = "; ".join(
        f"{unit + ': ' if len(bounds) > 1 else ''}{mine.name} {o:,.0f} against {other.name} {t:,.0f}"
        for unit, (o, t) in bounds.items()
    )
    took = ""
    if run.amount and run.fact.rate_unit != "images":
        took = f", so about {_clock_long(run.amount / rates[0])} for yours"
    return (
        f" An estimate for the {mine.name}, not a measurement: about **{said}**{took}, the {_speed(run)} measured "
        f"on {_where(run.fact)} scaled by {' and by '.join(bounds)} ({ratios})."
    )


def _rates_said(rates: list[float], unit: str | None) -> str:
    """One rate, or the span of two, in the unit the work is counted in (seconds per image for images)."""
    if unit == "images":
        values, tail = sorted({f"{1 / r:.1f}" for r in rates}, key=float), " s per image"
    elif unit == "seconds of audio":
        values, tail = sorted({f"{r:.1f}" for r in rates}, key=float), "x real time"
    elif unit == "frames":
        values, tail = sorted({f"{r:.1f}" for r in rates}, key=float), " frames a second (fps)"
    else:
        values, tail = (
            sorted({f"{r:,.0f}" for r in rates}, key=lambda v: float(v.replace(",", ""))),
            " texts a second",
        )
    return " to ".join(values) + tail


def _clock_long(seconds: float) -> str:
    hours = seconds / 3600
    return f"{hours:,.1f} h" if hours >= 1 else f"{seconds / 60:,.0f} min"


def _real_time_verdict(spec: WorkloadSpec, audio: list[WorkRun]) -> str:
    """Real time means a second of audio done within a second: the slowest setup on record decides (rate >= 1)."""
    slowest = min(audio, key=lambda r: r.fact.rate or 0.0)
    rate = slowest.fact.rate or 0.0
    if rate >= 1:
        return (
            f"**Yes**, faster than real time on a GPU: the slowest setup on record for **{spec.name}** "
            f"({slowest.fact.setting}) does {rate:.1f} s of audio per second on {_where(slowest.fact)}, "
            f"{rate:.1f}x real time (a live stream is still processed in chunks, so expect a delay of a chunk or two)."
        )
    return (
        f"**No**, not with every setup on record: {slowest.fact.setting} does {rate:.1f} s of audio per second on "
        f"{_where(slowest.fact)}, slower than real time."
    )


def _outclasses(mine, fact: WorkloadFact) -> bool:
    """Whether the catalog card ``mine`` has at least the memory bandwidth and (where both are known) the compute of
    the card a figure was measured on: a speed measured there is a floor for it."""
    found = load_catalog().find_in_text(fact.gpu or fact.hardware or "")
    if not found:
        return False
    other = found[0]
    compute = mine.fp16_tflops is None or other.fp16_tflops is None or mine.fp16_tflops >= other.fp16_tflops
    return (
        mine.memory_bandwidth_gbs >= other.memory_bandwidth_gbs and compute and mine.fp16_tflops is not None
    )


def _live_video_verdict(video: list[WorkRun], stronger: str | None = None) -> str:
    """Real time for video means keeping up with a camera's frame rate: the fastest setup on record on the card
    decides; a rate short of that but above the near-real-time floor is a Yes that drops frames. ``stronger``: the
    card asked, not measured but out-classing the one measured, whose rate is then a floor for it."""
    assumptions = load_assumptions()
    live, near = assumptions.number("live_video_fps"), assumptions.number("near_real_time_fps")
    best, slowest = max(video, key=lambda r: r.fact.rate or 0.0), min(video, key=lambda r: r.fact.rate or 0.0)
    rate = best.fact.rate or 0.0
    where = f"{_where(best.fact)} ({best.fact.setting}; {_basis(best.fact)})"
    if stronger is not None:
        where += (
            f", and the {stronger}, not measured, has more memory bandwidth and compute than that, so expect at "
            "least as much"
        )
    slower = (
        f" The slower setups on record go down to {slowest.fact.rate:,.3g} fps ({slowest.fact.setting}): how it is "
        "built decides more than the card."
        if slowest is not best
        else ""
    )
    if rate >= live:
        return f"**Yes**, in real time: about **{rate:,.3g} fps** on {where}, a camera's full frame rate.{slower}"
    if rate >= near:
        return (
            f"**Yes, but near real time**: about **{rate:,.3g} fps** at best on {where}, short of a camera's "
            f"{live:g}-30 fps, so a live stream is processed with frames skipped.{slower}"
        )
    return (
        f"**No**, not in real time: about **{rate:,.3g} fps** at best on {where}, well short of a camera's "
        f"{live:g}-30 fps.{slower}"
    )


def _speed_verdict(spec: WorkloadSpec, facts: Facts) -> str | None:
    """'Is 1.2 s/it normal on my 4090?': Yes when the user's speed is within the convention's share of one
    measured for the same job on the same GPU (or faster), No when slower than that."""
    check = facts.speed_check
    question = facts.understanding.workload_text
    if check is None:
        user = seconds_per_iteration(question)
        text = question.lower()
        if user is None and facts.gpus and _ASKS_IF_NORMAL.search(text) and _DURATION.search(text):
            if _SLOW_RUN.search(text):
                return None  # hours for a short job: the spill note answers it
            # "40 minutes for one clip on my 4090, normal?": a memory verdict would answer another question
            return (
                f"I have no measured generation time for {spec.name} on the {facts.gpus[0].name} on record, so I "
                "can't say whether yours is normal; time depends on the resolution, length, steps, precision and "
                "the tool. What is on record for its memory is below."
            )
        if user is None or not facts.gpus or not ASKS_NORMAL.search(question.lower()):
            return None
        return (
            f"I have no measured speed for this {spec.name} job on the {facts.gpus[0].name} on record, so I can't "
            "say whether yours is normal; speed depends on resolution, batch size, precision and the tool."
            + _recipe_spill_note(spec, facts.gpus[0], question)
        )
    fact = check.fact
    recorded = f"about {check.recorded_s_per_it:g} s/it for {spec.name} on the {check.gpu} ({fact.setting}; {_basis(fact)})"
    if check.in_line:
        return f"**Yes**, that is in line with what is on record: {recorded}; yours is {check.user_s_per_it:g} s/it."
    if check.difference_share < 0:
        return f"**Yes**, and faster than on record: {recorded}; yours is {check.user_s_per_it:g} s/it."
    return (
        f"**No**, that is slower than on record: {recorded}; yours is {check.user_s_per_it:g} s/it, "
        f"{check.difference_share * 100:.0f}% slower. Check that the GPU (not the CPU) runs it and that memory is not "
        "spilling into shared system RAM."
    )


# the user's own time for one image: "4 min per image", "30 seconds an image", "takes 2 minutes to generate one image"
_PER_IMAGE = re.compile(
    r"(\d+(?:\.\d+)?)\s*(s|secs?|seconds?|m|mins?|minutes?)\s*(?:per|/|an?|each|for (?:an?|one|each|1))\s*"
    r"(?:single\s+)?(?:images?|pictures?|pics?|imgs?|generations?|renders?)\b"
    r"|\btak(?:es|ing|e)\s+(?:about\s+|around\s+|like\s+|over\s+|almost\s+|nearly\s+|roughly\s+|~\s*)?(\d+(?:\.\d+)?)\s*(s|secs?|seconds?|m|mins?|minutes?)\s+"
    r"(?:to\s+)?(?:generate|make|create|render|produce|get)\s+(?:an?|one|1|each|a single)\s+(?:images?|pictures?|pics?)\b"
    # "to create an image it's taking 4 min", "for one picture it takes 90 seconds"
    r"|\b(?:to|for)\s+(?:generate\s+|make\s+|create\s+|render\s+)?(?:an?|one|1|each|a single)\s+(?:images?|pictures?|pics?)"
    r"[\s,]+(?:it|this|that)?\s*(?:'s|is|was)?\s*tak(?:es|ing|e|en)\s+(?:about\s+|around\s+|like\s+|over\s+)?"
    r"(\d+(?:\.\d+)?)\s*(s|secs?|seconds?|m|mins?|minutes?)\b"
    # "a single SDXL image takes 12 minutes", "one picture took about 90 s"
    r"|\b(?:an?|one|1|each|a single|every)\s+(?:[\w.-]+\s+){0,2}(?:images?|pictures?|pics?|imgs?)\s+"
    r"(?:takes?|took|is taking|needs?)\s+(?:about\s+|around\s+|like\s+|over\s+|almost\s+|nearly\s+|roughly\s+)?"
    r"(\d+(?:\.\d+)?)\s*(s|secs?|seconds?|m|mins?|minutes?)\b"
)


def _user_seconds_per_image(question: str) -> float | None:
    m = _PER_IMAGE.search(question.lower())
    if not m:
        return None
    value, unit = next((m.group(i), m.group(i + 1)) for i in (1, 3, 5, 7) if m.group(i))
    return float(value) * (60 if unit.startswith("m") else 1)


# the denoising steps a measured per-image time covers ("1024x1024, 30 steps, ...")
_STEPS = re.compile(r"\b(\d+)\s*(?:denoising\s+|sampling\s+|inference\s+)?steps\b")


def _beyond_compute_gap(spec: WorkloadSpec, facts: Facts, question: str) -> str | None:
    """'Is 4 min per image on a GTX 1650 normal?' or 'is 20 s/it on my 4090 normal?' with the speed measured only on
    another card: No when the user's time (per image, or per denoising step against a measured per-image time over a
    stated number of steps) is slower than the measured time scaled by the two cards' dense 16-bit TFLOPS (a
    generous bound: real gaps land below the spec ratio) plus the in-line share; else nothing is claimed."""
    if not facts.gpus or not ASKS_NORMAL.search(question.lower()):
        return None
    user_s, per = _user_seconds_per_image(question), "image"
    if user_s is None:
        step = seconds_per_iteration(question)
        user_s, per = (sum(step) / 2, "step") if step else (None, per)
    if user_s is None:
        return None
    mine = facts.gpus[0]
    catalog = load_catalog()
    for fact in spec.facts:
        if fact.rate_unit != "images" or not fact.rate or fact.gpu is None or fact.measured_on(mine.name):
            continue
        other = catalog.by_name(fact.gpu)
        if not other.training_tflops or not mine.training_tflops:
            continue
        ratio = other.training_tflops / mine.training_tflops
        measured = fact.rate_gpus / fact.rate  # seconds per image on one of the measured GPUs
        if per == "step":
            steps = _STEPS.search(fact.setting.lower())
            if steps is None:
                continue
            measured /= int(steps.group(1))
        bound = measured * max(ratio, 1.0)
        share = load_assumptions().number("speed_in_line_share")
        if user_s <= bound * (1 + share):
            return None
        return (
            f"**No**, {_clock(user_s)} per {per} is slower than the compute gap explains: the {fact.gpu} measured "
            f"{_clock(measured)} per {per} ({fact.setting}), and the "
            f"{mine.name} has {mine.training_tflops:,.1f} dense FP16 TFLOPS against the {fact.gpu}'s "
            f"{other.training_tflops:,.1f}, so even {ratio:,.1f}x slower is about {_clock(bound)} (a spec-sheet "
            "bound, not a measurement). Check that it runs on the GPU (not the CPU), in fp16, and that memory is not "
            "spilling into system RAM."
        )
    return None


def _clock(seconds: float) -> str:
    if seconds < 1:
        return f"{seconds:,.2f} s"
    return f"{seconds / 60:,.1f} min" if seconds >= 120 else f"{seconds:,.1f} s"


def _recipe_spill_note(spec: WorkloadSpec, gpu: GPU, question: str) -> str:
    """When a setting on record for the job asked (LoRA, not a full fine-tune, when LoRA is asked) needs more than
    the card holds, the likely cause of a crawl:
    memory spilling into shared system RAM; with the setting on record that fits the card."""
    text = question.lower()
    training = bool(TRAINING.search(text))
    method = (
        "lora" if re.search(r"\blora\b", text) else None
    )  # a LoRA run is not set against a full fine-tune
    sized = [
        f
        for f in spec.facts
        if ("train" in f.task.lower()) == training
        and f.memory_gb is not None
        and not f.offload
        and (method is None or method in f"{f.task} {f.setting}".lower())
    ]
    over = [f for f in sized if (f.memory_gb or 0.0) > gpu.gpu_memory_gb]
    if not over:
        return ""
    big = max(over, key=lambda f: f.memory_gb or 0.0)
    fits = [f for f in sized if (f.memory_gb or 0.0) <= gpu.gpu_memory_gb]
    note = (
        f" One likely cause of a crawl: {big.setting} needs about {gb(big.memory_gb or 0.0)} "
        f"({_basis(big)}), more than the {gb(gpu.gpu_memory_gb)} of the {gpu.name}; a job that does not fit "
        "either stops with out-of-memory or, where the driver allows it, spills into shared system RAM and runs "
        "many times slower."
    )
    if fits:
        low = min(fits, key=lambda f: f.memory_gb or 0.0)
        note += f" {low.setting} needs about {gb(low.memory_gb or 0.0)} ({_basis(low)}), which fits."
    return note


def _other_size_lead(
    spec: WorkloadSpec,
    size_b: float,
    floor: float | None,
    room: tuple[str, float] | None,
    training: bool,
    precision: str | None = None,
) -> str:
    """A model of another size than the one on record (its parameter count said): the arithmetic for its own
    size, labelled as an estimate; a verdict only where that floor decides one. Weights said in fewer bits than
    bf16 ("Wan 14B in fp8", "a Q4 GGUF") are run in those: the arithmetic is theirs."""
    said = (
        f"I have no sourced figure for the {size_b:g}B model you name: the figures on record are for "
        f"**{spec.name}** ({_params(spec)}), a different size, so they do not answer for it. "
    )
    if not floor:
        return said
    quantized = _quantized_arithmetic(size_b, room, training, spec.kind, precision)
    if quantized is not None:
        return quantized[0] + said + quantized[1]
    verdict, arithmetic = _arithmetic(size_b, floor, room, training, spec.kind)
    return verdict + said + arithmetic


def quantized_floor_gb(size_b: float, training: bool, precision: str | None) -> float | None:
    """The weights of a model of ``size_b`` billion parameters run in the fewer-bit format named (fp8, int8, a
    4-bit or GGUF format), or None when none is named, it is no smaller than bf16, or the model is trained."""
    assumptions = load_assumptions()
    if training or not precision or not assumptions.knows_precision(precision):
        return None
    per = assumptions.bytes_per_param(precision)
    if per >= assumptions.bytes_per_param("bf16"):
        return None
    return round(size_b * per, 1)


def _quantized_arithmetic(
    size_b: float, room: tuple[str, float] | None, training: bool, kind: str, precision: str | None
) -> tuple[str, str] | None:
    """(verdict, estimate) for running a model known by its size in the fewer-bit weights the question names
    (fp8, int8, a 4-bit or GGUF format), or None when none is named, it is no smaller than bf16, or it is trained."""
    floor = quantized_floor_gb(size_b, training, precision)
    if floor is None:
        return None
    per = load_assumptions().bytes_per_param(precision or "bf16")
    on_top = (
        "the text encoder, VAE and activations"
        if kind in ("image generation", "video generation")
        else "activations and any other stage of its pipeline"
    )
    arithmetic = (
        f"An estimate by arithmetic: in {precision} its weights take **{gb(floor)}** ({size_b:g}B x {per:.2g} "
        f"{'byte' if per == 1 else 'bytes'}), a floor: {on_top} come on top, and offloading them is how it fits a "
        "smaller card."
    )
    verdict = ""
    if room and floor > room[1]:
        verdict = (
            f"**Only with** offloading to CPU RAM (block swap) or fewer-bit weights, on {room[0]}: the "
            f"{size_b:g}B model's weights alone take {gb(floor)} in {precision}, more than that. "
        )
    elif room and floor <= room[1] / 2:
        verdict = f"**Yes**, by arithmetic, on {room[0]}: its {precision} weights ({gb(floor)}) take at most half of it. "
    elif room:
        verdict = (
            f"**Yes**, with offloading (the text encoder on the CPU, block swap at larger sizes), on {room[0]}: "
            f"its {precision} weights take about {gb(floor)} of it, which leaves little for the rest. "
        )
    return verdict, arithmetic


def _run_floor_gb(spec: WorkloadSpec) -> float | None:
    """The memory of ``spec``'s default inference run on record, or None: a floor under training it, which holds
    the same weights and forward activations plus gradients, optimizer states and the activations kept for the
    backward pass."""
    run = default_run([f for f in spec.facts if "train" not in f.task.lower()])
    return run.memory_gb if run is not None else None


def size_floor_gb(params: float, training: bool) -> float:
    """The memory floor of a non-LLM model of ``params`` parameters: its bf16 weights for inference; weights,
    gradients and AdamW states in mixed precision for training (activations come on top of either)."""
    assumptions = load_assumptions()
    per_param = (
        assumptions.number("adamw_mixed_bytes_per_param") if training else assumptions.bytes_per_param("bf16")
    )
    return round(params / 1e9 * per_param, 1)


def _arithmetic(
    size_b: float, floor: float, room: tuple[str, float] | None, training: bool, kind: str = ""
) -> tuple[str, str]:
    """(verdict, estimate) for a model known only by its size: a verdict where the floor alone overflows the
    memory asked about (a lever needed) or takes at most half of it (room left for the rest), else none."""
    verdict = ""
    share = load_assumptions().number("local_tight_fit_share")
    if room and (floor > room[1] or (training and floor > (1 - share) * room[1])):
        # training's activations always come on top: states that leave less than the tight-fit share free overflow
        if training:
            verdict = (
                f"**Not without** LoRA, an 8-bit optimizer or offloading, on {room[0]}: full training of a "
                f"{size_b:g}B-parameter model holds about {gb(floor)} of weights, gradients and AdamW states "
                "before any activation, "
                + ("more than that. " if floor > room[1] else "leaving no room for the activations. ")
            )
        else:
            levers = "8-bit or 4-bit weights" if floor / 2 <= room[1] else "4-bit weights"
            verdict = (
                f"**Only with** {levers} or offloading to CPU RAM, on {room[0]}: the {size_b:g}B model's "
                f"weights alone take {gb(floor)} in bf16, more than that. "
            )
    elif room and floor <= room[1] / 2:  # the floor takes at most half: room for the rest
        verdict = f"**Yes**, by arithmetic, on {room[0]}: the estimate below ({gb(floor)}) takes at most half of it. "
    elif room and training:
        # the states take over half the card but leave the tight-fit share free: the activations decide, and the
        # usual savings keep them small, so a yes/no gets its condition rather than no verdict at all
        verdict = (
            f"**Yes**, with memory savings (gradient checkpointing, a batch of 1-2, an 8-bit optimizer or LoRA), on "
            f"{room[0]}: full training's weights, gradients and AdamW states take about {gb(floor)} of it, which "
            "leaves little room for the activations. "
        )
    per = round(floor / size_b)
    on_top = (
        "the text encoder, VAE and activations"
        if kind in ("image generation", "video generation")
        else "activations and any other stage of its pipeline"
    )
    if training:
        arithmetic = (
            f"An estimate by arithmetic: full training in mixed precision holds weights, gradients and AdamW "
            f"states, about {per:g} bytes per parameter ({size_b:g}B x {per:g} bytes = **{gb(floor)}**), a floor: "
            "activations come on top and grow with batch size and input size (resolution, frames); LoRA, an 8-bit "
            "optimizer or gradient checkpointing lower it."
        )
    else:
        arithmetic = (
            f"An estimate by arithmetic: its weights alone take **{gb(floor)}** in bf16 ({size_b:g}B x {per:g} "
            f"bytes; half that in fp8, a quarter in 4-bit), a floor: {on_top} come on top, and offloading or "
            "quantized weights are how it fits a smaller card."
        )
    return verdict, arithmetic


def _params(spec: WorkloadSpec) -> str:
    """``spec``'s parameter count as said in an answer, or that no source states it (never a guess)."""
    return f"{spec.params_m:,.0f}M parameters" if spec.params_m else "parameter count not on record"


def other_size_named(spec: WorkloadSpec, params: float | None) -> float | None:
    """The parameter count (in billions) the question names when it is far from the model on record's (more than
    half as large again, or under two thirds): the model asked about is another size of the family."""
    if not params or not spec.params_m:
        return None
    ratio = params / 1e6 / spec.params_m
    billions = params / 1e9
    if ratio > 1.5 or ratio < 2 / 3:
        # a size the record has its own figure for ("the A14B at 720P" on Wan2.2's row) is no other size
        said = re.compile(rf"(?<![\d.]){billions:g}\s*b\b")
        if any(said.search(f.setting.lower()) for f in spec.facts):
            return None
        return billions
    return None
