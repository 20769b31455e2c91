"""Work done on a model's files rather than with the model (pure): converting a checkpoint to another format
(GGUF, MLX, Hugging Face), quantizing it, merging a LoRA adapter into it.

These read the full-precision weights, so what they need is not what running the result needs: "converting the
7B to ggml gets killed on my 16 GB machine", "how much RAM to quantize the 65B?", "merging the LoRA goes out of
memory". A question is read as one only when the operation is the thing that fails or is being sized — "do I need
to quantize it to fit my card?" asks about running the model, and is left alone.
"""

from __future__ import annotations

import re

__all__ = ["job_ram_gb", "read_weights_job", "wants_f32"]

# the operation, by its verbs and its tools' names ("convert-hf-to-gguf.py", "mlx_lm.convert", "llama-quantize",
# "merge_and_unload", "save_pretrained_merged"); "conversation" is no conversion
_MERGE = re.compile(
    r"\bmerg(?:e|es|ed|ing)\b[^.?!]{0,40}?\b(?:lora|adapters?|peft|qlora|into (?:the )?(?:base|model))\b"
    r"|\b(?:lora|adapters?|peft|qlora)\b[^.?!]{0,40}?\bmerg(?:e|es|ed|ing)\b"
    r"|merge_and_unload|save_pretrained_merged|merged_16bit|\bmerge_lora\b"
)
_CONVERT = re.compile(
    r"(?<!voice )(?<!speech )(?<!image )(?<!audio )\bconver(?:t|ts|ted|ting|sion|sions|ter|tion)\b|\bconvet\w*|\bconvert[-_]\w+\.py\b"
    r"|\bmlx_lm\.convert\b"
)
_QUANTIZE = re.compile(
    r"\bquanti[sz](?:e|es|ing|er)\b|\bllama[-_]quantize\b|\bquant(?:ing)? (?:a|an|the|my|this|it)\b"
    r"|\b(?:run(?:ning)?|do(?:ing)?|perform(?:ing)?) (?:the )?quanti[sz]ation\b"
)
# the operation is what fails, or what the memory is asked for
_FAILS = re.compile(
    r"\bkill(?:s|ed)?\b|\boom\b|out of (?:memory|ram|vram)|\brun(?:s|ning)? out\b|\bcrash\w*|\binsufficient\b"
    r"|not enough (?:memory|ram|vram)\b|\bno(?:t)? (?:working|work)\b|\bfails?\b|\bfailed\b|\bunable to\b"
    r"|\bcan'?t\b|\bcannot\b|\bhit swap\b|\bswap\w*\b"
)
_MEMORY_ASKED = re.compile(
    r"\bhow much (?:\w+ )?(?:ram|vram|memory)\b|\b(?:ram|vram|memory)\b[^.?!]{0,30}\b(?:required|needed|necessary)\b"
    r"|\benough (?:ram|vram|memory)\b|\b(?:need|require)s? more than\b|\bmore (?:ram|vram|memory)\b"
    r"|\b(?:ram|vram|memory) (?:usage|use)\b|\buses? (?:a ton of|a lot of|lots of) (?:ram|memory)\b"
)
# "do I need to quantize it to fit?", "should I convert it to 4-bit?": a remedy for running it, not the job itself
_REMEDY = re.compile(
    r"\b(?:do|does|would|will|should|must) (?:i|we|you|it|one) (?:\w+ )?(?:need to |have to )?"
    r"(?:quanti[sz]e|convert)\b"
    # "if I quantize it to 4-bit, will it fit?", "once converted to GGUF, how much VRAM?": running the result
    r"|\b(?:if|once|after|when) (?:i |we |you )?(?:quanti[sz]|conver)\w*"
)
# "…convert it on my laptop, will it work?", "can I quantize a 70B with 32 GB?": whether the job itself can be done
_FEASIBLE = re.compile(
    r"\bwill (?:it|this|that) (?:work|run|be ok(?:ay)?)\b|\b(?:is it|it'?s|is that|that'?s) (?:even )?possible\b"
    r"|\b(?:can|could) (?:i|we|my|it)\b|\bable to\b|\benough\b"
    # "how long does it take to quantize a 70B on 24 GB?": the job's own time, on the hardware said
    r"|\bhow long\b|\bhow much time\b"
)
# "it was possible to load it and convert it to fp16, but vLLM goes OOM": a step that worked, not the job asked
_DONE_BEFORE = re.compile(
    r"\b(?:was|were) (?:possible|able)\b|\bmanaged to\b|\bsuccessfully\b|\bwithout (?:a |any )?(?:problem|issue)s?\b"
)
_RESOURCE_FOR_JOB = re.compile(
    r"\b(?:ram|vram|memory|gb)\b[^.?!]{0,25}?\b(?:need|needed|required|take|takes|use|uses)\b[^.?!]{0,6}?"
    r"\bto (?:quanti[sz]e|convert|merge)\b"
)
# the system RAM said beside the job: "RAM: 20G", "20GB RAM", "16 GBs of memory", "my Mac with 128GB"
_RAM = re.compile(
    r"\b(?:ram|memory)\s*(?::|is|of|=)\s*(\d+(?:\.\d+)?)\s*(?:g|gb|gib|gbs)\b"
    r"|\b(\d+(?:\.\d+)?)\s*(?:g|gb|gib|gbs)\s+(?:of\s+)?(?:system\s+|cpu\s+)?(?:ram|memory)\b"
)
_F32 = re.compile(r"\b(?:to |in |as )?(?:f32|fp32|float32)\b")


def read_weights_job(text: str) -> str | None:
    """'merge', 'convert' or 'quantize' when ``text`` (lower case) asks about that operation's memory, whether it can
    be done, or reports it failing; None otherwise. A remedy ("do I need to quantize it?", "when quantized") is no job of its own, and a job
    only mentioned beside another question ("how much VRAM to train it, I'll merge the LoRA after") is not the one
    asked: the failure or the memory question has to be said near it."""
    # "how much RAM do I need to convert it?" asks the job's memory; "do I need to convert it?" asks for a remedy
    job_text = text if _RESOURCE_FOR_JOB.search(text) else _REMEDY.sub(" ", text)
    for kind, pattern in (("merge", _MERGE), ("convert", _CONVERT), ("quantize", _QUANTIZE)):
        for m in pattern.finditer(job_text):
            if kind == "convert" and re.match(r"conver\w* (?:rate|speed)\b", job_text[m.start() :]):
                continue
            if _DONE_BEFORE.search(job_text[max(0, m.start() - 60) : m.start()]):
                continue
            near = job_text[max(0, m.start() - _NEAR) : m.end() + _NEAR]
            if _FAILS.search(near) or _MEMORY_ASKED.search(near) or _FEASIBLE.search(near):
                return kind
    return None


_NEAR = 160  # characters either side of the job's verb within which its failure or memory question is said


def job_ram_gb(text: str) -> float | None:
    """The system memory ``text`` (lower case) states, in GB ("RAM: 20G", "16 GBs of memory"), or None."""
    m = _RAM.search(text)
    if not m:
        return None
    value = float(m.group(1) or m.group(2))
    return value if 1 <= value <= 4096 else None


def wants_f32(text: str) -> bool:
    """Whether the conversion asked writes 32-bit floats ("convert to f32"): four bytes a parameter, not two; not
    when a 16-bit output is named too ("f32 fails, f16 works"), where the 16-bit one is the baseline."""
    return bool(_F32.search(text)) and not re.search(r"\b(?:f16|fp16|bf16|float16|16[- ]?bit)\b", text)
