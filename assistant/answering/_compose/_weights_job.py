"""Converting, quantizing or merging a model on one's own machine: the memory the job needs (the full-precision
weights, not the result's size), set against the machine's, and what to do when it falls short."""

from __future__ import annotations

import re

from ...sizing import JobMemory, Task, free_ram_gb, load_assumptions, weights_job_memory
from ...understanding import Intent
from ...understanding._weights_job import wants_f32
from .._facts import Facts
from ._engine_formats import engine_formats_text
from ._format import gb, with_details

__all__ = ["weights_job_answer", "weights_job_gb"]

_GGUF = re.compile(r"\bgguf\b|\bggml\b|llama[.-]?cpp|llama[-_]quantize|\bq[2-8]_(?:k|0|1)\w*|\bollama\b")
_GPU_QUANTIZER = re.compile(r"\bexl2\b|exllama|\bgptq\b|\bawq\b|\bmeasurement|\bbpw\b")
_ON_CPU = re.compile(r"\bcpu\b|\bsystem (?:ram|memory)\b|\bin ram\b")
# "do we need more than 128gb?", "does it need more RAM?": asked as a shortfall of the machine, so "it fits" is No
_NEED_MORE = re.compile(r"\b(?:need|require)s?\s+(?:more|bigger|larger)\b|\bneed\b[^.?!]{0,20}\bmore than\b")

# a conversion to GGUF (today's converter is lazy), unless an old converter is named or the run already failed
_LAZY_CONVERT = re.compile(r"\bgguf\b|llama[.-]?cpp|convert_hf_to_gguf")
_OLD_OR_FAILED = re.compile(
    r"convert-pth|convert\.py|convert-hf-to-gguf|\bggml\b|--no-lazy|\bkill|\boom\b|out of (?:memory|ram)|\bcrash|"
    r"\bfail|\bswap\b|\bunable\b|\bcan'?t\b|\bcannot\b"
)
_CARD = re.compile(r"\b(?:card|gpu|vram|graphics)\b")
_WHAT = {"convert": "Converting", "quantize": "Quantizing", "merge": "A merge of the adapter into"}


def _job(facts: Facts) -> tuple[str, JobMemory] | None:
    """The job asked about and its memory, or None when the question is not about one (or is not an LLM's)."""
    understanding = facts.understanding
    kind = understanding.details.weights_job
    if kind is None or understanding.intent in (Intent.NON_LLM, Intent.GREETING, Intent.OUT_OF_SCOPE):
        return None
    question = understanding.question.lower()
    params = facts.workload.params if facts.workload is not None else understanding.details.params
    streams = kind == "quantize" and bool(_GGUF.search(question) or _runtime(facts) == "llama.cpp")
    streams = streams and not _GPU_QUANTIZER.search(question)
    return kind, weights_job_memory(kind, params, f32=wants_f32(question), streams=streams)


def _runtime(facts: Facts) -> str | None:
    """The runtime the plan or the question names (None when neither does)."""
    return facts.workload.runtime if facts.workload is not None else facts.understanding.details.runtime


def weights_job_gb(facts: Facts) -> float | None:
    """The memory figure a job on the weights leads with (None when there is none, or no such job)."""
    job = _job(facts)
    return job[1].gb if job is not None else None


def _machine(facts: Facts) -> tuple[float, str] | None:
    """The memory the job runs in, as the user states it: system RAM (said beside the job, beside a card, or as
    the machine's), a Mac's unified memory; None when only a graphics card is known."""
    details = facts.understanding.details
    for ram in (details.job_ram_gb, details.host_ram_gb, details.ram_gb):
        if ram:
            return ram, "RAM"
    macs = [g for g in facts.gpus[:1] if g.software == "Metal" and g.memory_gb]
    if macs:
        return macs[0].memory_gb, f"unified memory of the {macs[0].name}"
    if (
        details.stated_memory_gb
        and not details.gpus
        and not _CARD.search(facts.understanding.question.lower())
    ):
        return details.stated_memory_gb, "memory"  # "16 GBs of memory": the machine's, with no card in sight
    return None


def _card(facts: Facts) -> tuple[float, str] | None:
    """The graphics card a merge would run on, by name or by the memory said of it; None when none is known."""
    details = facts.understanding.details
    cards = [g for g in facts.gpus[:1] if g.software != "Metal" and g.gpu_memory_gb] if details.gpus else []
    if cards:
        return cards[0].gpu_memory_gb, f"the {cards[0].name}"
    if details.stated_memory_gb and _CARD.search(facts.understanding.question.lower()):
        return details.stated_memory_gb, f"your {details.stated_memory_gb:g} GB card"
    return None


