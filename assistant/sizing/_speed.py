"""Speed and cost arithmetic: decode tokens/s, serving cost, training time and job cost (pure)."""

from __future__ import annotations

from dataclasses import dataclass

from ..knowledge._catalog import GPU
from ._assumptions import Assumption, Assumptions
from ._local_speed import decode_efficiency_key
from ._memory import MemoryEstimate, kv_cache_bytes_per_token
from ._runtime import is_local
from ._workload import Task, Workload

__all__ = [
    "Replicas",
    "ServingSpeed",
    "TrainingTime",
    "estimate_serving",
    "estimate_training_time",
    "gpus_for_deadline",
    "replicas_for",
    "tensor_parallel_scaling",
    "training_tokens_per_s",
]


@dataclass(frozen=True)
class ServingSpeed:
    """Inference speed on ``gpus`` GPUs, and what a million generated tokens cost."""

    decode_tokens_per_s: float
    throughput_tokens_per_s: float | None
    cost_per_million_tokens: float | None
    detail: str
    assumptions: tuple[Assumption, ...]
    max_sequences: int | None = None  # sequences of the full context the KV cache room holds at once
    users: int | None = None  # concurrent users who each still get ``user_tokens_per_s``
    user_tokens_per_s: float | None = None
    time_to_first_token_s: float | None = None  # prefill of one full-context prompt, compute-bound
    # the workload's own batch (its concurrent users, when more than one): tokens/s each of them gets, the batch
    # capped at what the KV cache holds
    batch: int | None = None
    batch_tokens_per_s: float | None = None


@dataclass(frozen=True)
class TrainingTime:
    """How long a training job takes and what it costs."""

    hours: float
    gpu_hours: float
    cost: float | None
    flops: float
    detail: str
    assumptions: tuple[Assumption, ...]
    hours_range: tuple[float, float] | None = None  # (at the high, at the low end of typical MFU)
    tokens_per_s_per_gpu: float | None = None  # training throughput each GPU delivers at the assumed MFU


def tensor_parallel_scaling(gpu: GPU, gpus: int, assumptions: Assumptions) -> float:
    """Effective GPU count for ``gpus`` GPUs serving one model split across them (tensor parallelism): each extra
    one adds less over PCIe than NVLink, and beyond two every GPU keeps less again, since each layer ends in an
    all-reduce over all of them (8-way keeps about 60% of what 2-way keeps per GPU)."""
    if gpus == 1:
        return 1.0
    key = "multi_gpu_scaling_efficiency" if gpu.fast_link_joins(gpus) else "pcie_scaling_efficiency"
    overhead = 1 + assumptions.number("tensor_parallel_overhead_per_gpu") * max(gpus - 2, 0)
    return gpus * assumptions.number(key) / overhead


def _compute_tflops(gpu: GPU, precision: str) -> tuple[float | None, str]:
    if precision == "fp8" and gpu.fp8_tflops:
        return gpu.fp8_tflops, "dense FP8"
    if precision == "fp32":
        return None, ""
    return gpu.fp16_tflops, "dense FP16/BF16"


def _fine_grained_moe(work, assumptions: Assumptions) -> bool:
    """A mixture of experts that spreads each token over several small experts (DeepSeek-V3, gpt-oss, Qwen3 MoE)."""
    per_token = work.shape.experts_per_token if not work.shape_is_proxy else None
    return bool(per_token) and per_token >= assumptions.number("moe_fine_grained_experts_per_token")


