"""'Why is it so slow / why does it use my CPU?' on the user's own card under a local runtime: the cause first.

llama.cpp (and Ollama and LM Studio, which run it) keeps the layers that do not fit in VRAM in system RAM,
where the CPU works through them at RAM speed; so the answer is whether the model fits the card, and by how
much: it does not (the layers that spill, and the speed that leaves), it only just fits (a longer context,
parallel requests or memory other programs hold push layers out), or it fits with room (then it should run at
the card's speed, and a CPU share means the runtime was told to keep layers off the GPU).
"""

from __future__ import annotations

import re

from ...sizing import Fit, Task, free_ram_gb, is_local, load_assumptions, machine_ram_gb
from .._facts import Facts
from ._format import gb
from ._kv_context import kv_context_text

__all__ = ["asks_why_slow", "moe_offload_note", "ram_short_text", "slow_reason_text", "slow_verdict_text"]

_SLOW = re.compile(
    r"\btokens? (?:per|a|/) ?min(?:ute)?\b|\bslow(?:ly|er|est|ness)?\b|\bsluggish\b|\bcrawl|\bfreez|\bhangs?\b|\blag(?:gy|s|ging|ged)?\b|\btakes? (?:forever|ages|minutes)\b"
    r"|\b(?:uses?|using|runs? on|running on|only|stuck on|falls? back to|fell back to)\s+(?:the |my |100% )?cpu\b"
    r"|\b(?:goes|going|went|gets|offloaded|moved|spill\w*|loaded|put|split)\s+(?:\w+\s+)?(?:on|to|onto|into) (?:the |my )?cpu\b"
    r"|\bcpu instead\b|\binstead of (?:the |my )?gpu\b|\bnot (?:using|use|utili[sz]\w*|on) (?:the |my )?gpu\b"
    r"|\bgpu (?:is |sits )?(?:idle|unused|not used|at 0)|\d+\s*%\s*/\s*\d+\s*%\s*cpu|\bcpu\s*/\s*gpu\b|\b\d+\s*% cpu\b"
    # "ollama keeps putting it partly on cpu", "loads half of it on the CPU": layers left in system RAM
    r"|\b(?:partly|partially|half|some layers|part of it)\s+(?:of it\s+)?(?:on|to|onto|in|into) (?:the |my )?cpu\b"
)


# "… is slow, is this normal?", "is that expected?": whether the slowness is to be expected is the question
_ASKS_IF_NORMAL = re.compile(r"\b(?:normal|expected|to be expected|supposed to be|usual|typical)\b")


def slow_verdict_text(facts: Facts) -> str:
    """'It runs slowly on my two 3090s, is this normal?': the cause of the slow run led by the verdict asked for —
    Yes when the model spills out of the card (the CPU then sets the pace), No when it fits (layers were left
    off the GPU); "" when the question does not ask that."""
    if not _ASKS_IF_NORMAL.search(facts.understanding.question.lower()):
        return ""
    reason = slow_reason_text(facts)
    if not reason:
        return ""
    spills = reason.startswith(("**It does not fit", "**Unquantized it does not fit", _MAC_TIGHT))
    head, bold, rest = reason.partition("** — ")
    if not bold:
        return ""
    head = head.lstrip("*")
    return f"**{'Yes' if spills else 'No'}** — {head[0].lower()}{head[1:]}: {rest}"


def asks_why_slow(question: str) -> bool:
    """True when the question reports a model running slowly, or on the CPU instead of the GPU."""
    return bool(_SLOW.search(question.lower()))


