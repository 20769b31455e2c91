"""Whether a question asks if a tool runs on some hardware ("does vLLM support the V100?", "can llama.cpp use an
Arc A770?", "does bitsandbytes work on apple silicon?"), and the platform it names when no GPU is named (pure)."""

from __future__ import annotations

import re

__all__ = ["asks_support", "stack_named"]

# the verbs of a compatibility question: support, compatibility, "work on / with", "run on", "use my …"
_SUPPORT = re.compile(
    r"\bsupport(?:s|ed|ing)?\b|\bcompatib|\bwork(?:s|ing)?\s+(?:on|with|for)\b|\bruns?\s+on\b|"
    r"\b(?:can|could|will|does|do)\s+(?:i\s+|we\s+|you\s+)?(?:\S+\s+){0,3}?(?:use|utili[sz]e|see|detect|recogni[sz]e)\b|"
    r"\bavailable\s+(?:on|for)\b|\binstall\s+on\b|\bbe\s+used\s+(?:on|with)\b|"
    # "can i run vllm on my 1080 ti?": a sentence that opens by asking whether, not "if we run TGI on 6 A10Gs, …"
    r"(?:^|[.?!]\s+)\W*(?:\w+\W+){0,2}?(?:can|could|will|would|does|do|is|are)\b[^?.!]{0,30}?"
    r"\b(?:run|use|install|set\s*up)\s+(?:\S+\s+){0,2}?(?:on|with)\b"
)
# a report of something that went wrong ("CUDA out of memory", "it crashes"): about the run, not the tool's support
_TROUBLE = re.compile(r"\bout of memory\b|\boom\b|\bcrash|\berror\b|\btraceback\b|\bexception\b|\bfail")
# words that make it a question of the tool's own support, even with a model named ("does vLLM support AWQ on a T4?")
_EXPLICIT = re.compile(r"\bsupport(?:s|ed|ing)?\b|\bcompatib")

# "support running / serving / deploying <a model>": the run of a model is what is asked about, not the tool alone
_SUPPORT_A_RUN = re.compile(
    r"\bsupport(?:s|ed)?\s+(?:running|serving|deploying|hosting|loading|inferenc\w*|(?:fine-?)?tuning|training)\b"
)

# platforms named without a GPU, mapped to the catalog's software stacks
_STACKS = (
    (
        "Metal",
        r"\bapple\s*silicon\b|\bmac(?:book|s|os)?\b|\bmac\s*(?:mini|studio|pro)\b|\bmps\b|\bmetal\b|\bm[1-4]\b",
    ),
    ("ROCm", r"\bamd\b|\bradeon\b|\brocm\b|\binstinct\b"),
    ("oneAPI", r"\bintel\s+(?:arc|gpus?|xpu)\b|\bxpu\b|\barc\s+gpus?\b"),
    ("XLA", r"\btpus?\b"),
    ("SynapseAI", r"\bgaudi\b|\bhabana\b"),
    ("Neuron", r"\btrainium\b|\binferentia\b|\bneuron\b"),
    ("CUDA", r"\bnvidia\b|\bgeforce\b|\bcuda\s+(?:gpus?|cards?|devices?)\b"),
)
_STACK_PATTERNS = tuple((stack, re.compile(p)) for stack, p in _STACKS)


def stack_named(question: str) -> str | None:
    """The software stack a platform word names ("apple silicon" -> Metal, "AMD" -> ROCm), the first said."""
    t = question.lower()
    hits = [(m.start(), stack) for stack, p in _STACK_PATTERNS if (m := p.search(t))]
    return min(hits)[1] if hits else None


def asks_support(
    question: str,
    *,
    tools_named: bool,
    hardware_named: bool,
    workload_named: bool,
    model_run_asked: bool = False,
) -> bool:
    """Whether the question asks if a named tool runs on named hardware: a support verb, a tool and a GPU or
    platform; with a model or workload named only when it says support / compatible outright ("can vLLM run
    Llama 3 70B on a V100?" is a sizing question). ``model_run_asked``: a model is named and no feature of the
    tool is ("does vLLM support Gemma 2 27B on a V100?" asks whether that model runs there, which its memory
    decides as much as the tool's own support; "does vLLM support AWQ on a T4?" names a feature)."""
    if not (tools_named and hardware_named):
        return False
    t = question.lower()
    if workload_named and _SUPPORT_A_RUN.search(t):
        return False  # "does vLLM support running Gemma 2 27B on two 4090s?": whether that model fits there
    if model_run_asked and not _TROUBLE.search(t):
        return False  # "is TGI compatible with Mixtral on 2 A10Gs?": the model's run there, sized
    if workload_named or _TROUBLE.search(t):
        return bool(_EXPLICIT.search(t))
    return bool(_SUPPORT.search(t))
