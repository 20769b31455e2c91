"""'Would Q8 run faster than Q4?' on a run of one's own: generating a token reads every weight once, so a
bandwidth-bound run (a CPU, or one sequence on a GPU) gets slower as the weights get bigger, not faster."""

from __future__ import annotations

import re

from ...sizing import Task, estimate_memory, load_assumptions
from ...understanding._local import formats_said
from .._facts import Facts
from ._format import capitalized, gb

__all__ = ["format_speed_figures", "format_speed_sentence"]

_FASTER = re.compile(r"\b(?:faster|quicker|speed (?:it )?up|more tokens?|slower)\b")


def _pair(facts: Facts) -> tuple[str, str] | None:
    """(the format asked about, the one it is set against), or None when the question weighs no two formats."""
    question = facts.understanding.question
    said = list(dict.fromkeys(formats_said(question, load_assumptions().gguf_types)))
    if len(said) != 2:
        return None
    first, second = said
    before, _, _ = question.lower().partition(" than ")
    # "would 8-bit be faster than 4-bit?": the one before "than"; "4-bit gives 1 tok/s, would 8-bit be faster?": last
    return (
        (first, second)
        if " than " in question.lower() and first in formats_said(before, (first,))
        else (second, first)
    )


def _sizes(facts: Facts, pair: tuple[str, str]) -> tuple[float, float]:
    """The weights each format reads per token, in GB."""
    assumptions = load_assumptions()
    work = facts.workload.with_(runtime="llama.cpp")
    return tuple(estimate_memory(work.with_(precision=p), assumptions).item("weights").gb for p in pair)  # type: ignore[return-value]


def _applies(facts: Facts) -> tuple[str, str] | None:
    """The formats weighed, when a speed is asked of two formats on a run of one's own (a CPU or a home card)."""
    details = facts.understanding.details
    if (
        facts.workload is None
        or facts.workload.task is not Task.INFERENCE
        or not (details.cpu_only or details.local or details.ram_gb)
        or not _FASTER.search(facts.understanding.question.lower())
    ):
        return None
    return _pair(facts)


def format_speed_sentence(facts: Facts) -> str:
    """No (or Yes) by the bytes each format reads per token, with the speed seen scaled; "" when not asked."""
    pair = _applies(facts)
    if pair is None:
        return ""
    asked, other = pair
    size_asked, size_other = _sizes(facts, pair)
    ratio = size_asked / size_other
    if abs(ratio - 1) <= load_assumptions().number("format_speed_similar_share"):
        return ""
    bigger = ratio > 1
    verdict = "**No** — slower, not faster" if bigger else "**Yes** — faster"
    seen = facts.understanding.details.observed_tokens_per_s
    scaled = (
        f" From your {seen:g} tokens/s, expect about {seen / ratio:.1f} tokens/s in {asked.upper()}."
        if seen
        else ""
    )
    label = facts.workload.model_label
    return (
        f"{verdict}: generating a token reads every weight once, so on a run bound by memory bandwidth (a CPU, or "
        f"one sequence on a GPU) the speed follows the size of the weights. {capitalized(label)} in "
        f"{asked.upper()} is about {gb(size_asked)} against {gb(size_other)} in {other.upper()}, "
        f"{'more' if bigger else 'fewer'} bytes per token, so it generates about {max(ratio, 1 / ratio):.1f}x "
        f"{'slower' if bigger else 'faster'}.{scaled}"
        + (" The bigger format buys quality, not speed." if bigger else "")
    )


def format_speed_figures(facts: Facts) -> list[float]:
    """The figures ``format_speed_sentence`` prints: each format's weights, their ratio, the scaled speed."""
    pair = _applies(facts)
    if pair is None:
        return []
    size_asked, size_other = _sizes(facts, pair)
    ratio = size_asked / size_other
    seen = facts.understanding.details.observed_tokens_per_s
    return [size_asked, size_other, max(ratio, 1 / ratio), *((seen / ratio,) if seen else ())]
