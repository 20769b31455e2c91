"""Non-LLM workloads (SDXL, Flux, Whisper, embeddings, ResNet/ViT training): sourced figures, never LLM arithmetic.

Besides the figures, the facts carry what the offerings table adds: the cost of re-running each measured
training job (hours x GPUs x the cheapest and the median on-demand $/GPU-hour of that GPU), and, for an inference
question that names no GPU and no memory, the cheapest GPUs to rent that hold the headline figure.
"""

import re
from dataclasses import replace

from ...knowledge import gpu_market
from ...knowledge._software import load_software, support_of
from ...knowledge._workloads import (
    kind_in_text,
    load_workloads,
    reconstruction_in_text,
    scaled_run,
    scaled_to_batch,
    scaled_to_size,
    scaled_to_training_input,
    speed_check,
    training_cost,
    work_run,
)
from ...understanding import Intent, asks_rate, quoted_requirement_gb, work_amount
from .._compose import explain_answer
from .._compose._catalog import cards_that_ran_out
from .._compose._kind_pick import kind_pick_answer
from .._compose._non_llm import (
    ASKS_NORMAL,
    asks_release_fit,
    asks_repo_memory,
    cpu_memory_gb,
    estimate_figure,
    fitted_per_scene,
    headline_memory_gb,
    hours_on_card,
    kind_estimate_answer,
    names_project,
    non_llm_answer,
    oom_beyond_its_kind,
    other_size_named,
    quantized_floor_gb,
    reports_oom,
    runs_on_cpu,
    runs_on_record,
    size_floor_gb,
    timed_run,
    unknown_non_llm_answer,
)
from .._compose._non_llm import TRAINING as _TRAINING
from .._compose._observed_cause import allocator_text
from .._compose._quoted import quoted_requirement_answer
from .._compose._support import support_answer
from .._compose._zero_stages import zero_stages_text
from .._facts import Facts
from ._registry import Handler, register

_RENTALS_SHOWN = 3
# diffusers, Whisper, Ultralytics and sentence-transformers run on CUDA and ROCm GPUs; Inferentia, TPUs, Gaudi
# and the rest need the model compiled for their own stack first, so they are not what to rent for these tools
_RUNS_PYTORCH_TOOLS = frozenset(["CUDA", "ROCm"])
# a server deployment, not a desk: data-centre GPUs are what is rented for it
# buying a card for one's own machine, not renting one: "buy", "without breaking the bank", "on a budget"
_BUYING = re.compile(
    r"(?<!better )(?<!best )(?<!good )\bbuy(?:ing)?\b|\bpurchas\w*|\bbreak(?:ing)? the bank\b|\bon a (?:tight )?budget\b"
    r"|\bwithout (?:going broke|spending a fortune|a fortune)\b|\bon the cheap\b"
    r"|\bbudget (?:card|gpu|graphics card|option|pick)s?\b|\bafford(?:able)?\b|\bupgrade to\b"
)
# a card for one's own machine asked for without the word "buy": "best GPU for ComfyUI with Flux", "what graphics card
# should I get for SDXL", "building a PC for Stable Diffusion, which GPU?" (a local tool or one's own machine, and a
# card to choose); with a cloud or server word it is a rental question instead (see _HOSTED)
_AT_HOME = re.compile(
    r"\bcomfy ?ui\b|\bautomatic ?1111\b|\ba1111\b|\bsd[- ]?webui\b|\bforge\b|\bfooocus\b|\binvoke ?ai\b"
    r"|\bkohya\w*|\bonetrainer\b|\blocally\b|\bat home\b|\bon my (?:own )?(?:pc|rig|desktop|computer|machine)\b"
    r"|\b(?:build|building|built|new|upgrad\w*) (?:a |my |the )?(?:new )?(?:pc|rig|computer|desktop|workstation)\b"
    r"|\bgraphics card\b|\bvideo card\b|\bgaming (?:pc|rig)\b"
)
_CHOOSES_CARD = re.compile(
    r"\b(?:best|which|what|whats|what's|go-?to|recommend\w*|good|ideal|right)\b(?:\s+\S+){0,4}?\s+"
    r"(?:gpus?|graphics cards?|video cards?|cards?)\b"
    r"|\bshould i (?:get|buy|pick|go for)\b|\bworth (?:getting|buying)\b"
)
# which hardware to use, asked without "best/which" before the card: "what should I train it on?", "what hardware
# do I need to train it", "recommend me a setup"
_GPU_ASKED = re.compile(
    r"\bwhat (?:should|can|do) i (?:train|run|fine-?tune|use)\b[^.?!]{0,30}\bon\b|\bwhat hardware\b"
    r"|\brecommend\w* (?:me )?(?:a |some )?(?:setup|hardware|instance|machine)\b"
)
_HOSTED = re.compile(
    r"\bdeploy|\bserver\b|\bcloud\b|\bhost(?:ing|ed)?\b|\bproduction\b|\baws\b|\bgcp\b|\bazure\b|\binstances?\b"
)


