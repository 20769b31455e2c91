"""Whether a tool runs on a GPU or platform ("does vLLM support the V100?"): Yes / No first, from the tool's
own requirement read against the catalog (compute capability, software stack), with the source and date."""

from __future__ import annotations

import re

from ..._text import article
from ...knowledge import load_models
from ...knowledge._software import Support
from ...sizing import Task, Workload, estimate_memory, load_assumptions
from ...sizing._fit import Fit
from .._facts import Facts
from ._format import gb, markdown_table

__all__ = ["phone_figures", "support_answer"]

_LEAD = {"supported": "Yes", "partial": "Yes, with limits", "unsupported": "No", "unknown": "can't tell"}


def support_answer(facts: Facts) -> str | None:
    """The support verdict for the first tool and hardware asked, the others in a table; None when nothing was
    checked."""
    if not facts.support:
        return None
    first = facts.support[0]
    parts = [_verdict(first)]
    if fit := _models_fit(facts):  # the model's memory there: the other half of "can it run?"
        parts.append(fit)
    elif first.stack == "Mobile" and first.status != "unsupported":
        parts.append(_phone_memory())  # "does it run on my iPhone 13?": the phone's RAM decides which model
    if caveat := _card_caveat(first, facts):
        parts.append(caveat)
    if len(facts.support) > 1:
        rows = [(s.name, _where(s), _LEAD[s.status], s.reason) for s in facts.support]
        parts.append(markdown_table(("tool", "hardware", "runs?", "why"), rows))
    dates = sorted({s.tool.as_of for s in facts.support})
    parts.append(
        f"_From each tool's own hardware docs as of {dates[-1]:%Y-%m-%d}; support changes between releases, so "
        "check the current docs for a new card or an old one._"
    )
    return "\n\n".join(parts)


def _models_fit(facts: Facts) -> str:
    """The named model's memory on the first card asked, when the tool runs there: whether it fits is the other
    half of "can it run?"."""
    plan, gpu = facts.plan, facts.gpus[0] if facts.gpus else None
    if plan is None or gpu is None or facts.estimate is None:
        return ""
    check = next((c for c in plan.checks if c.gpu.name == gpu.name), None)
    work = facts.estimate.workload
    fmt = "fp16" if work.precision == "bf16" and not gpu.bf16 else work.precision  # no bf16: fp16, same size
    what = f"{plan.model.name} in {fmt}" if plan.model else f"The model in {fmt}"
    need = facts.estimate.total_gb
    if isinstance(check, Fit) and check.count == 1:
        return (
            f"**Memory:** {what} needs about {gb(check.per_gpu_gb)} — it fits the {gpu.name} "
            f"({gb(check.usable_gb)} usable of {gb(gpu.memory_gb)})."
        )
    room = plan.context_room.get(gpu.name)
    if room:  # the weights fit one card; the assumed context does not
        return (
            f"**Memory:** {what} needs about {gb(need)} at {facts.estimate.workload.context:,} tokens of context, "
            f"more than one {gpu.name} leaves for it after the engine's reserve; with the context capped at about "
            f"{room:,} tokens "
            "(vLLM `--max-model-len`) it fits."
        )
    if isinstance(check, Fit):
        return f"**Memory:** {what} needs about {gb(need)} in all — {check.count} x {gpu.name} hold it."
    return (
        f"**Memory:** {what} needs about {gb(need)} — more than one {gpu.name} holds ({gb(gpu.memory_gb)})."
    )


# the models a phone question is sized with (the 3B and 8B sizes people run on phones), and the RAM of phones that
# hold the smaller one and the larger one beside the OS
_PHONE_MODELS = ("Llama 3.2 3B", "Llama 3.1 8B")
_PHONE_RAM_GB = (4, 8)


def _phone_needs() -> list[tuple[str, float, float]]:
    """(name, billions of parameters, GB) of each phone-sized model in the usual 4-bit download."""
    a = load_assumptions()
    quant = str(a["default_local_quant"].value)
    out = []
    for name in _PHONE_MODELS:
        spec = load_models().get(name)
        work = Workload(Task.INFERENCE, spec, spec.params, precision=quant, runtime="llama.cpp")
        out.append((name, spec.params / 1e9, estimate_memory(work, a).total_gb))
    return out


def phone_figures(facts: Facts) -> list[float]:
    """The figures ``_phone_memory`` prints, when the answer is about a phone."""
    if not any(s.stack == "Mobile" for s in facts.support):
        return []
    named = [float(n) for name in _PHONE_MODELS for n in re.findall(r"\d+(?:\.\d+)?", name)]  # "Llama 3.1 8B"
    return [*_PHONE_RAM_GB, *named, *(v for _, size, need in _phone_needs() for v in (size, need))]


def _phone_memory() -> str:
    """What decides which model a phone runs: its RAM, shared with the OS, against a 3B and an 8B model in the
    usual 4-bit download."""
    quant = str(load_assumptions()["default_local_quant"].value)
    (_, small_b, _), (_, large_b, _) = needs = _phone_needs()
    sized = " and ".join(f"{name} about {gb(need)}" for name, _, need in needs)
    low, high = _PHONE_RAM_GB
    return (
        f"**Memory:** the phone's RAM decides which model runs, and the OS and other apps share it: in 4-bit "
        f"({quant.upper()}) {sized}, so a phone with {low} GB of RAM takes {article(f'{small_b:.0f}')} "
        f"{small_b:.0f}B model, while "
        f"{article(f'{large_b:.0f}')} {large_b:.0f}B one needs a phone with {high} GB or more (the app is "
        "killed or fails to load when memory "
        "runs out)."
    )


def _where(support: Support) -> str:
    return support.gpu.name if support.gpu else support.card or support.stack_words


def _verdict(s: Support) -> str:
    where = s.where
    reason = f": {s.reason}" if s.reason else ""
    if s.status == "unknown":  # the docs (or the catalog) do not settle it: said so, with what decides it
        head = f"**I can't say yes or no** whether {s.name} runs on {where}{reason}."
    elif s.status == "unsupported":
        # "does not support": the tool's docs are what the verdict reads, not a test on the card
        head = f"**No** — {s.name} does not support {where}{reason}."
    elif s.status == "partial":
        head = f"**Yes, with limits** — {s.name} can run on {where}{'; ' + s.reason if s.reason else ''}."
    else:
        head = f"**Yes** — {s.name} runs on {where}{reason}."
    return f"{head} {_sentence(s.note)}".strip()


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def _card_caveat(s: Support, facts: Facts) -> str:
    """What the card itself lacks that such tools use (bf16, FlashAttention-2), said where it runs at all."""
    gpu = s.gpu
    if gpu is None or s.status == "unsupported" or gpu.software != "CUDA":
        return ""
    missing = []
    if not gpu.bf16:
        missing.append("no bf16, so models run in fp16 (`--dtype half`, `torch_dtype=torch.float16`)")
    if not gpu.flash_attention_2 and "FlashAttention" not in s.tool.name:
        missing.append("no FlashAttention-2, so the slower attention paths run")
    if not missing:
        return ""
    return f"On the {gpu.name} ({gpu.architecture}): " + "; ".join(missing) + "."
