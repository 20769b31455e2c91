"""Which GPUs a workload fits on, how many of each, and how they rank on price (pure)."""

from __future__ import annotations

from dataclasses import dataclass

from ..knowledge._catalog import GPU
from ._assumptions import Assumptions
from ._local_speed import LocalSpeed, estimate_local_speed
from ._memory import MemoryEstimate, kv_cache_bytes_per_token
from ._runtime import is_local, usable_memory_gb
from ._speed import ServingSpeed, TrainingTime, estimate_serving, estimate_training_time
from ._workload import Task, Workload

__all__ = [
    "Fit",
    "FitReport",
    "NoFit",
    "context_room",
    "fit_at",
    "fit_count",
    "fit_gpu",
    "fp8_weight_only",
    "rank_fits",
]

_COUNTS = (1, 2, 4, 8, 16, 32, 64)  # serving: tensor parallelism splits the heads, so a power of two


def _counts(training: bool, limit: float, per_node: int) -> tuple[int, ...]:
    """The GPU counts tried, smallest first. Training shards its model states with DeepSpeed ZeRO / FSDP data
    parallelism, which runs on any number of GPUs (3 x A6000), so every count up to one server's GPUs, then whole
    servers (17 x A100 is rented as 3 servers of 8: 24); inference splits attention heads with tensor
    parallelism, which needs a divisor of the head count: powers of two."""
    if training:
        within = range(1, min(per_node, int(limit)) + 1)
        return (*within, *range(2 * per_node, int(limit) + 1, per_node))
    return tuple(c for c in _COUNTS if c <= limit)


@dataclass(frozen=True)
class Fit:
    """A GPU type and the smallest count of it that holds the workload, with speed and cost."""

    gpu: GPU
    count: int
    per_gpu_gb: float
    usable_gb: float
    serving: ServingSpeed | None
    training: TrainingTime | None
    kv_capacity_tokens: int | None
    caveats: tuple[str, ...]
    local: LocalSpeed | None = None  # prompt and generation speed under a local runtime (llama.cpp, MLX…)

    @property
    def memory_fraction(self) -> float:
        """The share of each GPU's memory the workload may use (the assumptions' reserve)."""
        return self.usable_gb / self.gpu.memory_gb

    @property
    def headroom_gb(self) -> float:
        """Usable memory left per GPU after the workload."""
        return self.usable_gb - self.per_gpu_gb

    @property
    def price_per_hour(self) -> float | None:
        """Typical USD per hour for all ``count`` GPUs, or None when the price is unknown."""
        return self.gpu.price_per_hour * self.count if self.gpu.price_per_hour else None

    @property
    def job_cost(self) -> float | None:
        """USD for the whole training job, when a token budget and a price are known."""
        return self.training.cost if self.training else None

    @property
    def label(self) -> str:
        """'1x H100 SXM' style label."""
        return f"{self.count}x {self.gpu.name}"


@dataclass(frozen=True)
class NoFit:
    """A GPU type that cannot run the workload, and why (``needs``: how many of it would, when more are needed than
    the count asked)."""

    gpu: GPU
    reason: str
    needs: int | None = None


@dataclass(frozen=True)
class FitReport:
    """Every GPU type that can hold a workload, ranked, plus the ones that cannot."""

    estimate: MemoryEstimate
    fits: tuple[Fit, ...]
    no_fits: tuple[NoFit, ...]

    def single_gpu(self) -> tuple[Fit, ...]:
        """Fits that need only one GPU."""
        return tuple(f for f in self.fits if f.count == 1)


def fit_gpu(
    estimate: MemoryEstimate, gpu: GPU, assumptions: Assumptions, *, count: int | None = None
) -> Fit | NoFit:
    """The smallest count of ``gpu`` that holds the workload with the reserved headroom (or exactly ``count``)."""
    n = fit_count(estimate, gpu, assumptions, count=count)
    return n if isinstance(n, NoFit) else fit_at(estimate, gpu, n, assumptions)


