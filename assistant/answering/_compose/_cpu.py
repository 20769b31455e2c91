"""Running a model without a GPU: the RAM it needs (16-bit and 4-bit, from the plan) and what to expect."""

from __future__ import annotations

import re

from ...knowledge._software import load_software
from ...sizing import Task
from .._facts import Facts
from ._cpu_offload import pytorch_cpu_load_note
from ._format import capitalized, gb
from ._home import moe_instead_text

__all__ = [
    "asks_cpu_only",
    "asks_speed",
    "asks_training_without_gpu",
    "cpu_answer",
    "cpu_speed_text",
    "cpu_training_answer",
]

# "on CPU", "cpu-only", "without a GPU", "is a GPU necessary", "do I need a GPU"
_CPU = re.compile(
    r"\bcpu[- ]only\b|\bon (?:the |a |an |my |our )?(?:\w+ )?cpus?\b|\bwithout (?:a |any )?(?:gpus?|graphics card)\b|"
    r"\bno gpus?\b|\bcpu (?:inference|instance|server|machine|box)\b|\bcpus? instead\b"
)
_NO_GPU = re.compile(r"\bcpu[- ]only\b|\bwithout (?:a |any )?(?:gpus?|graphics card)\b|\bno gpus?\b")
# "is a GPU necessary?"; not "is multi gpu necessary?" / "are two GPUs needed?" (how many, not whether any)
_NEEDS_GPU = re.compile(
    # "is a GPU necessary?", not "GPU memory needed for ..." nor "what GPU is needed" (which one, not whether)
    r"(?<!what )(?<!which )(?<!multi )(?<!multi-)(?<!multiple )(?<!several )(?<!more )(?<!two )(?<!2 )"
    r"(?<!minimum )(?<!min )(?<!smallest )(?<!cheapest )(?<!best )"  # "minimum gpu needed": which, not whether
    # "how much GPU is needed", "what kind of gpu is required", "how big a GPU is needed": how much, not whether
    r"(?<!much )(?<!many )(?<!kind of )(?<!type of )(?<!sort of )(?<!big a )(?<!powerful a )(?<!large a )"
    r"\bgpu\b(?!\s+(?:memory|vram|ram|mem|hours?|time|usage|power|count|type|model|size)\b)"
    r"[^.?!]{0,40}\b(?:necessary|required|needed|mandatory|a must)\b|"
    r"\b(?:do|does|will|would) (?:i|we|it|you|this) (?:really |absolutely |even )?(?:need|require) (?:a |an )?gpu\b"
)


def asks_cpu_only(facts: Facts) -> bool:
    """True when the question is about serving or running a model with no GPU at all."""
    question = facts.understanding.question.lower()
    details = facts.understanding.details
    if details.cpu_only and not details.gpus and not details.ram_gb and not details.stated_memory_gb:
        # a CPU run with no RAM said ("on a phone", "on cpu only"): the RAM it needs and what to expect
        return facts.workload is None or facts.workload.task is Task.INFERENCE
    if not (_CPU.search(question) or _NEEDS_GPU.search(question)):
        return False
    if details.ram_gb and details.yes_no:
        return False  # "is 32GB RAM enough": the verdict against their RAM, in the workload answer
    has_gpu = bool(details.gpus) or bool(details.stated_memory_gb and not details.ram_gb)
    if has_gpu and not (_NO_GPU.search(question) or _NEEDS_GPU.search(question)):
        return False  # "it runs on the CPU instead of my 3090": the card is the question, the CPU the symptom
    return facts.workload is None or facts.workload.task is Task.INFERENCE


def asks_training_without_gpu(facts: Facts) -> bool:
    """'can I fine-tune it without a GPU?', 'is a GPU required to train it?': a training run on the CPU alone."""
    question = facts.understanding.question.lower()
    details = facts.understanding.details
    return (
        facts.workload is not None
        and facts.workload.task.is_training
        and facts.estimate is not None
        and not details.gpus
        and not details.stated_memory_gb
        and not details.any_mac
        and bool(_NO_GPU.search(question) or _NEEDS_GPU.search(question))
    )


