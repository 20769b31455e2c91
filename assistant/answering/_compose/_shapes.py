"""Headlines in the question's shape: which GPU is better for X, how many GPUs (for memory or a deadline), and
the card to buy for home use."""

from __future__ import annotations

import re

from ..._text import article
from ...sizing import (
    Fit,
    NoFit,
    Task,
    estimate_serving,
    gpus_for_deadline,
    is_local,
    load_assumptions,
    replicas_for,
    runtime_label,
    usable_memory_gb,
)
from ...understanding._premises import product_of
from .._facts import Facts
from ._format import capitalized, duration_text, gb, money, token_count

__all__ = [
    "asks_to_fit",
    "asks_will_oom",
    "asks_worth_price",
    "best_setup",
    "choice_pick",
    "choice_pick_asked",
    "choice_sentence",
    "count_sentence",
    "deadline_sentence",
    "fits_as_asked",
    "home_sentence",
    "lead_fit",
    "mac_sentence",
    "replicas_sentence",
    "reports_oom",
    "run_deadline",
    "servers_clause",
    "servers_held",
    "setups_sentence",
    "usable_gb_on",
    "variant_sentence",
]


_REPORTS_OOM = re.compile(
    r"\boom(?:s|ed|ing)?\b|\boom'd\b|out[- ]of[- ]memory|outofmemory"
    # "ran out of CUDA memory", "runs out of VRAM", "out of gpu mem", "running out of video memory"
    r"|\b(?:runs?|ran|running|goes|went|going) out of (?:(?:the )?(?:gpu|cuda|video|device) )?(?:memory|mem|vram)\b"
    r"|\bout of (?:gpu|cuda|video|device) (?:memory|mem)\b|\bout of vram\b"
    # "[METAL] Insufficient Memory", "not enough GPU memory"; "the machine panics ... something to do with memory",
    # "killed, RAM and swap full": a crash the user ties to memory is the same report
    r"|\binsufficient (?:gpu |device |video )?memory\b|\bnot enough (?:gpu |device |video )?memory\b"
    r"|\b(?:panics?|panicked|crash(?:es|ed)?|freez(?:es|ing)|gets? killed|was killed)\b[^?!]{0,80}?\b(?:memory|ram|vram|swap)\b"
)


# "will it OOM?", "would I run out of memory at 32k?", "am I gonna hit OOM": a yes/no whose "yes" is the failure
_WILL_OOM = re.compile(
    r"\b(?:will|would|won'?t|wouldn'?t|gonna|going to|might|could|is it likely to)\b(?:[^.?!]|\.(?=\w)){0,60}?"
    r"(?:\boom\b|out[- ]of[- ]memory|\brun out\b|\bcrash(?:es)?\b)(?:[^.?!]|\.(?=\w))*\?"
)


# "what should I change?", "how can I make it fit?", "any way to reduce VRAM?": the levers are the answer
_TO_FIT = re.compile(
    r"\bwhat (?:should|can|could|do) (?:i|we) (?:change|do|try|tweak|adjust|lower|reduce)\b"
    r"|\bhow (?:can|could|do|should) (?:i|we) (?:make (?:it|this) fit|fit|reduce|lower|cut|save|get (?:it|this) (?:to )?(?:fit|run|work))"
    r"|\b(?:any|a) (?:way|tips?|tricks?|settings?) to (?:fit|reduce|lower|cut|save|make)\b"
    r"|\b(?:reduce|lower|cut|save) (?:the )?(?:gpu )?(?:vram|memory)(?: usage| use)?\b"
)


def asks_to_fit(question: str) -> bool:
    """Whether the question asks what to change so the run fits ("what should I change?", "how to reduce VRAM")."""
    return bool(_TO_FIT.search(question.lower()))


def asks_will_oom(question: str) -> bool:
    """Whether the question asks if the run *will* run out of memory, so that "Yes" means it does not fit."""
    return bool(_WILL_OOM.search(question.lower()))


def reports_oom(question: str) -> bool:
    """Whether the user reports an out-of-memory error ("it OOMs", "CUDA out of memory", "ran out of memory")."""
    return bool(_REPORTS_OOM.search(question.lower()))


# (", which has only 80G" is a relative clause about a card, not a question asking to choose)
_CHOICE = re.compile(
    r"(?<!, )(?<!,)\bwhich\b|,\s*which\b(?!\s+(?:has|have|had|is|are|was|were|only|costs?|means|seems|makes|gives|uses|"
    r"runs|comes)\b)|\bbetter\b|\bvs\.?\b|\bversus\b|\bor\b|\bcompare|\bfaster\b|\bprefer|\bdiff(?:erence)?s?\b"
    # "is the H100 cheaper per run than the A100?": the cheaper of the cards named
    r"|\bcheaper\b|\bless expensive\b|\bmore cost[- ]effective\b"
)


# "is the speed gap down to V100 vs A100?", "which is faster": how fast, not only whether it fits
_SPEED_ASKED = re.compile(
    r"\bfast(?:er|est)?\b|\bslow\w*|\bspeed\b|\bperformance\b|\bthroughput\b|\bquicker\b|"
    r"\btokens?\s*(?:/|per)\s*s"
)


def _speed_clause(gpu, others, task: Task) -> str:
    """Per GPU, what limits the work's speed on ``gpu`` against ``others``: memory bandwidth for generating
    tokens, dense 16-bit compute for training."""
    if not others:
        return ""
    other = others[0]
    if task.is_training:
        mine, theirs = gpu.training_tflops or gpu.fp16_tflops, other.training_tflops or other.fp16_tflops
        unit, why = "dense FP16/BF16 TFLOPS", "training is bound by compute"
    else:
        mine, theirs = gpu.memory_bandwidth_gbs, other.memory_bandwidth_gbs
        unit, why = "GB/s of memory bandwidth", "generating tokens is bound by memory bandwidth"
    if not mine or not theirs:
        return ""
    if mine >= theirs:
        return (
            f" Per GPU the {gpu.name} is also faster: {why}, and it has {mine:,.0f} {unit} against {theirs:,.0f} on the "
            f"{other.name} (about {mine / theirs:.1f}x)."
        )
    return f" Per GPU the {other.name} is faster at this ({theirs:,.0f} {unit} against {mine:,.0f}): {why}."


_MANY_USERS = re.compile(
    r"\bmany (?:users|people|requests|customers)\b|\bthroughput\b|\bconcurren|\bproduction\b|\bat scale\b|\bbatch"
)


def choice_pick_asked(facts: Facts) -> bool:
    """Whether the question asks to choose between the GPUs it names ("which", "better", "vs", "or", ...) — or a
    bare follow-up keeps the earlier question's choice ("cheaper?", "and on AWS?" after "A100 vs H100 for X")."""
    asked = facts.understanding.shape_text
    return (
        bool(_CHOICE.search(asked.lower()))
        or asks_worth_price(asked)
        or (facts.understanding.details.cards_weighed and bool(_OVER.search(asked.lower())))
    )


# "is an H100 worth it over an A100", "would you pick the L4 over the T4": one card weighed against another
_OVER = re.compile(r"\bover\b")


