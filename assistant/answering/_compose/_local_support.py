"""A local run on an AMD or Intel card: whether the local runners (Ollama, llama.cpp) support that card, from
their own hardware docs (corpus/software.yaml) — memory is rarely what stops a Radeon or an Arc, the backend is."""

from __future__ import annotations

from ...knowledge._software import load_software, support_of
from ...sizing import Task
from .._facts import Facts

__all__ = ["local_support_text"]

_STACKS = ("ROCm", "oneAPI")  # CUDA and Metal cards run the local runners as a matter of course
_RUNNERS = ("Ollama", "llama.cpp")  # said when the question names no runner
_NAMED_RUNNERS = (*_RUNNERS, "LM Studio", "KoboldCpp")  # local apps on the same llama.cpp runtimes


def local_support_text(facts: Facts) -> str:
    """One sentence: how Ollama and llama.cpp (or the local runners the question names) run on the one AMD / Intel card the
    question names, for a local inference run; "" for other cards, runs or tools."""
    work = facts.workload
    details = facts.understanding.details
    if work is None or work.task is not Task.INFERENCE or work.runtime != "llama.cpp" or len(facts.gpus) < 1:
        return ""
    gpu = facts.gpus[0]
    if gpu.software not in _STACKS or not details.gpus or details.gpus[0] != gpu.name:
        return ""
    table = load_software()
    named = [tool for tool, _ in table.named_in(facts.understanding.question) if tool.name in _NAMED_RUNNERS]
    tools = named or [t for name in _RUNNERS if (t := next((x for x in table.tools if x.name == name), None))]
    parts = []
    for tool in tools:
        support = support_of(tool, None, gpu.software, gpu)
        if support.status == "unsupported":
            continue  # said before the fit, by the tool-support check
        if detail := support.note or support.reason:
            parts.append(f"{tool.name} — {detail}")
    if not parts:
        return ""
    return f"**On the {gpu.name}**, from the runners' hardware docs: " + "; ".join(parts) + "."
