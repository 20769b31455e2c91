"""Why one workload needs more memory than another: the breakdowns side by side, and the term that differs."""

from __future__ import annotations

import re

from ...sizing import Task, Workload, load_assumptions
from .._facts import Facts
from ._format import capitalized, gb, markdown_table, with_details

__all__ = ["contrast_answer"]

GB = 1e9


def contrast_answer(facts: Facts) -> str:
    """The gap, the breakdown line that makes most of it and why (from the model specs), then both breakdowns."""
    a, b = facts.plan, facts.contrast
    wa, wb = a.workload, b.workload
    name_a, name_b = (
        _name(wa, b.workload, facts.contrast_label, first=True),
        _name(wb, wa, facts.contrast_label),
    )
    rows, gaps = [], []
    labels = list(dict.fromkeys([i.label for i in a.estimate.items] + [i.label for i in b.estimate.items]))
    for label in labels:
        ga, gb_ = _gb(a.estimate, label), _gb(b.estimate, label)
        rows.append((label, gb(ga), gb(gb_), f"{ga - gb_:+,.1f} GB"))
        gaps.append((abs(ga - gb_), label, ga, gb_))
    total_a, total_b = a.estimate.total_gb, b.estimate.total_gb
    rows.append(("**total**", f"**{gb(total_a)}**", f"**{gb(total_b)}**", f"{total_a - total_b:+,.1f} GB"))
    gaps.sort(reverse=True)
    _, label, ga, gb_ = gaps[0]
    more = "more" if total_a >= total_b else "less"
    what = wa.task.label if wa.task is wb.task else wa.model_label
    verdict = _verdict(facts.understanding.question, total_a, total_b)
    lead = (
        f"{verdict or f'**The {label}** —'} for {what}, {name_a} needs about **{gb(total_a)}** against "
        f"{gb(total_b)} for {name_b} ({more} by {gb(abs(total_a - total_b))}, {total_a / total_b:.2f}x), and "
        f"{gb(abs(ga - gb_))} of the gap is the {label}: {_why(label, a.estimate, b.estimate, name_a, name_b)}."
    )
    gap, second, sa, sb = gaps[1] if len(gaps) > 1 else (0.0, "", 0.0, 0.0)
    if gap >= 0.25 * abs(total_a - total_b) and gap > 0.05:
        lead += f" Next, the {second} ({sa - sb:+,.1f} GB): {_why(second, a.estimate, b.estimate, name_a, name_b)}."
    notes = [d.removeprefix("note: ") for p in (a, b) for d in p.defaults if d.startswith("note:")]
    if notes:
        lead += " " + " ".join(f"**Note:** {capitalized(n)}." for n in dict.fromkeys(notes))
    table = markdown_table(("part", name_a, name_b, "difference"), rows)
    details = "\n\n".join(
        [
            f"**{capitalized(name_a)}**: "
            + "; ".join(f"{i.label} {gb(i.gb)} ({i.detail})" for i in a.estimate.items),
            f"**{capitalized(name_b)}**: "
            + "; ".join(f"{i.label} {gb(i.gb)} ({i.detail})" for i in b.estimate.items),
        ]
    )
    return with_details(f"{lead}\n\n{table}", details)


# "much / a lot / significantly more": a gap of a quarter or more counts as one
_MUCH = re.compile(r"\b(?:much|a lot|lots|significantly|substantially|way|far|considerably|a ton)\b")
_WHY = re.compile(r"\bwhy\b|\bhow come\b|\bwhat makes\b|\bthe reason\b|\bexplain\b")
# a ratio asked of the gap: "twice as much", "double the memory", "10x the VRAM", "3 times as much"
_FACTOR = re.compile(
    r"\b(?:(twice|double|triple)|(\d+(?:\.\d+)?)\s*x|(\d+(?:\.\d+)?) times)\b(?!\s*(?:a100|h100|gpus?|cards?))"
)
_FACTORS = {"twice": 2.0, "double": 2.0, "triple": 3.0}
_SAME = re.compile(r"\bsame\b|\bequal\b|\bidentical\b|\bno different\b")
_LESS = re.compile(r"\b(?:less|lighter|smaller)\b[^.?!]{0,30}?\bthan\b")


def _verdict(question: str, total_a: float, total_b: float) -> str:
    """'**Yes** —' / '**No**, only 17% more —' for a yes/no about the gap ("does A need much more than B?");
    '' for a why-question, whose answer is the reason."""
    q = question.lower()
    if _WHY.search(q):
        return ""
    ratio = total_a / total_b
    if factor := _FACTOR.search(q):
        # "twice as much as the 7B?", "10x the memory?": yes within a fifth of the factor asked, else the real one
        asked = _FACTORS.get(factor.group(1)) or float(factor.group(2) or factor.group(3))
        if abs(ratio / asked - 1) <= 0.2:
            return f"**Yes**, about {ratio:.1f}x —"
        return f"**No**, about {ratio:.1f}x, not {asked:g}x —"
    if _LESS.search(q):
        return "**Yes** —" if ratio < 1 else "**No** —"
    if _SAME.search(q):  # "the same memory for both?": yes within a tenth
        return "**Yes**, about the same —" if abs(ratio - 1) <= 0.1 else f"**No**, {_times(ratio)} —"
    if _MUCH.search(q):
        if ratio >= 1.25:
            return "**Yes** —"
        return f"**No**, only {100 * (ratio - 1):.0f}% more —" if ratio >= 1 else "**No** —"
    return "**Yes** —" if ratio > 1 else "**No** —"