def _one_card_method_choice(facts: Facts) -> str:
    """'3060 or 4060 Ti for fine-tuning a 7B?' (method and count unsaid, home cards) where neither card holds the
    first method alone: the choice for the fullest method one card of them holds (LoRA, QLoRA), by whether each holds it, then by
    compute — not a full fine-tune over a dozen cards. Empty otherwise."""
    details, work = facts.understanding.details, facts.workload
    if not (work.task.is_training and details.method_unstated) or details.gpu_count:
        return ""
    names = [c.gpu.name for c in facts.checks]
    if any(isinstance(c, Fit) and c.count == 1 for c in facts.checks):
        return ""
    if not (details.local or all(c.gpu.gpu_class in ("consumer", "local") for c in facts.checks)):
        return ""  # rented data-center cards are weighed for the method at any count
    for option in facts.options:
        if option.estimate.workload.optimizer != "adamw" or not option.estimate.workload.task.is_training:
            continue
        held = [n for n in names if isinstance(o := option.on_named.get(n), Fit) and o.count == 1]
        if not held:
            continue
        label = f"{option.label} of {work.model_label}"
        need = gb(option.estimate.total_gb)
        first = f"full fine-tuning needs about {gb(facts.estimate.total_gb)}, more than one of either holds"
        gpus = {c.gpu.name: c.gpu for c in facts.checks}
        if len(held) < len(names):
            best = gpus[held[0]]
            others = ", ".join(f"one {n} ({gpus[n].memory_gb:.0f} GB)" for n in names if n not in held)
            return (
                f"**The {best.name}** for {label}, the fullest method one card of either holds ({first}): it "
                f"needs about {need}, which one {best.name} ({best.memory_gb:.0f} GB) holds and {others} does not."
            )
        best = max((gpus[n] for n in held), key=lambda g: (g.training_tflops or 0.0, g.memory_gb))
        rest = [gpus[n] for n in held if n != best.name]
        return (
            f"**The {best.name}** for {label}, the fullest method one card of either holds ({first}): it needs "
            f"about {need}, which each holds; training is bound by compute, and the {best.name} brings "
            f"{best.training_tflops or 0:,.0f} dense BF16 TFLOPS against "
            + ", ".join(f"{g.training_tflops or 0:,.0f} for the {g.name}" for g in rest)
            + "."
        )
    return ""


def choice_sentence(facts: Facts, what: str, total: float) -> str:
    """'Which is better for X, A or B': one GPU, chosen by what limits X — whether it holds the work at all,
    then compute for training, tokens/s per GPU at full load for many users, tokens/s per sequence for one."""
    if len(facts.checks) < 2 or not choice_pick_asked(facts):
        return ""
    details = facts.understanding.details
    fits = [
        c
        for c in facts.checks
        if fits_as_asked(c, details.gpu_count) or (isinstance(c, Fit) and not details.gpu_count)
    ]
    single = [c for c in fits if c.count == 1 or details.gpu_count]
    if len(single) == 1:
        best = single[0]
        # the user's count ("add a second 3090 or get an A6000?" is two of each) or one
        several = bool(details.gpu_count and details.gpu_count > 1)
        many, each = (f"{details.gpu_count} x ", " each") if several else ("one ", "")
        others = ", ".join(f"{c.gpu.name} ({c.gpu.memory_gb:.0f} GB)" for c in facts.checks if c is not best)
        text = (
            f"**The {best.gpu.name}** for {what}: it needs about {gb(total)}, which {many}{best.gpu.name} "
            f"({best.gpu.memory_gb:.0f} GB{each}) holds and {many}{others} does not."
        )
        if _SPEED_ASKED.search(facts.understanding.shape_text.lower()):
            text += _speed_clause(
                best.gpu, [c.gpu for c in facts.checks if c is not best], facts.workload.task
            )
        return text
    if not fits:
        return ""
    work = facts.workload
    if adapters := _one_card_method_choice(facts):
        return adapters
    cost = _cost_choice(facts, fits, what)
    if cost:
        return cost
    if work.task.is_training:
        # "8x A100 or 4x H100?": the setups at the counts the user said, when each holds the run
        said = [s for s in facts.setups if isinstance(s, Fit)]
        if said and len(said) == len(facts.setups):
            fits = said

        def key(f):
            return (f.gpu.training_tflops or 0.0) * f.count

        best = max(fits, key=key)
        rest = [f for f in fits if f is not best]
        text = (
            f"**The {best.gpu.name}** for {what}: training is bound by compute, and {best.label} brings "
            f"{key(best):,.0f} dense BF16 TFLOPS against "
            + ", ".join(f"{key(f):,.0f} for {f.label}" for f in rest)
            + f" ({money(best.price_per_hour)}/hour against "
            + ", ".join(f"{money(f.price_per_hour)}" for f in rest)
            + ")."
        )
        timed = [f for f in (best, *rest) if f.training is not None]
        if (details.wants_time or details.wants_cost) and len(timed) == len(fits):
            # "how long and how much on each?": the job's time and bill on each, the pick first
            text += (
                " The job takes "
                + "; ".join(
                    f"about {duration_text(f.training.hours)}"
                    + (f" (about {money(f.training.cost)})" if f.training.cost is not None else "")
                    + f" on {f.label}"
                    for f in timed
                )
                + "."
            )
        return text
    many = (
        details.wants_capacity
        or (details.batch or 1) > 1
        or _MANY_USERS.search(facts.understanding.shape_text.lower())
    )
    if many and all(f.serving and f.serving.throughput_tokens_per_s for f in fits):

        def per_gpu(f):
            return f.serving.throughput_tokens_per_s / f.count

        best = max(fits, key=per_gpu)
        rest = [f for f in fits if f is not best]
        return (
            f"**The {best.gpu.name}** for {what} with many users: serving at scale is bound by memory bandwidth and "
            f"KV-cache room, and it generates about {per_gpu(best):,.0f} tokens/s per GPU at full load "
            f"({best.gpu.memory_gb:.0f} GB, {best.gpu.memory_bandwidth_gbs:,.0f} GB/s) against "
            + ", ".join(
                f"{per_gpu(f):,.0f} on the {f.gpu.name} ({f.gpu.memory_gb:.0f} GB, {f.gpu.memory_bandwidth_gbs:,.0f} GB/s)"
                for f in rest
            )
            + "."
        )

    def speed(f):
        if f.local is not None:
            return f.local.decode_tokens_per_s
        return f.serving.decode_tokens_per_s if f.serving else 0.0

    counts_differ = len({f.count for f in fits}) > 1
    best = max(fits, key=lambda f: speed(f) / f.count if counts_differ else speed(f))
    rest = [f for f in fits if f is not best]
    per_gpu = (
        f"; per GPU that is {speed(best) / best.count:,.0f} against "
        + ", ".join(f"{speed(f) / f.count:,.0f}" for f in rest)
        if counts_differ
        else ""
    )
    return (
        f"**The {best.gpu.name}** for {what}: generating one answer at a time is bound by memory bandwidth, and "
        f"{best.label} generates about {speed(best):,.0f} tokens/s ({best.gpu.memory_bandwidth_gbs:,.0f} GB/s each) "
        "against "
        + ", ".join(
            f"{speed(f):,.0f} on {f.label} ({f.gpu.memory_bandwidth_gbs:,.0f} GB/s each)" for f in rest
        )
        + f"{per_gpu}."
    )


def _setup_label(outcome: Fit | NoFit, count: int) -> str:
    g = outcome.gpu
    if count == 1:  # "one M2 Ultra 192GB", not "(192 GB)" again
        said = re.search(rf"\b{g.memory_gb:.0f}\s?GB\b", g.name)
        return f"one {g.name}" if said else f"one {g.name} ({g.memory_gb:.0f} GB)"
    return f"{count} x {g.name} ({count} x {g.memory_gb:.0f} = {count * g.memory_gb:.0f} GB)"


def choice_pick(facts: Facts) -> Fit | NoFit | None:
    """The named GPU ``choice_sentence`` picks (every choice it writes opens with '**The <GPU>**'), or None."""
    if facts.plan is None:
        return None
    text = choice_sentence(facts, "", facts.estimate.total_gb)
    m = re.match(r"\*\*The (.+?)\*\*", text)
    return next((c for c in facts.checks if m and c.gpu.name == m.group(1)), None)


