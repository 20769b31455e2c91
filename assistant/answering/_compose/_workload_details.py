"""What goes behind a workload answer's details fold: the breakdown, every fit, how the answer changes, the
speed working, assumptions with their sources, caveats and background."""

from __future__ import annotations

from collections.abc import Sequence

from ...sizing import Fit, NoFit, Task
from .._facts import Facts
from ._catalog import class_phrase
from ._format import duration_text, gb, markdown_table, money, number_text
from ._macs import on_a_mac
from ._passages import Passage, first_sentences
from ._shapes import lead_fit, reports_oom

__all__ = ["breakdown", "details_parts"]


def details_parts(facts: Facts, passages: Sequence[Passage], own: Fit | None) -> list[str]:
    """The fold's sections, in order (empty ones included; the caller drops them)."""
    parts = [
        _to_fit(facts),
        _cheaper_tradeoffs(facts),
        "" if facts.understanding.details.wants_reason else breakdown(facts),  # then it leads the answer
        _fits_table(facts) if facts.shown and own is None else "",
        _options_text(facts),
        "" if own else _speed_text(facts),
        _assumptions_text(facts),
    ]
    caveats = _caveats(facts)
    if caveats:
        parts.append("**Caveats**\n" + "\n".join(f"- {c}" for c in caveats))
    parts.append(_related(passages))
    return parts


def _cheaper_tradeoffs(facts: Facts) -> str:
    """Fits cheaper than the pick, and why they are not the pick."""
    pick = facts.pick
    if pick is None or facts.understanding.details.cheaper or pick.price_per_hour is None:
        return ""
    cheaper = [
        f
        for f in facts.shown
        if f is not pick and f.price_per_hour is not None and f.price_per_hour < pick.price_per_hour
    ]
    if not cheaper:
        return ""
    return (
        "Cheaper fits come with trade-offs: "
        + "; ".join(f"{f.label} at {money(f.price_per_hour)}/hour ({_tradeoff(f)})" for f in cheaper[:3])
        + "."
    )


def _to_fit(facts: Facts) -> str:
    """What people do when it does not fit the hardware they have: the levers, for training or serving."""
    details = facts.understanding.details
    total = facts.estimate.total_gb
    short = any(isinstance(c, NoFit) for c in facts.checks) or (
        details.stated_memory_gb is not None and total > details.stated_memory_gb
    )
    reported = reports_oom(facts.understanding.question)
    if not short and reported and facts.workload.task.is_training:
        return (
            "**Why it can still run out of memory**: the estimate assumes the settings listed below; memory grows "
            "with micro-batch size x sequence length (activations), much more with gradient checkpointing off, with "
            "a larger evaluation batch, and under plain data parallelism (DDP) every GPU holds a full copy of the "
            "model, gradients and optimizer states, where ZeRO-3/FSDP would shard them. What usually fixes it: "
            "micro-batch 1 with more gradient-accumulation steps (the same effective batch), a shorter maximum "
            "sequence length (max_seq_length / cutoff_len), gradient checkpointing on, a paged 8-bit optimizer "
            "(paged_adamw_8bit), FlashAttention or SDPA attention, a smaller evaluation batch, and "
            "`PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True` against fragmentation."
        )
    if not short:
        # out of memory reported on their own machine though it fits on paper: the local runtime's settings
        return (_local_levers(facts) or "") if reported else ""
    if facts.workload.task.is_training and on_a_mac(facts):
        # one machine with no second GPU to shard over, and no bitsandbytes / DeepSpeed on Metal: MLX's levers
        return (
            "**To make it fit on the Mac**: train LoRA adapters on a 4-bit MLX quant of the model (mlx-lm's "
            "QLoRA), adapt fewer layers (`--num-layers`), lower `--batch-size` and "
            "`--max-seq-length`, turn on `--grad-checkpoint`, or raise the GPU's share of unified memory "
            "(`sudo sysctl iogpu.wired_limit_mb=N`); a smaller model, or a rented GPU, does the rest."
        )
    if facts.workload.task.is_training:
        return (
            "**To make it fit**: shard weights, gradients and optimizer states across GPUs with DeepSpeed ZeRO-3 "
            "or FSDP, offload optimizer states to CPU memory, use an 8-bit optimizer, keep gradient checkpointing "
            "on with a smaller micro-batch (more gradient-accumulation steps keep the effective batch) and a shorter "
            "sequence length — or train adapters only (LoRA, or QLoRA on a 4-bit base)."
        )
    if (local := _local_levers(facts)) is not None:
        return local
    home = all(c.gpu.gpu_class in ("consumer", "local") for c in facts.checks)
    if (details.local or details.owns_gpus) and home and (details.gpu_count or 1) == 1:
        # their own machine under Transformers or a web UI: no second GPU to split over, but the CPU's RAM
        return (
            "**To make it fit on your machine**: load the weights in 8-bit or 4-bit (bitsandbytes "
            "`load_in_8bit` / `load_in_4bit`, or a GPTQ / AWQ / GGUF download), offload the layers that do not fit "
            'to CPU RAM (`device_map="auto"` with a `max_memory` cap in Transformers / Accelerate; much slower), '
            "shorten the context, or pick a smaller model."
        )
    return (
        "**To make it fit**: quantize the weights (8-bit, or 4-bit with AWQ/GPTQ/GGUF), shorten the context or "
        "use an FP8 KV cache, or split the model across GPUs with tensor parallelism."
    )