def slow_reason_text(facts: Facts) -> str:
    """The cause of a slow local run on the one card (or Mac) named, as the answer's first lines; "" when the
    question is not about that or the hardware is not known."""
    details = facts.understanding.details
    work = facts.workload
    if (
        work is None
        or work.task is not Task.INFERENCE
        or not is_local(work.runtime)
        or details.any_mac
        or not asks_why_slow(facts.understanding.question)
    ):
        return ""
    if not facts.checks and details.stated_memory_gb and not details.ram_gb and not details.gpus:
        return _slow_on_stated_card(facts)  # "my GTX 1060 6GB": a card known only by its memory
    if len(facts.checks) != 1:
        return ""
    check = facts.checks[0]
    count = details.gpu_count or 1
    gpu = check.gpu
    what = f"{work.model_label} in {work.precision.upper() if work.precision.startswith('q') else work.precision}"
    holds = f"{count} x {gpu.name}" if count > 1 else f"the {gpu.name}"
    if not (isinstance(check, Fit) and check.count <= count):
        return _spills(facts, what, holds, gpu)
    per_gpu, usable = check.per_gpu_gb, check.usable_gb
    speed = (
        f" Fully on the GPU it should generate about **{check.local.decode_tokens_per_s:,.0f} tokens/s**."
        if check.local
        else ""
    )
    if gpu.software == "Metal":
        # it fits a Mac's GPU share as a GGUF: a crawl then comes from running it unquantized (transformers, MLX
        # and their wrappers load 16-bit weights), which does not fit and swaps
        return (
            _unquantized_on_mac(facts, what, gpu, per_gpu, check)
            or _tight_on_mac(what, gpu, per_gpu, check)
            or (
                f"**It fits in the memory the GPU may use, so it should not be slow** — {what} needs about "
                f"{gb(per_gpu)} of the {gb(gpu.gpu_memory_gb)} of its {gpu.memory_gb:.0f} GB that macOS lets the GPU use."
                + speed
                + " If it crawls, it is not running on the GPU or memory is short: use an arm64 (not Rosetta) build with "
                "Metal and every layer on the GPU (`-ngl 99`, n_gpu_layers=-1 in llama-cpp-python), and close apps that "
                "hold memory (macOS swaps to disk when it runs short)."
            )
        )
    if check.headroom_gb < load_assumptions().number("local_tight_fit_share") * usable:
        return (
            f"**It only just fits, so a little more pushes layers onto the CPU** — {what} needs about "
            f"{gb(per_gpu)} of the {gb(usable)} on {holds} at {work.context:,} tokens of context. A longer context "
            "(num_ctx), parallel requests (OLLAMA_NUM_PARALLEL: each keeps its own KV cache) or VRAM the desktop and "
            "other programs hold make llama.cpp (which Ollama and LM Studio run) keep some layers in system RAM, "
            "where the CPU works through them at RAM speed — that is the CPU share `ollama ps` shows. Shorten the "
            "context, quantize the KV cache (q8_0 halves it) or pick the next smaller quant." + speed
        )
    return (
        f"**It fits on the GPU, so it should not be slow** — {what} needs about {gb(per_gpu)} of the "
        f"{gb(usable)} on {holds}."
        + speed
        + " If it runs slower, or `ollama ps` shows a CPU share, layers were "
        "left in system RAM: offload them all (`-ngl 99` in llama.cpp, GPU offload at max in LM Studio), check that "
        "the runtime sees the GPU (its CUDA/ROCm/Vulkan build and driver), and keep the context (num_ctx) within "
        "the room left."
    )


_MAC_TIGHT = "**It only just fits, so the Mac runs short of memory"


def _tight_on_mac(what: str, gpu, per_gpu: float, check: Fit) -> str:
    """A model that fills nearly all the unified memory macOS lets the GPU use: what is left for macOS and the apps
    is small, so memory pressure makes macOS swap to disk and everything stalls; "" when there is room."""
    usable = gpu.gpu_memory_gb
    if check.headroom_gb >= load_assumptions().number("local_tight_fit_share") * usable:
        return ""
    return (
        f"{_MAC_TIGHT}** — {what} needs about {gb(per_gpu)} of the {gb(usable)} of its {gpu.memory_gb:.0f} GB that "
        "macOS lets the GPU use, which leaves little of the unified memory for macOS and your apps: under that "
        "memory pressure macOS swaps to disk, and the model and the whole system slow down. A smaller quant or "
        "model, a shorter context, or closing apps that hold memory leaves room."
    )