# "is the H100 worth the extra cost?", "worth paying more for", "justify the price": speed against price
_WORTH_PRICE = re.compile(
    r"\bworth (?:the |its |their )?(?:extra |additional |higher )?(?:cost|money|price|premium|\$)|\bworth (?:paying|it)\b"
    r"|\bjustif(?:y|ies) the (?:cost|price|premium)\b|\bbang for (?:the|your) buck\b"
    # "more tokens per dollar", "better price/performance", "value for money", "cheaper per token"
    r"|\bper (?:dollar|\$|buck)\b|\bprice[- /]?(?:to[- ])?performance\b|\bperf(?:ormance)?[- /]?per[- /]?(?:dollar|\$)\b"
    r"|\bvalue for (?:the )?money\b|\b(?:cheaper|cheapest|cost) per (?:token|million tokens)\b"
    r"|\b(?:better|best|good|great|bigger) deal\b"
)


def asks_worth_price(question: str) -> bool:
    """Whether the question weighs what a GPU does against what it costs ("worth the extra cost?")."""
    return bool(_WORTH_PRICE.search(question.lower()))


def _cost_choice(facts: Facts, fits: list[Fit], what: str) -> str:
    """'Which is cheaper (per token) for X': for serving, the lowest cost per million generated tokens at full
    load; for a training job with a token budget, the lowest job cost. '' when the question is not about cost
    or a figure is missing."""
    wanted = facts.understanding.details.cheaper or asks_worth_price(facts.understanding.question)
    if not wanted or len(fits) < 2:
        return ""
    if facts.workload.task.is_training:
        priced = [f for f in fits if f.training and f.training.cost is not None]
        if len(priced) < len(fits):
            return _run_cost_ratio(fits, what)
        best = min(priced, key=lambda f: f.training.cost)
        rest = ", ".join(f"{money(f.training.cost)} on {f.label}" for f in priced if f is not best)
        return (
            f"**The {best.gpu.name}** is the cheapest for {what}: about {money(best.training.cost)} for the job on "
            f"{best.label} ({duration_text(best.training.hours)}), against {rest}."
        )
    priced = [f for f in fits if f.serving and f.serving.cost_per_million_tokens is not None]
    if len(priced) < len(fits):
        return ""
    best = min(priced, key=lambda f: f.serving.cost_per_million_tokens)
    rest = ", ".join(
        f"{money(f.serving.cost_per_million_tokens)} on {f.label}" for f in priced if f is not best
    )
    hourly = min(
        (f for f in fits if f.price_per_hour is not None), key=lambda f: f.price_per_hour, default=None
    )
    by_hour = (
        f" The {hourly.label} is cheaper per hour ({money(hourly.price_per_hour)}), but its full batch makes fewer "
        "tokens, so each token costs more."
        if hourly is not None and hourly is not best
        else ""
    )
    return (
        f"**The {best.gpu.name}** is the cheapest per token for {what}: about "
        f"{money(best.serving.cost_per_million_tokens)} per million generated tokens on {best.label} "
        f"({money(best.price_per_hour)}/hour) when kept busy, against {rest}; per token, what counts is the hourly "
        f"price over the tokens/s a full batch reaches.{by_hour}"
    )


def _run_cost_ratio(fits: list[Fit], what: str) -> str:
    """'Is the H100 cheaper per training run than the A100?' with no dataset size said: a run takes time in
    inverse proportion to the dense BF16 TFLOPS brought (training is bound by compute), so its cost goes as the
    hourly price over those TFLOPS — the ratio, at the same utilization, without a job total."""

    def flops(f: Fit) -> float:
        return (f.gpu.training_tflops or 0.0) * f.count

    if any(f.price_per_hour is None or not flops(f) for f in fits):
        return ""
    best = min(fits, key=lambda f: f.price_per_hour / flops(f))
    rest = [f for f in fits if f is not best]
    other = rest[0]
    faster = flops(best) / flops(other)
    share = (best.price_per_hour / flops(best)) / (other.price_per_hour / flops(other))
    if share > 0.9:  # a 0.99x "cheaper" is a tie: the faster card's speed is what its price buys
        return (
            f"**The {best.gpu.name}** and the {other.gpu.name} cost about the same per training run for {what} "
            f"({share:.2f}x): a run on {best.label} takes about 1/{faster:.1f} of the time ({flops(best):,.0f} "
            f"against {flops(other):,.0f} dense BF16 TFLOPS, training being bound by compute), and its hourly price "
            f"is {money(best.price_per_hour)} against {money(other.price_per_hour)}; so the {best.gpu.name} "
            "finishes sooner for the same money. Say the dataset size for the job's own cost."
        )
    return (
        f"**The {best.gpu.name}** is cheaper per training run for {what}: training is bound by compute, so a run "
        f"on {best.label} takes about 1/{faster:.1f} of the time on {other.label} ({flops(best):,.0f} against "
        f"{flops(other):,.0f} dense BF16 TFLOPS), at {money(best.price_per_hour)}/hour against "
        f"{money(other.price_per_hour)}: each run costs about {share:.2f}x as much on {best.label} "
        f"({money(best.price_per_hour)} / {flops(best):,.0f} against {money(other.price_per_hour)} / "
        f"{flops(other):,.0f}, the same utilization assumed; real speed-ups run below the spec ratio). Say the "
        "dataset size for the job's own cost."
    )


def _setup_speed(training: bool):
    def speed(f: Fit) -> float:
        if training:
            return (f.gpu.training_tflops or 0.0) * f.count
        return f.serving.decode_tokens_per_s if f.serving else 0.0

    return speed


def best_setup(facts: Facts) -> Fit | None:
    """The setup the answer names: the only one that holds the work, else the faster (compute for training,
    tokens/s for one user for inference)."""
    fits = [s for s in facts.setups if isinstance(s, Fit)]
    if not fits or facts.workload is None:
        return None
    return max(fits, key=_setup_speed(facts.workload.task.is_training))


def usable_gb_on(facts: Facts, gpu, work=None) -> float:
    """Memory per GPU the work (the plan's unless given) may fill on ``gpu``, as the fit check counts it (a Mac's
    GPU share included)."""
    work = work or facts.workload
    return usable_memory_gb(
        gpu, work.task.is_training, work.runtime, load_assumptions(), work.memory_fraction
    )[0]


def _asks_whether(facts: Facts) -> bool:
    """A yes/no about the setups ("can either run it?"), not a choice between them worded as one ("is it better to
    run it on A or B?")."""
    q = facts.understanding.question.lower()
    return facts.understanding.details.yes_no and not re.search(
        r"\bbetter\b|\bwhich\b|\bvs\.?\b|\bversus\b", q
    )