# what each local runtime offers when a model does not fit the user's own machine: its own settings, not a server's
_LOCAL_LEVERS = {
    "llama.cpp": (
        "**To make it fit under llama.cpp (Ollama, LM Studio)**: put fewer layers on the GPU (`-ngl N`, "
        "n_gpu_layers; Ollama's `num_gpu`) and keep the rest in system RAM, at the RAM's speed; shorten the context "
        "(`-c`, Ollama's `num_ctx`), since the KV cache grows with every token of it; quantize the KV cache "
        "(`--cache-type-k q8_0 --cache-type-v q8_0` with flash attention `-fa`; in Ollama `OLLAMA_FLASH_ATTENTION=1` "
        "and `OLLAMA_KV_CACHE_TYPE=q8_0`), about half its memory; or take a lower-bit GGUF (Q3_K_M, the IQ3/IQ2 "
        "types) at some cost in quality, or a smaller model (fewer parameters: the family's next size down). The "
        "weights are memory-mapped (mmap): what does not fit is read from disk as needed, which counts as file cache "
        "rather than the program's memory and turns very slow once RAM runs short and the system swaps."
    ),
    "mlx": (
        "**To make it fit under MLX**: a lower-bit MLX quant (4-bit, or 3-bit at some cost in quality) or a smaller "
        "model, a shorter context (`--max-kv-size` caps the KV cache), and close other apps (past the limit macOS "
        "swaps to disk and generation crawls): macOS lets the GPU wire only part of "
        "the unified memory (its recommendedMaxWorkingSetSize), which `sudo sysctl iogpu.wired_limit_mb=<MB>` raises "
        "until the next reboot."
    ),
    "exllamav2": (
        "**To make it fit under ExLlamaV2**: a lower bits-per-weight EXL2 quant (EXL2 is made at any width from about 2 "
        "to 8 bpw), a shorter context (`max_seq_len`, `-l`), a quantized cache (Q4, Q6 or Q8 `cache_mode`), and "
        "`gpu_split` across cards when there are several."
    ),
}


def _local_levers(facts: Facts) -> str | None:
    """The levers of the local runtime a model is run with on the user's own machine (None for a server)."""
    work, details = facts.workload, facts.understanding.details
    if work.task is not Task.INFERENCE or work.runtime not in _LOCAL_LEVERS:
        return None
    if not (details.local or work.runtime != "llama.cpp" or details.stated_memory_gb or details.host_ram_gb):
        return None
    text = _LOCAL_LEVERS[work.runtime]
    macs = [g for g in facts.gpus[:1] if g.software == "Metal"] if facts.gpus else []
    if work.runtime == "llama.cpp" and (macs or details.any_mac):
        text += (
            " On a Mac, macOS lets the GPU use only part of the unified memory (its recommendedMaxWorkingSetSize); "
            "`sudo sysctl iogpu.wired_limit_mb=<MB>` raises it until the next reboot."
        )
    return text


def _tradeoff(fit: Fit) -> str:
    """Why a cheaper fit is not the default pick."""
    gpu = fit.gpu
    if gpu.gpu_class == "consumer":
        return "consumer card, rarely offered by large clouds"
    if gpu.is_owned_hardware:
        return "a laptop or Mac you own, not something to rent"
    if gpu.software != "CUDA":
        return f"runs on {gpu.software}, not CUDA"
    if fit.count > 1 and not gpu.fast_link_joins(fit.count):
        return "GPUs talk over PCIe"
    return "see caveats"


def breakdown(facts: Facts) -> str:
    """The memory breakdown table: each part, its size and how it is counted, and the total."""
    estimate = facts.estimate
    rows = [(item.label, gb(item.gb), item.detail) for item in estimate.items]
    lead = lead_fit(facts)
    where = "on one GPU" if lead is None or lead.count == 1 else f"across all {lead.count} GPUs together"
    rows.append(("**total**", f"**{gb(estimate.total_gb)}**", where))
    text = "**Memory breakdown**\n\n" + markdown_table(("part", "memory", "how it is counted"), rows)
    for label, value in estimate.alternatives:
        text += f"\n\n- {label[0].upper() + label[1:]}: {gb(value)}"
    return text


