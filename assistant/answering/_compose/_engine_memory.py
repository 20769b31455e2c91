"""How a batching server (vLLM, SGLang, TGI…) spends GPU memory, for the two questions its users ask most:
a pasted "max seq len (N) is larger than ... KV cache (M)" start-up error (why, with the arithmetic, and the
fixes), and "why does it take 20 GB for a 4 GB model?" (it reserves a share of every GPU up front and fills
what the weights leave with KV cache)."""

from __future__ import annotations

import math
import re

from ...sizing import Fit, NoFit, context_room, load_assumptions
from ...understanding import asks_engine_memory, cache_blocks_error, engines_named, kv_cache_error
from ...understanding._engines import (
    above_share,
    asks_engine_limit,
    asks_engine_take,
    asks_for_an_option,
    startup_oom,
)
from .._facts import Facts
from ._format import gb

__all__ = [
    "ASKS_IF_NORMAL",
    "ASKS_IF_WRONG",
    "context_cap",
    "context_cap_figures",
    "default_context_note",
    "engine_memory_text",
    "engine_reserve_gb",
    "kv_room_gb",
    "reservation_explained",
    "reservation_lead",
    "share_flag",
    "startup_oom_text",
]

# "is something wrong?" asks the opposite of "is it normal?": the verdict word flips
ASKS_IF_WRONG = re.compile(
    r"\b(?:wrong|a bug|buggy|leak\w*|too (?:much|high|many)|excessive|unusual|abnormal|odd|weird|strange)\b"
)
# ("the normal loading takes 25G": an adjective before a noun, not a question whether it is normal)
ASKS_IF_NORMAL = re.compile(
    r"(?<!the )(?<!a )\b(?:normal|expected|reasonable|makes? sense|typical|usual|ususal|usuall?)\b"
)

# each batching server's own knob for the share of GPU memory it takes at start-up (the engines' docs:
# vLLM engine arguments; SGLang server arguments; TGI launcher arguments; TensorRT-LLM KvCacheConfig; LMDeploy
# TurbomindEngineConfig). Only vLLM's default share is in corpus/assumptions.yaml (serving_memory_fraction).
_KNOBS = {
    "vLLM": "`--gpu-memory-utilization`",
    "SGLang": "`--mem-fraction-static`",
    "TGI": "`--cuda-memory-fraction` (and `--max-batch-total-tokens`)",
    "TensorRT-LLM": "`free_gpu_memory_fraction` (KvCacheConfig)",
    "LMDeploy": "`--cache-max-entry-count`",
}


# the servers whose knob is a share of each GPU's *whole* memory, taken at start-up for weights and KV-cache pool
# (vLLM gpu_memory_utilization; SGLang mem_fraction_static, "model weights and KV cache memory pool"; TGI
# cuda_memory_fraction): a smaller share that still holds the model can be worked out for them
_SHARE_FLAGS = {
    "vLLM": "--gpu-memory-utilization",
    "SGLang": "--mem-fraction-static",
    "TGI": "--cuda-memory-fraction",
}
# what each says about the share it takes when not told (corpus/assumptions.yaml holds the numbers)
_DEFAULT_SHARE_KEYS = {
    "vLLM": "serving_memory_fraction",
    "TGI": "tgi_cuda_memory_fraction",
    "SGLang": "sglang_mem_fraction_static",
}
# TGI batches by tokens, not requests, on NVIDIA GPUs (launcher docs: --max-batch-size is "specific flag for
# hardware targets that do not support unpadded inference")
_TGI_NOTE = (
    " TGI batches by tokens, not requests: `MAX_BATCH_SIZE` is not used on NVIDIA GPUs, and the KV-cache pool "
    "(`--max-batch-total-tokens`) is inferred at warm-up from the memory the weights leave."
)


def share_flag(question: str) -> str:
    """The start-up share flag of the server the question names (vLLM's when none of the others is)."""
    return _SHARE_FLAGS.get(_engine(question), "--gpu-memory-utilization")


def _share_said(share: float) -> str:
    """A share as its flag takes it: 1.0 and 0.9 with one decimal, 0.85 with both."""
    return f"{share:.1f}" if round(share, 1) == share else f"{share:g}"


def _default_share(engine: str) -> float | None:
    key = _DEFAULT_SHARE_KEYS.get(engine)
    return load_assumptions().number(key) if key else None


def engine_memory_text(facts: Facts) -> str:
    """The explanation that answers an engine-memory question, or "" when the question is not one."""
    question = facts.understanding.question
    error = kv_cache_error(question)
    if error:
        return _kv_error_text(facts, *error)
    if cache_blocks_error(question):
        return _cache_blocks_text(facts)
    if asks_engine_memory(question):
        return _reservation_text(facts)
    if (
        facts.workload is not None
        and facts.workload.task.is_training
        and (facts.workload.rl or not re.search(r"\bserv(?:e|es|ed|ing)\b|\bdeploy\w*", question.lower()))
    ):
        # "OOM doing GRPO with vLLM": the server generates for a training run, whose memory the sizing explains;
        # a serving engine's start-up causes and its "the model itself does not fit" are about serving
        return ""
    if startup_oom(question) and not _default_context_text(facts):
        return startup_oom_text(facts)
    if _FAILS.search(question.lower()) and any(e in _FULL_CONTEXT_ENGINES for e in engines_named(question)):
        return _default_context_text(facts)
    return ""


