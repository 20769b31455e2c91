"""Whether a sized question is a home user's about a model no home machine holds, and its home routes if so."""

from __future__ import annotations

import re

from ...planning._home import HomeRoutes, home_routes
from ...planning._owned import stand_in_card
from ...sizing import Task, estimate_memory, free_ram_gb

__all__ = ["home_routes_for"]

# a home machine or a local runtime said in words: "on my pc", "my laptop", "at home", "locally", "ollama"
_HOME_WORDS = re.compile(
    r"\b(?:my|our|a|an)\s+(?:\w+\s+){0,2}?(?:pc|laptop|desktop|computer|machine|rig|box|workstation|mac\w*)\b"
    r"|\bat home\b|\blocal(?:ly)?\b|\bhomelab\b|\bollama\b|\blm ?studio\b|\bllama[.-]?cpp\b|\bgguf\b|\bkoboldcpp\b"
)
_SERVING = re.compile(
    # not "deploy": "deploy R1 locally" (本地部署) on desktop cards is a home run
    r"\bserv(?:e|es|ing|er)\b|\bproduction\b|\bconcurren|\busers\b|\brequests?\b|\bapi\b|\bvllm\b"
    r"|\bsglang\b|\btgi\b|\bthroughput\b|\bktransformers\b"
)
_SLOW = re.compile(r"\bslow|\bsluggish\b|\bcrawl|\bwhy\b|\bexpected\b|\bnormal\b")
# what a local runtime downloads under the model's name: "ollama run deepseek-r1", "deepseek-r1:14b", LM Studio
_NAME_DOWNLOADS = re.compile(r"\bollama\b|\blm ?studio\b|\bjan\b|\b[a-z][\w.-]*:\d+(?:\.\d+)?b\b")


def home_routes_for(understanding, knowledge, plan) -> HomeRoutes | None:
    """The home routes of the plan's model when the question is a home user's (a desktop card or Mac, RAM said,
    a local runtime or home words) and the model has routes on record; None otherwise (a data-center card named,
    a training run, a model whose usual quant is not too big for a home box)."""
    work = plan.workload if plan else None
    details = understanding.details
    if work is None or work.task is not Task.INFERENCE or work.shape_is_proxy:
        return None
    spec = work.shape
    if not spec.low_bit_ggufs and not spec.distilled_family:
        return None
    catalog = knowledge.catalog
    cards = [catalog.by_name(n) for n in details.gpus]
    if any(c.gpu_class not in ("consumer", "local") for c in cards):
        return None  # data-center cards: the server answer stands
    question = understanding.question.lower()
    home = bool(
        cards
        or details.local
        or details.host_ram_gb
        or details.ram_gb
        or details.cpu_only
        or details.stated_memory_gb
        or _HOME_WORDS.search(question)
    )
    if not home or details.runtime == "server" or _SERVING.search(question):
        return None  # served to others (vLLM, an API, users): the deployment answer stands
    if details.observed_tokens_per_s or details.precision or _SLOW.search(question):
        return (
            None  # a run they already have (its speed, its quant, why it is slow): that run is the question
        )
    count = details.gpu_count or 1
    gpu, vram, ram = None, 0.0, details.host_ram_gb
    if cards:
        gpu = cards[0]
        vram = gpu.gpu_memory_gb * count
    elif details.ram_gb or details.cpu_only:
        ram = details.ram_gb or ram  # the model runs from system RAM on the CPU: no card
    elif details.stated_memory_gb:
        card = stand_in_card(catalog, details.stated_memory_gb)
        if card is not None:
            gpu = card.model_copy(
                update={
                    "name": f"{details.stated_memory_gb:g} GB GPU",
                    "aliases": (),
                    "memory_gb": details.stated_memory_gb,
                }
            )
            vram = gpu.gpu_memory_gb * count
    # a machine that holds the usual Q4_K_M (a big-RAM box beside the card, a 512 GB Mac): the usual GGUF's run
    # (partial offload, or raising macOS's GPU limit) is the answer, not the low-bit files or the distills
    assumptions = knowledge.assumptions
    reserve = assumptions.number("os_ram_reserve_gb")
    usual = estimate_memory(
        work.with_(precision=str(assumptions["default_local_quant"].value), runtime="llama.cpp"), assumptions
    ).total_gb
    if gpu is not None and gpu.vendor == "Apple":
        machine = gpu.memory_gb * count - reserve  # unified memory: all of it, once the GPU limit is raised
    else:
        machine = vram + free_ram_gb(ram, assumptions) if ram else 0.0
    if usual <= machine:
        return None
    return home_routes(
        spec,
        knowledge.models,
        knowledge.assumptions,
        gpu=gpu,
        count=count,
        vram_gb=vram,
        ram_gb=ram,
        distill_first=bool(_NAME_DOWNLOADS.search(question)),
    )