@register
class NonLLM(Handler):
    intent = Intent.NON_LLM
    plans_workloads = False  # parameter counts of diffusion or speech models do not size like LLMs

    def gather(self, understanding, knowledge):
        facts = self._gather(understanding, knowledge)
        if not facts.workloads:
            return facts
        return replace(facts, support=_not_run_there(understanding, knowledge, facts))

    def _gather(self, understanding, knowledge):
        question = understanding.workload_text  # a follow-up naming no model: with the question that did
        named = _asked_card_first(
            understanding.question, tuple(knowledge.catalog.by_name(n) for n in understanding.details.gpus)
        )
        if not named and understanding.details.stated_memory_gb is None:
            named = _consumer_card(question, knowledge.catalog)
        every = knowledge.workloads or load_workloads()
        workloads = _subject_first(tuple(every.find_in_text(question)), question)
        assumed = every.assumed_from(question)
        training = bool(_TRAINING.search(question.lower()))
        unlisted = every.stand_in(question, training) if not workloads else None
        if not workloads and unlisted is None and not training and _OCR.search(question.lower()):
            # an OCR engine not on record: the OCR engine on record stands in (no depth or segmentation network does)
            unlisted = next((w for w in every if _OCR.search(" ".join((w.name, *w.aliases)).lower())), None)
        quoted = quoted_requirement_gb(question) if not workloads else None
        if quoted is not None:
            # not on record, but the question quotes its own requirement: that figure, not another model's
            return replace(
                Facts(understanding), gpus=named, headline_memory_gb=quoted, quoted_requirement_gb=quoted
            )
        estimate = _kind_estimate(every, question, training, understanding) if not workloads else None
        if estimate is None and not workloads and not unlisted and research_fallback(understanding, every):
            estimate = every.research_estimate(training)
        if estimate is None and workloads and _run_on_training_figures(workloads[0], question, understanding):
            # "how much VRAM to run SAM ViT-H on a photo?": only training figures on record for it. They bound a run
            # from above, which answers when the card holds them; when it does not (SAM's 29.6 GB fine-tune), or the
            # run already failed on the card, the vision models on record run for inference estimate it, labelled
            vision = every.kind_estimate("vision inference", text=question)
            room = named[0].gpu_memory_gb if named else understanding.details.stated_memory_gb
            smallest = min(f.memory_gb for f in workloads[0].facts if f.memory_gb is not None)
            if vision is not None and (
                reports_oom(question) or smallest > (room if room else vision.high_gb)
            ):
                estimate = vision
        if estimate is not None:
            # a model not on record of no family on record: the research releases of its kind estimate it
            figure = estimate_figure(estimate, understanding.workload_text)
            room = named[0].gpu_memory_gb if named else understanding.details.stated_memory_gb
            room = _failed_room(understanding.question, named, room)
            if understanding.details.observed_gb:
                # "it seems to take about 18 GB": the user's own reading of the run is its figure, not the estimate
                figure = understanding.details.observed_gb
            elif (
                room and figure <= room and reports_oom(question) and not oom_beyond_its_kind(estimate, room)
            ):
                # it already ran out on that card: its run needs more than the card's memory, the next size up
                figure = larger_card_gb(knowledge.catalog, room)
            facts = replace(
                Facts(understanding),
                gpus=named,
                headline_memory_gb=figure,
                kind_estimate=estimate,
            )
            return facts
        workloads = (unlisted,) if unlisted else workloads
        if workloads and training:
            # "yolov8 at imgsz 1280, batch 32": training profiles taken at another input size or batch, rescaled
            workloads = (scaled_to_training_input(workloads[0], question), *workloads[1:])
        if workloads and not unlisted and not training:
            # "SDXL at 2048x2048": a size no setting was measured at is scaled from the reference run's activations
            sized = scaled_to_size(workloads[0], question)
            # "a batch of 4 at 1024x1024": the figure at the batch asked, measured or scaled, answers
            workloads = (
                sized if sized is not workloads[0] else scaled_to_batch(sized, question),
                *workloads[1:],
            )
        params = understanding.details.params
        if workloads and not unlisted and params and other_size_named(workloads[0], params) is not None:
            # "Wan 2.2 14B" where the name found the 5B: the size asked, when it is on record, answers
            sibling = every.size_sibling(workloads[0], params)
            workloads = (sibling, *workloads[1:]) if sibling is not None else workloads
        # vision models are on record for training only: "ResNet-50 on ImageNet, how long?" is a training question
        # unless it has a figure for running it too and the question asks to run it ("minimum to run SAM?")
        training = training or bool(
            workloads
            and workloads[0].kind == "vision training"
            and not runs_on_record(workloads[0], question)
        )
        # splatting or a NeRF on one's photos, with no viewing word: fitting the scene is the run
        training = training or bool(workloads and fitted_per_scene(workloads[0], question))
        if workloads and training and not _trains(workloads[0]):
            # no sourced training figure for it: bring the nearest model of the same kind that has one
            stand_in = next((w for w in every if w.kind == workloads[0].kind and _trains(w)), None)
            workloads += (stand_in,) if stand_in and stand_in not in workloads else ()
        stated = understanding.details.stated_memory_gb
        on_cpu = not named and runs_on_cpu(understanding)
        if workloads and on_cpu and not training:
            # no GPU: the smaller models of the family are what the machine may hold instead ("whisper" on a Pi)
            first = workloads[0]
            workloads += tuple(
                w
                for w in every
                if w not in workloads and w.kind == first.kind and w.name.split()[0] == first.name.split()[0]
            )
        headline = (
            headline_memory_gb(workloads[0], question, named, stated, unlisted is not None)
            if workloads
            else None
        )
        if workloads and on_cpu and not training:
            headline = (
                cpu_memory_gb(workloads[0], stated) or headline
            )  # the RAM figure the verdict leads with
        other_size = other_size_named(workloads[0], understanding.details.params) if workloads else None
        if (
            other_size is not None
        ):  # another size: its own weights in 16-bit are the floor said; training also
            # holds gradients and AdamW states (mixed precision), before activations
            headline = size_floor_gb(other_size * 1e9, training)
            # "Wan 14B in fp8": the weights of the format named, which the answer's arithmetic is about
            quantized = quantized_floor_gb(other_size, training, understanding.details.precision)
            headline = quantized if quantized is not None else headline
        elif not workloads and understanding.details.params and kind_in_text(question):
            # nothing of its kind on record, but its size is said: the same arithmetic ("my 300M-param detector")
            headline = size_floor_gb(understanding.details.params, training)
        room = named[0].gpu_memory_gb if len(named) == 1 else (stated if not named else None)
        borrowed = unlisted is not None or other_size is not None  # another model's or size's figures
        fewer_bits = other_size is not None and quantized_floor_gb(
            other_size, training, understanding.details.precision
        )
        if (
            borrowed
            and room
            and headline is not None
            and headline <= room
            and reports_oom(question)
            and not fewer_bits  # "it ran out in bf16, will the fp8 file load?" asks about the fp8 weights
        ):
            # what the user saw beats another model's figure: their run needs more than the card that ran out
            headline = larger_card_gb(knowledge.catalog, room)
        facts = replace(
            Facts(understanding),
            gpus=named,
            workloads=workloads,
            headline_memory_gb=headline,
            workload_assumed_from=_technique_word(assumed[0], question) if assumed else None,
            workload_stand_in=unlisted is not None,
            workload_family=unlisted is not None and every.family_in_text(question) is unlisted,
        )
        if workloads and not training:
            facts = _with_work(facts, question, knowledge.catalog, knowledge.offerings)
        count = understanding.details.gpu_count
        if workloads and named and count and count > 1:
            facts = replace(facts, scaled_run=scaled_run(workloads[0], named[0].name, count))
        if workloads and named and ASKS_NORMAL.search(question.lower()):
            tolerance = knowledge.assumptions.number("speed_in_line_share")
            names = tuple(g.name for g in named)
            check = speed_check(workloads[0], question, names, training, tolerance)
            facts = replace(facts, speed_check=check)
        table = knowledge.offerings
        if table is None or not workloads:
            return facts
        if training:
            facts = replace(facts, training_costs=_costs(workloads, table))
        text = question.lower()
        # "I want to fine-tune flux, what GPU?": a card asked for a training job is named too, like one for a run
        asks_rent = (
            not training
            or (understanding.details.wants_cost and not facts.training_costs)
            or bool(_CHOOSES_CARD.search(text) or _GPU_ASKED.search(text))
        )
        buying = bool(
            _BUYING.search(text)
            or (_AT_HOME.search(text) and _CHOOSES_CARD.search(text))
            # "best GPU under $500 for stable diffusion": a price to pay for a card is a card to buy
            or understanding.details.purchase_budget_usd is not None
        ) and not _HOSTED.search(text)
        if buying and not named and stated is None and headline is not None and not on_cpu:
            # "which card should I buy for SDXL without breaking the bank?": cards to own, by purchase price
            cards = _cheapest_cards(knowledge.catalog, knowledge.purchases or {}, headline)
            if cards:
                return replace(facts, purchases=cards)
        if asks_rent and not named and stated is None and headline is not None and not on_cpu:
            # a training cost with no measured run to price: what an hour of a GPU that holds it costs
            hosted = bool(_HOSTED.search(question.lower()))
            rentals = _cheapest_rentals(
                _in_time(knowledge.catalog, workloads[0], question, understanding.details.deadline_hours),
                table,
                headline,
                datacenter=hosted,
            )
            month = knowledge.assumptions.number("hours_per_month")
            monthly = tuple(m.cheapest[0].per_gpu_hour * month for m in rentals)
            facts = replace(facts, markets=rentals, rental_monthly=monthly)
        elif understanding.details.wants_cost and named and not facts.training_costs:
            # "what would a T4 for this cost a month (on AWS)?": the named GPUs' own cheapest single-GPU offers
            providers = tuple(understanding.details.providers or ())
            markets = [gpu_market(table, g.name, n_gpus=1, providers=providers) for g in named[:3]]
            if providers and not any(
                m.cheapest for m in markets
            ):  # no offer there: say so through any provider
                markets = [gpu_market(table, g.name, n_gpus=1) for g in named[:3]]
            priced = tuple(m for m in markets if m.cheapest)
            month = knowledge.assumptions.number("hours_per_month")
            monthly = tuple(m.cheapest[0].per_gpu_hour * month for m in priced)
            facts = replace(facts, markets=priced, rental_monthly=monthly)
        return facts

    def compose(self, facts, passages):
        if (
            picked := kind_pick_answer(facts)
        ) is not None:  # "best video model for my 4090?": the models of the kind
            return picked
        if allocator := allocator_text(facts.understanding.question):
            return allocator  # "torch says 4 GB, nvidia-smi 15": the allocator whatever the model, no sizing
        if stages := zero_stages_text(facts):
            return stages  # "the higher the ZeRO stage, the more memory" on a small vision model: what each shards
        if facts.quoted_requirement_gb is not None:
            return quoted_requirement_answer(facts)
        if facts.kind_estimate is not None:
            return kind_estimate_answer(facts)
        if facts.support and facts.workloads:
            # "does 3DGS run on an AMD card / the CPU?": its code's own platforms decide before its memory does
            tool, spec = facts.support[0].tool.name, facts.workloads[0].name
            verdict = (support_answer(facts) or "").replace(
                f"— {tool} does not support", f"— {spec}'s code runs on {tool}, which does not support", 1
            )
            return (
                f"{verdict}\n\nOn an NVIDIA GPU, for reference:\n\n{non_llm_answer(replace(facts, gpus=()))}"
            )
        if not facts.workloads:
            kind = kind_in_text(facts.understanding.workload_text)
            if kind is not None:  # an OCR engine, a SAM inference: nothing of its kind on record for the task
                return unknown_non_llm_answer(facts, kind)
            return explain_answer(
                facts, passages
            )  # e.g. a follow-up that names no model: the guides, or say so
        return non_llm_answer(facts)