# a server that would not start or ran out of memory ("CUDA out of memory", "fails to start", "crashes on load")
_FAILS = re.compile(
    r"\bout of memory\b|\boom(?:s|ed|ing)?\b|\bfails?\b|\bfailed\b|\bfailing\b|\bcrash\w*|\berror\b|\bwon'?t (?:start|load|run)\b|"
    r"\b(?:can'?t|cannot|can not|unable to|could ?n'?t|could not|does ?n'?t|do ?n'?t|wo ?n'?t|will not) (?:even )?"
    r"(?:start|load|launch|boot|run|serve)\b|\bnot (?:start|load)ing\b|\bfails? to (?:start|load|launch)\b"
)
# engines that size the KV cache for the model's whole trained context unless told otherwise
_FULL_CONTEXT_ENGINES = ("vLLM", "SGLang")


def default_context_note(facts: Facts) -> str:
    """For a fit asked under vLLM or SGLang with no context said (and no failure reported): the server sizes for
    the model's full trained context unless told, which the setup's KV-cache room may not hold — so the flag to
    start it with; "" otherwise."""
    question = facts.understanding.question
    if (
        facts.workload is None
        or facts.workload.task.is_training
        or facts.workload.runtime == "llama.cpp"  # "vLLM or Ollama, just for me?": Ollama is the one sized
        or not any(e in _FULL_CONTEXT_ENGINES for e in engines_named(question))
        or _FAILS.search(question.lower())
        or asks_engine_memory(question)
        or kv_cache_error(question)
    ):
        return ""
    text = _default_context_text(facts)
    return text.replace("**Likely cause:** with no", "**Start it with a context limit:** with no", 1)


def _default_context_text(facts: Facts) -> str:
    """Why a server that fits the weights still fails: with no context set it must hold one sequence of the
    model's full trained context, which the KV-cache room left on the user's GPU may not."""
    work = facts.workload
    fit = _fit_on_their_gpu(facts)
    if (
        facts.understanding.details.context
        or work.shape_is_proxy
        or fit is None
        or not fit.kv_capacity_tokens
    ):
        return ""
    full, room = work.shape.max_context, fit.kv_capacity_tokens
    per_token = _kv_bytes_per_token(facts)
    if not per_token or full <= room:
        return ""
    flag, cap = context_cap(facts)
    return (
        f"**Likely cause:** with no `{flag}`, the server sizes for {work.model_label}'s full "
        f"{full:,}-token context — about {gb(full * per_token / 1e9)} of KV cache for one sequence — but "
        f"{fit.label} has room for only about {room:,} tokens ({gb(room * per_token / 1e9)}) after the weights. "
        f"Start it with `{flag} {cap}` or less; an FP8 KV cache (`--kv-cache-dtype fp8`) or more GPUs "
        "(`--tensor-parallel-size`) give more room."
    )


def context_cap(facts: Facts) -> tuple[str, int]:
    """The server's context flag and the longest context (rounded down to 1,024s) its KV-cache room on the
    user's GPU holds — what to start it with when the model's full context does not fit."""
    fit = _fit_on_their_gpu(facts)
    room = fit.kv_capacity_tokens if fit is not None else 0
    flag = _SPLIT_FLAGS.get(_engine(facts.understanding.question), _SPLIT_FLAGS["vLLM"])[1]
    return flag, _cap(room)


def _kv_bytes_per_token(facts: Facts) -> float | None:
    """KV-cache bytes per token of the sized workload (its breakdown's KV line over its tokens)."""
    work = facts.workload
    try:
        kv = facts.estimate.item("KV cache").gb
    except StopIteration:
        return None
    tokens = work.context * work.batch
    return kv * 1e9 / tokens if kv and tokens else None


def _fit_on_their_gpu(facts: Facts) -> Fit | None:
    """The fit on the GPU the user named (or, failing that, the pick) — whose reserve share applies."""
    named = [c for c in facts.checks if isinstance(c, Fit)]
    if facts.checks:  # the user's own GPU, or none: another card's room is not theirs
        return named[0] if named else None
    return facts.pick


def _cache_blocks_text(facts: Facts) -> str:
    """vLLM's "No available memory for the cache blocks": the share of the GPU it may use, less the weights and the
    activation peak it measures at start-up, left nothing for KV cache; with the user's GPU known, that arithmetic,
    and whether it says the model is too big for the share or something else holds the memory."""
    work, details, estimate = facts.workload, facts.understanding.details, facts.estimate
    a = load_assumptions()
    fraction = work.memory_fraction or a.number("serving_memory_fraction")
    set_by = "as you set it" if work.memory_fraction else "its default"
    gpu = facts.checks[0].gpu if facts.checks else None
    count = details.gpu_count or 1
    text = (
        "**Why the error:** at start-up vLLM loads the weights, runs one forward pass of its largest batch to "
        "measure the activation peak, and gives whatever is left of the share of each GPU it may use "
        f"(`--gpu-memory-utilization`, {fraction:g} {set_by}) to KV-cache blocks; the error means nothing was left"
    )
    if gpu is not None and gpu.memory_gb:
        share, weights, rest, left = kv_room_gb(estimate, gpu, count, fraction)
        on = f"{count} x {gpu.name}" if count > 1 else f"the {gpu.name}"
        text += (
            f". On {on} that share is {fraction:g} x {gpu.gpu_memory_gb:g} GB = {gb(share)} per GPU; "
            f"{work.model_label} in {work.precision} takes about {gb(weights)} of weights per GPU plus about "
            f"{gb(rest)} of activations and CUDA context"
        )
        if left <= 0:
            text += f", {gb(-left)} more than the share: the model is too big for it"
        elif left < max(2.0, 0.1 * share):
            text += (
                f", leaving only about {gb(left)} by this estimate — within its error, so the share is used up "
                "before any KV cache"
            )
        else:
            text += (
                f", which by this estimate leaves about {gb(left)} — so the memory is going elsewhere: another "
                "process on the GPU (a second server, a notebook, the desktop), or an activation peak much larger "
                "than usual from a long `--max-model-len` / `--max-num-batched-tokens`"
            )
    fixes = []
    if fraction < 0.95:
        fixes.append(
            "raise `--gpu-memory-utilization` (up to 0.9–0.95 when nothing else uses the GPU; a low value such as "
            "0.3–0.5 is the usual cause)"
        )
    fixes += [
        "lower `--max-model-len` and `--max-num-seqs` (a smaller activation peak)",
        "`--enforce-eager` (no CUDA graphs)",
    ]
    if work.precision in ("fp16", "bf16", "fp32"):
        fixes.append("a 4-bit (AWQ / GPTQ) build, whose weights take roughly a third of the 16-bit ones")
    fixes.append("more GPUs with `--tensor-parallel-size`")
    return text + ".\n**Fixes**, any of: " + "; ".join(fixes) + "."