def weights_job_answer(facts: Facts) -> str | None:
    """The answer to a conversion, quantization or merge question; None when the question is not one."""
    job = _job(facts)
    if job is None:
        return None
    kind, memory = job
    question = facts.understanding.question.lower()
    details = facts.understanding.details
    what = _WHAT[kind]
    model = facts.workload.model_label if facts.workload is not None else "the model"
    if memory.gb is None:
        lead = (
            _streaming_lead(facts) if kind == "quantize" and memory.params else _generic_lead(kind, question)
        )
        return with_details(lead, _remedies(kind, question))
    machine = _machine(facts)
    width = "32-bit" if memory.bytes_per_param == 4 else "16-bit"
    if kind == "quantize":
        held = "of system RAM** (the GPU then quantizes one layer at a time)"
    elif kind == "convert" or re.search(r"\bram\b|\bcpu\b", question):
        held = "of system RAM**"
    else:
        held = "of memory** (GPU memory, or system RAM when merged on the CPU)"
    needs = (
        f"{what.lower() if kind != 'merge' else 'a merge of the adapter into'} {model} needs about "
        f"**{gb(memory.gb)} {held}: the job reads the {width} weights whole ({memory.working})"
    )
    card = _card(facts) if kind == "merge" and machine is None else None
    if card is not None:
        # a merge on the user's card: the 16-bit base has to fit it, else the merge runs on the CPU from system RAM
        vram, name = card
        if memory.gb <= vram:
            verdict = "**Yes** — " if details.yes_no else ""
            body = f"{needs}, within the {vram:g} GB of {name}."
        else:
            verdict = "**Only by merging on the CPU** — " if details.yes_no else ""
            body = (
                f"{needs}, more than the {vram:g} GB of {name}: load the base in 16-bit on the CPU and merge there, "
                f"with at least {gb(memory.gb)} of free system RAM."
            )
        lead = f"{verdict}{body[0].upper() if not verdict else body[0]}{body[1:]}"
    elif machine is None:
        lead = f"{needs[0].upper()}{needs[1:]}, whatever the size of the file it writes."
    else:
        have, where = machine
        usable = free_ram_gb(have, load_assumptions())
        # within a few percent of what is free, the job's own working memory and whatever else runs tip it over
        tight = load_assumptions().number("local_tight_fit_share")
        fits = memory.gb <= (1 - tight) * usable
        free = f"about {gb(usable)} free once the system's share is taken"
        if fits:
            against = f"within the {have:g} GB of {where} ({free})"
        elif memory.gb <= usable:
            against = (
                f"only just within the {have:g} GB of {where} ({free}): too close to finish without swap, "
                "since the job's own working memory and anything else running come on top"
            )
        else:
            against = f"more than the {have:g} GB of {where} ({free})"
        if (
            not fits
            and kind == "convert"
            and _LAZY_CONVERT.search(question)
            and not _OLD_OR_FAILED.search(question)
        ):
            # "convert a 70B to GGUF with 32 GB, will it work?": today's converter does not hold the whole model
            lead = (
                f"**Yes, with a current llama.cpp** — its `convert_hf_to_gguf.py` reads the weights lazily by default "
                f"(one tensor at a time, written as it goes), so it does not hold the whole model; older converters "
                f"(`convert.py`, `convert-pth-to-ggml.py`) and `--no-lazy` did: {needs}, {against}."
            )
            running = _running_note(facts, kind)
            return with_details("\n\n".join(p for p in (lead, running) if p), _remedies(kind, question))
        if _NEED_MORE.search(question):
            verdict = (
                f"**No** — {have:g} GB is enough: " if fits else "**Yes** — it needs more than you have: "
            )
        elif details.yes_no:
            verdict = "**Yes** — " if fits else "**No** — "
        else:
            verdict = ""
        body = f"{needs}, {against}."
        lead = f"{verdict}{body[0].upper() if not verdict else body[0]}{body[1:]}"
    running = _running_note(facts, kind)
    text = "\n\n".join(p for p in (lead, running) if p)
    return with_details(text, _remedies(kind, question))


def _running_note(facts: Facts, kind: str) -> str:
    """What running the result needs, when the plan has it: far less than the job, for a quantized result."""
    if facts.plan is None or facts.workload.task is not Task.INFERENCE:
        return ""
    work = facts.workload
    if work.precision in ("fp16", "bf16", "fp32"):
        return ""
    formats = engine_formats_text(
        facts
    )  # "…in vLLM with 4-bit?": the formats that server loads at that width
    return (
        f"Running the {work.precision} result is another matter: about {gb(facts.estimate.total_gb)} "
        f"for {work.model_label} at {work.context or 0:,} tokens of context."
        + (f" {formats}" if formats else "")
    )