# a model named as the yardstick, not the subject: "similar requirements to Stable Diffusion", "more than SDXL"
_YARDSTICK = re.compile(
    r"(?:similar(?:\s+\w+){0,2}\s+to|same(?:\s+\w+){0,2}\s+as|compared\s+(?:to|with)|than|like)\s+(?:the\s+)?$"
)


def _subject_first(workloads: tuple, question: str) -> tuple:
    """``workloads`` with those named only as a yardstick ("does this have similar requirements to Stable
    Diffusion? [ControlVideo]") after the others: the model asked about leads, the one it is compared with follows."""
    if len(workloads) < 2:
        return workloads
    text = question.lower()

    def yardstick(spec) -> bool:
        spots = [text.find(a.lower()) for a in (spec.name, *spec.aliases) if a and text.find(a.lower()) >= 0]
        return bool(spots) and bool(_YARDSTICK.search(text[max(0, min(spots) - 40) : min(spots)]))

    measured = [w for w in workloads if yardstick(w)]
    if not measured or len(measured) == len(workloads):
        return workloads
    return tuple(w for w in workloads if w not in measured) + tuple(measured)


def _not_run_there(understanding, knowledge, facts) -> tuple:
    """The model's own code on the hardware asked, when the software-table row it runs on (WorkloadSpec.software)
    says it does not run there: the CPU alone asked ("can it train without a GPU?") or a card of a stack its code
    lacks (an AMD or Apple GPU for CUDA-only code)."""
    code = facts.workloads[0].software
    table = knowledge.software or load_software(catalog=knowledge.catalog)
    found = table.find(code) if code else None
    if found is None:
        return ()
    tool, _ = found
    if facts.gpus:
        checked = [support_of(tool, None, gpu.software, gpu) for gpu in facts.gpus[:2]]
    elif runs_on_cpu(understanding):
        checked = [support_of(tool, None, "CPU")]
    else:
        return ()
    return tuple(c for c in checked if c.status == "unsupported")


