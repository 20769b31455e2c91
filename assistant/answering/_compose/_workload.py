"""Answers about a workload: memory breakdown, GPUs that fit, alternatives, speed, assumptions, caveats."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...sizing import Fit, Task, runtime_label
from ...understanding._understand import Intent
from .._facts import Facts
from ._format import _capital, _hours, _num, _table, gb, money
from ._passages import Passage, _first_sentences

__all__ = ["workload_answer"]


def workload_answer(facts: Facts, passages: Sequence[Passage]) -> str:
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
                + "; ".join(
                    f"{f.label} at {money(f.price_per_hour)}/hour ({_tradeoff(f)})" for f in cheaper[:3]
                )
                + "."
            )
    else:
        parts.append(
            f"{what[0].upper() + what[1:]} needs about **{gb(total)}** of GPU memory, and no GPU in the catalog"
            + (" that matches your filters" if facts.filters else "")
            + f" holds it within {facts.max_gpus} GPUs."
        )
    notes = [d.removeprefix("note: ") for d in facts.defaults if d.startswith("note:")]
    if notes:
        parts.append(" ".join(f"**Note:** {_capital(n)}." for n in notes))
    parts.append(_breakdown(facts))
    own = _own_fit(facts)
    if facts.shown and own is None:  # on hardware they own, rental options are noise
        parts.append(_fits_table(facts))
    options = _options_text(facts)
    if options:
        parts.append(options)
    speed = _own_speed_text(own, facts.workload.runtime) if own else _speed_text(facts)
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
            on = (
                f"{count} x {gpu.name}"
                if count and count > 1
                else (f"one {gpu.name}" if outcome.count == 1 else outcome.label)
            )
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
            fits_here = [o for o in facts.options if isinstance(o.on_named.get(gpu.name), Fit)]
            if fits_here:
                o = fits_here[0]
                sentences.append(
                    f"With **{o.label}** it would need about {gb(o.on_named[gpu.name].per_gpu_gb)} per GPU, which fits."
                )
            elif facts.pick:
                sentences.append(
                    f"A setup that fits: **{facts.pick.label}** ({money(facts.pick.price_per_hour)}/hour)."
                )
    return " ".join(sentences)


def _serving_rate(fit: Fit) -> str:
    """', ≈ $0.23 per million tokens at full load' for inference fits with a known price."""
    cost = fit.serving.cost_per_million_tokens if fit.serving else None
    return f", ≈ {money(cost)} per million generated tokens at full load" if cost is not None else ""


def _tradeoff(fit: Fit) -> str:
    """Why a cheaper fit is not the default pick."""
    gpu = fit.gpu
    if gpu.gpu_class == "consumer":
        return "consumer card, rarely offered by large clouds"
    if gpu.is_owned_hardware:
        return "a laptop or Mac you own, not something to rent"
    if gpu.software != "CUDA":
        return f"runs on {gpu.software}, not CUDA"
    if fit.count > 1 and not gpu.fast_link_joins(fit.count):
        return "GPUs talk over PCIe"
    return "see caveats"


_SPEED_QUESTION = re.compile(
    r"\bhow (?:fast|quick|long)\b|\btokens? per second\b|\btokens?/s\b|\bspeed\b|\bthroughput\b|\blatency\b"
)


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
            row.append(
                f"{_hours(fit.training.hours)} / {money(fit.training.cost)}" if fit.training else "unknown"
            )
        if not training:
            row.append(_num(fit.serving.decode_tokens_per_s if fit.serving else None))
        row.append(_why(fit))
        rows.append(row)
    order = "cheapest first"
    if (
        facts.pick
        and facts.shown
        and facts.shown[0] is facts.pick
        and any(
            f.price_per_hour is not None
            and facts.pick.price_per_hour is not None
            and f.price_per_hour < facts.pick.price_per_hour
            for f in facts.shown
        )
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
        where = (
            f"cheapest sensible fit {best.label} ({money(best.price_per_hour)}/hour)"
            if best
            else "no single-vendor fit found"
        )
        lines.append(
            f"- {option.label[0].upper() + option.label[1:]}: about {gb(option.estimate.total_gb)} — {where}"
        )
    if not lines:
        return ""
    return "**How the answer changes**\n" + "\n".join(lines)


def _own_fit(facts: Facts) -> Fit | None:
    """The fit on hardware the user owns and runs locally, when the question is about that."""
    if not facts.understanding.details.local:
        return None
    return next((c for c in facts.checks if isinstance(c, Fit) and c.local), None)


def _own_speed_text(fit: Fit, runtime: str) -> str:
    """Prompt and generation speed on the user's own hardware under a local runtime."""
    s = fit.local
    prompt = (
        f", reading the prompt at about {s.prompt_tokens_per_s:,.0f} tokens/s"
        if s.prompt_tokens_per_s
        else ""
    )
    return (
        f"**Speed on your {fit.label}** ({fit.gpu.software}, {runtime_label(runtime)}): about "
        f"{s.decode_tokens_per_s:,.0f} tokens/s generating{prompt}. How: {s.detail} "
        "(calibrated on published llama.cpp measurements, ±30%)."
    )


def _speed_text(facts: Facts) -> str:
    pick = facts.pick
    if not pick:
        return ""
    if pick.serving:
        s = pick.serving
        text = (
            f"**Speed on {pick.label}**: about {s.decode_tokens_per_s:,.0f} tokens/s per sequence at batch 1"
        )
        if s.throughput_tokens_per_s:
            text += f", up to about {s.throughput_tokens_per_s:,.0f} tokens/s in total at large batch"
        if s.cost_per_million_tokens is not None:
            text += f" (≈ {money(s.cost_per_million_tokens)} per million generated tokens at full load)"
        if pick.kv_capacity_tokens is not None:
            text += (
                f". A serving engine reserving {pick.memory_fraction:.0%} of memory has room for about "
                f"{pick.kv_capacity_tokens:,} tokens of KV cache"
            )
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
    return list(facts.plan.caveats)


def _related(passages: Sequence[Passage]) -> str:
    guides = [p for p in passages if p.metadata.get("kind") == "guide"][:2]
    if not guides:
        return ""
    lines = [f"- **{p.metadata.get('title', '')}**: {_first_sentences(p.page_content, 1)}" for p in guides]
    return "**Background**\n" + "\n".join(lines)