def kv_room_gb(estimate, gpu, count: int, fraction: float) -> tuple[float, float, float, float]:
    """(share, weights, activations and CUDA context, left for the KV cache) per GPU, in GB, of ``count`` x ``gpu``
    when a serving engine may use ``fraction`` of each."""
    share = fraction * gpu.gpu_memory_gb
    # the weights' item ("frozen base weights" where the question was read as a fine-tune's)
    weights = next((i.gb for i in estimate.items if "weights" in i.label), estimate.total_gb) / count
    rest = sum(i.gb for i in estimate.items if i.label in ("activations", "CUDA context and framework"))
    return share, weights, rest, share - weights - rest


def _kv_error_text(facts: Facts, wanted: int, holds: int) -> str:
    per_token = _kv_bytes_per_token(facts)
    model = facts.workload.model_label
    text = (
        f"**Why the error:** the server must hold at least one full sequence of the model's maximum context "
        f"({wanted:,} tokens) in its KV cache, but the memory it reserved, less the weights and activations, "
        f"holds only {holds:,} tokens"
    )
    if per_token:
        text += (
            f". {model} stores about {per_token / 1024:,.0f} KiB of KV cache per token "
            f"({facts.workload.kv_precision}), so {wanted:,} tokens need about {gb(wanted * per_token / 1e9)} "
            f"while about {gb(holds * per_token / 1e9)} is left"
        )
    cap = holds // 1024 * 1024 if holds >= 2048 else holds
    fit = _fit_on_their_gpu(facts)
    set_by = "as you set it" if facts.workload.memory_fraction else "by default"
    share = f" ({fit.memory_fraction:g} {set_by})" if fit is not None else ""
    fixes = [
        f"cap the context at what fits: vLLM `--max-model-len {cap}` (or lower; TGI `--max-total-tokens`)",
        f"raise `--gpu-memory-utilization`{share} if nothing else uses the GPU",
    ]
    if facts.workload.kv_precision not in ("fp8", "int8", "int4"):
        fixes.append(
            f"store the KV cache in FP8 (`--kv-cache-dtype fp8`), about twice the tokens (~{2 * holds:,})"
        )
    fixes.append(
        "split the model over more GPUs (`--tensor-parallel-size 2`, …): each then holds a share of the weights "
        "and more of its memory goes to KV cache"
    )
    return text + ".\n**Fixes**, any one of: " + "; ".join(fixes) + "."


def _engine(question: str) -> str:
    """The batching server the question names (vLLM when it names none: the most used, and the default the
    reservation figures follow)."""
    return next((n for n in engines_named(question) if n in _KNOBS), "vLLM")


def _reserve(facts: Facts) -> tuple[Fit, float] | None:
    """The user's own card and the share of it the named server takes at start-up, when both are known (vLLM's
    share is the fit's; TGI's default is in corpus/assumptions.yaml)."""
    fit = next((c for c in facts.checks if isinstance(c, Fit)), None)  # their own card, never the pick
    if fit is None:
        return None
    engine = _engine(facts.understanding.question)
    share = fit.memory_fraction if engine == "vLLM" else _default_share(engine)
    if engine == "LMDeploy" and not share:
        # LMDeploy takes a share of what the weights leave free (cache_max_entry_count), not of the whole card:
        # as a share of the card, the weights plus that share of the rest
        free = load_assumptions().number("lmdeploy_cache_max_entry_count")
        card, held = fit.gpu.memory_gb, fit.per_gpu_gb
        share = (held + free * (card - held)) / card if held < card else None
    return (fit, share) if share else None