def cpu_training_answer(facts: Facts) -> str:
    """Training on the CPU alone: no when a tool named does not train there, else yes with the RAM it takes."""
    work = facts.workload
    what = f"{work.task_label} of {work.model_label}"
    ram = f"{what} needs about {gb(facts.estimate.total_gb)} of system RAM, what a GPU would hold for it"
    named = load_software().named_in(facts.understanding.question)
    if stopped := next((tool for tool, _ in named if tool.cpu == "unsupported"), None):
        return (
            f"**No** — {stopped.name} does not train on the CPU alone ({stopped.cpu_note}). Plain PyTorch (the "
            "Hugging Face Trainer with `use_cpu=True`) does, far slower than a GPU."
        )
    lead = (
        "**No** — a GPU is not required"
        if _NEEDS_GPU.search(facts.understanding.question.lower())
        else "**Yes**"
    )
    return (
        f"{lead}, but it is slow: PyTorch trains on the CPU alone (the Hugging Face Trainer with `use_cpu=True`). "
        f"{ram[0].upper()}{ram[1:]}. Expect it to run far slower than on a GPU, so it suits small models and short "
        "runs; a rented GPU by the hour is the usual way out."
    )


def cpu_answer(facts: Facts) -> str:
    """Yes it runs (or: no, a GPU is not required), with the RAM in 16-bit and 4-bit and the speed caveat."""
    question = facts.understanding.question.lower()
    lead = "**No** — a GPU is not required for inference:" if _NEEDS_GPU.search(question) else "**Yes** —"
    if (
        not _NEEDS_GPU.search(question)
        and re.search(
            r"\bhow (?:much|many)\b|\bminimum\b|\bwhat(?:'s| is| are)? (?:the )?(?:ram|memory|requirements?)\b",
            question,
        )
        and not facts.understanding.details.yes_no
    ):
        # "how much RAM do I need?": the figure is the answer, not a yes ("can it run on the CPU only? and if so,
        # how much RAM?" asks the yes / no first)
        lead = ""
    if facts.plan is None:
        opening = f"{lead} a model runs" if lead else "A model runs"
        return (
            f"{opening} on a CPU, only more slowly; a GPU makes it faster, it does not make it possible. "
            "The RAM it needs is about the size of its weights (two bytes per parameter unquantized, about a "
            "quarter of that quantized) plus a margin for the context. Tell me the model and I will size it."
        )
    work = facts.workload
    small = next(
        (
            o
            for o in facts.options
            if o.label.endswith(("int4", "q4_k_m")) and o.estimate.total_gb < facts.estimate.total_gb
        ),
        None,
    )
    four_bit = (
        f", or about **{gb(small.estimate.total_gb)}** with 4-bit weights (a Q4_K_M GGUF under llama.cpp or Ollama "
        "is the usual way to run on a CPU)"
        if small
        else ""
    )
    needs = (
        f"{work.model_label} runs on a CPU without a GPU, only more slowly: it needs about "
        f"**{gb(facts.estimate.total_gb)} of RAM** with {work.precision} weights{four_bit}. "
    )
    if not facts.understanding.details.yes_no and asks_speed(question) and (speed := cpu_speed_text(facts)):
        # "how fast on the CPU?": the speed is the answer, the RAM it takes follows
        return f"{speed.strip()} {capitalized(needs)}".rstrip() + moe_instead_text(facts)
    load = pytorch_cpu_load_note(facts).lstrip()
    text = (
        needs
        + (load + " " if load else "")
        + cpu_speed_text(facts)
        + moe_instead_text(facts)
        + mmap_text(facts)
    )
    if lead and _PHONE.search(question) and not facts.understanding.details.ram_gb:
        # "can I run it on my iPhone 13?": the phone's RAM, not said and not in the catalog, decides it
        lead = "**It depends on the phone's RAM** —"
        text += (
            " A phone keeps much of its RAM for the system and other apps, so it needs that much free: tell me how "
            "much RAM it has and I will check."
        )
    return f"{lead} {text}" if lead else capitalized(text)


