"""Serving capacity as one setting changes: more GPUs for the same model, or an FP8 KV cache (offline).

"Will 8 GPUs serve more concurrent requests than 2?" and "if I turn on the fp8 KV cache, how many more requests
fit?" ask for two capacities side by side, not one setup's. Each count or KV format is sized with the same roofline
as every other serving answer (``sizing.estimate_serving``); more GPUs are weighed both ways an engine can use them:
one model split across all of them (tensor parallelism: the weights take less of each card, so more is left for
KV cache) and copies of the smaller setup behind a load balancer (replicas: capacity adds up, nothing crosses
GPUs per token).
"""

from __future__ import annotations

import re

from ..._text import article
from ...sizing import Fit, Task, estimate_memory, estimate_serving, kv_cache_bytes_per_token, load_assumptions
from .._facts import Facts
from ._format import gb

# "more / fewer ... than": a question whose yes or no is whether the larger setup serves more
_COMPARATIVE = re.compile(r"(?i)\b(?:more|fewer|less|higher|bigger|larger|extra)\b")

__all__ = [
    "counts_weighed_text",
    "kv_format_weighed_text",
    "kv_math_text",
    "more_gpus_no_model_answer",
    "speculative_text",
]


def counts_weighed_text(facts: Facts) -> str:
    """'8 GPUs or 2, for the same model?': the KV-cache sequences and users each count holds, split with tensor
    parallelism, and the larger count run as copies of the smaller; "" when it does not apply."""
    details, work, estimate = facts.understanding.details, facts.workload, facts.estimate
    if not details.counts_weighed or work is None or work.task is not Task.INFERENCE or not details.gpu_count:
        return ""
    gpu = _named_gpu(facts)
    if gpu is None:
        return ""
    asked, other = details.gpu_count, details.counts_weighed[0]
    low, high = sorted((asked, other))
    a = load_assumptions()
    share = work.memory_fraction or a.number("serving_memory_fraction")
    usable = gpu.memory_gb * share
    at = {n: estimate_serving(estimate, gpu, n, a) for n in (low, high)}
    holds = {n: at[n].max_sequences or 0 for n in (low, high)}
    rate = at[high].user_tokens_per_s
    what = f"{work.model_label} in {work.precision}"
    ctx = f"{work.context:,}-token"
    cap = int(a.number("serving_max_sequences"))
    if not holds[high]:
        return (
            f"Neither holds it: {what} needs about {gb(estimate.per_gpu_gb(high))} per GPU even on {high} x "
            f"{gpu.name} ({gb(usable)} usable of {gpu.memory_gb:g} GB), before any KV cache."
        )
    copies = high // low
    replicated = copies * at[low].users if copies > 1 and holds[low] else 0
    best_high = max(at[high].users or 0, replicated)
    more = best_high > (at[low].users or 0) if asked == high else False
    verdict = ""
    if details.yes_no and _COMPARATIVE.search(facts.understanding.question):
        verdict = "**Yes** — " if more else "**No** — "
    if not holds[low]:
        text = (
            f"{verdict}{what} does not fit on {low} x {gpu.name} at all (about {gb(estimate.per_gpu_gb(low))} per "
            f"GPU of {gb(usable)} usable); on {high} it does, with KV-cache room for about **{holds[high]} "
            f"{ctx} sequences** at once (about {at[high].users} users at {rate:g} tokens/s each)."
        )
        return text + _cap_note(holds, cap)
    text = (
        f"{verdict}Split across {high} x {gpu.name} with tensor parallelism, {what} leaves KV-cache room for about "
        f"**{holds[high]} {ctx} sequences** at once (about {at[high].users} users at {rate:g} tokens/s each), "
        f"against **{holds[low]}** ({at[low].users} users) on {low}: the weights and the rest take "
        f"{gb(estimate.per_gpu_gb(high) - _kv_per_gpu(estimate, high))} of each card instead of "
        f"{gb(estimate.per_gpu_gb(low) - _kv_per_gpu(estimate, low))}, so more of every card holds KV cache."
    )
    if replicated:
        text += (
            f" Run as {copies} copies of the {low}-GPU setup instead (one engine per "
            f"{f'{low} GPUs' if low > 1 else 'GPU'}, behind a load balancer), the {high} GPUs serve about "
            f"**{replicated} users** ({copies} x {at[low].users}) with nothing crossing GPUs per token"
            + (
                " — more than one engine over all of them."
                if replicated > (at[high].users or 0)
                else "; one engine over all of them holds more, at the cost of GPU-to-GPU traffic on every token."
            )
        )
    text += (
        f" One request alone generates about {at[high].decode_tokens_per_s:.0f} tokens/s split over {high} against "
        f"{at[low].decode_tokens_per_s:.0f} on {low}."
    )
    return text + _cap_note(holds, cap)


