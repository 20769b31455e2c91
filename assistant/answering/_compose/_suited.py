"""'Is the MI300X good for LLM inference?', 'is the L40S any good for fine-tuning?': a data-center card nobody said
they own, weighed for a kind of job — a verdict from the card's class and the figure the job is bound by, what one
card holds (16-bit and 8-bit weights for serving; the fine-tuning rows for training), and its software off CUDA.

Not the home-card answer ("on your MI300X ... llama.cpp"): a data-center card is rented or racked, and served
with a server engine."""

from __future__ import annotations

import re

from ..._text import article
from .._facts import Facts
from ._catalog import class_phrase
from ._format import gb
from ._owned import tools_line

__all__ = ["suited_answer", "suited_job"]

_TRAIN = re.compile(r"\b(?:train\w*|fine[- ]?tun\w*|finetun\w*|q?lora|pre-?train\w*|sft|rlhf|dpo)\b")
_SERVE = re.compile(
    r"\b(?:inferenc\w*|infer|serv(?:e|es|ing)|deploy\w*|host(?:ing)?|llms?|chat\w*|generat\w*|"
    r"run(?:ning)?\s+(?:llms?|models?|language models?))\b"
)
# weighing a card for a kind of job: "good for", "any good for", "a good choice for", "suited to", "decent for"
_WEIGHED = re.compile(
    r"\b(?:good|decent|great|ok|okay|fine|suited|suitable|fit|"
    r"an? (?:good|smart|solid|wise|sensible|right) (?:choice|pick|option|fit|card)|the right (?:choice|pick|card))"
    r"\s+(?:for|to|at)\b|\bany good\b"
)


def suited_job(understanding, gpu) -> str | None:
    """'training' or 'inference' when the question weighs ``gpu``, a data-center card nobody says they own, for
    that kind of job; None otherwise (a desktop card or Mac, one the user has — the home-card answer, what runs on
    it — or no job said)."""
    q = understanding.question.lower()
    home = understanding.details.owns_gpus or understanding.details.local  # what runs at home answers instead
    if gpu.gpu_class in ("consumer", "local") or home or not _WEIGHED.search(q):
        return None
    if _TRAIN.search(q):
        return "training"
    if _SERVE.search(q):
        return "inference"
    return None


def suited_answer(facts: Facts) -> str | None:
    report = facts.owned
    if report is None or not facts.gpus:
        return None
    gpu = facts.gpus[0]
    job = suited_job(facts.understanding, gpu)
    if job is None:
        return None
    kind = f"{article(class_phrase(gpu))} {class_phrase(gpu)}"
    memory = f"{gpu.memory_gb:,.0f} GB of {gpu.memory_type}"
    tools = f"\n\n{tools_line(gpu, facts.support)}" if facts.support else ""
    if job == "inference":
        return _serving(facts, gpu, kind, memory) + tools
    return _training(facts, gpu, kind, memory) + tools


def _serving(facts: Facts, gpu, kind: str, memory: str) -> str:
    report = facts.owned
    runs = [r for r in report.runs if r.quant]
    sixteen = [r for r in runs if r.quant == "bf16"]
    lead = (
        f"**Yes** — the {gpu.name} is {kind} with {memory} at {gpu.memory_bandwidth_gbs:,.0f} GB/s: serving an "
        "LLM is bound by memory, how much decides which models fit and its bandwidth how fast tokens come."
    )
    if not runs:
        return (
            f"**Only for small models** — the {gpu.name} has {memory} at {gpu.memory_bandwidth_gbs:,.0f} GB/s, and "
            "none of the models I track fits on one card in 16-bit or 8-bit weights; several cards split a model "
            "(tensor parallelism)."
        )
    said = []
    if sixteen:
        said.append(
            f"the largest model here that fits in 16-bit weights is **{sixteen[-1].model.name}** "
            f"(about {gb(sixteen[-1].memory_gb)} at {report.context:,} tokens of context)"
        )
    if runs[-1] is not (sixteen[-1] if sixteen else None):
        said.append(
            f"in 8-bit ({runs[-1].quant.upper()}) **{runs[-1].model.name}** (about {gb(runs[-1].memory_gb)})"
        )
    return (
        lead
        + " On one card, "
        + "; ".join(said)
        + ". Larger models split across several cards (vLLM or SGLang `--tensor-parallel-size`)."
    )


def _training(facts: Facts, gpu, kind: str, memory: str) -> str:
    tflops = gpu.training_tflops
    compute = f"{tflops:,.0f} dense 16-bit TFLOPS" if tflops else "its 16-bit compute"
    if gpu.gpu_class == "inference":
        lead = (
            f"**Only for small jobs** — the {gpu.name} is {kind} ({compute}, {memory}): training is bound by "
            "compute, and cards built for training bring several times more per card."
        )
    else:
        lead = (
            f"**Yes** — the {gpu.name} is {kind}: training is bound by compute, and it has "
            f"{compute} with {memory}."
        )
    rows = [t for t in facts.owned.trains if t.model is not None]
    if rows:
        said = ", ".join(f"{t.method} up to **{t.model.name}** (about {gb(t.memory_gb)})" for t in rows)
        return (
            lead
            + f" On one card: {said}; larger models shard across several cards (FSDP or DeepSpeed ZeRO-3)."
        )
    if gpu.software not in ("CUDA", "ROCm"):
        return (
            lead
            + f" I size PyTorch fine-tuning on CUDA and ROCm cards; on {gpu.software} it needs that stack's "
            "own build of the framework, so what one card holds is not sized here."
        )
    return lead + " None of the models I track fine-tunes on one card; several cards share the model states."