def _setups_in_a_smaller_format(facts: Facts, counts: dict, labels: dict, share: float) -> str:
    """'A6000 or two 3090s for 70B?' with no format said and neither holding 16-bit weights: the first smaller
    weight format (FP8, 8-bit, 4-bit) one of the setups holds, which of them do, and of those the faster for one
    answer at a time (each setup's roofline: memory bandwidth over the weights, split cards joined over their
    link); "" when a format was said, or none holds it."""
    work = facts.workload
    if work.task is not Task.INFERENCE or facts.understanding.details.precision is not None:
        return ""
    a = load_assumptions()
    only = None  # (format, setup, why): the first smaller format only one setup holds; a smaller one may suit both
    for option in facts.options:
        fmt = option.label.removeprefix("inference in ")
        if fmt == option.label or fmt == work.precision:
            continue
        holding = []
        for s in facts.setups:
            n = counts[s.gpu.name]
            if fmt == "fp8" and not s.gpu.fp8:
                continue
            if option.estimate.per_gpu_gb(n) <= usable_gb_on(facts, s.gpu, option.estimate.workload):
                holding.append((estimate_serving(option.estimate, s.gpu, n, a).decode_tokens_per_s, s))
        if not holding:
            continue
        holding.sort(key=lambda h: h[0], reverse=True)
        speed, best = holding[0]
        if len(holding) == 1:
            only = only or (
                fmt,
                labels[best.gpu.name],
                f"in {fmt} it needs about {gb(option.estimate.total_gb)}, which only {labels[best.gpu.name]} "
                f"holds (about {speed:,.0f} tokens/s for one answer at a time).",
            )
            continue
        rest = ", ".join(f"{sp:,.0f} on {labels[s.gpu.name]}" for sp, s in holding[1:])
        both = (
            f"{fmt} it needs about {gb(option.estimate.total_gb)} and both hold it; generating one answer at a "
            f"time is bound by memory bandwidth, and {labels[best.gpu.name]} gives about {speed:,.0f} tokens/s "
            f"against {rest}."
        )
        if only is None:
            return f"**{capitalized(labels[best.gpu.name])}, in {fmt}** — in {both}"
        only_fmt, only_setup, why = only  # one holds a larger format, both a smaller one: the trade to choose
        if only_setup == labels[best.gpu.name]:  # the one holding the larger format is the faster in both
            return f"**{capitalized(only_setup)}, in {only_fmt}** — {why} In {both}"
        if _asks_whether(facts):
            return f"**Yes, in {fmt} on either; in {only_fmt} only on {only_setup}** — {why} In {both}"
        pick = f"{capitalized(only_setup)} for {only_fmt}, {labels[best.gpu.name]} for speed in {fmt}"
        return f"**{pick}** — {why} In {both}"
    if only is None:
        return ""
    only_fmt, only_setup, why = only
    if _asks_whether(facts):
        return f"**Only in {only_fmt}, on {only_setup}** — {why}"
    return f"**{capitalized(only_setup)}, in {only_fmt}** — {why}"  # "which?": the setup that holds it


def _held_in_a_smaller_format(facts: Facts, setup, n: int, label: str) -> str:
    """The setup that does not hold the work as sized: the first smaller weight format it holds (FP8 only where the
    card computes it), with its size and one answer's speed there; "" when a format was said or none fits."""
    work = facts.workload
    if work.task is not Task.INFERENCE or facts.understanding.details.precision is not None:
        return ""
    partly, most = "", 0  # none holds every user: the format whose weights leave room for the most of them
    for option in facts.options:
        fmt = option.label.removeprefix("inference in ")
        if fmt == option.label or fmt == work.precision or (fmt == "fp8" and not setup.gpu.fp8):
            continue
        usable = usable_gb_on(facts, setup.gpu, option.estimate.workload)
        if option.estimate.per_gpu_gb(n) <= usable:
            speed = estimate_serving(option.estimate, setup.gpu, n, load_assumptions()).decode_tokens_per_s
            return (
                f" In {fmt} {label} holds it too: about {gb(option.estimate.total_gb)}, about {speed:,.0f} "
                "tokens/s for one answer at a time."
            )
        users = _users_held(option.estimate, usable * n, work.batch)
        if users > most:
            most, partly = (
                users,
                (
                    f" In {fmt} {label} holds the weights with cache room for about {users} of the {work.batch} users "
                    f"at {work.context:,} tokens each at once (the rest wait, or each gets a shorter context)."
                ),
            )
    return partly