def fp8_weight_only(gpu: GPU, work: Workload) -> bool:
    """Whether a serving engine runs ``work``'s FP8 weights on ``gpu`` although it has no FP8 compute: vLLM (and
    SGLang and TGI, which use its kernel) unpack FP8 weights to 16-bit inside the FP8 Marlin kernel on NVIDIA
    compute capability 8.0+ (Ampere: A100, A10G, RTX 3090), so the weights take 1 byte each while the math runs
    in 16-bit (vllm-project/vllm#5975)."""
    return (
        work.task is Task.INFERENCE
        and work.runtime == "server"
        and not gpu.fp8
        and gpu.vendor == "NVIDIA"
        and (gpu.compute_capability or 0) >= 8.0
    )


def fit_count(
    estimate: MemoryEstimate, gpu: GPU, assumptions: Assumptions, *, count: int | None = None
) -> int | NoFit:
    """How many of ``gpu`` ``fit_gpu`` would use, without working out speed and cost, or NoFit saying why."""
    work = estimate.workload
    weight_only = gpu.name in work.fp8_weight_only_on and fp8_weight_only(gpu, work)
    if work.precision == "fp8" and not gpu.fp8 and not weight_only:
        return NoFit(gpu, "no FP8 support")
    if work.runtime == "mlx" and gpu.vendor != "Apple":
        return NoFit(gpu, "MLX runs only on Apple Silicon")
    if work.runtime == "exllamav2" and gpu.software not in ("CUDA", "ROCm"):
        return NoFit(gpu, "ExLlamaV2 needs CUDA or ROCm")
    usable, _ = usable_memory_gb(
        gpu,
        work.task.is_training,
        work.runtime,
        assumptions,
        work.memory_fraction,
        engine_share=work.engine_share,
    )
    limit = assumptions.number("max_gpus")
    if gpu.is_owned_hardware and not count:
        # a Mac or a laptop is one machine with one memory pool: never "2x M1 16GB"
        if estimate.per_gpu_gb(1) <= usable:
            return 1
        return NoFit(gpu, f"needs about {estimate.per_gpu_gb(1):.1f} GB, more than one {gpu.name} can use")
    per_node = int(assumptions.number("gpus_per_node"))
    for n in (count,) if count else _counts(work.task.is_training, limit, per_node):
        if estimate.per_gpu_gb(n) <= usable:
            return n
    if count:
        return NoFit(gpu, f"needs about {estimate.per_gpu_gb(count):.1f} GB per GPU on {count}")
    whole = sum(item.gb for item in estimate.items if not item.shards)
    if whole > usable:  # what every GPU holds whole (the activations of its micro-batch): no count helps
        return NoFit(
            gpu,
            f"each GPU holds {whole:.1f} GB whole at this micro-batch and sequence (activations, context), "
            f"more than one can use",
        )
    return NoFit(gpu, f"needs more than {limit:.0f} GPUs")


def fit_at(estimate: MemoryEstimate, gpu: GPU, count: int, assumptions: Assumptions) -> Fit:
    """The workload on exactly ``count`` of ``gpu`` (e.g. every GPU of a rented instance), whether or not it fits."""
    work = estimate.workload
    usable, _ = usable_memory_gb(
        gpu,
        work.task.is_training,
        work.runtime,
        assumptions,
        work.memory_fraction,
        engine_share=work.engine_share,
    )
    return Fit(
        gpu,
        count,
        estimate.per_gpu_gb(count),
        usable,
        estimate_serving(estimate, gpu, count, assumptions) if not work.task.is_training else None,
        estimate_training_time(estimate, gpu, count, assumptions),
        _kv_capacity(estimate, gpu, count, usable, assumptions),
        _caveats(estimate, gpu, count, assumptions),
        estimate_local_speed(estimate, gpu, count, assumptions)
        if is_local(work.runtime) and not work.task.is_training
        else None,
    )


def context_room(
    estimate: MemoryEstimate,
    gpu: GPU | None,
    count: int,
    assumptions: Assumptions,
    *,
    memory_gb: float | None = None,
) -> int | None:
    """Tokens of KV cache that ``count`` of ``gpu`` (or of a card of ``memory_gb`` the user states) hold after the
    weights, activations and context — the longest single sequence they serve (None for training)."""
    work = estimate.workload
    usable, _ = usable_memory_gb(
        gpu,
        work.task.is_training,
        work.runtime,
        assumptions,
        work.memory_fraction,
        memory_gb=memory_gb,
        engine_share=work.engine_share,
    )
    return _kv_capacity(estimate, gpu, count, usable, assumptions)


