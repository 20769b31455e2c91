"""Whether a question asks if a tool runs on some hardware ("does vLLM support the V100?", "can llama.cpp use an
Arc A770?", "does bitsandbytes work on apple silicon?"), and the platform it names when no GPU is named (pure)."""

from __future__ import annotations

import re

__all__ = ["asks_support", "card_stack", "host_named", "stack_named"]

# the verbs of a compatibility question: support, compatibility, "work on / with", "run on", "use my …"
_SUPPORT = re.compile(
    r"\bsupport(?:s|ed|ing)?\b|\bcompatib|\bwork(?:s|ing)?\s+(?:on|with|for|in)\b|\bruns?\s+(?:on|without)\b|"
    r"\b(?:can|could|will|does|do)\s+(?:i\s+|we\s+|you\s+)?(?:\S+\s+){0,3}?(?:use|utili[sz]e|see|detect|recogni[sz]e)\b|"
    r"\bavailable\s+(?:on|for)\b|\binstall\s+on\b|\bbe\s+(?:used|deployed|installed|run)\s+(?:on|with)\b|"
    # "any way to run vllm purely on cpu?", "koboldcpp on my phone, does that work?"
    r"\b(?:way|possible|able)\s+to\s+(?:run|use|install|deploy)\s+(?:\S+\s+){0,3}?(?:on|with|without)\b|"
    r"\b(?:does|will|would|can|is)\s+(?:that|it|this)\s+(?:going\s+to\s+)?(?:work|run)\b|\busable\s+(?:on|with)\b|"
    # "is the MI300X usable for vLLM?", "is a 7900 XTX good with SGLang?": the card weighed for the tool named
    r"\b(?:usable|suited|ready|viable)\s+(?:for|with)\b|\bgood\s+with\b|"
    # "can i train on an MI300X with PyTorch?", "could we fine-tune on Gaudi using DeepSpeed?"
    r"\b(?:can|could)\s+(?:i|we|you)\s+(?:train|fine-?tune|finetune|serve|infer)\s+(?:\S+\s+){0,4}?(?:with|using)\b|"
    # "can i run vllm on my 1080 ti?": a question that opens by asking whether, not "if we run TGI on 6 A10Gs, …"
    # — at the start of any sentence: "ollama on linux with an rx 6900 xt. is it possible to run ollama on linux?"
    r"(?:^|(?<=[.?!])\s+|\n)\W*(?:\w+\W+){0,2}?(?:can|could|will|would|does|do|is|are)\b[^?.!]{0,30}?"
    r"\b(?:run|use|install|set\s*up)\s+(?:\S+\s+){0,2}?(?:on|with|without)\b"
)
# a report of something that went wrong ("CUDA out of memory", "it crashes"): about the run, not the tool's support
_TROUBLE = re.compile(r"\bout of memory\b|\boom\b|\bcrash|\berror\b|\btraceback\b|\bexception\b|\bfail")
# words that make it a question of the tool's own support, even with a model named ("does vLLM support AWQ on a T4?")
_EXPLICIT = re.compile(r"\bsupport(?:s|ed|ing)?\b|\bcompatib")

# the tool leaves the GPU idle ("ollama uses only the CPU", "LM Studio won't use my RX 5700 XT", "how do I enable
# my AMD GPU"): whether the tool supports that card is what is asked, whatever else the post mentions
_GPU_UNUSED = re.compile(
    r"\b(?:won'?t|wo n'?t|doesn'?t|does not|isn'?t|is not|not|never|can'?t|cannot|refuses? to|fails? to)\s+"
    r"(?:use|using|utili[sz]e|utili[sz]ing|detect|detecting|see|seeing|recogni[sz]e|find|pick up)\s+"
    r"(?:my|the|our|any|an?)\s+(?:\w+\s+){0,3}?(?:gpus?|cards?|graphics|radeon|rx\s*\d+\w*|arc|(?:gtx|rtx|geforce|quadro|titan)\s*\d*)\b|"
    r"\b(?:only\s+uses?|uses?\s+only|is\s+using\s+only|only\s+using|falls?\s+back\s+to|runs?\s+only\s+on|"
    r"only\s+runs?\s+on)\s+(?:the\s+|my\s+)?cpu\b|\bignor(?:es|ing|ed)\s+my\s+(?:\w+\s+){0,3}?(?:gpus?|cards?)\b|"
    r"\b(?:ignor(?:es|ing|ed)|skips?)\s+(?:my|the)\s+(?:radeon|rx|arc|geforce|rtx|gtx)\b|"
    r"\b(?:enable|activate|use)\s+(?:my\s+|the\s+)?(?:amd|intel|radeon|nvidia)\s+(?:gpu|card|graphics)\b|"
    r"\b(?:gpu|card)\s+(?:is\s+)?not\s+(?:being\s+)?(?:used|detected|utili[sz]ed|recogni[sz]ed)\b|"
    r"\bno\s+(?:compatible\s+)?gpus?\s+(?:was\s+|were\s+)?(?:detected|found)\b"
)

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


# the CPU alone asked ("only on the cpu", "cpu-only", "without a gpu") and phones or tablets ("my android phone")
_NO_GPU = r"(?:dedicated\s+|discrete\s+)?(?:gpus?|graphics\s+(?:cards?|chips?))\b"
_CPU_ALONE = re.compile(
    r"\bcpu[- ]only\b|\bonly\s+(?:on|with|use|using)\s+(?:the\s+|a\s+|my\s+|its\s+)?(?:cpus?|processors?)\b|"
    r"\b(?:on|with|use|using)\s+(?:the\s+|a\s+|my\s+|just\s+(?:the\s+|a\s+)?|purely\s+on\s+(?:the\s+)?)?"
    r"(?:cpus?|processors?)\b(?!\s*(?:\+|and|&)\s*gpu)(?!\s+(?:offload|ram|memory|threads?|cores?))|"
    rf"\bwithout\s+(?:a\s+|any\s+)?{_NO_GPU}|\bno\s+{_NO_GPU}"
)
_MOBILE = re.compile(r"\b(?:android|iphone|ipad|ios|smart\s*phones?|phones?|mobiles?|tablets?)\b")


def host_named(question: str) -> str | None:
    """ "CPU" when the CPU alone is asked ("only on the CPU of an Android phone", "with no gpu"), "Mobile" for a
    phone or tablet; None otherwise. The CPU, where said, is the narrower ask."""
    t = question.lower()
    if _CPU_ALONE.search(t):
        return "CPU"
    return "Mobile" if _MOBILE.search(t) else None


# the platform of a card the catalog does not list, by its series name ("GTX 970", "Radeon R7 360", "Arc A380")
_CARD_STACKS = (
    ("CUDA", re.compile(r"\b(?:gtx|rtx|gt|quadro|tesla|titan|nvidia|geforce)\b|^[kmp]\d", re.I)),
    ("ROCm", re.compile(r"\b(?:rx|r[579]|radeon|vega|mi\s*\d+\w*|amd|instinct)\b", re.I)),
    ("oneAPI", re.compile(r"\b(?:arc|intel)\b", re.I)),
)


def card_stack(card: str | None) -> str | None:
    """The software stack of an unlisted card's series ("GTX 970" -> CUDA, "RX 580" -> ROCm); None if unclear."""
    if not card:
        return None
    return next((stack for stack, p in _CARD_STACKS if p.search(card)), None)


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
        return bool(_EXPLICIT.search(t) or _GPU_UNUSED.search(t))
    return bool(_SUPPORT.search(t) or _GPU_UNUSED.search(t))