def _asked_card_first(question: str, named: tuple) -> tuple:
    """The cards named, the ones the job did not run out of memory on first ("it OOMs on my 4080; would an A6000 run
    it?" asks of the A6000); as named when the message says of none which card ran out."""
    failed = cards_that_ran_out(question, named)
    return (*(g for g in named if g not in failed), *failed) if failed else named


def _failed_room(question: str, named: tuple, room: float | None) -> float | None:
    """The memory of the card the job ran out of memory on: the largest card the message says ran out, else the
    card asked about (``room``), which the report is then read as being about."""
    failed = cards_that_ran_out(question, named)
    return max(g.gpu_memory_gb for g in failed) if failed else room


def larger_card_gb(catalog, room_gb: float) -> float:
    """The smallest memory size of a GPU in the catalog (a desktop, workstation or data-center card; not a Mac's
    unified memory) above ``room_gb``: what a run that ran out of memory on a card of ``room_gb`` needs at least.
    ``room_gb`` itself when no catalog card is larger."""
    sizes = [g.gpu_memory_gb for g in catalog if g.gpu_class != "local" and g.gpu_memory_gb > room_gb + 0.5]
    return min(sizes) if sizes else room_gb


# a speed, a time, a slowdown or a second card asked: what the answer's other leads judge, not a memory estimate
_NOT_A_FIT = re.compile(
    r"\bfaster\b|\bslow\w*|\bspeed\w*|\bfps\b|\bhow long\b|\bseconds?\b|\bminutes?\b|\bhours?\b"
    r"|\bit/s\b|\bs/it\b|\bnormal\b|\banother\b|\bsecond (?:gpu|card)\b|\bcost\b|\bprice\b|\bbuy\b"
)
# a memory word, or an out-of-memory error pasted ("torch.cuda.OutOfMemoryError", "CUDA OOM")
# memory asked for in so many words, or as the least a run takes ("minimum hardware requirements to run X?")
_MEMORY_WORDS = re.compile(
    r"\bv-?ram\b|\bmemory\b|\bgb\b|\d ?gb?\b|\bgigs?\b|out ?of ?memory|\boom\b"
    r"|\b(?:minimum|min|system|hardware|gpu) requirements?\b"
)