def estimate_serving(estimate: MemoryEstimate, gpu: GPU, gpus: int, assumptions: Assumptions) -> ServingSpeed:
    """Serving on ``gpus`` GPUs as a roofline: every decode step reads the active weights plus the KV cache of
    every sequence in the batch (memory-bound) or does 2 FLOPs per active parameter per sequence
    (compute-bound), whichever takes longer. The batch is limited by the KV cache room left after the
    weights (each sequence holding the full context) and by the engine's sequence cap."""
    work = estimate.workload
    decode_key = decode_efficiency_key(gpu)
    keys = [
        decode_key, "decode_compute_efficiency", "serving_memory_fraction",
        "serving_max_sequences", "user_tokens_per_s",
    ]  # fmt: skip
    # local runtimes split layers: the cards take turns on each token, so bandwidth does not add up
    effective = 1.0 if is_local(work.runtime) else tensor_parallel_scaling(gpu, gpus, assumptions)
    if gpus > 1 and not is_local(work.runtime):
        keys.append(
            "multi_gpu_scaling_efficiency" if gpu.fast_link_joins(gpus) else "pcie_scaling_efficiency"
        )
        if gpus > 2:
            keys.append("tensor_parallel_overhead_per_gpu")
    if gpus > 1 and not is_local(work.runtime) and _fine_grained_moe(work, assumptions):
        # many small experts split over cards by a serving engine: far below the roofline (measured on 8 cards)
        effective *= assumptions.number("moe_multi_gpu_decode_efficiency")
        keys += ["moe_multi_gpu_decode_efficiency", "moe_fine_grained_experts_per_token"]
    active_share = work.active_params / work.params
    weight_bytes = estimate.item("weights").gb * 1e9 * active_share
    kv_per_sequence = kv_cache_bytes_per_token(work, assumptions) * work.context
    bandwidth = gpu.memory_bandwidth_gbs * 1e9 * assumptions.number(decode_key) * effective
    decode = bandwidth / (weight_bytes + kv_per_sequence)
    tflops, kind = _compute_tflops(gpu, work.precision)
    flops = tflops * 1e12 * assumptions.number("decode_compute_efficiency") * effective if tflops else None
    max_sequences = _max_sequences(estimate, gpu, gpus, kv_per_sequence, assumptions)

    def step_seconds(batch: int) -> float:
        memory = (weight_bytes + batch * kv_per_sequence) / bandwidth
        compute = 2 * work.active_params * batch / flops if flops else 0.0
        return max(memory, compute)

    throughput = cost = users = ttft = None
    rate = work.user_tokens_per_s or assumptions.number("user_tokens_per_s")
    detail = (
        f"batch 1: {assumptions.number(decode_key):.0%} of {gpu.memory_bandwidth_gbs:,.0f} GB/s "
        f"per GPU over {weight_bytes / 1e9:.1f} GB of active weights plus {kv_per_sequence / 1e9:.2f} GB of KV "
        "cache per sequence"
    )
    if max_sequences:
        throughput = max_sequences / step_seconds(max_sequences)
        users = _users_at(rate, max_sequences, step_seconds)
        bound = (
            "compute-bound"
            if flops
            and 2 * work.active_params * max_sequences / flops
            >= (weight_bytes + max_sequences * kv_per_sequence) / bandwidth
            else "memory-bound"
        )
        detail += (
            f"; full load: {max_sequences} sequences of {work.context:,} tokens fit in the KV cache, each step "
            f"reading the weights and all their KV cache ({bound}"
            + (
                f", {assumptions.number('decode_compute_efficiency'):.0%} of {tflops:,.0f} {kind} TFLOPS"
                if tflops
                else ""
            )
            + ")"
        )
        if gpu.price_per_hour:
            cost = gpu.price_per_hour * gpus / (throughput * 3600) * 1e6
    if flops:
        ttft = 2 * work.active_params * work.context / flops
    batch = each = None
    if work.batch > 1 and max_sequences:
        batch = min(work.batch, max_sequences)
        each = 1 / step_seconds(batch)
    return ServingSpeed(
        decode,
        throughput,
        cost,
        detail,
        tuple(assumptions[k] for k in keys),
        max_sequences=max_sequences,
        users=users,
        user_tokens_per_s=rate,
        time_to_first_token_s=ttft,
        batch=batch,
        batch_tokens_per_s=each,
    )