def engine_reserve_gb(facts: Facts) -> float | None:
    """For "how much memory will vLLM use on an H100?": the GB the server takes at start-up on the user's
    card(s) — its share of each, whatever the model's size — which is what they will see; None otherwise."""
    question = facts.understanding.question
    if facts.workload is None or kv_cache_error(question) or not asks_engine_memory(question):
        return None
    reserve = _reserve(facts)
    if asks_engine_take(question):
        if reserve is None:
            return None
        fit, share = reserve
        return fit.gpu.memory_gb * share * fit.count
    # "why does vLLM take 69 GB for a 7B model?": the memory in use is the server's reserve, not the model's need —
    # the reserve worked out on their card when it matches what they see, else the figure they see
    seen = facts.understanding.details.observed_gb
    need = facts.estimate.total_gb
    if not seen and reserve is not None and _WHOLE_CARD.search(question.lower()):
        # "it uses almost all the memory of my H100", "fills up the whole 24GB": what they see is the reserve
        fit, share = reserve
        reserved = fit.gpu.memory_gb * share * fit.count
        return reserved if reserved > need else None
    if not seen and reserve is not None and not (asks_engine_limit(question) or asks_for_an_option(question)):
        # "how much VRAM does Llama 3.1 8B take in vLLM on two A10Gs?", "why is vLLM's memory usage so high on my
        # L4?": what they see on their cards is the reserve (the answer leads with it), not the model's need
        fit, share = reserve
        reserved = fit.gpu.memory_gb * share * fit.count
        return reserved if reserved > need else None
    if (
        seen
        and reserve is not None
        and reserve[0].count > 1
        and (facts.understanding.details.gpu_count or 1)
        > 1  # their own cards, not the count the planner picked
        and seen > reserve[0].per_gpu_gb
        and _reserve_explains(seen, reserve[0].gpu.memory_gb * reserve[1], reserve[0].gpu.memory_gb)
    ):
        # "23.3 GB on each card": one GPU's reading of a reserve taken on every one of them — all of it is in use
        fit, share = reserve
        return fit.gpu.memory_gb * share * fit.count
    if not seen or seen <= need:
        return None
    if reserve is not None:
        fit, share = reserve
        reserved = fit.gpu.memory_gb * share * fit.count
        if _reserve_explains(seen, reserved, fit.gpu.memory_gb * fit.count) and reserved > need:
            return reserved
        if (
            seen >= 1.5 * need
            and seen <= 1.1 * fit.gpu.memory_gb * fit.count
            and not _NEED_ASKED.search(question)
        ):
            # "why does the 3B take 16G?" on a 24 GB card: a share other than the default (a desktop holding part
            # of the card, an older engine) — what they see is still the server's reserve, not the model's need
            return seen
        return None  # a figure the reserve does not explain: the need stays the figure
    return seen if seen >= 1.5 * need else None


# memory in use said without a figure but as the whole card: "almost all available space", "the whole 24GB", "all
# the VRAM", "maxes out the GPU", "100% of memory"
_WHOLE_CARD = re.compile(
    r"\b(?:almost |nearly |basically |practically )?(?:all|whole|entire|full|most)\b(?: of)?(?: the| my| our| its| available)*"
    r"(?: available| gpu| \d+\s*gb)?\s*(?:memory|vram|space|gpu|card|\d+\s*gb)\b"
    r"|\bmax(?:es|ed|ing)? out\b|\b(?:9\d|100)\s*%"
)


# asked for the model's own need beside the figure seen: "how much does it actually need?", "the minimum"
_NEED_ASKED = re.compile(
    r"\b(?:actually|really|truly)\s+(?:need|use|require)|\bhow much (?:memory |vram )?(?:does|do|would|should) "
    r"(?:it|the model|i|we)\s+(?:actually |really )?need\b|\bminimum\b|\bat least\b"
)


def _reserve_explains(seen: float, reserved: float, card_gb: float) -> bool:
    """Whether the memory the user sees is the server's start-up reserve: at least 80% of it (allocator rounding,
    a smaller share set) and no more than the card itself, with 10% for how tools round GB and GiB."""
    return 0.8 * reserved <= seen <= 1.1 * card_gb


def _take_lead(facts: Facts) -> str:
    """ "How much will vLLM use on an H100?": the share of the card it takes first, then what the model needs."""
    reserve = _reserve(facts)
    if reserve is None:
        return ""
    fit, share = reserve
    engine = _engine(facts.understanding.question)
    flag = _SHARE_FLAGS.get(engine, "--gpu-memory-utilization")
    each = f"of each {fit.gpu.name}'s" if fit.count > 1 else f"of the {fit.gpu.name}'s"
    total = f" ({gb(fit.gpu.memory_gb * share * fit.count)} across the {fit.count})" if fit.count > 1 else ""
    need = facts.estimate.per_gpu_gb(fit.count) if fit.count > 1 else facts.estimate.total_gb
    per = " per GPU" if fit.count > 1 else ""
    takes = (
        f"takes the weights plus {load_assumptions().number('lmdeploy_cache_max_entry_count'):g} of the memory they "
        "leave free at start-up (`--cache-max-entry-count`)"
        if engine == "LMDeploy"
        else f"takes {'all' if share >= 1 else f'{share:g}'} of each GPU at start-up (`{flag}`)"
    )
    return (
        f"About **{gb(fit.gpu.memory_gb * share)}** {each} {fit.gpu.memory_gb:g} GB{total}: {engine} {takes}, "
        "whatever the model's size, and fills what the weights leave with KV "
        f"cache for batching requests. {facts.workload.model_label} itself needs about **{gb(need)}**{per} "
        f"({gb(_weights_gb(facts) or facts.estimate.total_gb)} of weights, {facts.workload.context:,}-token sequences)."
    )