def kv_format_weighed_text(facts: Facts) -> str:
    """'How many more requests fit with an FP8 KV cache?': the sequences each KV format leaves room for on the
    user's GPUs, with the bytes per token that make the difference; "" when it does not apply."""
    details, work, estimate = facts.understanding.details, facts.workload, facts.estimate
    if (
        work is None
        or work.task is not Task.INFERENCE
        or work.kv_precision not in ("fp8", "int8")
        or not details.wants_capacity
    ):
        return ""
    gpu = _named_gpu(facts)
    if gpu is None:
        return ""
    count = details.gpu_count or 1
    a = load_assumptions()
    wide = estimate_memory(work.with_(kv_precision="fp16"), a)
    narrow_s, wide_s = estimate_serving(estimate, gpu, count, a), estimate_serving(wide, gpu, count, a)
    if not narrow_s.max_sequences or not wide_s.max_sequences:
        return ""
    on = f"{count} x {gpu.name}" if count > 1 else f"one {gpu.name}"
    narrow_kib = kv_cache_bytes_per_token(work, a) / 1024
    wide_kib = kv_cache_bytes_per_token(wide.workload, a) / 1024
    gained = narrow_s.max_sequences - wide_s.max_sequences
    text = (
        f"About **{gained} more**: with {article(work.kv_precision)} {work.kv_precision.upper()} KV cache, "
        f"{work.model_label} in "
        f"{work.precision} on {on} has room for about **{narrow_s.max_sequences} sequences of {work.context:,} "
        f"tokens** at once, against **{wide_s.max_sequences}** with the default 16-bit KV cache — each token's KV "
        f"takes {narrow_kib:,.0f} KiB instead of {wide_kib:,.0f} KiB, while the weights stay the same. At "
        f"{narrow_s.user_tokens_per_s:g} tokens/s each that is about {narrow_s.users} users against {wide_s.users}."
    )
    if work.kv_precision == "fp8" and not gpu.fp8:
        text += (
            f" The {gpu.name} has no FP8 hardware: an engine that accepts an FP8 KV cache on it stores the cache in "
            "FP8 and converts it in software, and not every attention backend does."
        )
    return text + _cap_note({0: narrow_s.max_sequences}, int(a.number("serving_max_sequences")))


def kv_factors(work, a) -> str:
    """'2 (a key and a value) x 32 layers x 8 KV heads x 128 values per head x 2 bytes': the KV cache per token,
    factor by factor, from the model's shape (its compressed latent under multi-head latent attention)."""
    shape, width = work.shape, a.bytes_per_param(work.kv_precision)
    if shape.kv_latent_dim:
        return (
            f"{shape.layers} layers x {shape.kv_latent_dim} values of its compressed key-value latent (multi-head "
            f"latent attention caches that instead of keys and values per head) x {width:g} bytes"
        )
    return (
        f"2 (a key and a value) x {shape.layers} layers x {shape.kv_heads} KV heads x {shape.head_dim} values "
        f"per head x {width:g} bytes"
    )


def kv_math_text(facts: Facts) -> str:
    """'How is the KV cache per token calculated?': the per-token bytes from the model's own shape, factor by
    factor, what grouped-query (or latent) attention changes, and the cache of one full-length sequence; "" when
    it does not apply."""
    work, estimate = facts.workload, facts.estimate
    if not facts.understanding.details.wants_kv_math or work is None or work.task is not Task.INFERENCE:
        return ""
    a = load_assumptions()
    shape = work.shape
    width = a.bytes_per_param(work.kv_precision)
    per_token = kv_cache_bytes_per_token(work, a)
    sequence = per_token * work.context
    how = kv_factors(work, a)
    if shape.kv_latent_dim:
        heads = ""
    else:
        full = 2 * shape.layers * shape.attention_heads * shape.head_dim * width
        heads = (
            f" It uses grouped-query attention: only its {shape.kv_heads} KV heads are cached, not all "
            f"{shape.attention_heads} attention heads — counting every head (2 x layers x hidden size x bytes) "
            f"gives {shape.attention_heads // shape.kv_heads}x as much, {full / 1024:,.0f} KiB per token."
            if shape.kv_heads < shape.attention_heads
            else f" Every one of its {shape.attention_heads} attention heads is cached (no grouped-query "
            "attention), so this is also 2 x layers x hidden size x bytes."
        )
    weights = estimate.item("weights").gb
    users = work.batch if work.batch > 1 else 0
    together = (
        f"; {users:,} sequences at once hold {gb(users * sequence / 1e9)} ({users * sequence / 2**30:.1f} GiB)"
        if users
        else ", and every sequence served at once holds its own"
    )
    return (
        f"**{per_token / 1024:,.0f} KiB of KV cache per token** (about {per_token / 1e6:.2f} MB) for "
        f"{work.model_label} with {article(work.kv_precision)} {work.kv_precision} cache: {how} = "
        f"{per_token:,.0f} bytes.{heads} One "
        f"{work.context:,}-token sequence therefore holds {gb(sequence / 1e9)} of KV cache ({sequence / 2**30:.1f} "
        f"GiB){together}; the weights ({gb(weights)}) come on top, once."
        + _other_width(work.kv_precision, width, sequence, facts.understanding.question, a)
    )