def _fits_table(facts: Facts) -> str:
    work = facts.workload
    training = work.task.is_training
    header = ["GPU", "count", "memory/GPU used", "$/hour", "why"]
    if training and work.tokens:
        header.insert(4, "job time / cost")
    if not training:
        header.insert(4, "tokens/s (batch 1)")
    rows = []
    for fit in facts.shown:
        gpu = fit.gpu
        row = [
            gpu.name,
            str(fit.count),
            f"{gb(fit.per_gpu_gb)} of {gpu.memory_gb:.0f} GB",
            money(fit.price_per_hour),
        ]
        if training and work.tokens:
            row.append(
                f"{duration_text(fit.training.hours)} / {money(fit.training.cost)}"
                if fit.training
                else "unknown"
            )
        if not training:
            row.append(number_text(fit.serving.decode_tokens_per_s if fit.serving else None))
        row.append(_why(fit))
        rows.append(row)
    order = "cheapest first"
    if (
        facts.pick
        and facts.shown
        and facts.shown[0] is facts.pick
        and any(
            f.price_per_hour is not None
            and facts.pick.price_per_hour is not None
            and f.price_per_hour < facts.pick.price_per_hour
            for f in facts.shown
        )
    ):
        order = "our pick first, then the cheapest"
    title = f"**GPUs that fit**, {order}" + (f" ({', '.join(facts.filters)})" if facts.filters else "")
    if facts.understanding.details.faster:
        title = "**GPUs that fit**, fastest first"
    return title + "\n\n" + markdown_table(header, rows)


def _why(fit: Fit) -> str:
    gpu = fit.gpu
    bits = [f"{gpu.architecture} {class_phrase(gpu)}"]
    if fit.headroom_gb > 0:
        bits.append(f"{gb(fit.headroom_gb)} headroom")
    if fit.count > 1:
        bits.append("NVLink-class link" if gpu.fast_link_joins(fit.count) else "PCIe between GPUs")
    if gpu.software != "CUDA":
        bits.append(gpu.software)
    return ", ".join(bits)


def _options_text(facts: Facts) -> str:
    if not facts.options:
        return ""
    current = (facts.workload.task, facts.workload.precision)
    lines = []
    for option in facts.options:
        w = option.estimate.workload
        if (w.task, w.precision) == current:
            continue
        best = option.best
        where = (
            f"cheapest sensible fit {best.label} ({money(best.price_per_hour)}/hour)"
            if best
            else "no single-vendor fit found"
        )
        lines.append(
            f"- {option.label[0].upper() + option.label[1:]}: about {gb(option.estimate.total_gb)} — {where}"
        )
    if not lines:
        return ""
    return "**How the answer changes**\n" + "\n".join(lines)


def _speed_text(facts: Facts) -> str:
    pick = lead_fit(facts)
    if not pick:
        return ""
    if pick.serving:
        s = pick.serving
        text = (
            f"**Speed on {pick.label}**: about {s.decode_tokens_per_s:,.0f} tokens/s per sequence at batch 1"
        )
        if s.throughput_tokens_per_s:
            text += (
                f", up to about {s.throughput_tokens_per_s:,.0f} tokens/s in total with {s.max_sequences} sequences "
                f"batched (about {s.users} users at {s.user_tokens_per_s:g} tokens/s each)"
            )
        if s.cost_per_million_tokens is not None:
            text += f" (≈ {money(s.cost_per_million_tokens)} per million generated tokens at full load)"
        if pick.kv_capacity_tokens is not None:
            text += (
                f". A serving engine reserving {pick.memory_fraction:.0%} of memory has room for about "
                f"{pick.kv_capacity_tokens:,} tokens of KV cache"
            )
        return text + f". How: {s.detail}."
    if pick.training:
        t = pick.training
        return (
            f"**Time and cost on {pick.label}**: about {duration_text(t.hours)} ({t.gpu_hours:,.0f} GPU-hours, "
            f"{money(t.cost)}). How: {t.detail}."
        )
    if facts.workload.task.is_training:
        return "Tell me your token budget (e.g. *on 50M tokens*) and I will estimate time and total cost."
    return ""


def _assumptions_text(facts: Facts) -> str:
    """Only what was assumed because the question did not say it (those change the answer); the fixed
    conventions behind every estimate are named once, with where their sources are."""
    lines = [f"- Assumed {d}" for d in facts.defaults if not d.startswith("note:")]
    seen: dict[str, str] = {}
    for a in facts.estimate.assumptions:
        seen.setdefault(a.key, f"{a.meaning} ({a.source})")
    conventions = "_Conventions (corpus/assumptions.yaml): " + " · ".join(seen.values()) + "_"
    if not lines:
        return conventions
    return "**Assumptions**\n" + "\n".join(lines) + "\n\n" + conventions


def _caveats(facts: Facts) -> list[str]:
    return list(facts.plan.caveats)


def _related(passages: Sequence[Passage]) -> str:
    guides = [p for p in passages if p.metadata.get("kind") == "guide"][:2]
    if not guides:
        return ""
    lines = [f"- **{p.metadata.get('title', '')}**: {first_sentences(p.page_content, 1)}" for p in guides]
    return "**Background**\n" + "\n".join(lines)