def _kv_capacity(
    estimate: MemoryEstimate, gpu: GPU, count: int, usable: float, assumptions: Assumptions
) -> int | None:
    """Tokens of KV cache a serving engine can hold in the reserved memory left after weights."""
    if estimate.workload.task is not Task.INFERENCE:
        return None
    kv = estimate.item("KV cache")
    other = estimate.per_gpu_gb(count) - kv.gb / count
    free_bytes = (usable - other) * count * 1e9
    return max(0, int(free_bytes / kv_cache_bytes_per_token(estimate.workload, assumptions)))


def _caveats(estimate: MemoryEstimate, gpu: GPU, count: int, assumptions: Assumptions) -> tuple[str, ...]:
    work = estimate.workload
    notes: list[str] = []
    if count > 1 and is_local(work.runtime) and not work.task.is_training:
        notes.append(
            f"{work.runtime} splits the layers over the {count} cards, which take turns on every token: "
            "the memory adds up, the speed does not"
        )
    elif count > 1 and not gpu.fast_link_joins(count):
        if gpu.has_fast_interconnect:
            notes.append(
                f"{gpu.name}'s high-speed link joins only {gpu.link_domain_gpus} GPUs: {count} of them "
                "talk over PCIe between groups, so sharding is slower"
            )
        else:
            notes.append(
                f"{gpu.name} has no NVLink-class link: {count} GPUs talk over PCIe, so sharding is slow"
            )
    if count > assumptions.number("gpus_per_node"):
        nodes = -(-count // int(assumptions.number("gpus_per_node")))
        notes.append(f"{count} GPUs span {nodes} servers and need InfiniBand-class networking")
    if work.task.is_training and not gpu.bf16:
        notes.append(f"{gpu.name} has no bf16: train in fp16 with loss scaling")
    elif work.precision == "bf16" and not gpu.bf16:
        notes.append(f"{gpu.name} has no bf16: serve the 16-bit weights in fp16 instead (same memory)")
    if not gpu.flash_attention_2 and gpu.software == "CUDA":
        notes.append(
            f"{gpu.name} cannot run FlashAttention-2 (needs Ampere or newer), so long contexts cost more memory"
        )
    if work.task is Task.QLORA and gpu.software != "CUDA":
        notes.append(f"QLoRA's bitsandbytes NF4 kernels target CUDA; support on {gpu.software} is limited")
    if gpu.software == "Metal" and not is_local(work.runtime):
        notes.append(
            f"{gpu.name} runs Metal: use llama.cpp/Ollama/LM Studio or MLX, not vLLM/TGI (CUDA servers)"
        )
    elif gpu.software != "CUDA":
        notes.append(f"{gpu.name} runs on {gpu.software}, not CUDA: check your framework supports it")
    if gpu.gpu_class == "consumer":
        notes.append(f"{gpu.name} is a consumer card: fine for experiments, rarely offered by large clouds")
    if gpu.gpu_memory_share:
        notes.append(
            f"{gpu.name}: macOS lets the GPU use about {gpu.gpu_memory_share:.0%} of the {gpu.memory_gb:.0f} GB "
            f"of unified memory by default ({gpu.gpu_memory_gb:.0f} GB); `sudo sysctl iogpu.wired_limit_mb=N` raises it"
        )
    if gpu.price is None:
        notes.append(f"no indicative price for {gpu.name} in the catalog")
    return tuple(notes)


def rank_fits(estimate: MemoryEstimate, gpus, assumptions: Assumptions) -> FitReport:
    """Fit every GPU, then rank: whole-job cost when known, else price per hour; unknown prices last."""
    fits: list[Fit] = []
    no_fits: list[NoFit] = []
    for gpu in gpus:
        outcome = fit_gpu(estimate, gpu, assumptions)
        (fits if isinstance(outcome, Fit) else no_fits).append(outcome)

    def key(fit: Fit):
        cost = fit.job_cost if fit.job_cost is not None else fit.price_per_hour
        speed = -(fit.serving.decode_tokens_per_s if fit.serving else 0.0)
        return (cost is None, cost if cost is not None else 0.0, fit.count, speed, fit.gpu.name)

    return FitReport(estimate, tuple(sorted(fits, key=key)), tuple(no_fits))