def _slow_on_stated_card(facts: Facts) -> str:
    """A slow (or CPU-bound) local run on a card known only by the memory the user gives: whether the model spills
    out of it, only just fits (the desktop, the runtime's reserve or a longer context then push layers to the CPU),
    or fits with room (layers were left off the GPU by a setting)."""
    details, work = facts.understanding.details, facts.workload
    stated = details.stated_memory_gb
    card = (
        f"your {details.unlisted_gpu} ({stated:g} GB)" if details.unlisted_gpu else f"your {stated:g} GB card"
    )
    what = f"{work.model_label} in {work.precision.upper() if work.precision.startswith('q') else work.precision}"
    total = facts.estimate.total_gb
    usable = stated * load_assumptions().number("local_memory_fraction")
    if total > usable:
        if details.observed_tokens_per_s:
            return ""  # a speed seen on a spilling model: the offload answer sets it against the RAM's bound
        return (
            f"**It does not fit in the GPU, so part of it runs on the CPU** — {what} needs about {gb(total)}, more "
            f"than {card} holds. llama.cpp (which Ollama and LM Studio run) keeps the layers that do not fit in system "
            "RAM, where the CPU works through them at RAM speed, so the CPU sets the pace however fast the card; a "
            "smaller quant or a smaller model that fits entirely runs several times faster."
        )
    if usable - total < load_assumptions().number("local_tight_fit_share") * usable:
        return (
            f"**It only just fits, so a little more pushes layers onto the CPU** — {what} needs about {gb(total)} of "
            f"the {gb(usable)} on {card} at {work.context:,} tokens of context. A longer context (num_ctx), parallel "
            "requests (OLLAMA_NUM_PARALLEL: each keeps its own KV cache) or VRAM the desktop and other programs hold "
            "make llama.cpp (which Ollama and LM Studio run) keep some layers in system RAM, where the CPU works "
            "through them at RAM speed — that is the CPU share `ollama ps` shows. Shorten the context, quantize the "
            "KV cache (q8_0 halves it) or pick the next smaller quant."
        )
    return (
        f"**It fits on the GPU, so it should not be slow** — {what} needs about {gb(total)} of the {gb(usable)} on "
        f"{card}. If `ollama ps` shows a CPU share, layers were left in system RAM: offload them all (`-ngl 99` in "
        "llama.cpp, GPU offload at max in LM Studio), check that the runtime sees the GPU (its CUDA/ROCm/Vulkan build "
        "and driver), and keep the context (num_ctx) within the room left."
    )


def _unquantized_on_mac(facts: Facts, what: str, gpu, per_gpu: float, check: Fit) -> str:
    """A Mac that holds the model's usual GGUF but crawls: the 16-bit weights (what transformers and MLX load
    unless told to quantize) need more than the share macOS lets the GPU use, so memory swaps; "" when no
    precision was assumed or the 16-bit model fits too."""
    from ...sizing import estimate_memory

    work = facts.workload
    if facts.understanding.details.precision is not None or work.precision in ("bf16", "fp16"):
        return ""  # the format was said: nothing to second-guess
    sixteen = estimate_memory(work.with_(precision="bf16", runtime="mlx"), load_assumptions()).total_gb
    if sixteen <= gpu.gpu_memory_gb:
        return ""
    speed = f", about **{check.local.decode_tokens_per_s:,.0f} tokens/s**" if check.local else ""
    return (
        f"**Unquantized it does not fit, so it swaps** — in 16-bit (what transformers, MLX and tools built on them "
        f"load unless told to quantize) {work.model_label} needs about {gb(sixteen)}, more than the "
        f"{gb(gpu.gpu_memory_gb)} of its {gpu.memory_gb:.0f} GB that macOS lets the GPU use on the {gpu.name}, so "
        f"memory pages to disk and generation crawls. Quantized it fits: {what} needs about {gb(per_gpu)}{speed} "
        "(4-bit or 8-bit: `-q` / `--q-bits 4` in MLX, a Q4_K_M GGUF in Ollama or LM Studio)."
    )