def _option_lead(facts: Facts) -> str:
    """ "Is there a start-up option to make it take less?": yes, the server's own share knob, with the model's need."""
    engine = _engine(facts.understanding.question)
    flag = f"`{_SHARE_FLAGS[engine]}`" if engine in _SHARE_FLAGS else _KNOBS[engine]
    default = facts.workload.memory_fraction or (
        load_assumptions().number("serving_memory_fraction") if engine == "vLLM" else _default_share(engine)
    )
    by_default = (
        f" ({'all' if default >= 1 else f'{default:g}'} of each GPU by default, whatever the model's size)"
        if default
        else ""
    )
    return (
        f"**Yes** — {flag} sets how much GPU memory {engine} takes at start-up{by_default}; "
        f"{facts.workload.model_label} itself needs only about **{gb(facts.estimate.total_gb)}** "
        f"({gb(_weights_gb(facts) or facts.estimate.total_gb)} of weights, {facts.workload.context:,}-token sequences), and "
        "the rest of the share becomes KV cache."
    )


def reservation_lead(facts: Facts) -> str:
    """The first sentence for "why does vLLM take 70 GB for a 7B model?": what the model needs set against what
    the server reserves (with the verdict word "is it normal?" / "is something wrong?" asks for), or ""."""
    question = facts.understanding.question
    if kv_cache_error(question) or not asks_engine_memory(question) or facts.workload is None:
        return ""
    if asks_engine_take(question) and (lead := _take_lead(facts)):
        return lead
    if asks_for_an_option(question):
        return _option_lead(facts)
    q = question.lower()
    engine = _engine(question)
    verdict = (
        "**No** — nothing is wrong: "
        if ASKS_IF_WRONG.search(q)
        else "**Yes** — "
        if ASKS_IF_NORMAL.search(q)
        else ""
    )
    fit = next((c for c in facts.checks if isinstance(c, Fit)), None)  # their own card, never the pick
    n = fit.count if fit is not None else (facts.understanding.details.gpu_count or 1)
    need = facts.estimate.per_gpu_gb(n) if n > 1 else facts.estimate.total_gb
    per = " per GPU" if n > 1 else ""
    seen = facts.understanding.details.observed_gb
    share = fit.memory_fraction if fit is not None else facts.workload.memory_fraction
    text = (
        f"{verdict}that is {engine} reserving GPU memory up front, not what the model needs: "
        f"{facts.workload.model_label} needs about **{gb(need)}**{per} ({gb(_weights_gb(facts) or facts.estimate.total_gb)} "
        f"of weights, {facts.workload.context:,}-token sequences), while {engine} "
    )
    if fit is not None and engine == "vLLM":
        reserved = fit.gpu.memory_gb * share
        text += (
            f"takes {share:g} of each {fit.gpu.name}'s {fit.gpu.memory_gb:g} GB (about **{gb(reserved)}**"
            f"{per}) at start-up"
        )
        if seen and _reserve_explains(seen, reserved, fit.gpu.memory_gb):
            text += f" — the {seen:g} GB you see —"
    elif engine == "vLLM" and (card := facts.understanding.details.stated_memory_gb):
        # a card the catalog does not name, told by its memory ("4 GPUs, each having 32 GB"): the share of that
        share = share or load_assumptions().number("serving_memory_fraction")
        text += (
            f"takes {share:g} of each {card:g} GB GPU (about **{gb(card * share)}**{per}) at start-up, whatever the "
            "model's size"
        )
        if seen and _reserve_explains(seen, card * share, card):
            text += f" — the {seen:g} GB you see —"
    elif engine == "vLLM":
        text += f"takes a fixed share of the whole card at start-up ({share or load_assumptions().number('serving_memory_fraction'):g} by default, whatever the model's size)"
    elif fit is not None and (default := _default_share(engine)):
        share_said = "all" if default >= 1 else f"{default:g}"
        text += (
            f"may use {share_said} of each {fit.gpu.name}'s {fit.gpu.memory_gb:g} GB (about "
            f"**{gb(fit.gpu.memory_gb * default)}**{per}, `{_SHARE_FLAGS[engine]}` {_share_said(default)} by default) at start-up"
        )
    else:
        text += f"takes most of each GPU at start-up ({_KNOBS[engine]} sets how much)"
    return _capital(text + " and fills what the weights leave with KV cache for batching requests.")


def _capital(text: str) -> str:
    return next((text[:i] + text[i].upper() + text[i + 1 :] for i, c in enumerate(text) if c.isalpha()), text)


def _weights_gb(facts: Facts) -> float | None:
    """The weights line of the sized workload; a fine-tune's breakdown names it otherwise ("frozen base
    weights"), and a full fine-tune folds it into the training state (None then)."""
    return next((i.gb for i in facts.estimate.items if "weights" in i.label), None)


# CUDA graphs named, or --enforce-eager (which turns them off)
_GRAPHS_NAMED = re.compile(r"cuda ?gra\w*|cudagraph|enforce[-_ ]eager")


def _graphs_note(facts: Facts) -> str:
    """vLLM shows more than its share: CUDA graphs, captured after the KV cache is sized — said when the question
    names them (or --enforce-eager) or sees more than the share of the card."""
    q = facts.understanding.question.lower()
    seen = facts.understanding.details.observed_gb
    fit = next(
        (c for c in facts.checks if isinstance(c, Fit)), None
    )  # their own card: a pick's share is not theirs
    over = bool(seen and fit is not None and seen > 1.02 * fit.gpu.memory_gb * fit.memory_fraction)
    if not (_GRAPHS_NAMED.search(q) or over):
        return ""
    return (
        " **Above the share:** vLLM records CUDA graphs for its decode batch sizes after it has sized the KV cache; "
        "before v0.21 their memory (a few GB per GPU) came on top of `--gpu-memory-utilization`, which is why "
        "nvidia-smi can show more than the share. `--enforce-eager` skips them (slower decoding); newer versions "
        "count them inside the share."
    )