def _max_sequences(
    estimate: MemoryEstimate, gpu: GPU, gpus: int, kv_per_sequence: float, assumptions: Assumptions
) -> int | None:
    """Full-context sequences the KV cache room (reserved memory less everything else) holds, capped."""
    if estimate.workload.task is not Task.INFERENCE or kv_per_sequence <= 0:
        return None
    kv = estimate.item("KV cache")
    other = estimate.per_gpu_gb(gpus) - (kv.gb / gpus if kv.shards else kv.gb)
    share = estimate.workload.memory_fraction or assumptions.number("serving_memory_fraction")
    room = (gpu.memory_gb * share - other) * gpus * 1e9
    fits = int(room // kv_per_sequence)
    return min(fits, int(assumptions.number("serving_max_sequences"))) if fits > 0 else None


def _users_at(rate: float, most: int, step_seconds) -> int:
    """The largest batch (at most ``most``) whose every sequence still decodes at ``rate`` tokens/s."""
    low, high = 0, most
    while low < high:  # per-sequence speed only falls as the batch grows: bisect
        mid = (low + high + 1) // 2
        if 1 / step_seconds(mid) >= rate:
            low = mid
        else:
            high = mid - 1
    return low


def training_tokens_per_s(workload: Workload, gpu: GPU, gpus: int, assumptions: Assumptions) -> float | None:
    """Tokens per second a training run gets through on ``gpus`` of ``gpu`` at the assumed MFU: GPUs x dense
    TFLOPS x MFU / (FLOPs per parameter-token x active parameters). None when the card's TFLOPS are unknown."""
    tflops = gpu.training_tflops
    if not tflops or not workload.task.is_training:
        return None
    mfu = assumptions.number("training_mfu")
    return (
        gpus
        * tflops
        * 1e12
        * mfu
        / (_flops_per_param_token(workload, assumptions)[0] * workload.active_params)
    )


def _flops_per_param_token(work: Workload, assumptions: Assumptions) -> tuple[float, tuple[Assumption, ...]]:
    """FLOPs per parameter per token of a training step, with the assumptions used: 6 for a full update, 4 for
    adapters on a frozen base, plus one more forward pass (2) where a fine-tune recomputes its checkpointed
    activations (gradient checkpointing, on by default). Pre-training is counted without it: large runs keep
    activations or recompute only the attention (selective recomputation)."""
    key = (
        "training_flops_per_param_token"
        if work.task in (Task.FULL, Task.PRETRAIN)
        else "lora_flops_per_param_token"
    )
    per, used = assumptions.number(key), [assumptions[key]]
    if work.gradient_checkpointing and work.task is not Task.PRETRAIN:
        per += assumptions.number("recompute_flops_per_param_token")
        used.append(assumptions["recompute_flops_per_param_token"])
    return per, tuple(used)


def estimate_training_time(
    estimate: MemoryEstimate, gpu: GPU, gpus: int, assumptions: Assumptions
) -> TrainingTime | None:
    """Training time = FLOPs per token-parameter x params x tokens / (GPUs x dense TFLOPS x MFU)."""
    work = estimate.workload
    tflops = gpu.training_tflops
    if not work.tokens or not tflops:
        return None
    per, used = _flops_per_param_token(work, assumptions)
    mfu = assumptions.number("training_mfu")
    flops = per * work.active_params * work.tokens
    seconds = flops / (gpus * tflops * 1e12 * mfu)
    hours = seconds / 3600
    cost = hours * gpus * gpu.price_per_hour if gpu.price_per_hour else None
    detail = (
        f"{per:.0f} x {_count(work.active_params, 1)} params x {_count(work.tokens)} tokens / "
        f"({gpus} x {tflops:,.0f} TFLOPS x {mfu:.0%} MFU)"
    )
    spread = (
        hours * mfu / assumptions.number("training_mfu_high"),
        hours * mfu / assumptions.number("training_mfu_low"),
    )
    return TrainingTime(
        hours,
        hours * gpus,
        cost,
        flops,
        detail,
        (*used, assumptions["training_mfu"]),
        spread,
        work.tokens / seconds / gpus,
    )


def _count(n: float, decimals: int | None = None) -> str:
    """'400B', '50M', '12,000': a count short enough to read in a formula ('7.2B', '125M' with ``decimals``)."""
    for scale, unit in ((1e12, "T"), (1e9, "B"), (1e6, "M")):
        if n >= scale * 0.995:  # 0.9999e9 parameters are '1.0B', not '1,000M'
            if decimals is None:
                return f"{n / scale:,.3g}{unit}"
            return f"{n / scale:,.{decimals if unit != 'M' else 0}f}{unit}"
    return f"{n:,.0f}"


def gpus_for_deadline(training: TrainingTime, count: int, deadline_hours: float, per_node: int = 0) -> int:
    """GPUs of this kind that finish the job within ``deadline_hours``: its GPU-hours spread over the deadline,
    never fewer than the ``count`` that hold it in memory; past one server, whole servers of ``per_node``."""
    import math

    n = max(count, math.ceil(training.gpu_hours / deadline_hours - 1e-9))
    return -(-n // per_node) * per_node if per_node and n > per_node else n


@dataclass(frozen=True)
class Replicas:
    """Serving ``users`` at a speed each: copies of the model (``per_replica`` GPUs each, tensor-parallel inside)
    behind a load balancer, each holding ``users_each`` of them at that speed."""

    per_replica: int
    users_each: int
    replicas: int

    @property
    def gpus(self) -> int:
        return self.per_replica * self.replicas


def replicas_for(estimate: MemoryEstimate, gpu: GPU, users: int, assumptions: Assumptions) -> Replicas | None:
    """The fewest GPUs of ``gpu`` that serve ``users`` concurrent users at the workload's speed per user: for each
    replica size (1, 2, 4, 8 GPUs) that holds the weights, the users one replica serves at that speed (KV-cache
    room and the decode roofline), and the replicas needed; the size needing fewest GPUs wins (smaller on ties).
    None when no replica of up to 8 GPUs serves even one user at that speed."""
    best: Replicas | None = None
    for size in (1, 2, 4, 8):
        serving = estimate_serving(estimate, gpu, size, assumptions)
        if not serving.users:
            continue
        option = Replicas(size, serving.users, -(-users // serving.users))
        if best is None or option.gpus < best.gpus:
            best = option
    return best