# "can this run on consumer GPUs?", "on a consumer-grade card", "on gaming GPUs": whether any desktop card holds it
_CONSUMER_CARD = re.compile(
    r"\bconsumer(?:[- ]grade|[- ]level)?\s+(?:gpus?|cards?|graphics cards?|hardware)\b"
    r"|\bgaming\s+(?:gpus?|cards?|graphics cards?)\b"
)


def _consumer_card(question: str, catalog) -> tuple:
    """For a fit asked on "consumer GPUs" with no card named: the desktop card in the catalog with the most memory
    (what "any consumer card" comes down to), else nothing."""
    if not _CONSUMER_CARD.search(question.lower()):
        return ()
    cards = [
        g for g in catalog if g.gpu_class == "consumer" and g.memory_gb and "laptop" not in g.name.lower()
    ]
    return (max(cards, key=lambda g: g.memory_gb),) if cards else ()


def _asks_fit(question: str, details) -> bool:
    """Whether the question asks what memory a model needs or whether it fits a card, rather than a speed, a time, a
    cost or a second card."""
    text = question.lower()
    if _NOT_A_FIT.search(text) or details.wants_time or details.wants_cost:
        return False
    return bool(
        _MEMORY_WORDS.search(text) or details.gpus or details.stated_memory_gb or _CONSUMER_CARD.search(text)
    )


