"""'My vLLM only fits 20 sequences at once on an A10G, why?', vLLM's log 'Maximum concurrency for 8192 tokens per
request: 4.53x': the sequences a serving engine runs together are the KV cache's room after the weights (within the
share of the card it may use) over one sequence's cache at `--max-model-len` — that arithmetic on the user's setup,
and each lever with what it gives."""

from __future__ import annotations

from ...sizing import Task, is_local, kv_cache_bytes_per_token, load_assumptions
from .._facts import Facts
from ._engine_memory import kv_room_gb
from ._format import gb
from ._scaling import kv_factors

__all__ = ["seen_concurrency_text"]


def seen_concurrency_text(facts: Facts) -> str:
    """Why the engine runs that many sequences at once on the user's setup, and how to fit more; '' otherwise."""
    details, work = facts.understanding.details, facts.workload
    seen = details.observed_sequences
    if (
        not seen
        or work is None
        or work.task is not Task.INFERENCE
        or is_local(work.runtime)
        or not facts.checks
    ):
        return ""
    a = load_assumptions()
    gpu, count = facts.checks[0].gpu, details.gpu_count or 1
    fraction = work.memory_fraction or a.number("serving_memory_fraction")
    share, weights, rest, left = kv_room_gb(facts.estimate, gpu, count, fraction)
    on = f"{count} x {gpu.name}" if count > 1 else f"one {gpu.name}"
    text = (
        f"**The KV cache's room decides it.** On {on} the engine may use {fraction:g} x {gpu.gpu_memory_gb:g} GB = "
        f"{gb(share)} per GPU; {work.model_label} in {work.precision} takes about {gb(weights)} of weights per GPU "
        f"plus about {gb(rest)} of activations and CUDA context"
    )
    if left <= 0:
        return text + (
            f", {gb(-left)} more than that share by this estimate — so {seen:g} at once means a leaner build than "
            f"{work.precision} or a larger share than {fraction:g} is running."
        )
    per_token = kv_cache_bytes_per_token(work, a)
    held = _sequences(left, count, per_token, work.context)
    text += (
        f", leaving about {gb(left)} for the KV cache. Each token takes {per_token / 1024:,.0f} KiB ("
        f"{kv_factors(work, a)}), so that holds about {left * count * 1e9 / per_token:,.0f} tokens: **about "
        f"{held:,.1f} sequences of {work.context:,} tokens** (an engine's concurrency is those tokens over the "
        f"longest context it accepts, vLLM's `--max-model-len`). You see {seen:g}, "
    )
    if abs(held - seen) <= 0.35 * seen:
        text += "in line with this estimate."
    elif details.context:  # the length is known: the engine found another amount of room than estimated
        found = seen * work.context * per_token / count / 1e9
        text += (
            f"so the engine found about {gb(found)} per GPU for the KV cache, "
            + (
                "less than estimated: a larger activation peak at start-up (a long `--max-num-batched-tokens`), "
                "CUDA graphs or another process on the GPU take the rest"
                if found < left
                else "more than estimated: a larger `--gpu-memory-utilization` or a leaner build than assumed"
            )
            + "."
        )
    else:
        each = left * count * 1e9 / per_token / seen
        text += (
            f"which is about {each:,.0f} tokens each — a `--max-model-len` near that, or a different share, "
            "build or activation peak than assumed here."
        )
    return (
        text
        + "\n**To fit more at once**, any of: "
        + "; ".join(_levers(facts, share, rest, left, held))
        + "."
    )


def _sequences(left: float, count: int, per_token: float, context: int) -> float:
    """Sequences of ``context`` tokens that ``left`` GB per GPU of KV cache hold over ``count`` GPUs."""
    return max(left, 0.0) * count * 1e9 / per_token / context


def _levers(facts: Facts, share: float, rest: float, left: float, held: float) -> list[str]:
    """Each lever on the sequences held at once, with the count it gives by the same arithmetic."""
    work, details = facts.workload, facts.understanding.details
    a = load_assumptions()
    gpu, count = facts.checks[0].gpu, details.gpu_count or 1
    per_token = kv_cache_bytes_per_token(work, a)
    levers = [
        f"a shorter `--max-model-len` ({work.context // 2:,} tokens: about {2 * held:,.0f} at once)",
    ]
    if a.bytes_per_param(work.kv_precision) > 1:
        software = "" if gpu.fp8 else f"; the {gpu.name} has no FP8 hardware, so it is converted in software"
        levers.append(f"`--kv-cache-dtype fp8` (half the bytes per token: about {2 * held:,.0f}{software})")
    lean = next((o for o in facts.options if o.label == "inference in int4"), None)
    if lean is not None and work.precision in ("bf16", "fp16"):
        _, lean_weights, _, lean_left = kv_room_gb(lean.estimate, gpu, count, share / gpu.gpu_memory_gb)
        levers.append(
            f"4-bit weights (AWQ or GPTQ, about {gb(lean_weights)} per GPU): about "
            f"{_sequences(lean_left, count, per_token, work.context):,.0f}"
        )
    raised = a.number("serving_memory_fraction_raised")
    if share < raised * gpu.gpu_memory_gb:
        more = left + raised * gpu.gpu_memory_gb - share
        levers.append(
            f"`--gpu-memory-utilization {raised:g}` when nothing else uses the GPU: about "
            f"{_sequences(more, count, per_token, work.context):,.0f}"
        )
    levers.append("more or bigger GPUs (`--tensor-parallel-size` splits the weights and adds KV room)")
    return levers