def ram_short_text(facts: Facts, cpu_gb: float) -> str:
    """When the layers left for system RAM are more than the RAM the user says they have beside the card (less
    what the operating system keeps): that it does not run that way; "" otherwise."""
    host = facts.understanding.details.host_ram_gb
    if not host:
        return ""
    free = free_ram_gb(host, load_assumptions())
    if cpu_gb <= free:
        return ""
    return (
        f" But that leaves {cpu_gb:,.1f} GB for system RAM, more than the {free:g} GB your {host:g} GB of RAM leaves "
        "after the operating system: it would page from disk, far too slow to use — that split needs a machine "
        f"with {machine_ram_gb(cpu_gb, load_assumptions())} GB of RAM."
    )


def moe_offload_note(facts: Facts) -> str:
    """Why an offloaded mixture-of-experts model stays usable, and the flag that keeps its experts in RAM."""
    work = facts.workload
    if not work.shape.is_moe:
        return ""
    return (
        f" — a mixture-of-experts model reads only about {work.shape.active_params_b:g}B of its "
        f"{work.shape.params_b:g}B parameters per token, so keeping the experts in RAM (llama.cpp `--n-cpu-moe N` or "
        "`-ot exps=CPU`) costs far less than for a dense model."
    )


def _spills(facts: Facts, what: str, holds: str, gpu) -> str:
    """The model does not fit: the layers that stay in RAM and the speed that leaves."""
    total = facts.estimate.total_gb
    off = facts.plan.offload if facts.plan else None
    instead = facts.plan.fits_instead if facts.plan else None
    text = (
        f"**It does not fit in the GPU, so part of it runs on the CPU** — {what} needs about {gb(total)}, more than "
        f"{holds} holds ({gpu.memory_gb:.0f} GB)."
    )
    if gpu.software == "Metal":
        return (
            f"**It does not fit in the memory the GPU may use, so it runs on the CPU** — {what} needs about "
            f"{gb(total)}, more than the {gb(gpu.gpu_memory_gb)} of its {gpu.memory_gb:.0f} GB that macOS lets the GPU "
            "use; Ollama and llama.cpp then run it on the CPU (or swap to disk), far slower."
            + (
                f"\nA smaller model that fits entirely: **{instead.model.name}** in {instead.quant.upper()} (about "
                f"{gb(instead.memory_gb)})."
                if instead is not None
                else ""
            )
        )
    if off is not None and off.gpu_layers > 0:
        text += (
            f" llama.cpp (which Ollama and LM Studio run) puts about {off.gpu_layers} of {off.layers} layers on the "
            f"GPU and keeps the other {off.layers - off.gpu_layers} ({off.cpu_gb:.1f} GB) in system RAM, where the CPU "
            f"works through them at RAM speed: about **{off.decode_tokens_per_s:.1f} tokens/s**, however fast the card"
            f"{moe_offload_note(facts) or '.'}"
        ) + ram_short_text(facts, off.cpu_gb)
    else:
        text += (
            " llama.cpp (which Ollama and LM Studio run) keeps the layers that do not fit in system RAM, where the "
            "CPU works through them at RAM speed, so the CPU sets the pace however fast the card."
        )
    if kv_fix := kv_context_text(facts, gpu.memory_gb):
        return text + kv_fix  # a long context is what overflows: the context and the KV cache are the levers
    if instead is not None:
        text += (
            f" To run at the card's speed, use a model that fits entirely, such as **{instead.model.name}** in "
            f"{instead.quant.upper()} (about {gb(instead.memory_gb)}), or a smaller quant."
        )
    return text