def repository_on_card(understanding, knowledge) -> Facts | None:
    """ "[SomeRepo] can I run this on a 3060?" / "[SomeRepo] any chance on a colab T4?": a project named in mixed case
    with a card or memory, a fit asked (see research_fallback): the research releases' estimate for it on that card,
    rather than the card's spec sheet or the LLMs that fit it; None otherwise."""
    details = understanding.details
    memory_said = details.stated_memory_gb is not None
    if not (details.gpus or details.stated_memory_gb):
        return None
    gpus = _asked_card_first(
        understanding.question, tuple(knowledge.catalog.by_name(n) for n in details.gpus)
    )
    every = knowledge.workloads or load_workloads()
    if (
        asks_release_fit(understanding.question, details.yes_no, True, memory_said, training=True)
        and not (details.params or details.model or details.unknown_model)
        and not every.find_in_text(understanding.workload_text)
        and kind_in_text(understanding.workload_text) is None
        and every.family_in_text(understanding.workload_text) is None
    ):
        # "can I train your model on a 4090?": nothing of it on record; the training figures of the research releases
        # on record estimate it (labelled), and with too few of those the answer says what decides it
        estimate = every.research_estimate(training=True)
        if estimate is None:
            return replace(Facts(understanding), gpus=gpus, release_unknown=True)
    elif (
        not (
            names_project(understanding.question)
            or asks_release_fit(understanding.question, details.yes_no, True, memory_said)
        )
        or not research_fallback(understanding, every)
        or (estimate := every.research_estimate(trained(understanding.workload_text))) is None
    ):
        return None
    figure = estimate_figure(estimate, understanding.workload_text)
    room = _failed_room(
        understanding.question, gpus, gpus[0].gpu_memory_gb if gpus else details.stated_memory_gb
    )
    if room and figure <= room and reports_oom(understanding.question):
        # it already ran out on that card: the estimate below it is no figure for this run, the next size up is
        figure = larger_card_gb(knowledge.catalog, room)
    return replace(Facts(understanding), gpus=gpus, kind_estimate=estimate, headline_memory_gb=figure)


