"""The offline answer writer: Markdown from facts and retrieved passages, no LLM needed.

The first sentence answers the question; then the numbers (a breakdown, a short table), the
assumptions and the caveats. Every number printed here comes from ``Facts`` (catalog, model
specs, sizing engine); explanations are quoted from retrieved guide passages.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from ._catalog import GPU
from ._facts import Facts
from ._names import compact
from ._understanding import Intent
from .sizing import Fit, Task

__all__ = ["HELP_TEXT", "Passage", "compose"]

HELP_TEXT = (
    "I help you choose a GPU or AI accelerator for machine-learning work: which GPU to train, "
    "fine-tune or serve a model on, how much memory it needs, how many GPUs, how fast, and what it "
    "costs per hour — plus specs, prices and comparisons for 42 GPUs and accelerators, and "
    "explanations (LoRA vs QLoRA, quantization, KV cache, multi-GPU). Try:\n\n"
    "- *Which GPU should I use to fine-tune a 7B model?*\n"
    "- *Can I serve Llama 3 70B on one L40S?*\n"
    "- *How much does an H100 cost per hour?*\n"
    "- *Compare the L4 and the T4*\n"
    "- *What is the difference between training and inference GPUs?*"
)


class Passage(Protocol):
    """A retrieved text with metadata (a LangChain Document fits)."""

    page_content: str
    metadata: dict


def compose(facts: Facts, passages: Sequence[Passage]) -> str:
    """The complete Markdown answer for ``facts``."""
    intent = facts.understanding.intent
    if intent is Intent.GREETING:
        return "Hi! " + HELP_TEXT
    if intent is Intent.OUT_OF_SCOPE:
        return (
            "That is outside what I can help with. " + HELP_TEXT
        )
    if facts.unknown_model:
        return _unknown_model(facts)
    if facts.estimate is not None:
        return _workload_answer(facts, passages)
    if intent is Intent.COMPARE and len(facts.gpus) >= 2:
        return _compare(facts)
    if intent is Intent.PRICE and facts.gpus:
        return _price(facts)
    if intent is Intent.SPEC and facts.gpus:
        return _spec(facts)
    if intent is Intent.RECOMMEND:
        return _general_recommendation(facts, passages)
    return _explain(facts, passages)


def _unknown_model(facts: Facts) -> str:
    asked = facts.unknown_model
    variants = [m for m in facts.known_models if compact(m).startswith(compact(asked))]
    if variants:
        return (
            f"Which **{asked.title()}** do you mean? I know {', '.join(variants)}. Name the size (for example "
            f"*{variants[0]}*) and say whether you want to serve it or fine-tune it, and I will size it."
        )
    family = re.match(r"[a-z]+", asked.lower()).group()
    related = [m for m in facts.known_models if m.lower().startswith(family)]
    return (
        f"I don't have the architecture of **{asked.title()}** in my model specs, so I can't size it without "
        "guessing. Tell me its parameter count (for example *a 70B model*) and I will size it with the layout "
        "of a similar open model.\n\n"
        f"Models I do know{' from that family' if related else ''}: {', '.join(related or facts.known_models)}."
    )


# --- formatting -------------------------------------------------------------------------------


def gb(value: float) -> str:
    """'17.4 GB' (one decimal below 100 GB, none above)."""
    return f"{value:,.1f} GB" if value < 100 else f"{value:,.0f} GB"


def money(value: float | None) -> str:
    """'$2.99' or 'unknown'."""
    if value is None:
        return "unknown"
    return f"${value:,.2f}" if value < 1000 else f"${value:,.0f}"


def _num(value: float | None, unit: str = "", digits: int = 0) -> str:
    return "unknown" if value is None else f"{value:,.{digits}f}{unit}"


def _hours(hours: float) -> str:
    if hours < 1:
        return f"{hours * 60:.0f} minutes"
    if hours < 48:
        return f"{hours:.1f} hours"
    return f"{hours / 24:.1f} days"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _price_note(gpus: Sequence[GPU]) -> str:
    dated = sorted({g.price.as_of for g in gpus if g.price})
    if not dated:
        return ""
    when = dated[0].strftime("%B %Y") if len(dated) == 1 else f"{dated[0]:%B %Y}–{dated[-1]:%B %Y}"
    return f"Prices are indicative typical on-demand rates per GPU-hour, seen {when}; spot and reserved prices are lower and vary by provider and region."


# --- workloads --------------------------------------------------------------------------------


def _workload_answer(facts: Facts, passages: Sequence[Passage]) -> str:
    work, estimate = facts.workload, facts.estimate
    intent = facts.understanding.intent
    what = f"{work.task.label} of {work.model_label}"
    if work.task is Task.INFERENCE:
        what += f" in {work.precision}"
    parts: list[str] = []
    total = estimate.total_gb
    if facts.checks:
        parts.append(_check_sentence(facts, what, total))
    elif facts.pick:
        pick = facts.pick
        lead = "The cheapest option" if facts.understanding.details.cheaper else "Best value"
        if facts.understanding.details.faster:
            lead = "Fastest option"
        where = f"**{pick.label}**" if pick.count > 1 else f"**one {pick.gpu.name}**"
        split = f", {gb(pick.per_gpu_gb)} per GPU when split across {pick.count}" if pick.count > 1 else ""
        rate = _serving_rate(pick)
        if intent is Intent.SIZE:
            parts.append(
                f"{_capital(what)} needs about **{gb(total)}** of GPU memory{split}. "
                f"{lead}: {where} ({money(pick.price_per_hour)}/hour{rate})."
            )
        else:
            parts.append(
                f"{lead}: {where} ({money(pick.price_per_hour)}/hour{rate}) — {what} needs about "
                f"{gb(total)} of GPU memory{split}."
            )
        cheaper = [
            f for f in facts.shown
            if f is not pick and f.price_per_hour is not None and pick.price_per_hour is not None
            and f.price_per_hour < pick.price_per_hour
        ]  # fmt: skip
        if cheaper and not facts.understanding.details.cheaper:
            parts.append(
                "Cheaper fits come with trade-offs: "
                + "; ".join(f"{f.label} at {money(f.price_per_hour)}/hour ({_tradeoff(f)})" for f in cheaper[:3])
                + "."
            )
    else:
        parts.append(
            f"{what[0].upper() + what[1:]} needs about **{gb(total)}** of GPU memory, and no GPU in the catalog"
            + (" that matches your filters" if facts.filters else "")
            + " holds it within 64 GPUs."
        )
    notes = [d.removeprefix("note: ") for d in facts.defaults if d.startswith("note:")]
    if notes:
        parts.append(" ".join(f"**Note:** {_capital(n)}." for n in notes))
    parts.append(_breakdown(facts))
    if facts.shown:
        parts.append(_fits_table(facts))
    options = _options_text(facts)
    if options:
        parts.append(options)
    speed = _speed_text(facts)
    if speed:
        parts.append(speed)
    parts.append(_assumptions_text(facts))
    caveats = _caveats(facts)
    if caveats:
        parts.append("**Caveats**\n" + "\n".join(f"- {c}" for c in caveats))
    related = _related(passages)
    if related:
        parts.append(related)
    return "\n\n".join(p for p in parts if p)


def _check_sentence(facts: Facts, what: str, total: float) -> str:
    sentences = []
    for outcome in facts.checks:
        gpu = outcome.gpu
        count = facts.understanding.details.gpu_count
        if isinstance(outcome, Fit):
            on = f"{count} x {gpu.name}" if count and count > 1 else (f"one {gpu.name}" if outcome.count == 1 else outcome.label)
            if _SPEED_QUESTION.search(facts.understanding.question.lower()):
                speed = _speed_sentence(outcome, what, on)
                if speed:
                    sentences.append(speed)
                    continue
            sentences.append(
                f"**Yes** — {what} fits on {on}: it needs about {gb(outcome.per_gpu_gb)} per GPU of the "
                f"{gb(outcome.usable_gb)} usable ({gpu.memory_gb:.0f} GB total)."
            )
        else:
            sentences.append(
                f"**No** — {what} needs about {gb(total)} in all and does not fit on "
                f"{'one ' + gpu.name if not count or count == 1 else f'{count} x {gpu.name}'} ({outcome.reason}; "
                f"{gpu.memory_gb:.0f} GB each)."
            )
            alt = next((o for o in facts.options if o.best and o.best.gpu == gpu and o.best.count <= (count or 1)), None)
            fits_here = [
                o for o in facts.options
                if _fits_on(o.estimate, gpu, count or 1, facts)
            ]  # fmt: skip
            if fits_here:
                o = fits_here[0]
                sentences.append(f"With **{o.label}** it would need about {gb(o.estimate.per_gpu_gb(count or 1))} per GPU, which fits.")
            elif alt is None and facts.pick:
                sentences.append(f"A setup that fits: **{facts.pick.label}** ({money(facts.pick.price_per_hour)}/hour).")
    return " ".join(sentences)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _serving_rate(fit: Fit) -> str:
    """', ≈ $0.23 per million tokens at full load' for inference fits with a known price."""
    cost = fit.serving.cost_per_million_tokens if fit.serving else None
    return f", ≈ {money(cost)} per million generated tokens at full load" if cost is not None else ""


def _tradeoff(fit: Fit) -> str:
    """Why a cheaper fit is not the default pick."""
    gpu = fit.gpu
    if gpu.gpu_class == "consumer":
        return "consumer card, rarely offered by large clouds"
    if gpu.software != "CUDA":
        return f"runs on {gpu.software}, not CUDA"
    if fit.count > 1 and not gpu.fast_link_joins(fit.count):
        return "GPUs talk over PCIe"
    return "see caveats"


_SPEED_QUESTION = re.compile(r"\bhow (?:fast|quick|long)\b|\btokens? per second\b|\btokens?/s\b|\bspeed\b|\bthroughput\b|\blatency\b")


def _speed_sentence(fit: Fit, what: str, on: str) -> str:
    """Lead with speed when the question asks how fast."""
    if fit.serving:
        s = fit.serving
        text = f"On {on}, {what} generates about **{s.decode_tokens_per_s:,.0f} tokens/s** per sequence at batch 1"
        if s.throughput_tokens_per_s:
            text += f" and up to about {s.throughput_tokens_per_s:,.0f} tokens/s in total at large batch"
        return text + f" (it needs {gb(fit.per_gpu_gb)} per GPU, so it fits)."
    if fit.training:
        t = fit.training
        return f"On {fit.label}, {what} takes about **{_hours(t.hours)}** ({t.gpu_hours:,.0f} GPU-hours, {money(t.cost)})."
    return ""


def _fits_on(estimate, gpu: GPU, count: int, facts: Facts) -> bool:
    work = estimate.workload
    if work.precision == "fp8" and not gpu.fp8:
        return False
    fraction = 0.95 if work.task.is_training else 0.9
    return estimate.per_gpu_gb(count) <= gpu.memory_gb * fraction


def _breakdown(facts: Facts) -> str:
    estimate = facts.estimate
    rows = [(item.label, gb(item.gb), item.detail) for item in estimate.items]
    rows.append(("**total**", f"**{gb(estimate.total_gb)}**", "on one GPU"))
    text = "**Memory breakdown**\n\n" + _table(("part", "memory", "how it is counted"), rows)
    for label, value in estimate.alternatives:
        text += f"\n\n- {label[0].upper() + label[1:]}: {gb(value)}"
    return text


def _fits_table(facts: Facts) -> str:
    work = facts.workload
    training = work.task.is_training
    header = ["GPU", "count", "memory/GPU used", "$/hour", "why"]
    if training and work.tokens:
        header.insert(4, "job time / cost")
    if not training:
        header.insert(4, "tokens/s (batch 1)")
    rows = []
    for fit in facts.shown:
        gpu = fit.gpu
        row = [
            gpu.name,
            str(fit.count),
            f"{gb(fit.per_gpu_gb)} of {gpu.memory_gb:.0f} GB",
            money(fit.price_per_hour),
        ]
        if training and work.tokens:
            row.append(f"{_hours(fit.training.hours)} / {money(fit.training.cost)}" if fit.training else "unknown")
        if not training:
            row.append(_num(fit.serving.decode_tokens_per_s if fit.serving else None))
        row.append(_why(fit))
        rows.append(row)
    order = "cheapest first"
    if facts.pick and facts.shown and facts.shown[0] is facts.pick and any(
        f.price_per_hour is not None and facts.pick.price_per_hour is not None and f.price_per_hour < facts.pick.price_per_hour
        for f in facts.shown
    ):
        order = "our pick first, then the cheapest"
    title = f"**GPUs that fit**, {order}" + (f" ({', '.join(facts.filters)})" if facts.filters else "")
    if facts.understanding.details.faster:
        title = "**GPUs that fit**, fastest first"
    return title + "\n\n" + _table(header, rows)


def _why(fit: Fit) -> str:
    gpu = fit.gpu
    bits = [f"{gpu.gpu_class}-class {gpu.architecture}"]
    if fit.headroom_gb > 0:
        bits.append(f"{gb(fit.headroom_gb)} headroom")
    if fit.count > 1:
        bits.append("NVLink-class link" if gpu.fast_link_joins(fit.count) else "PCIe between GPUs")
    if gpu.software != "CUDA":
        bits.append(gpu.software)
    return ", ".join(bits)


def _options_text(facts: Facts) -> str:
    if not facts.options:
        return ""
    current = (facts.workload.task, facts.workload.precision)
    lines = []
    for option in facts.options:
        w = option.estimate.workload
        if (w.task, w.precision) == current:
            continue
        best = option.best
        where = f"cheapest sensible fit {best.label} ({money(best.price_per_hour)}/hour)" if best else "no single-vendor fit found"
        lines.append(f"- {option.label[0].upper() + option.label[1:]}: about {gb(option.estimate.total_gb)} — {where}")
    if not lines:
        return ""
    return "**How the answer changes**\n" + "\n".join(lines)


def _speed_text(facts: Facts) -> str:
    pick = facts.pick
    if not pick:
        return ""
    if pick.serving:
        s = pick.serving
        text = f"**Speed on {pick.label}**: about {s.decode_tokens_per_s:,.0f} tokens/s per sequence at batch 1"
        if s.throughput_tokens_per_s:
            text += f", up to about {s.throughput_tokens_per_s:,.0f} tokens/s in total at large batch"
        if s.cost_per_million_tokens is not None:
            text += f" (≈ {money(s.cost_per_million_tokens)} per million generated tokens at full load)"
        if pick.kv_capacity_tokens is not None:
            text += f". A serving engine reserving 90% of memory has room for about {pick.kv_capacity_tokens:,} tokens of KV cache"
        return text + f". How: {s.detail}."
    if pick.training:
        t = pick.training
        return (
            f"**Time and cost on {pick.label}**: about {_hours(t.hours)} ({t.gpu_hours:,.0f} GPU-hours, "
            f"{money(t.cost)}). How: {t.detail}."
        )
    if facts.workload.task.is_training:
        return "Tell me your token budget (e.g. *on 50M tokens*) and I will estimate time and total cost."
    return ""


def _assumptions_text(facts: Facts) -> str:
    lines = [f"- Assumed {d}" for d in facts.defaults if not d.startswith("note:")]
    seen = set()
    for a in facts.estimate.assumptions:
        if a.key not in seen:
            seen.add(a.key)
            lines.append(f"- {a.meaning} ({a.source})")
    return "**Assumptions**\n" + "\n".join(lines)


def _caveats(facts: Facts) -> list[str]:
    caveats: list[str] = []
    fits = ([facts.pick] if facts.pick else []) + [c for c in facts.checks if isinstance(c, Fit)]
    for fit in fits:
        for c in fit.caveats:
            if c not in caveats:
                caveats.append(c)
    shown_gpus = [f.gpu for f in facts.shown] + [c.gpu for c in facts.checks]
    note = _price_note(shown_gpus)
    if note:
        caveats.append(note)
    work = facts.workload
    if work.shape.is_moe:
        caveats.append("Mixture-of-experts: every expert's weights stay in memory, but each token reads only the active ones, so it decodes faster than its size suggests.")
    return caveats


def _related(passages: Sequence[Passage]) -> str:
    guides = [p for p in passages if p.metadata.get("kind") == "guide"][:2]
    if not guides:
        return ""
    lines = [f"- **{p.metadata.get('title', '')}**: {_first_sentences(p.page_content, 1)}" for p in guides]
    return "**Background**\n" + "\n".join(lines)


# --- catalog answers --------------------------------------------------------------------------

_ASKED = [
    ("bf16", re.compile(r"\bbf16\b|\bbfloat")),
    ("fp8", re.compile(r"\bfp8\b")),
    ("flash", re.compile(r"flash ?attention")),
    ("memory", re.compile(r"\bmemory\b|\bvram\b|\bhow (?:much|big)\b|\bgb\b")),
    ("bandwidth", re.compile(r"\bbandwidth\b")),
    ("compute", re.compile(r"\btflops\b|\bflops\b|\bfast\b|\bcompute\b|\bperformance\b")),
    ("power", re.compile(r"\bpower\b|\btdp\b|\bwatts?\b")),
    ("link", re.compile(r"\bnvlink\b|\binterconnect\b|\blink\b")),
]


def _spec_sentence(gpu: GPU, question: str) -> str:
    q = question.lower()
    asked = next((name for name, pattern in _ASKED if pattern.search(q)), None)
    if asked in ("bf16", "fp8", "flash"):
        flag = {"bf16": gpu.bf16, "fp8": gpu.fp8, "flash": gpu.flash_attention_2}[asked]
        label = {"bf16": "bf16", "fp8": "FP8", "flash": "FlashAttention-2"}[asked]
        extra = ""
        if asked == "bf16" and not flag:
            extra = " — use fp16 with loss scaling instead"
        if asked == "fp8" and flag and gpu.fp8_tflops:
            extra = f" ({gpu.fp8_tflops:,.0f} dense FP8 TFLOPS)"
        return f"**{'Yes' if flag else 'No'}** — the {gpu.name} {'supports' if flag else 'does not support'} {label}{extra}."
    if asked == "bandwidth":
        return f"The {gpu.name} has {gpu.memory_bandwidth_gbs:,.0f} GB/s of memory bandwidth ({gpu.memory_type})."
    if asked == "compute":
        return f"The {gpu.name} delivers {_num(gpu.fp16_tflops, digits=0)} dense FP16/BF16 TFLOPS" + (
            f" and {gpu.fp8_tflops:,.0f} dense FP8 TFLOPS." if gpu.fp8_tflops else " (no FP8)."
        )
    if asked == "power":
        return f"The {gpu.name} draws up to {_num(gpu.tdp_w, ' W')}."
    if asked == "link":
        link = f"{gpu.nvlink_gbs:,.0f} GB/s" if gpu.nvlink_gbs else "no NVLink-class link (PCIe only)"
        return f"The {gpu.name} connects via {gpu.interconnect}: {link}."
    return f"The {gpu.name} is a {gpu.vendor} {gpu.architecture} {gpu.gpu_class}-class accelerator with {gpu.memory_gb:.0f} GB of {gpu.memory_type}."


def _spec_rows(gpu: GPU) -> list[tuple[str, str]]:
    price = gpu.price
    return [
        ("vendor / architecture", f"{gpu.vendor} {gpu.architecture} ({gpu.release_year})"),
        ("memory", f"{gpu.memory_gb:.0f} GB {gpu.memory_type}"),
        ("memory bandwidth", f"{gpu.memory_bandwidth_gbs:,.0f} GB/s"),
        ("dense FP16/BF16", _num(gpu.fp16_tflops, " TFLOPS", 1 if gpu.fp16_tflops and gpu.fp16_tflops < 100 else 0)),
        ("dense FP8", _num(gpu.fp8_tflops, " TFLOPS") if gpu.fp8 else "not supported"),
        ("power", _num(gpu.tdp_w, " W")),
        ("form factor / link", f"{gpu.form_factor}; {gpu.interconnect}"),
        ("class", gpu.gpu_class),
        ("bf16 / FP8 / FlashAttention-2", " / ".join("yes" if f else "no" for f in (gpu.bf16, gpu.fp8, gpu.flash_attention_2))),
        ("software", gpu.software),
        (
            "price (on-demand)",
            f"{money(price.typical)}/hour typical, from {money(price.low)} ({price.seen_at}, {price.as_of:%b %Y})" if price else "unknown",
        ),
    ]


def _spec(facts: Facts) -> str:
    parts = []
    for gpu in facts.gpus[:3]:
        parts.append(_spec_sentence(gpu, facts.understanding.question))
        parts.append(_table(("spec", gpu.name), _spec_rows(gpu)))
        if gpu.notes:
            parts.append(f"_Note: {gpu.notes}_")
    parts.append(f"Specs from the vendors' datasheets (dense figures, without sparsity). {_price_note(facts.gpus)}")
    return "\n\n".join(parts)


def _compare(facts: Facts) -> str:
    gpus = facts.gpus[:4]
    names = [g.name for g in gpus]
    rows = [(label, *(dict(_spec_rows(g))[label] for g in gpus)) for label, _ in _spec_rows(gpus[0])]
    per_dollar = []
    for g in gpus:
        if g.price_per_hour and g.fp16_tflops:
            per_dollar.append(f"{g.fp16_tflops / g.price_per_hour:,.0f}")
        else:
            per_dollar.append("unknown")
    rows.append(("TFLOPS per $/hour", *per_dollar))
    summary = _compare_summary(gpus, facts)
    return "\n\n".join(
        [summary, _table(("", *names), rows), f"Specs from the vendors' datasheets (dense). {_price_note(gpus)}"]
    )


def _compare_summary(gpus: Sequence[GPU], facts: Facts) -> str:
    def best(key, reverse=True):
        known = [g for g in gpus if key(g) is not None]
        return sorted(known, key=key, reverse=reverse)[0] if known else None

    memory = best(lambda g: g.memory_gb)
    bandwidth = best(lambda g: g.memory_bandwidth_gbs)
    compute = best(lambda g: g.fp16_tflops)
    cheapest = best(lambda g: g.price_per_hour, reverse=False)
    value = best(lambda g: (g.fp16_tflops / g.price_per_hour) if g.fp16_tflops and g.price_per_hour else None)
    bits = []
    if compute:
        others = [g for g in gpus if g is not compute and g.fp16_tflops]
        ratio = f" ({compute.fp16_tflops / others[0].fp16_tflops:.1f}x the {others[0].name})" if len(gpus) == 2 and others else ""
        bits.append(f"the **{compute.name}** is the fastest ({compute.fp16_tflops:,.0f} dense BF16 TFLOPS{ratio})")
    if bandwidth and bandwidth is not compute:
        bits.append(f"the **{bandwidth.name}** has the most memory bandwidth ({bandwidth.memory_bandwidth_gbs:,.0f} GB/s)")
    if memory:
        bits.append(f"the **{memory.name}** has the most memory ({memory.memory_gb:.0f} GB)")
    if cheapest:
        bits.append(f"the **{cheapest.name}** is the cheapest ({money(cheapest.price_per_hour)}/hour)")
    text = "Side by side: " + "; ".join(bits) + "."
    task = facts.understanding.details.task
    if value and task is not None:
        use = "training" if task.is_training else "inference"
        text += f" For {use}, the **{value.name}** gives the most compute per dollar."
    elif value:
        text += f" Best compute per dollar: the **{value.name}**."
    return text


def _price(facts: Facts) -> str:
    gpus = facts.gpus
    priced = [g for g in gpus if g.price]
    details = facts.understanding.details
    if not priced:
        names = ", ".join(g.name for g in gpus[:5])
        return f"I don't have an indicative price for {names} in the catalog, so I won't guess one. The specs are in the catalog; ask me to compare it with a priced GPU."
    if len(details.gpus) >= 2 and (details.cheaper or facts.understanding.follow_up):
        cheapest = min(priced, key=lambda g: g.price_per_hour)
        others = ", ".join(f"{g.name} {money(g.price_per_hour)}" for g in gpus if g is not cheapest)
        lead = f"The **{cheapest.name}** is cheaper: about {money(cheapest.price_per_hour)} per GPU-hour on demand, against {others}."
    elif facts.filters or not facts.understanding.details.gpus:
        lead = (
            f"The cheapest match is the **{priced[0].name}** at about {money(priced[0].price_per_hour)} per GPU-hour (typical on-demand)"
            + (f" — filters: {', '.join(facts.filters)}." if facts.filters else ".")
        )
    else:
        g = priced[0]
        lead = (
            f"The **{g.name}** costs about **{money(g.price.typical)} per GPU-hour** on demand (typical), "
            f"from about {money(g.price.low)} at the cheapest providers ({g.price.seen_at}; seen {g.price.as_of:%B %Y})."
        )
        lead += _period_cost(g, details.gpu_count or 1, facts.understanding.question)
    rows = [
        (g.name, money(g.price.low) if g.price else "unknown", money(g.price.typical) if g.price else "unknown", f"{g.memory_gb:.0f} GB", g.price.seen_at if g.price else "—")
        for g in gpus[:8]
    ]
    table = _table(("GPU", "low $/h", "typical $/h", "memory", "seen at"), rows)
    missing = [g.name for g in gpus[:8] if not g.price]
    tail = _price_note(priced)
    if missing:
        tail += f" No indicative price in the catalog for: {', '.join(missing)}."
    return "\n\n".join([lead, table, tail])


_PERIODS = (
    ("month", re.compile(r"\b(?:per |a |each )?month(?:ly)?\b"), 365 * 24 / 12),
    ("day", re.compile(r"\b(?:per |a |each )?day\b|\bdaily\b"), 24),
    ("week", re.compile(r"\b(?:per |a |each )?week(?:ly)?\b"), 24 * 7),
    ("year", re.compile(r"\b(?:per |a |each )?year\b|\bannual(?:ly)?\b"), 365 * 24),
)


def _period_cost(gpu: GPU, count: int, question: str) -> str:
    """' For 8 GPUs running around the clock: about $17,461 per month (typical rate).' when asked."""
    q = question.lower()
    period = next(((name, hours) for name, pattern, hours in _PERIODS if pattern.search(q)), None)
    if period is None and count == 1:
        return ""
    name, hours = period or ("hour", 1)
    low, typical = gpu.price.low * count * hours, gpu.price.typical * count * hours
    who = f"{count} GPUs" if count > 1 else "one GPU"
    clock = " running around the clock" if hours > 1 else ""
    return f" For {who}{clock}: about **{money(typical)} per {name}** at the typical rate ({money(low)} at the lowest)."


# --- passages ---------------------------------------------------------------------------------


def _first_sentences(text: str, count: int) -> str:
    body = _strip_heading(text)
    sentences = re.split(r"(?<=[.!?])\s+", body)
    return " ".join(sentences[:count]).strip()


def _strip_heading(text: str) -> str:
    """Passage text without its 'Guide — Section' title line or Markdown headings."""
    blocks = [b for b in text.split("\n\n") if b.strip()]
    if blocks and " — " in blocks[0] and "\n" not in blocks[0].strip():
        blocks = blocks[1:]
    lines = [ln for b in blocks for ln in b.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    return " ".join(lines).strip()


def _excerpt(text: str, words: int = 170) -> str:
    body = _strip_heading(text)
    tokens = body.split()
    if len(tokens) <= words:
        return body
    cut = " ".join(tokens[:words])
    end = max(cut.rfind(". "), cut.rfind(".\n"))
    return cut[: end + 1] if end > 100 else cut + " …"


def _explain(facts: Facts, passages: Sequence[Passage]) -> str:
    guides = [p for p in passages if p.metadata.get("kind") == "guide"] or list(passages)
    if not guides:
        return (
            "I don't know — nothing in my knowledge base covers that, and I won't guess. "
            "My guides and sizing cover GPUs and accelerators for large language models. " + HELP_TEXT
        )
    top = guides[0]
    parts = [_excerpt(top.page_content)]
    more = guides[1:3]
    if more:
        parts.append("**Related**\n" + "\n".join(f"- **{p.metadata.get('title', '')}**: {_first_sentences(p.page_content, 1)}" for p in more))
    return "\n\n".join(parts)


def _general_recommendation(facts: Facts, passages: Sequence[Passage]) -> str:
    parts = []
    if facts.filters and facts.gpus:
        names = ", ".join(g.name for g in facts.gpus[:8])
        parts.append(f"{len(facts.gpus)} GPUs and accelerators in the catalog match ({', '.join(facts.filters)}): {names}.")
        rows = [(g.name, f"{g.memory_gb:.0f} GB", money(g.price_per_hour), g.gpu_class, g.software) for g in facts.gpus[:8]]
        parts.append(_table(("GPU", "memory", "$/hour", "class", "software"), rows))
        if any(p.metadata.get("kind") == "guide" for p in passages):
            parts.append(_excerpt(passages[0].page_content, 90))
    elif facts.filters:
        parts.append(f"No GPU in the catalog matches ({', '.join(facts.filters)}).")
    else:
        parts.append(_explain(facts, passages))
    parts.append("Tell me the model (or its size) and whether you train, fine-tune or serve it, and I will size it exactly.")
    return "\n\n".join(parts)