_EIGHT_BIT_KV = re.compile(r"\b(?:fp8|int8|8[- ]?bit|q8(?:_0)?)\b")


def _other_width(precision: str, width: float, sequence: float, question: str, a) -> str:
    """' A 16-bit cache holds twice that, 17.2 GB: the fp8 cache saves 8.6 GB per sequence.' when the question
    sets the cache's width against another (an 8-bit cache asked, or named beside a 16-bit one); '' otherwise."""
    wide = a.bytes_per_param("fp16")
    if width < wide:
        other, other_width = "16-bit (fp16/bf16)", wide
    elif _EIGHT_BIT_KV.search(question.lower()):
        other, other_width = "fp8", a.bytes_per_param("fp8")
    else:
        return ""
    at_other = sequence * other_width / width
    narrow, broad = sorted((sequence, at_other))
    label = precision if width < other_width else other
    return (
        f" {article(other).capitalize()} {other} cache holds {gb(at_other / 1e9)} for the same sequence: "
        f"the {label} cache saves "
        f"{gb((broad - narrow) / 1e9)} per sequence ({(broad - narrow) / broad:.0%})."
    )


def more_gpus_no_model_answer(facts: Facts) -> str | None:
    """'With 8 A100s, can I set a bigger --max-concurrent-requests than with 2?' and no model named: how the extra
    GPUs turn into concurrency (sharding frees KV-cache room on every card; replicas add engines), and what to tell
    me for the numbers; None when it does not apply."""
    details = facts.understanding.details
    if not details.counts_weighed or not details.gpu_count or not facts.gpus or details.has_workload:
        return None
    if not (details.wants_capacity or _SERVING.search(facts.understanding.question)):
        return None
    gpu = facts.gpus[0]
    low, high = sorted((details.gpu_count, details.counts_weighed[0]))
    if details.gpu_count == high:
        verdict = f"**Yes** — {high} GPUs hold more requests, " if details.yes_no else f"More on {high}, "
    else:
        verdict = f"{'**No** — ' if details.yes_no else ''}{low} GPUs hold fewer than {high} would, "
    return (
        f"{verdict}if the model is split across the GPUs (tensor parallelism: vLLM `--tensor-parallel-size {high}`, "
        f"TGI `--num-shard {high}`), or run as {high // low} copies of the {low}-GPU setup behind a load balancer. "
        "What caps concurrent requests is the KV-cache room left after the weights: split across more cards, the "
        f"weights take a smaller share of each {gpu.name} ({gpu.memory_gb:g} GB), so every card holds more KV "
        f"cache; {high} x {gpu.memory_gb:g} GB = {high * gpu.memory_gb:g} GB against {low * gpu.memory_gb:g} GB in "
        "all. The engine's own caps (vLLM `--max-num-seqs`, TGI `--max-concurrent-requests` and "
        "`--max-batch-total-tokens`) then have to be raised to use that room. Tell me the model, its precision and "
        "the context length, and I will size how many requests each setup holds."
    )


_SERVING = re.compile(r"(?i)\b(?:concurren\w*|requests?|users?|serv(?:e|ing)|throughput|batch)\b")