def _streaming_lead(facts: Facts) -> str:
    """llama.cpp's quantizer on a GGUF: it streams, so the job needs little memory; running the result is what
    the machine has to hold."""
    run = ""
    if facts.plan is not None and facts.workload.task is Task.INFERENCE:
        work = facts.workload
        run = (
            f" Running the result is what needs the memory: {work.model_label} in {work.precision} takes about "
            f"**{gb(facts.estimate.total_gb)}**."
        )
    if run and _RUN_ASKED.search(facts.understanding.question.lower()):
        # "is there any way to run the 65B quantized?" asked first: yes, in that much RAM; then the job's memory
        work = facts.workload
        return (
            f"**Yes** — {work.model_label} in {work.precision} runs; it takes about **{gb(facts.estimate.total_gb)}**. "
            f"{_STREAMS}"
        )
    return f"{_STREAMS}{run}"


_STREAMS = (
    "Quantizing a GGUF with llama.cpp needs little memory: its quantizer reads the memory-mapped file one tensor at "
    "a time and writes each as it goes, so at most one tensor (and its quantized copy) is held, far less than the "
    "model — if the converted file could be made, it can be quantized."
)
# "is there any way to run it quantized?", "can I run it after quantizing?": whether the result runs, asked first
_RUN_ASKED = re.compile(r"\b(?:is there (?:any |a )?way|can (?:i|we|you|one)|could (?:i|we)) (?:to )?run\b")


def _generic_lead(kind: str, question: str) -> str:
    """No model or size known: the rule, with two worked sizes."""
    seven, seventy = 7e9 * 2 / 1e9, 70e9 * 2 / 1e9
    rule = (
        "needs the model's full-precision weights in memory: two bytes per parameter for a 16-bit checkpoint "
        f"(a 7B: about {seven:.0f} GB, a 70B: about {seventy:.0f} GB), whatever the size of the file it writes"
    )
    if kind == "merge":
        cpu = bool(_ON_CPU.search(question))
        head = (
            "**Yes** — a merge can run on the CPU, in system RAM: "
            if cpu
            else "Merging a LoRA into its base "
        )
        return (
            f"{head}merging {rule}; a 4-bit (QLoRA) base is dequantized to 16-bit first, so the merge needs the "
            "16-bit size, not the 4-bit one it was trained on. Where the GPU cannot hold it, load the base on the "
            "CPU and merge there: slower, but only system RAM is needed."
        )
    return f"{_WHAT[kind]} a model {rule}. Tell me the model (or its size) and your RAM and I will check it."


def _remedies(kind: str, question: str) -> str:
    """What to do when the machine falls short, for the job asked."""
    out = []
    if kind == "convert":
        out.append(
            "**If RAM falls short:** add swap space (the conversion then finishes, slowly) and close other "
            "programs; llama.cpp's `convert_hf_to_gguf.py` loads tensors lazily in current versions, and its "
            "`--use-temp-file` option writes through a temporary file on disk instead of holding the output in RAM; "
            "or download a file someone already converted (a GGUF, an MLX or a `-hf` repository) instead of "
            "converting at all. Writing 32-bit floats doubles the memory of 16-bit."
        )
    elif kind == "merge":
        out.append(
            '**If memory falls short:** merge on the CPU (load the base in 16-bit with `device_map="cpu"`, then '
            "`merge_and_unload()`); Unsloth's `save_pretrained_merged` spills to the CPU on its own, and its "
            "`maximum_memory_usage` sets how much of the GPU it may use; swap space lets a CPU merge finish, slowly. "
            "Merging never works on 4-bit weights directly: they are dequantized to 16-bit first."
        )
    else:
        out.append(
            "**How the quantizers use memory:** llama.cpp's quantizer streams a converted GGUF one tensor at a time; "
            "GPTQ, AWQ and EXL2 quantizers hold the 16-bit model in system RAM and quantize it one layer at a time on "
            "the GPU, so the GPU must fit the largest layer (usually the output head, vocabulary x hidden size, kept "
            "in FP32 while it is measured) beside the calibration data; MLX's `convert -q` loads the 16-bit model in "
            "unified memory. Swap space lets a RAM-bound job finish, slowly."
        )
    if re.search(r"\bcuda out of memory|\bvram\b|\bgpu\b", question) and kind == "convert":
        out.append("Conversion runs on the CPU: the graphics card's memory plays no part in it.")
    return "\n\n".join(out)