def _reservation_text(facts: Facts) -> str:
    weights = _weights_gb(facts) or facts.estimate.total_gb
    total = facts.estimate.total_gb
    fit = _fit_on_their_gpu(facts)
    engine = _engine(facts.understanding.question)
    if reservation_lead(facts) and engine == "vLLM":  # the lead told need against reserve: here, what to do
        return _limit_text(facts, next((c for c in facts.checks if isinstance(c, Fit)), None)) + _graphs_note(
            facts
        )
    if engine in _SHARE_FLAGS and engine != "vLLM":  # a share of the whole card, like vLLM's, in its own flag
        own = next((c for c in facts.checks if isinstance(c, Fit)), None)
        note = _TGI_NOTE if engine == "TGI" else ""
        return _limit_text(facts, own, engine) + note
    if (
        engine != "vLLM"
    ):  # the figures below follow vLLM's default share; another server is told in its own terms
        return (
            f"**How to use less:** {engine} sizes its KV cache from the memory left after the weights "
            f"({gb(weights)}); set {_KNOBS[engine]} lower to leave memory for other processes, and shorten the "
            "longest context it accepts; fewer concurrent sequences then fit."
        )
    text = (
        "**Why it shows so much memory:** a batching server such as vLLM reserves a fixed share of every GPU "
        "at start-up (`--gpu-memory-utilization`"
    )
    if fit is not None:
        share = fit.memory_fraction
        reserved = fit.gpu.memory_gb * share
        text += (
            f", {share:g} {'as you set it' if facts.workload.memory_fraction else 'by default'}: about {gb(reserved)} of each {fit.gpu.name}'s {fit.gpu.memory_gb:g} GB) "
            f"and turns whatever the weights ({gb(weights)}) and activations leave into KV-cache blocks"
        )
        if fit.kv_capacity_tokens:
            text += f" — room for about {fit.kv_capacity_tokens:,} tokens to batch many requests"
        suggest = min(share, math.ceil(total * 1.25 / fit.gpu.memory_gb * 20) / 20)
        limit = f"lower `--gpu-memory-utilization` (e.g. {suggest:g} reserves about {gb(fit.gpu.memory_gb * suggest)})"
    else:
        text += ") and turns whatever the weights and activations leave into KV-cache blocks"
        limit = "lower `--gpu-memory-utilization`"
    return (
        text + ". So nvidia-smi shows that much whatever the model's size; the model itself needs about "
        f"{gb(total)} at {facts.workload.context:,} tokens. To leave memory for other processes, {limit} "
        "and/or `--max-model-len`; fewer concurrent sequences then fit." + _graphs_note(facts)
    )


# each server's cap on the context it accepts and on the requests it batches
_CONTEXT_FLAGS = {
    "vLLM": "`--max-model-len` (the model's full context by default) and `--max-num-seqs`",
    "SGLang": "`--context-length` and `--max-running-requests`",
    "TGI": "`--max-total-tokens` and `--max-batch-total-tokens`",
}


def _limit_text(facts: Facts, fit: Fit | None, engine: str = "vLLM") -> str:
    """How to make the server take less, sized on the user's card: the share that still holds the model with
    room, in the server's own flag."""
    total = facts.estimate.total_gb
    flag = _SHARE_FLAGS[engine]
    text = "**How to use less:** "
    if fit is not None:
        share = fit.memory_fraction if engine == "vLLM" else (_default_share(engine) or 1.0)
        suggest = math.ceil(fit.per_gpu_gb * 1.25 / fit.gpu.memory_gb * 20) / 20
        if suggest < share:
            text += (
                f"start {engine} with `{flag} {suggest:g}` (about {gb(fit.gpu.memory_gb * suggest)} "
                f"of each {fit.gpu.name}, the {gb(fit.per_gpu_gb)} the model needs plus room for more sequences)"
            )
        else:
            text += f"lower `{flag}`"
        if fit.kv_capacity_tokens and engine == "vLLM":
            text += f"; at the default it holds KV cache for about {fit.kv_capacity_tokens:,} tokens of batched requests"
    else:
        text += f"lower `{flag}` to the share of your card that holds the {gb(total)} the model needs plus some room"
    return (
        text
        + f". A smaller {_CONTEXT_FLAGS[engine]} let a smaller share start; fewer concurrent sequences then fit. "
        "Several models or instances on one GPU each need their own share."
    )