def _times(ratio: float) -> str:
    """'about 6.7x as much' / 'about 28% as much' for the first side against the second."""
    return f"about {ratio:.1f}x as much" if ratio >= 1 else f"about {100 * ratio:.0f}% as much"


def _name(work: Workload, other: Workload, label: str, first: bool = False) -> str:
    """'Gemma 2 9B', or for one model compared with itself, the setting that differs ('32,768-token context')."""
    if work.model_label != other.model_label:
        return work.model_label
    if work.task is not other.task:  # one model under two methods: the methods are the two sides
        return work.task_label
    for field, say in (
        ("context", lambda v: f"{v:,}-token context"),
        ("batch", lambda v: f"batch {v}"),
        ("precision", lambda v: f"{v} weights"),
        ("kv_precision", lambda v: f"{v} KV cache"),
    ):
        if getattr(work, field) != getattr(other, field):
            return f"{work.model_label} at {say(getattr(work, field))}"
    return work.model_label if first else label


def _gb(estimate, label: str) -> float:
    return next((i.gb for i in estimate.items if i.label == label), 0.0)


def _why(label: str, ea, eb, name_a: str, name_b: str) -> str:
    """The spec or setting behind a breakdown line's difference, with its numbers."""
    wa, wb = ea.workload, eb.workload
    if wa.task is not wb.task and Task.FULL in (wa.task, wb.task):
        full, adapter = (wa, wb) if wa.task is Task.FULL else (wb, wa)
        return (
            f"{full.task_label} trains every one of the {full.params / 1e9:.1f}B weights, so each also holds a "
            "gradient and optimizer states (about 16 bytes/param with mixed-precision AdamW), while "
            f"{adapter.task_label} keeps the base frozen "
            f"({'4-bit' if adapter.task is Task.QLORA else '16-bit'}, no gradients or optimizer states) and trains "
            "only small adapters"
        )
    if label == "KV cache":
        sa, sb = wa.shape, wb.shape
        if (sa.layers, sa.kv_heads, sa.head_dim) != (
            sb.layers,
            sb.kv_heads,
            sb.head_dim,
        ) or wa.kv_precision != wb.kv_precision:
            return (
                f"{name_a} keeps {sa.layers} layers x {sa.kv_heads} KV heads x {sa.head_dim} dims per token "
                f"({wa.kv_precision}, {_kib(ea)} KiB/token), {name_b} {sb.layers} x {sb.kv_heads} x {sb.head_dim} "
                f"({wb.kv_precision}, {_kib(eb)} KiB/token), "
                f"and the cache grows with every token of context x sequence ({wa.context:,} x {wa.batch} against "
                f"{wb.context:,} x {wb.batch})"
            )
        return (
            f"the KV cache grows linearly with context x concurrent sequences: {wa.context:,} x {wa.batch} against "
            f"{wb.context:,} x {wb.batch} tokens, at the same bytes per token"
        )
    if label == "activations" and wa.task.is_training:
        per = load_assumptions().number("logits_bytes_per_token_vocab")  # logits, fp32 copy and gradient
        la = wa.context * wa.batch * wa.shape.vocab_size * per / GB
        lb = wb.context * wb.batch * wb.shape.vocab_size * per / GB
        if wa.shape.vocab_size != wb.shape.vocab_size:
            return (
                f"the output logits are kept in fp32 for every token and vocabulary entry (with their 16-bit copy and gradient) — {name_a}'s vocabulary "
                f"has {wa.shape.vocab_size:,} tokens, {name_b}'s {wb.shape.vocab_size:,}, so at "
                f"{wa.context * wa.batch:,} tokens per step the logits alone take {gb(la)} against {gb(lb)}"
            )
        return (
            f"activations grow with tokens per step x hidden size x layers: {wa.context * wa.batch:,} x "
            f"{wa.shape.hidden_size:,} x {wa.shape.layers} against {wb.context * wb.batch:,} x "
            f"{wb.shape.hidden_size:,} x {wb.shape.layers}"
        )
    if label in ("weights", "frozen base weights", "model states"):
        vocab = ""
        if wa.shape.vocab_size != wb.shape.vocab_size:
            vocab = (
                f"; the embeddings and output layer alone hold {wa.shape.embedding_params / 1e9:.2f}B against "
                f"{wb.shape.embedding_params / 1e9:.2f}B parameters ({wa.shape.vocab_size:,} vs "
                f"{wb.shape.vocab_size:,}-token vocabularies)"
            )
        return (
            f"{name_a} has {wa.params / 1e9:.1f}B parameters ({_format(label, wa)}) against {wb.params / 1e9:.1f}B "
            f"({_format(label, wb)}){vocab}"
        )
    if label == "activations" and not wa.task.is_training:  # inference: the runtime's working buffers
        a, b = (next((i.detail for i in e.items if i.label == label), "") for e in (ea, eb))
        return f"the runtime's working buffers: {a}, against {b}"
    return "it scales with the trainable parameters and the settings above"


def _format(label: str, work: Workload) -> str:
    """How each parameter is stored for a breakdown line."""
    if label == "weights":
        return work.precision
    if label == "frozen base weights":
        return "4-bit NF4" if work.task is Task.QLORA else "bf16"
    return "weights, gradients and optimizer states"


def _kib(estimate) -> str:
    """KiB of KV cache per token, from the estimate's own KV line."""
    kv = next(i for i in estimate.items if i.label == "KV cache")
    work = estimate.workload
    return f"{kv.gb * GB / (work.context * work.batch) / 1024:,.0f}"
