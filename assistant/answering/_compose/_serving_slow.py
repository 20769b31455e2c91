"""'Why is vLLM / TGI so slow with this model?', 'how do I speed it up?', 'TP=8 gives less than 2x TP=4, normal?':
the cause under a serving engine, with the numbers, first.

A serving engine decodes every running sequence in one step that reads all the weights: one request alone is
therefore bound by memory bandwidth (the weights read once per token), and total throughput comes from batching
many requests into the same steps. So a "slow" run is usually one request at a time, measured per request; the
answer sets the user's speed against one sequence's estimate and the batched total. Then what the setup adds:
bitsandbytes weights (dequantized on the fly, several times slower than GPTQ / AWQ kernels), GPUs that talk over
PCIe, and one copy split over many GPUs (every layer ends in an all-reduce, so doubling the split does not double
the speed; copies of the model behind a load balancer do add up).
"""

from __future__ import annotations

import re

from ...knowledge import GPU
from ...sizing import Fit, Task, estimate_serving, is_local, load_assumptions, usable_memory_gb
from .._facts import Facts
from ._slow import asks_why_slow

__all__ = ["serving_slow_text"]

# "how to improve the speed", "speed it up", "optimize throughput", "low throughput", "any optimization ... speed?"
_SPEED_UP = re.compile(
    r"\b(?:make|get|run|go) (?:it |this |things |them |vllm |tgi |inference |generation )?(?:\w+ )?(?:faster|quicker)\b"
    r"|\bspeed (?:it|this|things|them|inference|generation) up\b"
    r"|\b(?:improv\w*|increas\w*|boost\w*|optimi[sz]\w*|maximi[sz]\w*|speed(?:ing)? ?up|accelerat\w*|faster)\b"
    r".{0,60}\b(?:speed|throughput|latency|tokens?\s*(?:/|per)\s*s\w*|t/s|inference|generation|decoding)\b"
    r"|\b(?:speed|throughput|latency|inference|generation)\b.{0,30}\b(?:improv\w*|optimi[sz]\w*|speed(?:ing)? ?up)\b"
    r"|\b(?:low|poor|bad|terrible|disappointing)\s+(?:\w+\s+)?(?:throughput|speed|performance|tokens?\s*(?:/|per)\s*s)\b"
    r"|\b(?:throughput|speed|performance)\s+(?:is|seems|looks|was)\s+(?:\w+\s+)?(?:low|poor|bad|terrible|disappointing)\b"
)
# "TP=8 gives less than 2x", "8 GPUs not faster than 4", "doesn't scale": more GPUs in one copy disappoint
_SCALING_DISAPPOINTS = re.compile(
    r"\b(?:less|lower|lesser|smaller|worse) than (?:\d+(?:\.\d+)?\s*x|double|twice|linear)"
    r"|\bnot (?:any |much )?(?:faster|quicker|linear\w*|double|twice)\b|\b(?:does|did|do|would|wo) ?n[o']?t (?:really |quite )?(?:scale|get (?:much )?faster|speed up|double)"
    r"|\b(?:is|was) ?n[o']?t (?:\w+ )?linear"
    r"|\bno (?:speed ?-?up|faster)\b|\b(?:same|similar) (?:speed|throughput)\b|\bnot scal\w+\b|\bscal\w+ (?:badly|poorly)\b"
)
_TP_SPLIT = re.compile(
    r"\btp\s*[=:]?\s*(\d+)\b|\btensor[-_ ]parallel(?:[-_ ]size)?\s*[=:]?\s*(\d+)\b|--tp\s+(\d+)"
)
_ASKS_FOR_A_WAY = re.compile(
    r"\b(?:is|are) there (?:any|a|some)\b|\bany (?:way|optimi[sz]\w*|tips?|tricks?|settings?|flags?)\b"
    r"|\b(?:can|could) (?:i|we|you) (?:do|make|get|speed|improve|boost|optimi[sz]e)\b|\banything (?:i|we) can\b"
)
_BNB = re.compile(r"\bbitsandbytes\b|\bbnb\b|\bload_in_(?:4|8)bit\b|\bnf4\b")


def _asks(question: str) -> bool:
    q = question.lower()
    return asks_why_slow(q) or bool(_SPEED_UP.search(q)) or bool(_SCALING_DISAPPOINTS.search(q))


def _tp_sizes(question: str) -> list[int]:
    return sorted({int(next(g for g in m.groups() if g)) for m in _TP_SPLIT.finditer(question.lower())})