# the user watches the weights come from disk: "mmap", "constantly reading from disk", "RAM usage stays low"
_DISK_READS = re.compile(
    r"\bmmap\b|\bmemory[- ]mapp\w*|\b(?:reads?|reading|hammer\w*|thrash\w*)\b[^.?!]{0,30}\b(?:disk|ssd|nvme)\b"
    r"|\bdisk (?:reads?|usage|activity|i/?o)\b|\b(?:page|file) cache\b|\bram usage (?:stays|is) (?:low|under)\b"
)


def mmap_text(facts: Facts) -> str:
    """When the question sees the weights read from disk: llama.cpp's memory-mapping, and how to load them whole."""
    if not _DISK_READS.search(facts.understanding.question.lower()):
        return ""
    return (
        " Ollama and llama.cpp memory-map the GGUF (mmap): weights are read from disk as they are touched and count "
        "as file cache, not the program's memory; when free RAM is short, or other work evicts those pages, they are "
        "read again from disk for every token and generation runs at disk speed. With enough free RAM for the whole "
        "file, load it outright (`--no-mmap` in llama.cpp, `use_mmap: false` in Ollama's options) or pin it "
        "(`--mlock`)."
    )


def asks_speed(question: str) -> bool:
    """Whether the question asks how fast it generates ("how fast", "how many tokens per second")."""
    return bool(_ASKS_SPEED.search(question.lower()))


_ASKS_SPEED = re.compile(
    r"\bhow (?:fast|quick|slow)\b|\btokens?\s*(?:/|per)\s*s(?:ec(?:ond)?)?\b|\bt/s\b|\btok/s\b"
)


_SMALL_BOARD = re.compile(
    r"\braspberry\b|\bpi ?[345]\b|\bjetson\b|\b(?:smart)?phones?\b|\bandroid\b|\biphone\b|\bipad\b|\btablet\b|"
    r"\borange pi\b"
)
_PHONE = re.compile(
    r"\b(?:smart)?phones?\b|\bandroid\b|\biphone\b|\bipad\b|\btablet\b|\bpixel\s?\d+\b|\bgalaxy\s+s\d+\b"
)


# a laptop's or mini PC's integrated graphics: "iris xe", "uhd graphics", "radeon 780m", "igpu"
_INTEGRATED = re.compile(
    r"\bintegrated (?:graphics|gpu)\b|\bigpu\b|\biris\s?xe\b|\buhd graphics\b|\bradeon\s+(?:\d{3}m|vega\s?\d+)\b"
)


def cpu_speed_text(facts: Facts) -> str:
    """How fast generation from RAM goes: the plan's bandwidth estimate on a desktop, said as one; on a small
    board (whose RAM is far slower than the desktop figure) only that it is a few tokens per second at best.
    Integrated graphics share that RAM, so the same estimate holds for them, with how they are used."""
    return _cpu_speed(facts) + (
        _INTEGRATED_NOTE if _INTEGRATED.search(facts.understanding.question.lower()) else ""
    )


_INTEGRATED_NOTE = (
    " Integrated graphics have no memory of their own: they share this system RAM (the model needs the RAM above "
    "either way), and generation reads it at the same bandwidth, so the iGPU runs at about the CPU's speed; it "
    "helps mostly with reading long prompts. llama.cpp reaches it through its Vulkan backend (Ollama's Vulkan "
    "support, LM Studio's Vulkan runtime) or SYCL on Intel; it runs on the CPU when those are not set up."
)


def _cpu_speed(facts: Facts) -> str:
    speed = facts.plan.cpu if facts.plan else None
    board = _SMALL_BOARD.search(facts.understanding.question.lower())
    if speed is None or (board and not facts.understanding.details.ram_bandwidth_gbs):
        return (
            "Generation speed is bound by the RAM bandwidth, a fraction of a GPU's, so expect a few tokens per "
            "second at best and slow reading of long prompts; a GPU is what makes it interactive."
        )
    return (
        f"Generation is bound by the RAM bandwidth: expect about **{speed.decode_tokens_per_s:,.1f} tokens/s** with "
        f"{speed.precision.upper()} weights (an estimate: {speed.detail}), and slow reading of long prompts; a GPU is what makes it "
        "interactive. Every token reads all the weights, so a smaller model or a lower-bit quant is faster in "
        "proportion to its size."
    )
