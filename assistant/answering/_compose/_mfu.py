"""'What MFU should I expect for it on H100s?' with a training run named: the utilisation large runs report (the
assumptions' typical value and range, with their sources) and what it means for this run on this GPU, in tokens per
second per GPU (dense 16-bit TFLOPS x MFU / (6 x parameters))."""

from __future__ import annotations

from ...sizing import load_assumptions, training_tokens_per_s
from ...understanding._understand import asks_efficiency
from .._facts import Facts
from ._shapes import lead_fit

__all__ = ["mfu_sources", "mfu_text"]

_KEYS = ("training_mfu_low", "training_mfu_high")


def mfu_sources(facts: Facts) -> list[str]:
    """The sources ``mfu_text`` cites (for the number check); empty unless MFU is asked."""
    if not asks_efficiency(facts.understanding.question):
        return []
    a = load_assumptions()
    return [a[key].source for key in _KEYS]


def mfu_text(facts: Facts, what: str) -> str:
    """The MFU to expect and the throughput per GPU it gives; '' unless MFU is asked of a training run."""
    work = facts.workload
    fit = lead_fit(facts)
    if work is None or not work.task.is_training or not asks_efficiency(facts.understanding.question):
        return ""
    a = load_assumptions()
    rate = training_tokens_per_s(work, fit.gpu, 1, a) if fit is not None else None
    if not rate:
        return ""
    mfu, low, high = (a.number(k) for k in ("training_mfu", "training_mfu_low", "training_mfu_high"))
    return (
        f"**About {mfu:.0%} MFU**, {low:.0%} to {high:.0%} in published large runs "
        f"({'; '.join(a[key].source for key in _KEYS)}). For {what} on the {fit.gpu.name} "
        f"({fit.gpu.training_tflops:,.0f} dense 16-bit TFLOPS) that is about {rate:,.0f} tokens/s per GPU at "
        f"{mfu:.0%} ({rate * low / mfu:,.0f} at {low:.0%}, {rate * high / mfu:,.0f} at {high:.0%}): TFLOPS x MFU / "
        "(FLOPs per parameter per token x parameters). Tuned Megatron-style runs reach the top "
        "of the range; small models, short sequences and slow links between servers land lower."
    )