def serving_slow_text(facts: Facts) -> str:
    """The cause of a slow (or badly scaling) run under a serving engine, with one sequence's speed, the batched
    total and the setup's own slowdowns; "" when the question is not that or the model is unknown."""
    work, question = facts.workload, facts.understanding.question
    details = facts.understanding.details
    if (
        work is None
        or work.task is not Task.INFERENCE
        or is_local(work.runtime)
        or details.any_mac
        or not _asks(question)
        or facts.plan is None
    ):
        return ""
    if details.cards_weighed and len(details.gpus) > 1 and not asks_why_slow(question.lower()):
        return ""  # "would a 3090 be faster than a T4 for 7B?": a comparison of two cards, not a slow run
    sizes = _tp_sizes(question)
    count = max([details.gpu_count or 1, *sizes])
    mine = next((c for c in facts.checks[:1] if isinstance(c, Fit) and c.count <= count), None)
    fit = mine or (None if facts.checks else facts.plan.lead)
    if fit is None and facts.checks and sizes:
        # "from TP 2 to TP 8 on H200s": their GPU at the split they run, when it holds the model there
        fit = _on(facts, facts.checks[0].gpu, count)
    if fit is None or fit.serving is None:
        return ""  # their GPUs do not hold it: the fit verdict is the answer, not the speed
    if count > fit.count and (facts.checks or sizes):
        fit = _on(facts, fit.gpu, count) or fit
    a = load_assumptions()
    q = question.lower()
    speed = fit.serving
    what = f"{work.model_label} in {work.precision}"
    on = f"{fit.count} x {fit.gpu.name}" if fit.count > 1 else f"one {fit.gpu.name}"
    seen = details.observed_tokens_per_s
    scaling = bool(_SCALING_DISAPPOINTS.search(q)) and bool(len(sizes) >= 2 or details.counts_weighed)
    speed_up = bool(_SPEED_UP.search(q))
    if details.yes_no and not scaling and not speed_up:
        return ""  # "I get 12 t/s, is that normal?": the observed-speed verdict answers it
    parts: list[str] = []
    if scaling:
        parts.append(_scaling_sentence(facts, fit, sizes, a))
    one = f"about **{speed.decode_tokens_per_s:,.0f} tokens/s**"
    cause = "One request at a time is bound by memory bandwidth, not compute"
    if scaling:
        pass
    elif details.yes_no and _ASKS_FOR_A_WAY.search(q):  # "is there any optimization I can do?": yes, and why
        cause = f"**Yes** — first, the cause: {cause[0].lower()}{cause[1:]}"
    elif details.yes_no and seen and seen < 0.6 * speed.decode_tokens_per_s:
        # "only 1.5 t/s — is that the real speed, or can it go faster?": no, the card does far more
        cause = f"**No**, it should be faster — {cause[0].lower()}{cause[1:]}"
    else:
        cause = f"**{cause}**"
    lead = (
        f"{cause}: every generated token reads all the weights, so {what} on {on} "
        f"generates {one} for a single sequence (an estimate, ±30%)"
    )
    if seen:
        ratio = seen / speed.decode_tokens_per_s
        lead += f" — you see {seen:g} tokens/s, " + (
            "above it"
            if ratio > 1.3
            else "in line with it"
            if ratio >= 0.6
            else "well below it, which usually means the work is not all on the GPU (a CPU-only build, or "
            "layers or weights offloaded to the CPU)"
        )
    lead += "."
    if speed.throughput_tokens_per_s and speed.max_sequences and speed.max_sequences > 1:
        lead += (
            f" Throughput comes from batching: send requests concurrently and the engine runs them in the same "
            f"steps — up to {speed.max_sequences} sequences of {work.context:,} tokens fit its KV cache, for about "
            f"**{speed.throughput_tokens_per_s:,.0f} tokens/s in total** on the same GPUs."
        )
    parts.append(lead)
    fixes = _fixes(facts, fit, q, a)
    if fixes:
        parts.append(
            "What slows this setup, and what helps: " + " ".join(f[0].upper() + f[1:] for f in fixes)
        )
    return "\n\n".join(parts)