def reservation_explained(question: str) -> str:
    """ "Why does vLLM / TGI / SGLang take 90% of my VRAM?" with no model to size: how the server takes its
    memory and the knobs, in its own terms."""
    engine = _engine(question)
    default = _default_share(engine)
    if engine == "vLLM" and above_share(question):
        # "it uses 2.5 GB more than --gpu-memory-utilization allows": the memory outside the share is the cause asked
        return (
            "**That extra is CUDA graphs:** vLLM records CUDA graphs for its decode batch sizes after it has sized "
            "the KV cache; before v0.21 their memory (a few GB per GPU) came on top of `--gpu-memory-utilization`, "
            "so nvidia-smi shows more than the share. `--enforce-eager` skips them (slower decoding); lowering "
            "`--gpu-memory-utilization` or `--max-num-seqs` (fewer, smaller graphs) leaves them room; newer versions "
            "count them inside the share."
        )
    yes = ""
    if asks_for_an_option(question):  # "is there a flag to make vLLM use less?": yes, and which
        knob = f"`{_SHARE_FLAGS[engine]}`" if engine in _SHARE_FLAGS else _KNOBS[engine]
        yes = f"**Yes** — {knob} sets how much GPU memory {engine} takes at start-up.\n"
    if engine in _SHARE_FLAGS:
        share = (
            f"`{_SHARE_FLAGS[engine]}`, {'all' if default >= 1 else f'{default:g}'} of each GPU by default"
            if default
            else f"`{_SHARE_FLAGS[engine]}`, set from the GPU's memory when not given"
        )
        text = (
            f"**That is {engine} reserving GPU memory up front, not what the model needs:** at start-up it takes a "
            f"fixed share of every GPU ({share}), loads the weights and turns all the rest of that share into "
            "KV-cache blocks, so that many requests can be batched. So nvidia-smi shows about the same figure "
            "whatever the model's size — a 3B and a 7B model look alike. The model itself needs its weights plus "
            "the KV cache of the sequences in flight (tell me the model and GPU and I'll size it).\n"
            f"**How to use less:** lower `{_SHARE_FLAGS[engine]}` to a share that holds the weights plus some room "
            f"(e.g. 0.3–0.5 on a large card for a small model), and cap {_CONTEXT_FLAGS[engine]}; fewer concurrent "
            "sequences then fit. Several models or instances on one GPU each need their own share."
        )
        return yes + text + (_TGI_NOTE if engine == "TGI" else "")
    return yes + (
        f"**That is {engine} reserving GPU memory up front, not what the model needs:** it sizes its KV cache from "
        f"the memory left after the weights; set {_KNOBS[engine]} lower to leave memory for other processes, and "
        "shorten the longest context it accepts; fewer concurrent sequences then fit."
    )


_FORMAT_WORDS = {"fp8": "an FP8", "int8": "an 8-bit (int8)", "int4": "a 4-bit (AWQ / GPTQ)"}


def _too_big_text(facts: Facts) -> str:
    """When the model does not fit the user's card(s) in the format asked at all, that is the cause: no server
    setting fixes it; the least-compressed format that fits them, or the count of cards that would."""
    if facts.workload is None or not facts.checks or not isinstance(facts.checks[0], NoFit):
        return ""
    miss = facts.checks[0]
    gpu = miss.gpu
    if facts.plan is not None and facts.plan.raised_share.get(gpu.name) is not None:
        return ""  # it fits once the server is told to take more of the card: a setting does fix it
    count = facts.understanding.details.gpu_count or 1
    on = f"{count} x {gpu.name}" if count > 1 else f"the {gpu.name}"
    room = f"{gpu.memory_gb * count:g} GB" if count > 1 else f"{gpu.memory_gb:g} GB"
    weights = _weights_gb(facts) or facts.estimate.total_gb
    if context := _context_that_fits(facts, gpu, count):
        return context
    text = (
        # the cause is also the verdict on the card: it cannot run there as set up, whatever the flags
        f"**No** — the model itself does not fit, which is why it runs out of memory: {facts.workload.model_label} in "
        f"{facts.workload.precision} needs about {gb(facts.estimate.total_gb)} ({gb(weights)} of weights) and "
        f"{on} has {room}; no server setting fixes that."
    )
    fixes = []
    plan = facts.plan
    if plan is not None and facts.understanding.details.precision is None:
        for option in plan.options:
            fmt = option.label.removeprefix("inference in ")
            if fmt in _FORMAT_WORDS and isinstance(option.on_named.get(gpu.name), Fit):
                fixes.append(
                    f"{_FORMAT_WORDS[fmt]} build of the model, about {gb(option.estimate.total_gb)}, fits {on}"
                )
                break
    engine = _engine(facts.understanding.question)
    split, context = _SPLIT_FLAGS.get(engine, _SPLIT_FLAGS["vLLM"])
    if miss.needs:
        fixes.append(f"{miss.needs} x {gpu.name} with `{split} {miss.needs}`")
    if fixes:
        text += " **Fix:** " + "; or ".join(fixes) + f" (a short `{context}` keeps the KV cache small)."
    return text


def _context_that_fits(facts: Facts, gpu, count: int) -> str:
    """When the weights fit the card(s) and the KV cache of the long context is what overflows: a shorter context
    cap is the fix (the longest that fits, with the server's flag), not more cards; "" otherwise."""
    tokens = _stated_context_room(facts, gpu, count)
    if tokens is None:
        return ""
    work, estimate = facts.workload, facts.estimate
    kv = estimate.item("KV cache").gb
    _, flag = _SPLIT_FLAGS.get(_engine(facts.understanding.question), _SPLIT_FLAGS["vLLM"])
    on = f"{count} x {gpu.name}" if count > 1 else f"the {gpu.name}"
    return (
        f"**Why it runs out of memory:** the context, not the model — {work.model_label} in {work.precision} needs "
        f"about {gb(estimate.total_gb)}, {gb(kv)} of it the KV cache for {work.context * work.batch:,} tokens, and "
        f"{on} has room for about {tokens:,} tokens after the weights. **Fix:** cap the context, "
        f"`{flag} {_cap(tokens)}` (the server sizes for the model's full context when not told); an FP8 KV cache "
        "roughly doubles the room."
    )


