"""Which engine runs a model, and what that changes: memory reserve, quant formats, multi-GPU (pure).

Servers (vLLM, TGI, SGLang) reserve a share of every GPU up front and shard with tensor parallelism;
local runtimes (llama.cpp and its front ends Ollama and LM Studio, MLX, ExLlamaV2) allocate what
the model and the context need and split layers across cards, which take turns per token.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..knowledge._catalog import GPU
from ._assumptions import Assumptions

__all__ = [
    "LOCAL_RUNTIMES",
    "RUNTIMES",
    "CpuSpeed",
    "Offload",
    "cpu_speed",
    "free_ram_gb",
    "is_local",
    "machine_ram_gb",
    "offload",
    "runtime_label",
    "usable_memory_gb",
    "within_raised_share",
]

SERVER = "server"
LOCAL_RUNTIMES = ("llama.cpp", "mlx", "exllamav2")
RUNTIMES = (SERVER, *LOCAL_RUNTIMES)
_LABELS = {
    SERVER: "a serving engine (vLLM, TGI or SGLang)",
    "llama.cpp": "llama.cpp (also what Ollama and LM Studio run)",
    "mlx": "MLX (Apple Silicon)",
    "exllamav2": "ExLlamaV2",
}


def free_ram_gb(ram_gb: float, assumptions: Assumptions) -> float:
    """System RAM a job may use: what the operating system leaves (``os_ram_reserve_gb``), at least half of it."""
    return max(ram_gb - assumptions.number("os_ram_reserve_gb"), ram_gb / 2)


def machine_ram_gb(needed_gb: float, assumptions: Assumptions) -> int:
    """The smallest usual machine RAM total (a power of two from 8 GB: 8, 16, 32, 64, 128… — DIMMs are sold in
    such sizes and fitted in pairs) that leaves ``needed_gb`` free after the operating system (``free_ram_gb``)."""
    size = 8
    while free_ram_gb(size, assumptions) < needed_gb:
        size *= 2
    return size


def is_local(runtime: str) -> bool:
    """True for runtimes that allocate only what they need and split layers across GPUs."""
    return runtime in LOCAL_RUNTIMES


def runtime_label(runtime: str) -> str:
    """Human wording for a runtime."""
    return _LABELS[runtime]


def usable_memory_gb(
    gpu: GPU | None,
    training: bool,
    runtime: str,
    assumptions: Assumptions,
    fraction: float | None = None,
    *,
    memory_gb: float | None = None,
    engine_share: float | None = None,
) -> tuple[float, str]:
    """Memory per GPU the workload may fill, and the assumption key that set the share (a serving engine's
    ``fraction`` the user set, e.g. vLLM --gpu-memory-utilization 0.5, replaces the default reserve); ``memory_gb``
    is a card the user states instead of a catalog GPU ("my 24gb card"); ``engine_share`` is the part of a
    training GPU a colocated generation engine (an RL run's vLLM) reserves, which training cannot use."""
    memory = memory_gb if memory_gb is not None else gpu.gpu_memory_gb
    if training and engine_share:
        return memory * (
            assumptions.number("training_memory_fraction") - engine_share
        ), "training_memory_fraction"
    if training:
        key = "training_memory_fraction"
    elif is_local(runtime):
        key = "local_memory_fraction"
    else:
        key = "serving_memory_fraction"
        if fraction is not None:
            return memory * fraction, key
    return memory * assumptions.number(key), key


def within_raised_share(need_gb: float, memory_gb: float, assumptions: Assumptions) -> bool:
    """True when ``need_gb`` is over a serving engine's default share of ``memory_gb`` but within the raised one."""
    share = assumptions.number
    return (
        memory_gb * share("serving_memory_fraction")
        < need_gb
        <= memory_gb * share("serving_memory_fraction_raised")
    )


@dataclass(frozen=True)
class Offload:
    """A model too big for the GPU run by llama.cpp with some layers in system RAM."""

    gpu_layers: int
    layers: int
    gpu_gb: float
    cpu_gb: float
    decode_tokens_per_s: float
    detail: str
    precision: str = ""  # the weights' format the layers are counted in (a GGUF type)
    fits: bool = True  # whether the layers put on the GPU (and the KV cache and buffers) fit its memory
    gpu_total_gb: float = 0.0  # what the GPU then holds: its layers plus the KV cache, buffers and context
    cards: int = 1  # the GPUs the on-GPU layers are split over (llama.cpp's --tensor-split), all of one kind


def offload(
    weights_gb: float,
    fixed_gb: float,
    layers: int,
    gpu: GPU,
    assumptions: Assumptions,
    on_gpu: int | None = None,
    active_share: float = 1.0,
    cards: int = 1,
    kv_gb: float = 0.0,
) -> Offload:
    """Put as many layers as fit on ``gpu`` (after ``fixed_gb`` of KV cache, buffers and context), or the
    ``on_gpu`` layers the user asks for (``fits`` says whether they do), the rest in RAM.

    Each token reads the GPU layers at the GPU's bandwidth and the others at system-RAM bandwidth,
    one after the other, so the slow part dominates. A mixture-of-experts model reads only its active
    parameters per token (``active_share`` of each part: llama.cpp's ``--n-cpu-moe`` / ``-ot exps=CPU`` keeps
    the experts in RAM and only the routed ones are read), which is why such a model stays usable offloaded.

    Over ``cards`` GPUs of that kind llama.cpp splits the GPU layers between them (``--tensor-split``): their
    memory adds up, but the cards take turns on each token, so the GPU part reads at one card's bandwidth.

    ``kv_gb`` (part of ``fixed_gb``) is the KV cache, which llama.cpp keeps beside each layer's weights: a layer
    on the GPU brings its share of it, a layer in RAM leaves it there — so a long context costs layers, not the
    whole cache up front ("not even one layer fits" at 32k tokens on a small card was wrong).
    """
    cards = max(1, cards)
    kv_gb = min(max(0.0, kv_gb), fixed_gb)
    usable = cards * gpu.gpu_memory_gb * assumptions.number("local_memory_fraction") - (fixed_gb - kv_gb)
    per_layer = weights_gb / layers
    per_gpu_layer = (weights_gb + kv_gb) / layers
    most = max(0, min(layers, int(usable // per_gpu_layer))) if per_gpu_layer > 0 else layers
    asked = on_gpu is not None
    on_gpu = min(layers, max(0, on_gpu)) if asked else most
    gpu_gb, cpu_gb = on_gpu * per_layer, (layers - on_gpu) * per_layer
    cpu_gb += kv_gb * (layers - on_gpu) / layers  # the RAM also holds, and reads, the KV cache of its layers
    efficiency = assumptions.number("decode_bandwidth_efficiency")
    ram = assumptions.number("system_ram_bandwidth_gbs")
    seconds = (gpu_gb / (gpu.memory_bandwidth_gbs * efficiency) + cpu_gb / (ram * efficiency)) * active_share
    speed = 1 / seconds if seconds > 0 else 0.0
    routed = f", {active_share:.0%} of it read per token (the active experts)" if active_share < 1 else ""
    where = f"the {cards} GPUs" if cards > 1 else "the GPU"
    detail = (
        f"{on_gpu} of {layers} layers on {where} ({gpu_gb:.1f} GB at {gpu.memory_bandwidth_gbs:,.0f} GB/s), "
        f"{cpu_gb:.1f} GB in system RAM at ~{ram:.0f} GB/s{routed}: about {speed:.1f} tokens/s at batch 1"
    )
    return Offload(
        on_gpu,
        layers,
        gpu_gb,
        cpu_gb,
        speed,
        detail,
        fits=on_gpu <= most,
        gpu_total_gb=gpu_gb + fixed_gb - kv_gb * (layers - on_gpu) / layers,
        cards=cards,
    )


@dataclass(frozen=True)
class CpuSpeed:
    """Generation speed of a model run entirely from system RAM (llama.cpp / Ollama on the CPU), at batch 1."""

    decode_tokens_per_s: float
    detail: str
    precision: str = ""  # the weights' format it was worked out for (a GGUF type)


def cpu_speed(
    read_gb_per_token: float,
    assumptions: Assumptions,
    bandwidth_gbs: float | None = None,
    how: str | None = None,
) -> CpuSpeed:
    """Each token reads every weight (and the KV cache) from RAM once: the RAM bandwidth (the user's, worked out
    from what they said of their RAM as ``how``, else the assumed desktop one) at the decode efficiency, over
    ``read_gb_per_token``."""
    efficiency = assumptions.number("decode_bandwidth_efficiency")
    ram = bandwidth_gbs or assumptions.number("system_ram_bandwidth_gbs")
    speed = ram * efficiency / read_gb_per_token if read_gb_per_token > 0 else 0.0
    if bandwidth_gbs:
        detail = f"{efficiency:.0%} of {ram:,.0f} GB/s ({how}) over {read_gb_per_token:.1f} GB read per token"
    else:
        detail = (
            f"{efficiency:.0%} of ~{ram:.0f} GB/s (dual-channel desktop RAM) over {read_gb_per_token:.1f} GB read per "
            "token; faster RAM or more channels scale it, a laptop or a Raspberry Pi is slower"
        )
    return CpuSpeed(speed, detail)