def research_fallback(understanding, every) -> bool:
    """A memory requirement asked about a repository's release that is not on record, of no family or kind on
    record and of no stated size (see asks_repo_memory): every research release on record estimates it."""
    question = understanding.workload_text
    details = understanding.details
    if details.params or details.model is not None or details.unknown_model:
        return False
    if not _asks_fit(question, details):
        return False
    if kind_in_text(question) is not None or every.family_in_text(question) is not None:
        return False
    if every.find_in_text(question) or load_software().named_in(question):
        return False  # a model on record, or a library ("[FlashAttention] are V100s supported?"): no release
    hardware = bool(details.gpus or details.stated_memory_gb)
    training = trained(question)
    return asks_repo_memory(question, training) or asks_release_fit(
        question, details.yes_no, hardware, details.stated_memory_gb is not None, training=training
    )


def trained(question: str) -> bool:
    """Whether ``question`` asks about training (a research release's training figures estimate it, not its runs)."""
    return bool(_TRAINING.search(question.lower()))


# running a vision model, not training it: "to run", "run it on photos", "inference", "the demo", "predict", "run"
_RUN_ASKED = re.compile(
    r"\binfer\w*|\bpredict\w*|\bdemo\b|\bto run\b|\brun(?:ning)?\s+(?:it|this|the model|inference)\b"
    # "can a T4 run SAM 2 on videos?", "does it run on 8 GB?": run said, with no training word (checked apart)
    r"|\bruns?\b|\brunning\b"
    r"|\bsegment(?:ing)?\s+(?:an?\s+|the\s+|my\s+)?(?:images?|photos?|pictures?|videos?|frames?)\b|\bload(?:ing)?\s+(?:it|the model)\b"
)


def _run_on_training_figures(spec, question: str, understanding) -> bool:
    """A vision model on record for training only (SAM, Detectron2), asked about running it: a memory or fit question
    with a run word and no training word."""
    text = question.lower()
    return (
        spec.kind == "vision training"
        and not _TRAINING.search(text)
        and bool(_RUN_ASKED.search(text))
        and _asks_fit(question, understanding.details)
        and not any("train" not in f.task.lower() and f.memory_gb is not None for f in spec.facts)
        and any(f.memory_gb is not None for f in spec.facts)
    )


def _kind_estimate(every, question: str, training: bool, understanding):
    """The estimate from research releases of its kind (see Workloads.kind_estimate) for an inference question about
    a model that is not on record, belongs to no family on record and whose size is not said (a size gives its own
    arithmetic); None otherwise."""
    details = understanding.details
    if training or details.params or not _asks_fit(question, details):
        return None
    kind = kind_in_text(question)
    if kind is None or every.family_in_text(question) is not None or every.assumed_from(question):
        return None
    if reconstruction_in_text(question):
        return None  # a NeRF or splatting scene: the reconstruction method on record stands in (Workloads.stand_in)
    if kind == "vision training" and _OCR.search(question.lower()):
        return None  # an OCR engine is no depth, segmentation or stereo network: nothing of its kind is on record
    return every.kind_estimate(kind, training, question)


_OCR = re.compile(
    r"\bocr\b|\w+ocr\b|\btesseract\b|\btrocr\b|\bnougat\b|\bsurya\b|\btext (?:detection|recognition)\b"
)