def _users_held(estimate, usable_gb: float, users: int) -> int:
    """How many of ``users`` full-context sequences fit beside the weights in ``usable_gb``; 0 for one user."""
    if users < 2:
        return 0
    try:
        kv = estimate.item("KV cache").gb
    except StopIteration:
        return 0
    room = usable_gb - (estimate.total_gb - kv)
    return max(0, int(room // (kv / users))) if kv > 0 else 0


def setups_sentence(facts: Facts, what: str, total: float) -> str:
    """'One A6000 or two 3090s': which setup holds the work, and between setups that both do, the faster one and
    what splitting across cards costs (memory adds up only by sharding the model; the cards talk over their
    link every layer; the power adds up)."""
    setups = facts.setups
    counts = dict(facts.understanding.details.setups)
    if len(setups) < 2:
        return ""
    labels = {s.gpu.name: _setup_label(s, counts[s.gpu.name]) for s in setups}
    rooms = facts.setup_context

    def held(f: Fit) -> str:
        room = rooms.get(f.gpu.name)
        return f"{gb(f.per_gpu_gb)} per GPU" + (f" with a context of up to {room:,} tokens" if room else "")

    fits = [s for s in setups if isinstance(s, Fit)]
    if not fits:
        # the share of memory a serving engine or training run may use, not the cards' raw total, is what must
        # hold it: "148 GB, more than 2 x 80 = 160 GB holds" reads as a contradiction without it
        key = "training_memory_fraction" if facts.workload.task.is_training else "serving_memory_fraction"
        share = load_assumptions().number(key)
        usable = " or ".join(
            f"{gb(counts[s.gpu.name] * usable_gb_on(facts, s.gpu))} usable on {labels[s.gpu.name]}"
            for s in setups
        )
        mac = (
            " (on a Mac, of the share of its memory macOS lets the GPU use)"
            if any(s.gpu.gpu_memory_share for s in setups)
            else ""
        )
        neither = (
            f"{what} needs about {gb(total)}, more than the {usable} "
            f"({article(f'{share:.0%}')} {share:.0%} share of each card{mac}, the rest kept for the CUDA "
            "context and fragmentation)."
        )
        smaller = _setups_in_a_smaller_format(facts, counts, labels, share)
        return (
            f"{smaller} In {facts.workload.precision}, {neither}" if smaller else f"**Neither** — {neither}"
        )
    if len(fits) == 1:
        best = fits[0]
        others = " or ".join(
            f"{labels[s.gpu.name]} ({s.reason})" if isinstance(s, NoFit) else labels[s.gpu.name]
            for s in setups
            if s is not best
        )
        smaller = "".join(
            _held_in_a_smaller_format(facts, s, counts[s.gpu.name], labels[s.gpu.name])
            for s in setups
            if s is not best
        )
        return (
            f"**{capitalized(labels[best.gpu.name])}** — {what} needs about {held(best)} there, "
            f"which it holds and {others} does not.{smaller}"
        )
    training = facts.workload.task.is_training
    if not training and (load := _setups_under_load(facts, fits, labels, what)):
        return (
            load  # "one A100 or two L4s for 30 users?": the users each setup holds, the one that serves them
        )
    if not facts.understanding.details.local and (cost := _cost_choice(facts, fits, what)):
        # "which is cheaper per million tokens, 2x H100 or 4x A100?": the cost per token of each rented setup (at
        # home, "worth it over two 5090s?" weighs cards bought, not rental rates)
        return cost
    speed = _setup_speed(training)
    best = best_setup(facts)
    rest = [f for f in fits if f is not best]
    unit = "dense BF16 TFLOPS in all" if training else "tokens/s for one user"
    tied = all(f"{speed(f):,.0f}" == f"{speed(best):,.0f}" for f in rest)
    text = (
        f"**{capitalized(labels[best.gpu.name])}** for {what}: both hold it ("
        + "; ".join(f"{labels[f.gpu.name]}: {held(f)}" for f in fits)
        + (
            f"), and they are about as fast: {speed(best):,.0f} {unit} each."
            if tied  # two cards that split the layers read their halves one after the other: no faster than one
            else f"), and it is faster: about {speed(best):,.0f} {unit} against "
            + ", ".join(f"{speed(f):,.0f}" for f in rest)
            + "."
        )
    )
    split = max(fits, key=lambda f: f.count)
    single = min(fits, key=lambda f: f.count)
    if split.count > 1 and single.count == 1:
        link = (
            f"{split.gpu.name}'s high-speed link"
            if split.gpu.fast_link_joins(split.count)
            else "PCIe (no NVLink-class link)"
        )
        power = (
            f"; they draw {split.gpu.tdp_w * split.count:,.0f} W against {single.gpu.tdp_w:,.0f} W"
            if split.gpu.tdp_w and single.gpu.tdp_w
            else ""
        )
        if training:  # data parallelism: each card trains on its own batch, the gradients synced every step
            text += (
                f" In training the {split.count} x {split.gpu.name} each take their own micro-batches (data "
                f"parallelism, the model states sharded with FSDP / ZeRO-3 when they do not fit each), so their "
                f"TFLOPS add up, less the gradient (and, sharded, weight) traffic over {link} every step{power}; one "
                f"{single.gpu.name} has no such traffic."
            )
            return text
        text += (
            f" Several cards pool their memory only by splitting the model (tensor or pipeline parallelism), so "
            f"the {split.count} x {split.gpu.name} exchange activations over {link} at every layer{power}; one "
            f"{single.gpu.name} needs no splitting and keeps its whole memory for a longer context or more users."
        )
    return text


def _setups_under_load(facts: Facts, fits: list[Fit], labels: dict[str, str], what: str) -> str:
    """Setups weighed for many users at once: how many users each holds at a fluid speed (its KV-cache room after
    the weights), and the pick — the cheaper of those that hold the load asked, else the one that holds most."""
    details = facts.understanding.details
    many = (
        details.wants_capacity
        or (details.batch or 1) > 1
        or _MANY_USERS.search(facts.understanding.shape_text.lower())
    )
    if not many or not all(f.serving and f.serving.users is not None for f in fits):
        return ""
    load = details.batch if (details.batch or 1) > 1 else None

    def users(f: Fit) -> int:
        return f.serving.users or 0

    enough = [f for f in fits if load and users(f) >= load]
    best = min(enough, key=lambda f: f.price_per_hour or float("inf")) if enough else max(fits, key=users)
    rate = best.serving.user_tokens_per_s
    ctx = facts.workload.context
    each = "; ".join(
        f"{labels[f.gpu.name]} about {users(f)} users ({f.serving.max_sequences} sequences of {ctx:,} tokens fit "
        "its KV cache after the weights)"
        for f in fits
    )
    if load and enough:
        why = (
            f"both hold {load} users, and it costs less per hour"
            if len(enough) > 1
            else f"it holds {load} users at once and the other does not"
        )
    elif load:
        why = f"neither holds {load} at that speed, and it holds the most (more GPUs or a smaller format for the rest)"
    else:
        why = "it holds the most users at once"
    return (
        f"**{capitalized(labels[best.gpu.name])}** for {what}, {why}. At {rate:g} tokens/s per user: {each}. "
        "A serving engine with continuous batching (vLLM, TGI) is what turns that room into concurrent users."
    )


def variant_sentence(facts: Facts, what: str, total: float) -> str:
    """'Do I need the 80GB version?', '40GB or 80GB?', 'do I need an A100 or will a 4090 do?': the smaller card when it
    holds the work as asked (one card unless a count was given), and what the bigger one buys; a yes/no in the sense
    the question asks first ('is it enough' / 'do I need')."""
    checks = facts.checks
    q = facts.understanding.question.lower()
    asked = _need_or_enough(q)
    details = facts.understanding.details
    if len(checks) < 2 or ((details.wants_time or details.wants_cost) and asked is None):
        return ""  # "how long and how much on each?": the time and the bill of each, not which is enough
    if (
        len({product_of(c.gpu) for c in checks}) > 1
        and (
            len(checks) > 2
            or asked is None
            or _COUNTED.search(q)
            or (facts.understanding.details.gpu_count or 1) > 1
        )
    ):  # two different cards only as "do I need A, or will B do?", B the smaller (or, as big, the slower); not
        return ""  # "how many H100/H800s ... need at least 200 GPUs?", which asks a count
    count = facts.understanding.details.gpu_count
    training = facts.workload.task.is_training

    by_size = sorted(checks, key=lambda c: (c.gpu.memory_gb, c.gpu.bound_rate(training)))
    holding = [c for c in by_size if fits_as_asked(c, count)]
    if not holding:
        return ""
    small, big = by_size[0], by_size[-1]
    yes_no = facts.understanding.details.yes_no or bool(
        re.search(
            r"\b(?:is|are|will|would)\b[^?]*\benough\b|\bdo (?:i|we|you) (?:really |actually )?need\b", q
        )
    )
    asks_enough, asks_need = asked == "enough", asked == "need"
    on = f"{count} x " if count and count > 1 else "one "
    if holding[0] is small:
        fit = small
        verdict = "**Yes** — " if yes_no and asks_enough else "**No** — " if yes_no and asks_need else ""
        lead = f"the {small.gpu.name} is enough" if verdict else f"**The {small.gpu.name} is enough**"
        if big.gpu.memory_gb > small.gpu.memory_gb:
            buys = (
                f"the {big.gpu.name} ({big.gpu.memory_gb:.0f} GB) buys room for longer contexts, more concurrent "
                "users or bigger batches, not the ability to run it"
            )
        else:
            unit = "dense BF16 TFLOPS" if training else "GB/s"
            bound = (
                "training is bound by compute"
                if training
                else "generating tokens is bound by memory bandwidth"
            )
            buys = (
                f"the {big.gpu.name} buys speed, not the ability to run it ({bound}: {big.gpu.bound_rate(training):,.0f} {unit} "
                f"against {small.gpu.bound_rate(training):,.0f})"
            )
        return (
            f"{verdict}{lead}: {what} needs about {gb(fit.per_gpu_gb)} per GPU, within the {gb(fit.usable_gb)} "
            f"usable on {on}{small.gpu.name}; {buys}."
        )
    fit = holding[0]
    verdict = "**No** — " if yes_no and asks_enough else "**Yes** — " if yes_no and asks_need else ""
    lead = f"you need the {fit.gpu.name}" if verdict else f"**The {fit.gpu.name}**"
    return (
        f"{verdict}{lead}: {what} needs about {gb(total)}, more than {on}{small.gpu.name} holds "
        f"({small.gpu.memory_gb:.0f} GB, less the reserve); {on}{fit.gpu.name} holds it at {gb(fit.per_gpu_gb)} "
        f"per GPU of {gb(fit.usable_gb)} usable."
    )


# "is it enough / will it do / is a T4 fine / can I get away with" against "do I need / is X required": whichever the
# question says first is what its Yes or No answers ("do I need an A100, or will a 4090 do?" asks about the need)
_ENOUGH_WORDS = re.compile(
    r"\benough\b|\bsuffic|\bdo the (?:job|trick)\b|\bget away with\b|\bcut it\b"
    r"|\b(?:will|would|could|can|does|do)\b[^?,.]{0,40}?\b(?:do|work|suffice|handle|manage)\b(?=\s*(?:[?,.]|$|for\b|it\b))"
    r"|\b(?:is|are|would|will)\b[^?,.]{0,30}?\b(?:fine|ok|okay|alright|adequate|sufficient)\b"
)
_COUNTED = re.compile(r"\bhow many\b|\b\d+\s*(?:x\s*)?(?:gpus|cards|nodes)\b|\bnumber of\b")
_NEED_WORDS = re.compile(r"\bneed\b|\brequire|\bhave to\b|\bmust\b")


def _need_or_enough(question: str) -> str | None:
    """'enough' or 'need', by which the (lower-cased) question asks first; None when it asks neither."""
    enough, need = _ENOUGH_WORDS.search(question), _NEED_WORDS.search(question)
    if enough and need:
        return "enough" if enough.start() < need.start() else "need"
    return "enough" if enough else "need" if need else None


_HOW_MANY = re.compile(
    r"\bhow many\b(?! (?:concurrent |simultaneous )?(?:users|people|requests|tok(?:en)?s?\b|t/s|hours|days|"
    r"weeks|minutes|seconds|sequences|images|steps|epochs|layers|params|parameters))"
    # "what's the minimum number of GPUs", "min # of cards needed", "number of GPUs required"
    # "minimum number of 4090s", "least number of H100s": a card's plural name counts as "GPUs"
    r"|\b(?:min(?:imum)?|least|smallest)\s+(?:number|no\.?|#|count|amount)\s+of\s+"
    r"(?:gpus|cards|accelerators|nodes|[a-z]{0,4}\d{2,4}s)\b"
    r"|\bnumber of (?:gpus|cards|accelerators|[a-z]{0,4}\d{2,4}s) (?:needed|required|necessary|do (?:i|we) need)\b"
)


# the data a time budget allows is asked, not the time a dataset takes
_TOKENS_ASKED = re.compile(r"\bhow many (?:training |pre-?training )?tokens\b|\bhow much (?:data|text)\b")


def deadline_sentence(facts: Facts, what: str) -> str:
    """'Train it in a week': the GPUs that finish it in time, from its GPU-hours, and what that costs."""
    deadline, assumed = run_deadline(facts)
    fit = lead_fit(facts)
    if not deadline or fit is None or fit.training is None:
        return ""
    t = fit.training
    details = facts.understanding.details
    if (
        _TOKENS_ASKED.search(facts.understanding.question.lower())
        and not details.tokens
        and t.tokens_per_s_per_gpu
    ):
        # "how many tokens can I pretrain on in a month with 8 H100s?": the data the time allows, not a dataset
        n = details.gpu_count or fit.count
        tokens = t.tokens_per_s_per_gpu * n * deadline * 3600
        price = fit.gpu.price_per_hour
        bill = f" (≈ {money(deadline * n * price)} at {money(price)} per GPU-hour)" if price else ""
        return (
            f"About **{token_count(tokens)} tokens** in {duration_text(deadline)} on {n} x {fit.gpu.name}: {what} trains at "
            f"about {t.tokens_per_s_per_gpu:,.0f} tokens/s per GPU, x {n} GPUs x {deadline:,.0f} hours{bill}."
        )
    per_node = int(load_assumptions().number("gpus_per_node"))
    n = gpus_for_deadline(t, fit.count, deadline, per_node)
    hours = t.gpu_hours / n
    price = fit.gpu.price_per_hour
    cost = f" (≈ {money(hours * n * price)} at {money(price)} per GPU-hour)" if price else ""
    servers = f" ({n // per_node} servers of {per_node})" if n > per_node and not n % per_node else ""
    how = (
        f"for a run of about {deadline / 24:g} days (no deadline was given, so that wall clock is assumed): "
        if assumed
        else f"to finish within {duration_text(deadline)}: "
    )
    return (
        f"**{n} x {fit.gpu.name}**{servers} {how}{what} on "
        f"{token_count(facts.workload.tokens)} tokens takes about {t.gpu_hours:,.0f} GPU-hours "
        f"({t.gpu_hours / 24:,.0f} GPU-days{_flops_at_mfu(t) if assumed else ''}), so {f'{n} GPUs take' if n > 1 else 'one GPU takes'} "
        f"about {duration_text(hours)}{cost}." + (_other_deadlines(t, fit, per_node) if assumed else "")
    )


def run_deadline(facts: Facts) -> tuple[float | None, bool]:
    """The wall-clock hours a training run is sized to, and whether it was assumed: the user's deadline, else for
    a pre-training run no single setup finishes in a sensible time, ``pretraining_wall_clock_days``."""
    details = facts.understanding.details
    if details.deadline_hours:
        return details.deadline_hours, False
    fit = lead_fit(facts)
    if facts.workload is None or facts.workload.task is not Task.PRETRAIN or details.gpu_count:
        return None, False
    if (
        details.wants_cost
        and not details.wants_time
        and not _HOW_MANY.search(facts.understanding.shape_text.lower())
    ):
        return None, False  # "what would it cost?": the bill, which the GPU count barely moves
    hours = load_assumptions().number("pretraining_wall_clock_days") * 24
    if fit is None or fit.training is None or fit.training.hours <= hours:
        return None, False
    return hours, True


def _flops_at_mfu(t) -> str:
    """'; 8.4e22 FLOPs at 40% MFU': the run's 6 x parameters x tokens and the utilisation assumed."""
    a = load_assumptions()
    flops = f"{t.flops:.1e}".replace("e+", "e")
    return (
        f"; {flops} FLOPs, {a.number('training_flops_per_param_token'):g} x parameters x tokens, at "
        f"{a.number('training_mfu'):.0%} MFU, within the {a.number('training_mfu_low'):.0%}-"
        f"{a.number('training_mfu_high'):.0%} large runs report"
    )


def _other_deadlines(t, fit, per_node: int) -> str:
    """' For 2 weeks: 176 GPUs; for 3 months: 32.': the count at a shorter and a longer wall clock."""
    counts = [
        f"{gpus_for_deadline(t, fit.count, days * 24, per_node)} GPUs for {days:g} days"
        for days in (
            load_assumptions().number("pretraining_wall_clock_short_days"),
            load_assumptions().number("pretraining_wall_clock_long_days"),
        )
    ]
    return f" Other wall clocks on the {fit.gpu.name}: " + ", ".join(counts) + "."


def batch_sentence(facts: Facts, what: str) -> str:
    """'What's the largest batch that fits?' and 'it OOMs at batch 16': the most sequences per step that fit
    on the user's GPUs, from the memory arithmetic, and (for a batch that does not fit) the gradient
    accumulation that keeps their effective batch."""
    plan = facts.plan
    details = facts.understanding.details
    if plan is None or plan.batch_room is None:
        return ""
    name, count, most = plan.batch_room
    on = f"{count} x {name}" if count > 1 else f"one {name}"
    seq = f"{facts.workload.context:,}-token sequences"
    asked = details.batch or 1
    if most == 0:  # the batch is not the lever: the verdict on the setup says what is
        if not details.largest_batch:
            return ""
        return (
            f"**Not even one** of the {seq} fits on {on} for {what}: the job does not fit there at any batch "
            "(see below for what does)."
        )
    if details.largest_batch:
        per_step = f"{most:,} sequence{'s' if most > 1 else ''} of {facts.workload.context:,} tokens"
        if facts.workload.task is Task.INFERENCE:
            # served: sequences the KV cache holds at once, not a training step's batch
            return (
                f"**Batch {most:,}** — {per_step} at once is the most the KV cache holds on {on} for {what}; a "
                "serving engine queues the rest (vLLM `--max-num-seqs` caps it), and shorter sequences or an FP8 "
                "KV cache fit more."
            )
        return (
            f"**Batch {most:,}** — {per_step} per step is the most that fits on {on} for {what}; for a "
            "larger effective batch, add gradient accumulation steps."
        )
    if asked > most and facts.workload.task is Task.INFERENCE:
        return (
            f"At {asked} sequences at once it does not fit on {on}: the KV cache holds **{most:,}** {seq} at "
            f"a time. A serving engine runs that many and queues the rest (vLLM `--max-num-seqs` is a cap, not "
            "a reservation); shorter contexts, an FP8 KV cache or more GPUs hold more."
        )
    if asked > most:
        steps = -(-asked // most)
        return (
            f"At batch {asked} it does not fit on {on}: **batch {most}** of {seq} is the most that fits. Keep an "
            f"effective batch of about {asked} with batch {most} x {steps} gradient accumulation steps."
        )
    return ""


def count_sentence(facts: Facts, what: str, total: float) -> str:
    """'How many GPUs' first: the count, then what it holds."""
    if not _HOW_MANY.search(facts.understanding.shape_text.lower()):
        return ""
    fit = lead_fit(facts)
    if facts.checks and not any(isinstance(c, Fit) for c in facts.checks):
        # "how many, we have A100s": the count of their GPU that holds it, not another GPU's
        gpu = facts.checks[0].gpu
        fit = next((f for f in facts.plan.report.fits if f.gpu.name == gpu.name), fit)
    if fit is None:
        return ""
    if served := replicas_sentence(facts, fit, what):  # "200 users at 30 tok/s each": speed, not only memory
        return served
    kv = ""
    if facts.workload.task is Task.INFERENCE and facts.workload.batch > 1:
        kv = f", with KV cache for {facts.workload.batch} sequences of {facts.workload.context:,} tokens"
    if each := _count_of_each(facts, fit):  # "H100 or H200, how many?": the count of every GPU named
        return (
            " or ".join(f"**{f.count} x {f.gpu.name}**" for f in each)
            + f" — {what} needs about {gb(total)} in all: "
            + "; ".join(
                f"{gb(f.per_gpu_gb)} per GPU of the {gb(f.usable_gb)} usable on the {f.gpu.name}"
                + (f" ({money(f.price_per_hour)}/hour)" if f.price_per_hour else "")
                for f in each
            )
            + "."
        )
    nodes = ""
    per_node = int(load_assumptions().number("gpus_per_node"))
    if facts.workload.task.is_training and fit.count > per_node and not fit.gpu.is_owned_hardware:
        # past one server's GPUs: whole servers, the model states sharded over them with ZeRO-3 / FSDP
        nodes = f" ({servers_clause(facts.estimate, fit)}; sharded with DeepSpeed ZeRO-3 or FSDP over InfiniBand-class networking)"
    return (
        f"**{fit.count} x {fit.gpu.name}**{nodes} — {what} needs about {gb(total)} in all{kv}: "
        f"{gb(fit.per_gpu_gb)} per GPU of the {gb(fit.usable_gb)} usable ({money(fit.price_per_hour)}/hour)."
        + _fewer_at_raised_share(facts, fit)
        + _rented_there(facts, fit)
    )


def servers_held(estimate, fit: Fit) -> int:
    """The fewest GPUs of ``fit``'s kind whose memory holds the run, before rounding up to whole servers."""
    per_node = int(load_assumptions().number("gpus_per_node"))
    start = max(1, fit.count - per_node + 1)
    return next((n for n in range(start, fit.count) if estimate.per_gpu_gb(n) <= fit.usable_gb), fit.count)


def servers_clause(estimate, fit: Fit) -> str:
    """'3 servers of 8: the memory needs 17, and clusters rent whole servers' for a training fit past one server;
    '' within one."""
    per_node = int(load_assumptions().number("gpus_per_node"))
    if fit.count <= per_node or fit.gpu.is_owned_hardware:
        return ""
    servers = f"{-(-fit.count // per_node)} servers of {per_node}"
    least = servers_held(estimate, fit)
    if least < fit.count:  # the memory alone needs fewer; clusters are rented by the whole server
        servers += f": the memory needs {least}, and clusters rent whole servers"
    return servers


def _fewer_at_raised_share(facts: Facts, fit: Fit) -> str:
    """A served model that also starts on fewer of the card when the engine may use more of each (vLLM
    `--gpu-memory-utilization 0.95`, nothing else on the GPUs): how many, and how little KV cache is then left —
    "Llama 3 70B in bf16 needs 4 x 80 GB" is the comfortable count, while 2 run it, tight, in production."""
    work = facts.workload
    if work.task is not Task.INFERENCE or fit.count < 2 or is_local(work.runtime) or work.memory_fraction:
        return ""
    if facts.understanding.details.gpu_count:
        return ""  # a count they said is what is checked
    from dataclasses import replace

    from ...sizing import fit_gpu

    assumptions = load_assumptions()
    share = assumptions.number("serving_memory_fraction_raised")
    raised = replace(facts.estimate, workload=replace(work, memory_fraction=share))
    fewer = None
    count = fit.count // 2
    while count >= 1:
        tight = fit_gpu(raised, fit.gpu, assumptions, count=count)
        if not isinstance(tight, Fit) or tight.count != count:
            break
        fewer, count = tight, count // 2
    if fewer is None:
        return ""
    room = ""
    if fewer.serving is not None and fewer.serving.max_sequences:
        n = fewer.serving.max_sequences
        room = (
            f", with KV cache left for about {n} sequence{'s' if n != 1 else ''} of {work.context:,} tokens"
        )
    return (
        f" It also starts on **{fewer.count} x {fit.gpu.name}** when the engine may use {share:g} of each card "
        f"(vLLM `--gpu-memory-utilization {share:g}`, SGLang `--mem-fraction-static {share:g}`, nothing else on "
        f"the GPUs): about {gb(fewer.per_gpu_gb)} per GPU{room} — tight, for a few users at a time."
    )


def _count_of_each(facts: Facts, lead: Fit) -> list[Fit]:
    """The fewest of each GPU the user named, the lead first, when they named two or more and no count of their
    own (else empty)."""
    details = facts.understanding.details
    if len(details.gpus) < 2 or details.gpu_count or details.setups:
        return []
    fits = {f.gpu.name: f for f in facts.plan.report.fits if f.gpu.name in details.gpus}
    if lead.gpu.name not in fits or len(fits) < 2:
        return []
    return [lead, *(f for name, f in fits.items() if name != lead.gpu.name)]


def _rented_there(facts: Facts, fit: Fit) -> str:
    """' On aws they come as 1x p5.48xlarge (8 GPUs), $98.32/hour …': the provider the user named, when the
    count their GPU needs is not how that provider rents it (AWS sells H100s eight to an instance)."""
    if (
        not facts.understanding.details.providers
        or getattr(fit, "offering", None) is not None
        or not facts.plan
    ):
        return ""
    rented = next(
        (f for f in facts.plan.report.fits if f.gpu.name == fit.gpu.name and getattr(f, "offering", None)),
        None,
    )
    if rented is None or rented.count == fit.count:
        return ""
    o = rented.offering
    return (
        f" Rented from {o.provider} that is {rented.where} — {o.gpus_per_instance} GPUs per instance, "
        f"{rented.count} in all — at "
        f"{money(rented.price_per_hour)}/hour on demand (as of {o.as_of.isoformat()})."
    )


def replica_plan(facts: Facts, fit: Fit):
    """How many of the lead GPU serve the asked users at the asked speed each (replicas of the model), or None
    when the question gives no speed per user or no users."""
    work, details = facts.workload, facts.understanding.details
    if (
        work.task is not Task.INFERENCE
        or work.batch <= 1
        or not details.user_tokens_per_s
        or facts.plan is None
    ):
        return None
    return replicas_for(facts.plan.estimate, fit.gpu, work.batch, load_assumptions())


def replicas_sentence(facts: Facts, fit: Fit, what: str) -> str:
    """'How many GPUs for 200 users at 30 tok/s each?': the GPUs that give every user that speed, as replicas of
    the model behind a load balancer — memory for their KV cache alone can take fewer GPUs than the speed does."""
    plan = replica_plan(facts, fit)
    work = facts.workload
    rate = facts.understanding.details.user_tokens_per_s
    if plan is None:
        return ""
    copy = (
        f"one {fit.gpu.name}"
        if plan.per_replica == 1
        else f"{plan.per_replica} x {fit.gpu.name} (tensor-parallel)"
    )
    layout = (
        f"{plan.replicas} replicas of {copy} behind a load balancer"
        if plan.replicas > 1
        else f"one copy on {copy}"
    )
    text = (
        f"**{plan.gpus} x {fit.gpu.name}** for {work.batch} concurrent users at {rate:g} tokens/s each, as "
        f"{layout}: each copy of {work.model_label} ({work.precision}) serves about {plan.users_each} users at "
        "that speed (generation reads the weights and every user's KV cache each step, so more users per copy "
        "means slower tokens for each)."
    )
    if fit.count < plan.gpus:
        text += (
            f" Memory alone — the weights plus KV cache for {work.batch} sequences of {work.context:,} tokens, "
            f"{gb(facts.estimate.total_gb)} — fits on {fit.count}, but not at that speed."
        )
    return text


def home_sentence(facts: Facts, what: str, where: str) -> str:
    """At home: the card to buy (its memory, not an hourly rate) and the runtime the figures assume."""
    pick, work = facts.pick, facts.workload
    runtime = f" under {runtime_label(work.runtime)}" if work.runtime != "server" else ""
    speed = ""
    if pick.local is not None:
        speed = f", about {pick.local.decode_tokens_per_s:,.0f} tokens/s"
    elif pick.serving is not None:
        speed = f", about {pick.serving.decode_tokens_per_s:,.0f} tokens/s"
    text = (
        f"To run it at home: {where} ({pick.gpu.memory_gb:.0f} GB{' each' if pick.count > 1 else ''}) — {what}{runtime} needs about "
        f"**{gb(facts.estimate.total_gb)}**{speed}."
    )
    price = next((p for p in facts.purchases if p.name == pick.gpu.name), None)
    if price is not None:
        each = " each" if pick.count > 1 else ""
        if price.street:
            text += f" It sells for about **${price.street.usd:,.0f}**{each} (street price, {price.street.as_of.isoformat()}; launch MSRP ${price.msrp_usd:,.0f})."
        else:
            when = f" ({price.launched.isoformat()})" if price.launched else ""
            text += f" Its launch MSRP was **${price.msrp_usd:,.0f}**{each}{when}; I have no current street price for it."
    return text


def lead_fit(facts: Facts) -> Fit | None:
    """The setup the answer is about: the user's own GPUs when they fit, else the pick."""
    return facts.plan.lead if facts.plan else None


def fits_as_asked(outcome: Fit | NoFit | None, count: int | None) -> bool:
    """Fits on the user's count of GPUs, or on one when they gave none."""
    return isinstance(outcome, Fit) and (count is not None or outcome.count == 1)


def longest_context_sentence(facts: Facts, what: str) -> str:
    """'How long can the context be on my L4?': the KV-cache tokens the user's GPUs hold after the weights —
    the most one sequence can use (concurrent requests share it) — with the arithmetic."""
    plan, details = facts.plan, facts.understanding.details
    if plan is None or not plan.context_room or not details.longest_context:
        return ""
    name, tokens = next(iter(plan.context_room.items()))
    count = details.gpu_count or 1
    on = name if name.startswith("your ") else f"{count} x {name}" if count > 1 else f"one {name}"
    work, estimate, instead = facts.workload, facts.estimate, ""
    if tokens <= 0:
        return f"**None** — {what} does not fit on {on} even before any KV cache (see below for what does)."
    if plan.context_estimate is not None:  # none in the default format: the room in the leaner one
        instead = (
            f" In {work.precision} the weights alone ({gb(estimate.item('weights').gb)}) leave no room, so this is "
            f"for {plan.context_estimate.workload.precision} weights."
        )
        estimate = plan.context_estimate
        work = estimate.workload
        what = what.replace(f" in {facts.workload.precision}", f" in {work.precision}")
    kv = estimate.item("KV cache").gb * 1e9 / (work.context * work.batch)
    weights = estimate.item("weights").gb
    share = work.memory_fraction
    reserve = (
        f"the {share:.0%} of memory you let the engine reserve"
        if share
        else "the memory a serving engine reserves"
    )
    setting = tokens // 1024 * 1024 if tokens >= 2048 else tokens
    flag = f"vLLM `--max-model-len {setting}`"
    if is_local(work.runtime):  # llama.cpp, Ollama, LM Studio: the card's memory, no serving reserve
        reserve = "the card's memory"
        flag = f"llama.cpp `-c {setting}`, Ollama `num_ctx {setting}`"
    text = (
        f"**About {tokens:,} tokens** of context fit on {on} for {what}: once the weights ({gb(weights)}) are "
        f"loaded, {reserve} leaves room for {tokens:,} tokens of KV cache at about "
        f"{kv / 1024:,.0f} KiB per token ({work.kv_precision}) — the most one sequence can use; concurrent "
        f"requests share it ({flag}).{instead}"
    )
    limit = work.shape.max_context
    if limit and limit < tokens and not work.shape_is_proxy:
        text += f" The model itself is trained for at most {limit:,} tokens, so that is the real limit."
    if work.kv_precision not in ("fp8", "int8", "int4", "q8_0", "q4_0"):
        text += (
            " A q8_0 KV cache (`-fa -ctk q8_0 -ctv q8_0`, OLLAMA_KV_CACHE_TYPE=q8_0 with flash attention) roughly doubles the room."
            if is_local(work.runtime)
            else " An FP8 KV cache roughly doubles the room."
        )
    return text


def mac_sentence(facts: Facts, what: str, total: float) -> str:
    """'Would it run on a Mac?' (chip and memory unsaid): the least unified memory that holds it, the Macs
    with that much, and what one of them generates; or that no Mac in the catalog does."""
    macs = [c for c in facts.checks if c.gpu.vendor == "Apple"]
    fits = [c for c in macs if isinstance(c, Fit) and c.count == 1]
    if not macs:
        return ""
    details = facts.understanding.details
    if details.method_unstated and facts.workload.task.is_training:
        return _mac_methods(facts, macs)
    if not fits:
        largest = max((c.gpu for c in macs), key=lambda g: g.memory_gb)
        return (
            f"**No** — {what} needs about {gb(total)}, more than any Mac in the catalog lets its GPU use (the "
            f"largest, {largest.name}, has {largest.memory_gb:.0f} GB of unified memory)."
        )
    least = min(f.gpu.memory_gb for f in fits)
    these = [f for f in fits if f.gpu.memory_gb == least]
    best = max(these, key=lambda f: f.gpu.memory_bandwidth_gbs)
    names = ", ".join(f.gpu.name for f in these[:4])
    smaller = sorted({c.gpu.memory_gb for c in macs if c.gpu.memory_gb < least})
    too_small = f" Macs with {', '.join(f'{m:.0f}' for m in smaller)} GB do not hold it." if smaller else ""
    speed = (
        f" On the {best.gpu.name} it generates about {best.local.decode_tokens_per_s:,.0f} tokens/s."
        if best.local
        else ""
    )
    return (
        f"**Yes, with a Mac of at least {least:.0f} GB of unified memory** ({names}) — {what} needs about "
        f"{gb(total)}, and macOS lets the GPU use about {gb(best.usable_gb)} of {least:.0f} GB.{too_small}{speed}"
    )


def _mac_methods(facts: Facts, macs) -> str:
    """A fine-tune with its method unsaid, on a Mac: per method (full / LoRA / QLoRA) the least unified memory
    that holds it."""
    lines = []
    least_overall = None
    for option in facts.options:
        if option.estimate.workload.task not in (Task.FULL, Task.LORA, Task.QLORA):
            continue
        if option.estimate.workload.optimizer != "adamw":
            continue
        held = [
            o for o in (option.on_named.get(c.gpu.name) for c in macs) if isinstance(o, Fit) and o.count == 1
        ]
        label = option.label[0].upper() + option.label[1:]
        if not held:
            lines.append(f"{label}: no Mac holds it (about {gb(option.estimate.total_gb)}).")
            continue
        least = min(o.gpu.memory_gb for o in held)
        least_overall = least if least_overall is None else min(least_overall, least)
        lines.append(f"{label}: about {gb(option.estimate.total_gb)}, a Mac with at least {least:.0f} GB.")
    if not lines:
        return ""
    head = (
        f"**Yes, with a Mac of at least {least_overall:.0f} GB of unified memory** and the leanest method that "
        f"fits — fine-tuning {facts.workload.model_label} on a Mac (Metal, e.g. MLX LoRA):"
        if least_overall is not None
        else f"**No** — no Mac in the catalog holds a fine-tune of {facts.workload.model_label}:"
    )
    return head + "\n" + " ".join(lines)