def _scaling_sentence(facts: Facts, fit: Fit, sizes: list[int], a) -> str:
    """More GPUs in one copy against copies of the smaller split: both totals, from the same roofline."""
    details = facts.understanding.details
    counts = sizes if len(sizes) >= 2 else sorted({details.gpu_count or fit.count, *details.counts_weighed})
    low, high = counts[0], counts[-1]
    gpu = fit.gpu
    small = estimate_serving(facts.estimate, gpu, low, a)
    big = estimate_serving(facts.estimate, gpu, high, a)
    copies = high // low
    text = (
        "**Yes, that is normal** — splitting one copy of the model over more GPUs (tensor parallelism) does not "
        "scale linearly: every layer ends in an all-reduce across all of them, so each added GPU adds less, and "
        "more so over PCIe than NVLink."
    )
    if small.throughput_tokens_per_s and big.throughput_tokens_per_s and copies > 1:
        ratio = big.throughput_tokens_per_s / small.throughput_tokens_per_s
        text += (
            f" On {gpu.name}s I estimate one copy on {high} GPUs at about {big.throughput_tokens_per_s:,.0f} "
            f"tokens/s at full load, {ratio:.1f}x one copy on {low} ({small.throughput_tokens_per_s:,.0f}); "
            f"{copies} copies on {low} GPUs each (data parallelism, replicas behind a load balancer or router) give "
            f"{copies}x, about {copies * small.throughput_tokens_per_s:,.0f} tokens/s."
        )
        if ratio < copies:
            text += " For throughput, use the smallest split that holds the model with KV-cache room, and replicate it."
        else:
            text += (
                f" The wider split comes out ahead here only because on {low} GPUs the weights leave less KV-cache "
                f"room: {small.max_sequences or 0} sequences of the full {facts.workload.context:,} tokens fit against "
                f"{big.max_sequences or 0}; with shorter requests the {copies} copies win."
            )
    else:
        text += (
            " For throughput, run several copies of the smallest split that holds the model (data parallelism, "
            "replicas behind a load balancer or router): copies add up, a wider split does not."
        )
    return text


def _on(facts: Facts, gpu: GPU, count: int) -> Fit | None:
    """``count`` of ``gpu`` with the model split across them and its serving speed, or None when it does not fit."""
    a = load_assumptions()
    work = facts.workload
    per_gpu = facts.estimate.per_gpu_gb(count)
    usable, _ = usable_memory_gb(gpu, False, work.runtime, a, work.memory_fraction)
    if per_gpu > usable:
        return None
    speed = estimate_serving(facts.estimate, gpu, count, a)
    return Fit(gpu, count, per_gpu, usable, speed, None, None, ())


def _fixes(facts: Facts, fit: Fit, q: str, a) -> list[str]:
    work, details = facts.workload, facts.understanding.details
    fixes: list[str] = []
    if _BNB.search(q):
        fixes.append(
            "bitsandbytes weights are dequantized on the fly at every step, several times slower than GPTQ or AWQ "
            "kernels (or FP8 on Hopper / Ada) — serve a GPTQ or AWQ checkpoint instead (TGI `--quantize gptq` / "
            "`awq`, vLLM `--quantization awq` / `gptq`, picked up from the checkpoint)."
        )
    if details.cpu_offload:  # read in understanding (--cpu-offload, offloaded to the CPU)
        fixes.append(
            "weights offloaded to the CPU cross PCIe on every token — keep them all on the GPUs, quantize, or add GPUs."
        )
    count = details.gpu_count or fit.count
    if count > 1 and not fit.gpu.fast_link_joins(count):
        fixes.append(
            f"the {count} x {fit.gpu.name} talk over PCIe, so the all-reduce that ends every layer of a split model "
            "is slow; if the model fits on fewer cards (quantized, or a shorter context), run one copy per card or "
            "per pair instead."
        )
    if not fixes or fit.count == 1:
        fixes.append(
            "a single request (batch size 1) uses a small share of the GPU — measure total throughput with many "
            "concurrent requests (vLLM's benchmark_serving, or several clients at once), not one stream."
        )
    if count == 1 and not _TP_SPLIT.search(q):
        fixes.append(
            "splitting the model over more GPUs with tensor parallelism (vLLM `--tensor-parallel-size`, TGI "
            "`--num-shard`) adds their memory bandwidth, so one request runs faster — though not linearly."
        )
    if work.precision in ("fp16", "bf16") and fit.gpu.fp8_tflops and "fp8" not in q:
        fixes.append(
            f"FP8 weights (on the {fit.gpu.name}) halve what every step reads, so one sequence runs up to about 2x "
            "faster."
        )
    return fixes