def _with_work(facts, question: str, catalog, table):
    """An amount of work stated ("100 hours of audio", "2M documents") or a speed asked: each measured rate of the
    model in that unit, with the time the amount takes at it and, on GPUs the offerings table rents, the cost."""
    amount = work_amount(question)
    if amount is None and not asks_rate(question):
        return facts
    spec = facts.workloads[0]
    unit = amount.unit if amount else None
    rates = [f for f in spec.facts if f.rate is not None and (unit is None or f.rate_unit == unit)]
    runs = []
    for fact in rates:
        per_hour = None
        if table is not None:
            on = [g.name for g in catalog if fact.measured_on(g.name)]
            offers = [m.on_demand.min for m in (gpu_market(table, n) for n in on) if m.on_demand is not None]
            per_hour = min(offers) if offers else None
        runs.append(work_run(fact, amount.quantity if amount else 0.0, per_hour))
    return replace(facts, work_amount=amount, work_runs=tuple(runs))


def _trains(spec) -> bool:
    return any("train" in f.task.lower() for f in spec.facts)


def _technique_word(spec, question: str) -> str:
    text = question.lower()
    return next((a for a in spec.technique_aliases if a.lower() in text), spec.technique_aliases[0])


def _costs(workloads, table):
    """Each measured training run on a catalog GPU, priced at that GPU's cheapest regular and median on-demand
    $/GPU-hour in the offerings table (runs on GPUs no provider rents are left unpriced)."""
    costs = []
    for spec in workloads:
        for fact in spec.facts:
            if fact.hours is None or fact.gpu is None:
                continue
            market = gpu_market(table, fact.gpu)
            if market.on_demand is None:
                continue
            costs.append(training_cost(fact, market.on_demand.min, market.on_demand.median))
    return tuple(costs)


def _in_time(catalog, spec, question: str, deadline: float | None):
    """The catalog's GPUs that finish the training run on record within ``deadline`` hours by its measured time
    carried over by compute (see ``hours_on_card``); the whole catalog when no time is asked or no run is timed."""
    run = timed_run(spec, question) if deadline and _TRAINING.search(question.lower()) else None
    if run is None:
        return catalog
    return [g for g in catalog if (hours := hours_on_card(run, g)) is not None and hours <= deadline]


def _cheapest_cards(catalog, purchases, need_gb: float):
    """The cheapest cards to buy (by the purchase-price data: a dated street price, else the launch MSRP) whose
    memory holds ``need_gb``, one per card, CUDA cards first, cheapest first; desktop and workstation cards the PyTorch tools run on
    (no Macs or laptops, which are whole computers)."""
    cards = []
    for price in purchases.values():
        gpu = catalog.by_name(price.name)
        if (
            gpu is None
            or gpu.gpu_class == "local"
            or gpu.software not in _RUNS_PYTORCH_TOOLS
            or gpu.gpu_memory_gb < need_gb
        ):
            continue
        cards.append(price)
    # CUDA cards first: diffusers, ComfyUI and the other PyTorch tools support CUDA first; ROCm cards follow
    cards.sort(key=lambda p: (catalog.by_name(p.name).software != "CUDA", p.price_usd, p.name))
    return tuple(cards[:_RENTALS_SHOWN])


def _cheapest_rentals(catalog, table, need_gb: float, *, datacenter: bool = False):
    """The cheapest single-GPU offers of GPUs with at least ``need_gb`` usable memory, one per GPU, cheapest
    first (Macs and laptops are not rented). With ``datacenter``, a server deployment: the GPUs built for serving
    (class ``inference``: T4, L4, A10G...) when one holds it, else any data-centre GPU; never GeForce or
    workstation cards, which the big clouds do not offer (GeForce's driver licence excludes data-centre use)."""
    if datacenter:
        serving = _cheapest_rentals([g for g in catalog if g.gpu_class == "inference"], table, need_gb)
        if serving:
            return serving
        catalog = [
            g for g in catalog if g.gpu_class != "consumer" and "workstation" not in (g.form_factor or "")
        ]
    markets = []
    for gpu in catalog:
        if gpu.gpu_class == "local" or gpu.gpu_memory_gb < need_gb or gpu.software not in _RUNS_PYTORCH_TOOLS:
            continue
        market = gpu_market(table, gpu.name, n_gpus=1)
        if market.cheapest:
            markets.append(market)
    markets.sort(key=lambda m: (m.cheapest[0].per_gpu_hour, m.gpu))
    return tuple(markets[:_RENTALS_SHOWN])
