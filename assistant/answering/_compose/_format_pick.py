"""'What quant should I use on my 4090?': the least compressed weight format that fits the one setup named, and
the next one up that does not — a format named, not a bare Yes."""

from __future__ import annotations

from ...sizing import Fit
from .._facts import Facts
from ._format import gb

__all__ = ["format_pick_sentence"]

_INFERENCE = "inference in "


def format_pick_sentence(facts: Facts) -> str:
    """The format to pick on the user's one setup, or "" when no format is asked or none of them fits."""
    details = facts.understanding.details
    if not details.format_asked or len(facts.checks) != 1 or facts.workload is None:
        return ""
    gpu = facts.checks[0].gpu
    rows = [
        (o.label.removeprefix(_INFERENCE), o.estimate.total_gb, o.on_named.get(gpu.name))
        for o in facts.options
        if o.label.startswith(_INFERENCE)
    ]
    fits = [row for row in rows if isinstance(row[2], Fit)]
    if not fits:
        return ""
    name, need, fit = fits[0]
    on = fit.label if fit.count > 1 else f"one {gpu.name}"
    text = (
        f"**{name.upper()}** — the least compressed format of {facts.workload.model_label} that fits on {on}: "
        f"about {gb(need)} of the {gb(fit.usable_gb * fit.count)} it can use."
    )
    above = rows.index(fits[0]) - 1
    if above >= 0:
        bigger, bigger_need, _ = rows[above]
        text += f" {bigger.upper()} would need about {gb(bigger_need)}, more than that."
    smaller = fits[1:2]
    if smaller:
        text += f" {smaller[0][0].upper()} ({gb(smaller[0][1])}) leaves more room for context, at some cost in quality."
    return text