def _stated_context_room(facts: Facts, gpu, count: int) -> int | None:
    """The tokens of KV cache ``count`` x ``gpu`` hold after the weights, when that is a useful context but less than
    the inference asked for (its context x sequences) — the context, not the weights, overflowing; else None."""
    work, estimate = facts.workload, facts.estimate
    if work is None or work.task.is_training or not any(i.label == "KV cache" for i in estimate.items):
        return None
    tokens = context_room(estimate, gpu, count, load_assumptions())
    floor = load_assumptions().number("min_useful_context_tokens")
    return tokens if tokens is not None and floor <= tokens < work.context * work.batch else None


def _cap(tokens: int) -> int:
    """A context cap to start a server with: ``tokens`` rounded down to 1,024s (as it is below 2,048)."""
    return tokens // 1024 * 1024 if tokens >= 2048 else tokens


def context_cap_figures(facts: Facts) -> tuple[int, ...]:
    """The token counts the context-cap answers print: the room after the weights on the user's GPU(s), and the cap
    made of it — for the number check."""
    figures: list[int] = []
    fit = _fit_on_their_gpu(facts) if facts.workload is not None else None
    if fit is not None and fit.kv_capacity_tokens:
        figures += [fit.kv_capacity_tokens, _cap(fit.kv_capacity_tokens)]
    if facts.checks and isinstance(miss := facts.checks[0], NoFit):
        count = facts.understanding.details.gpu_count or 1
        if (tokens := _stated_context_room(facts, miss.gpu, count)) is not None:
            figures += [tokens, _cap(tokens)]
    return tuple(figures)


# each server's flag to split a model over GPUs, and to cap the context it accepts
_SPLIT_FLAGS = {
    "vLLM": ("--tensor-parallel-size", "--max-model-len"),
    "SGLang": ("--tp", "--context-length"),
    "TGI": ("--num-shard", "--max-total-tokens"),
}


# the user already splits the model: a tensor-parallel / shard count in the command
_SPLIT_SET = re.compile(
    r"tensor[-_ ]parallel|--tp\b|\btp[-_ ]?size\b|num[-_ ]shard|--sharded|pipeline[-_ ]parallel"
)


def _not_split_text(question: str, count: int | None) -> str:
    """An out-of-memory report on a machine with several GPUs whose command splits nothing: one GPU fills up
    while the others idle, because the server runs the model on one GPU unless told to split it."""
    if not count or count < 2 or _SPLIT_SET.search(question.lower()):
        return ""
    return (
        f"**First, split the model across your {count} GPUs:** unless told, the server may load it whole on one "
        f"GPU (an out-of-memory error on GPU 0 while the others sit idle says so). Start it with vLLM "
        f"`--tensor-parallel-size {count}`, SGLang `--tp {count}` or TGI `--num-shard {count}`; each GPU then "
        "holds its part of the weights and KV cache.\n"
    )


def startup_oom_text(facts: Facts | None = None, question: str = "", gpu_count: int | None = None) -> str:
    """Why a batching server runs out of memory although the model fits, and the knobs, most effective first.
    With a sized workload, its weights and KV cache per token say how much each knob frees; when the model does
    not fit the user's card at all, that is said instead. With several GPUs and no split in the command, the
    split comes first."""
    if facts is not None and (too_big := _too_big_text(facts)):
        return too_big
    if facts is not None:
        question = question or facts.understanding.question
        gpu_count = gpu_count or facts.understanding.details.gpu_count
        card = facts.checks[0].gpu if facts.checks else None
        if (
            facts.estimate is not None
            and card is not None
            and facts.estimate.total_gb
            <= load_assumptions().number("serving_memory_fraction") * card.memory_gb
        ):
            gpu_count = None  # the model fits one of their GPUs whole: splitting is not the first fix
    split = _not_split_text(question, gpu_count)
    model = ""
    if facts is not None and facts.workload is not None:
        per_token = _kv_bytes_per_token(facts)
        weights = _weights_gb(facts)
        if weights is not None:
            model = f" ({facts.workload.model_label}: {gb(weights)} of weights"
            model += f", about {per_token / 1024:,.0f} KiB of KV cache per token)" if per_token else ")"
    return split + (
        "**Why it runs out of memory:** a batching server (vLLM, SGLang) reserves a share of each GPU "
        "(`--gpu-memory-utilization`) for the weights, activations and KV cache"
        f"{model}, then records **CUDA graphs** for its decode batch sizes, which take extra memory — a few GiB "
        "per GPU — outside that reserve. So it can fail at start-up, or under load, although the weights fit; "
        "`--enforce-eager` (no CUDA graphs) makes it go away at some cost in speed.\n"
        "**Fixes that keep CUDA graphs**, any of: lower `--max-num-seqs` (vLLM batches hundreds of sequences by "
        "default, more in its V1 engine): fewer concurrent sequences means fewer, smaller graphs and less "
        "activation memory; lower `--max-model-len` (the model's full trained context by default); lower "
        "`--gpu-memory-utilization` a little to leave the graphs room; an FP8 KV cache (`--kv-cache-dtype fp8`) "
        "or a quantized model (AWQ / GPTQ / FP8); or more GPUs with `--tensor-parallel-size` (SGLang `--tp`, TGI "
        "`--num-shard`), which splits the weights and KV cache across them — with several GPUs and only one "
        "filling up, the model is not split yet."
    )
