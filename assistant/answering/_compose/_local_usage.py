"""'It only uses 300 MB / 4 GB of RAM', 'it takes 40 GB with a 256K context — normal?' under llama.cpp.

What a local run is seen to take differs from the estimate for two reasons a PyTorch run does not have:
llama.cpp (and Ollama, LM Studio, GPT4All, which run it) memory-maps the GGUF file, so its weights sit in the
operating system's file cache rather than in the process's own memory (a reading far below the model's size),
and it allocates the KV cache for the whole context window the runtime is set to, up front (a reading far
above the estimate for a short context). Pure text over the estimate; no numbers beyond it.
"""

from __future__ import annotations

import re

from ..._text import article
from ...sizing import kv_cache_bytes_per_token, load_assumptions
from .._facts import Facts
from ._format import gb

__all__ = ["local_usage_text"]

_MAPPED_SHARE = 0.7  # a reading below this share of the estimate cannot hold the weights as process memory
_CONTEXT_SHARE = (
    1.6  # a reading above this share of the estimate holds more KV cache than the context assumed
)
# the user finds the reading low: "barely uses any RAM", "so little memory", "only uses 2 GB", "low memory usage"
_SAYS_LOW = re.compile(
    r"\b(?:barely|hardly)\s+(?:uses?|using|touch\w*|any)\b"
    r"|\b(?:so|very|too|really|suspiciously)\s+(?:little|low)\b[^.?!]{0,30}\b(?:ram|memory|vram)\b"
    r"|\blow\s+(?:ram|memory|vram)\s+(?:usage|use|consumption)\b"
    r"|\b(?:ram|memory|vram)\s+(?:usage|use)\b[^.?!]{0,25}\b(?:only|just|low|barely|under|below)\b"
    r"|\bonly\s+(?:uses?|using|takes?|taking)\b"
)


def local_usage_text(facts: Facts, seen: float, per: float, asked: bool, claim: bool = False) -> str:
    """The memory a llama.cpp-family run is seen to take set against the estimate ``per``, with the cause that
    runtime gives it, led by a Yes when ``asked`` whether it is normal; "" when the runtime is not llama.cpp or
    the reading is in line with an estimate that is mostly weights (the general sentence then answers). ``claim``:
    the reading is something said of a run ("30B runs with only 6GB now"), not asked about, so a reading far below
    the need is answered No: the model still needs its memory."""
    work = facts.workload
    if work is None or work.runtime != "llama.cpp":
        return ""
    weights = next((item.gb for item in facts.estimate.items if item.label == "weights"), None)
    says_low = bool(_SAYS_LOW.search(facts.understanding.question.lower()))
    if weights and (seen < _MAPPED_SHARE * per or (says_low and seen < weights)):
        return _mapped(seen, per, weights, asked, claim)
    sixteen = work.params * 2 / 1e9 if work.params else 0.0
    if seen > _CONTEXT_SHARE * per:
        if work.precision not in ("bf16", "fp16", "fp32") and abs(seen - sixteen) <= 0.2 * sixteen:
            return ""  # about the unquantized weights: the general causes name that first
        return _whole_window(facts, seen, per, asked)
    kv = next((item.gb for item in facts.estimate.items if item.label == "KV cache"), 0.0)
    if weights and kv > weights:
        return _window_in_line(facts, seen, per, kv, asked)
    return ""


def _window_in_line(facts: Facts, seen: float, per: float, kv: float, asked: bool) -> str:
    """A reading in line with an estimate that is mostly KV cache: the long window set is what takes it."""
    work = facts.workload
    per_token = kv_cache_bytes_per_token(work, load_assumptions())
    lead = "**Yes** — " if asked else ""
    text = (
        f"the {_reading(seen)} you see is in line with the estimate of about {gb(per)}, and most of it ({gb(kv)}) "
        f"is the KV cache for the {work.context:,}-token context window"
        + (f" ({per_token / 1024:,.0f} KiB per token)" if per_token else "")
        + ", which llama.cpp (which Ollama and LM Studio run) allocates up front whether or not the conversation "
        "fills it. Set the window to what the conversation needs (num_ctx in Ollama, -c in llama.cpp, the context "
        "length in LM Studio) and the memory falls with it."
    )
    return lead + (text if lead else text[0].upper() + text[1:])


def _reading(seen: float) -> str:
    return f"{seen * 1024:,.0f} MB" if seen < 1 else f"{seen:g} GB"


def _mapped(seen: float, per: float, weights: float, asked: bool, claim: bool = False) -> str:
    lead = "**Yes** — that is expected: " if asked else "That is expected: "
    if claim and not asked:
        lead = f"**No** — it still needs about {gb(per)} to run; the {_reading(seen)} is what gets counted: "
    text = (
        f"llama.cpp (which Ollama, LM Studio and GPT4All run) memory-maps the model file (mmap), so the "
        f"{gb(weights)} of weights are read through the operating system's file cache, which Task Manager, "
        "Activity Monitor and top count as cached files rather than as the process's memory; the "
        f"{_reading(seen)} you see is mostly the KV cache and buffers. The model still needs about {gb(per)} of RAM "
        "(or of VRAM, for the layers offloaded to the GPU) to run without reading from disk: `--no-mmap` loads the "
        "weights into the process and `--mlock` pins them in RAM."
    )
    return lead + text


def _whole_window(facts: Facts, seen: float, per: float, asked: bool) -> str:
    work = facts.workload
    per_token = kv_cache_bytes_per_token(work, load_assumptions())
    if not per_token:
        return ""
    tokens = (seen - per) * 1e9 / per_token + work.context
    verdict = "**Yes**, if the context window is that long — " if asked else ""
    text = (
        f"the {seen:g} GB you see is well above the estimate of about {gb(per)} for "
        f"{article(str(work.context))} {work.context:,}-token "
        f"context, because llama.cpp (which Ollama and LM Studio run) allocates the KV cache for the whole context "
        f"window up front: {per_token / 1024:,.0f} KiB per token here, so {seen:g} GB matches a window of about "
        f"{tokens:,.0f} tokens. Set the window to what the conversation needs (num_ctx in Ollama, -c in llama.cpp, "
        "the context length in LM Studio); each parallel request slot (OLLAMA_NUM_PARALLEL) keeps its own."
    )
    return verdict + (text if verdict else text[0].upper() + text[1:])
