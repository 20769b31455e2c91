"""'Why does A need more memory than B?': the plans of the two things compared (models, or one model with and
without the setting the user names), for the composer to set their breakdowns side by side."""

from __future__ import annotations

import re
from dataclasses import replace

from ..._text import article
from ...planning import plan_workload
from ...sizing import Task
from ...understanding import Understanding
from ...understanding._local import contexts_said
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
# "does A need (a lot / significantly) more VRAM than B?", "is 14b much heavier than 7b": a yes/no about the gap
# "will a 13B need twice as much VRAM as a 7B one?", "double the memory of the 7B?": a ratio asked of the gap
_ASKS_IF_MORE = re.compile(
    r"\b(?:does|do|is|are|will|would|if|whether)\b(?:[^.?!]|\.(?=\w)){0,60}?"
    r"(?:\b(?:more|less|heavier|lighter|bigger|smaller)\b(?:[^.?!]|\.(?=\w)){0,30}?\bthan\b"
    r"|\b(?:twice|double|triple|\d+(?:\.\d+)?\s*x|\d+ times)\b(?:[^.?!]|\.(?=\w)){0,40}?\b(?:as|of|than|compared|vs\.?|versus)\b)"
)
# "is the VRAM the same for lora and full fine-tuning?", "equal memory": a yes/no that the gap is none
_ASKS_IF_SAME = re.compile(r"\bsame\b|\bequal\b|\bidentical\b|\bno different\b")
# training methods by name, each as said (a full run by 'full' beside a training word or 'full-parameter')
_METHODS = (
    (Task.QLORA, re.compile(r"(?<![a-z])q-?lora(?![a-z])")),
    (Task.LORA, re.compile(r"(?<![a-z-])lora(?![a-z])|\bpeft\b|--use_peft")),
    (
        Task.FULL,
        re.compile(
            r"\bfull(?:[- ]?(?:parameter|param|weight|rank|model))?[- ]?(?:fine[- ]?tun\w*|finetun\w*|train\w*|sft)"
            r"|\bfull[- ](?:parameter|param|weight)s?\b|\bfull (?:mode|ft)\b"
        ),
    ),
)
# the other side told only by its size: "than a 7B one", "than 7b", "than the 7B model", "as much as a 7B one",
# "than on the 7B", "than for a 3b"
_THAN_SIZE = re.compile(
    r"\b(?:than|as|compared (?:to|with)|vs\.?|versus|of)(?: (?:on|for|with|in))? (?:a |an |the )?"
    r"(\d+(?:\.\d+)?)\s*b\b"
)


def contrast_facts(understanding: Understanding, knowledge) -> Facts | None:
    """Facts comparing two plans when the question asks why one needs more memory than the other; else None."""
    details = understanding.details
    question = understanding.question.lower()
    why = bool(
        _ASKS_WHY.search(question)
        and (
            _MORE_MEMORY.search(question)
            # "the 16k model is bigger than the 8k one, why?": two contexts said, one run bigger than the other
            or (len(contexts_said(question)) >= 2 and re.search(r"\b(?:bigger|larger|heavier)\b", question))
        )
    )
    than_size = _other_size(question, details.params, details.model)
    methods = _methods_said(question) if details.task and details.task.is_training else ()
    other_named = bool(details.compared_models) or than_size is not None
    two_methods = len(methods) > 1
    asks_gap = _ASKS_IF_MORE.search(question) or (two_methods and _ASKS_IF_SAME.search(question))
    if not details.has_workload or not (why or (asks_gap and (other_named or two_methods))):
        return None
    request = request_for(understanding)
    if not other_named and two_methods:
        # "does full fine-tuning need way more than LoRA?", "lora and full take the same memory, right?": one model
        # under two methods, the one said first against the other
        request = replace(request, task=methods[0])
        other = replace(request, task=methods[1])
        label = methods[1].label
    elif details.compared_models:
        other = replace(request, model=details.compared_models[0], params=None)
        label = details.compared_models[0]
    elif than_size is not None and other_named:
        size = float(than_size.group(1)) * 1e9
        sibling = _sibling(knowledge.models, details.model, size)  # "qwen2.5 14b … than 7b": Qwen2.5 7B
        other = replace(request, model=sibling, params=None if sibling else size, model_note=None)
        label = sibling or f"{article(than_size.group(1))} {than_size.group(1)}B model"
    elif len(said := contexts_said(understanding.question)) >= 2:
        # "num_ctx 16k and 8k: why is the 16k one bigger?": the two contexts said, side by side (the one the
        # understanding read, else the first said, against the other), not one of them against the default
        first = request.context if request.context in said else said[0]
        second = next(c for c in said if c != first)
        request = replace(request, context=first)
        other = replace(request, context=second)
        label = f"{second:,}-token context"
    else:
        stated = {name: None for name in _SETTINGS if getattr(request, name) is not None}
        if not stated:
            return None
        other = replace(request, **stated)
        label = "the defaults"
    plan = _plan(request, knowledge)
    baseline = _plan(other, knowledge)
    if label == "the defaults" and abs(plan.estimate.total_gb - baseline.estimate.total_gb) < 0.05:
        return None  # the settings named are the defaults: a side-by-side with no gap explains nothing
    return Facts(
        understanding,
        plan=plan,
        gpus=tuple(f.gpu for f in plan.shown),
        contrast=baseline,
        contrast_label=label,
    )


def _methods_said(question: str) -> tuple[Task, ...]:
    """The training methods ``question`` (lower-cased) names, in the order said."""
    found = []
    for task, pattern in _METHODS:
        found += [(m.start(), task) for m in pattern.finditer(question)]
    return tuple(dict.fromkeys(task for _, task in sorted(found)))


def _other_size(question: str, params: float | None, model: str | None) -> re.Match | None:
    """The first size said that is not the model's own ("is a 13B model heavier than a 7B one": the 7B), or None."""
    if params is None:
        return None
    own = {float(n) for n in re.findall(r"(\d+(?:\.\d+)?)b\b", (model or "").lower())} | {params / 1e9}
    return next((m for m in _THAN_SIZE.finditer(question) if float(m.group(1)) not in own), None)


def _sibling(models, name: str | None, params: float) -> str | None:
    """The model of ``name``'s family with about ``params`` parameters, if the specs hold one."""
    if name is None:
        return None
    spec = models.by_name(name)
    return next(
        (n for n in models.sizes_of(spec) if abs(models.by_name(n).params - params) <= 0.15 * params), None
    )


def _plan(request, knowledge):
    return plan_workload(
        request, knowledge.catalog, knowledge.models, knowledge.assumptions, knowledge.offerings
    )
