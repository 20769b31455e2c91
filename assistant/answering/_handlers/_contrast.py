"""'Why does A need more memory than B?': the plans of the two things compared (models, or one model with and
without the setting the user names), for the composer to set their breakdowns side by side."""

from __future__ import annotations

import re
from dataclasses import replace

from ...planning import plan_workload
from ...understanding import Understanding
from .._facts import Facts, request_for

__all__ = ["contrast_facts"]

# "why does X use so much more VRAM than Y", "how come the memory jumps at 32k context", "X needs twice the memory"
_ASKS_WHY = re.compile(r"\bwhy\b|\bhow come\b|\bwhat makes\b|\bthe reason\b|\bexplain\b")
_MORE_MEMORY = re.compile(
    r"\b(?:more|less|higher|lower|bigger|larger|smaller|twice|double|so much|that much|\d+\s*x)\b[^.?!]{0,40}"
    r"\b(?:vram|memory|ram|gb)\b"
    r"|\b(?:vram|memory|ram)\b[^.?!]{0,40}\b(?:more|less|higher|lower|bigger|larger|twice|double|increas\w*|"
    r"grow\w*|jump\w*|explod\w*|blow\w* up)"
)
_SETTINGS = ("context", "batch", "precision", "kv_precision")


def contrast_facts(understanding: Understanding, knowledge) -> Facts | None:
    """Facts comparing two plans when the question asks why one needs more memory than the other; else None."""
    details = understanding.details
    question = understanding.question.lower()
    if not details.has_workload or not (_ASKS_WHY.search(question) and _MORE_MEMORY.search(question)):
        return None
    request = request_for(understanding)
    if details.compared_models:
        other = replace(request, model=details.compared_models[0], params=None)
        label = details.compared_models[0]
    else:
        stated = {name: None for name in _SETTINGS if getattr(request, name) is not None}
        if not stated:
            return None
        other = replace(request, **stated)
        label = "the defaults"
    plan = _plan(request, knowledge)
    baseline = _plan(other, knowledge)
    return Facts(
        understanding,
        plan=plan,
        gpus=tuple(f.gpu for f in plan.shown),
        contrast=baseline,
        contrast_label=label,
    )


def _plan(request, knowledge):
    return plan_workload(
        request, knowledge.catalog, knowledge.models, knowledge.assumptions, knowledge.offerings
    )