def speculative_text(facts: Facts) -> str:
    """Speculative decoding with a draft model: the draft's weights and its own KV cache on top of the served
    model, whether both still fit the user's GPUs, and what the draft buys; "" when no draft was named."""
    details, work, estimate = facts.understanding.details, facts.workload, facts.estimate
    if not details.draft_params or work is None or work.task is not Task.INFERENCE:
        return ""
    a = load_assumptions()
    draft = details.draft_model or f"a {details.draft_params / 1e9:g}B draft"
    weights = details.draft_params * a.bytes_per_param(work.precision) / 1e9
    per_token = (details.draft_kv_values or 0) * a.bytes_per_param(work.kv_precision)
    sequences = work.batch
    kv = per_token * work.context * sequences / 1e9
    extra = weights + kv
    text = (
        f"Speculative decoding adds about **{gb(extra)}**: {draft} in {work.precision} is {gb(weights)} of weights, "
        f"plus its own KV cache ({per_token / 1024:,.0f} KiB per token, {gb(kv)} for {sequences} sequence"
        f"{'s' if sequences > 1 else ''} of {work.context:,} tokens), on top of the {gb(estimate.total_gb)} "
        f"{work.model_label} needs."
    )
    gpu = _named_gpu(facts)
    if gpu is not None:
        count = details.gpu_count or 1
        share = work.memory_fraction or a.number("serving_memory_fraction")
        usable = gpu.memory_gb * share
        per_gpu = estimate.per_gpu_gb(count) + extra / count
        on = f"{count} x {gpu.name}" if count > 1 else f"one {gpu.name}"
        verdict = "still fits" if per_gpu <= usable else "no longer fits"
        lead = ("**Yes** — " if per_gpu <= usable else "**No** — ") if details.yes_no else ""
        text = (
            f"{lead}{text[0].lower() if lead else text[0]}{text[1:]} Split the same way over {on}, that is about {gb(per_gpu)} per GPU of the {gb(usable)} "
            f"usable: it {verdict}."
        )
    return text + (
        " The draft proposes a few tokens that the large model checks in one pass, so each request gets faster "
        "when the draft guesses well; it costs memory and compute that batching would otherwise use, so the gain "
        "shrinks at high concurrency. Some vLLM versions size the KV cache without the draft's weights: leave that "
        "room with a lower `--gpu-memory-utilization`."
    )


def prefix_caching_text(facts: Facts) -> str:
    """Prefix caching with a prompt start every request shares: its KV cache stored once instead of once per
    request (the memory saved at the load sized) and the prefill each request skips; "" when not asked."""
    details, work = facts.understanding.details, facts.workload
    shared = details.shared_prefix_tokens
    if shared is None or work is None or work.task is not Task.INFERENCE:
        return ""
    a = load_assumptions()
    per_token = kv_cache_bytes_per_token(work, a)
    how = (
        "Prefix caching (vLLM `--enable-prefix-caching`, on by default in its V1 engine; SGLang's RadixAttention) "
        "keeps the KV cache of a prompt start that requests share — a system prompt, few-shot examples, a document "
        "— once, and every request that starts the same way reuses it instead of computing and storing its own."
    )
    if not shared:
        return (
            f"{how} For {work.model_label} each shared token is {per_token / 1024:,.0f} KiB of KV cache "
            f"({work.kv_precision}), so every request that shares 1,000 tokens saves about "
            f"{gb(per_token * 1000 / 1e9)} and skips reading them again. Tell me the prefix length and how many "
            "requests run at once for the total."
        )
    fit = next((c for c in facts.checks if isinstance(c, Fit)), None) or (
        facts.plan.lead if facts.plan else None
    )
    serving = fit.serving if fit else None
    at_once = details.batch if (details.batch or 1) > 1 else (serving.max_sequences if serving else None)
    per_request = per_token * shared
    verdict = "**Yes** — a" if details.yes_no else "A"
    text = (
        f"{verdict} {shared:,}-token prefix shared by every request is {gb(per_request / 1e9)} of KV cache for "
        f"{work.model_label} ({shared:,} x {per_token / 1024:,.0f} KiB, {work.kv_precision})"
    )
    if at_once and at_once > 1 and fit is not None:
        text += (
            f"; with {at_once} requests at once on {fit.label} it is stored once instead of {at_once} times, about "
            f"**{gb(per_request * (at_once - 1) / 1e9)} saved**, which the KV cache can give to more or longer "
            "requests"
        )
    text += "."
    if serving and serving.time_to_first_token_s and work.context:
        skipped = serving.time_to_first_token_s * min(shared, work.context) / work.context
        text += f" Each request also skips about {_seconds(skipped)} of prefill for it."
    return f"{text} {how}"


def _seconds(value: float) -> str:
    return f"{value * 1000:,.0f} ms" if value < 1 else f"{value:,.1f} s"


def _named_gpu(facts: Facts):
    """The one GPU the question named (its fit or no-fit check), else None."""
    if len(facts.checks) != 1:
        return None
    check = facts.checks[0]
    return check.gpu if isinstance(check, Fit) or hasattr(check, "gpu") else None


def _kv_per_gpu(estimate, gpus: int) -> float:
    """The sized KV cache's share on each of ``gpus`` GPUs (GB)."""
    kv = estimate.item("KV cache")
    return kv.gb / gpus if kv.shards else kv.gb


def _cap_note(holds: dict[int, int], cap: int) -> str:
    """The engine's sequence cap, when a count reaches it (more room than that does not batch more)."""
    if max(holds.values()) >= cap:
        return f" (vLLM batches at most {cap} sequences per engine by default, `--max-num-seqs`.)"
    return ""
