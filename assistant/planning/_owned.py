"""What runs on hardware someone owns: each model's best quantization, context and speed; what trains (pure)."""

from __future__ import annotations

from dataclasses import dataclass

from ..knowledge import GPU, ModelSpec, ModelSpecs
from ..sizing import (
    Assumptions,
    Fit,
    Task,
    Workload,
    estimate_memory,
    fit_gpu,
    free_ram_gb,
    kv_cache_bytes_per_token,
    offload,
)

__all__ = [
    "OwnedReport",
    "RunsRow",
    "TrainsRow",
    "offloaded_runs",
    "runs_on",
    "stand_in_card",
    "stand_in_mac",
    "use_ladder",
    "what_runs",
]


@dataclass(frozen=True)
class RunsRow:
    """One model on the user's hardware: the best quant that fits (None if none), memory, context and speed."""

    model: ModelSpec
    quant: str | None
    memory_gb: float
    max_context: int
    decode_tokens_per_s: float | None
    prompt_tokens_per_s: float | None
    batch_tokens_per_s: float | None = None  # a serving engine's total with the KV cache's sequences batched
    cards: int | None = None  # a serving engine's: the fewest cards that hold it (its speeds are theirs)


@dataclass(frozen=True)
class TrainsRow:
    """The largest model of the ladder a fine-tuning method fits on the hardware, and its memory."""

    method: str
    model: ModelSpec | None
    memory_gb: float | None


@dataclass(frozen=True)
class OwnedReport:
    """What runs and what trains on ``count`` x ``gpu``."""

    gpu: GPU
    count: int
    usable_gb: float
    runs: tuple[RunsRow, ...]
    trains: tuple[TrainsRow, ...]
    context: int
    runtime: str = "llama.cpp"  # "server": a batching engine (vLLM, SGLang, TGI) in its 16/8/4-bit formats


def stand_in_mac(catalog, memory_gb: float) -> GPU | None:
    """The Apple configuration with ``memory_gb`` of unified memory (the nearest, the slowest of equals): whose GPU
    share and bandwidth set what runs on a Mac known only by its memory; None if the catalog lists no Mac."""
    macs = [g for g in catalog if g.vendor == "Apple"]
    return min(macs, key=lambda g: (abs(g.memory_gb - memory_gb), g.memory_bandwidth_gbs)) if macs else None


def stand_in_card(catalog, memory_gb: float) -> GPU | None:
    """The desktop CUDA card whose memory is nearest ``memory_gb`` (the slowest of equals): whose bandwidth sets
    the speeds quoted for a GPU known only by its memory; None if the catalog has no such card."""
    cards = [g for g in catalog if g.gpu_class == "consumer" and g.software == "CUDA"]
    nearest = (
        min(cards, key=lambda g: (abs(g.memory_gb - memory_gb), g.memory_bandwidth_gbs)) if cards else None
    )
    if nearest is not None and abs(nearest.memory_gb - memory_gb) > 0.25 * memory_gb:
        # "96 GB of VRAM": no desktop card has about that much, so a workstation or data-center card that does
        # (not the 32 GB RTX 5090's speeds under a 96 GB label)
        wider = [g for g in catalog if g.software == "CUDA" and not g.is_owned_hardware]
        closer = min(wider, key=lambda g: (abs(g.memory_gb - memory_gb), g.memory_bandwidth_gbs))
        if abs(closer.memory_gb - memory_gb) < abs(nearest.memory_gb - memory_gb):
            return closer
    return nearest


def use_ladder(use: str | None, assumptions: Assumptions) -> tuple[str, ...]:
    """The models, smallest first, walked for a use asked ('coding': owned_hardware_coding_ladder), else ()."""
    return tuple(assumptions[f"owned_hardware_{use}_ladder"].value) if use else ()


def what_runs(
    gpu: GPU,
    count: int,
    models: ModelSpecs,
    assumptions: Assumptions,
    *,
    quants: tuple[str, ...] | None = None,
    on_cpu: bool = False,
    ladder_names: tuple[str, ...] = (),
    rl: str | None = None,
    runtime: str = "llama.cpp",
) -> OwnedReport:
    """Walk the ladder of models: the best GGUF quant that fits (llama.cpp), its context room and speed.
    ``quants``: only these GGUF types (the one the user asked about, "at Q4_K_M"); ``on_cpu``: run from system
    RAM by the CPU, so no GPU context is held; ``ladder_names``: these models (smallest first) instead of the usual
    ladder; ``rl``: what trains is sized as that online RL run ('grpo', 'ppo') at its defaults."""
    names = ladder_names or assumptions["owned_hardware_ladder"].value
    ladder = [models.by_name(n) for n in names if models.get(n)]
    context = assumptions.default_context(runtime)
    runs = [_runs(spec, gpu, count, context, assumptions, quants, on_cpu, runtime) for spec in ladder]
    # fine-tuning walks its own ladder (dense models, with a small-vocabulary 7B between 3B and 8B)
    training_names = ladder_names or assumptions["owned_hardware_training_ladder"].value
    training = [models.by_name(n) for n in training_names if models.get(n)]
    trains = [
        _trains(task, training, gpu, count, assumptions, rl) for task in (Task.QLORA, Task.LORA, Task.FULL)
    ]
    return OwnedReport(gpu, count, gpu.gpu_memory_gb * count, tuple(runs), tuple(trains), context, runtime)


def runs_on(spec: ModelSpec, gpu: GPU, count: int, context: int, assumptions: Assumptions) -> RunsRow:
    """``spec`` on ``count`` x ``gpu`` under llama.cpp: the best usual GGUF quant that fits, with its speed."""
    return _runs(spec, gpu, count, context, assumptions)


def _runs(
    spec: ModelSpec,
    gpu: GPU,
    count: int,
    context: int,
    assumptions: Assumptions,
    asked: tuple[str, ...] | None = None,
    on_cpu: bool = False,
    runtime: str = "llama.cpp",
) -> RunsRow:
    quants = (
        [spec.native_precision]
        if spec.native_precision == "mxfp4" and (not asked or runtime == "server")  # gpt-oss ships in MXFP4
        else list(asked or assumptions["owned_hardware_quants"].value)
    )
    if (
        runtime == "server" and spec.native_precision
    ):  # never wider than the format the model ships in (R1: fp8)
        native = assumptions.bytes_per_param(spec.native_precision)
        quants = [q for q in quants if assumptions.bytes_per_param(q) <= native] or quants
    last_gb = 0.0
    for quant in quants:
        work = Workload(
            Task.INFERENCE,
            spec,
            spec.params,
            precision=quant,
            runtime=runtime,
            context=min(context, spec.max_context),
            on_cpu=on_cpu,
        )
        estimate = estimate_memory(work, assumptions)
        last_gb = estimate.total_gb
        fit = fit_gpu(estimate, gpu, assumptions)
        if isinstance(fit, Fit) and fit.count <= count:
            room = (fit.usable_gb * count - estimate.per_gpu_gb(count) * count) * 1e9
            extra = int(room / kv_cache_bytes_per_token(work, assumptions))
            local, served = fit.local, fit.serving
            if local is None and served is not None:  # a serving engine: one stream, and all the cache holds
                return RunsRow(
                    spec, quant, estimate.total_gb, min(spec.max_context, work.context + max(0, extra)),
                    served.decode_tokens_per_s, None, served.throughput_tokens_per_s, fit.count,
                )  # fmt: skip
            return RunsRow(
                spec, quant, estimate.total_gb, min(spec.max_context, work.context + max(0, extra)),
                local.decode_tokens_per_s if local else None, local.prompt_tokens_per_s if local else None,
            )  # fmt: skip
    return RunsRow(spec, None, last_gb, 0, None, None)


def _trains(
    task: Task, ladder: list[ModelSpec], gpu: GPU, count: int, assumptions: Assumptions, rl: str | None = None
) -> TrainsRow:
    label = f"{rl.upper()} {task.label}" if rl else task.label
    best: TrainsRow = TrainsRow(label, None, None)
    if gpu.software not in ("CUDA", "ROCm", "Metal"):
        # PyTorch training stacks (what runs on each ROCm card is the answer's), and a Mac's MLX, which fine-tunes in
        # the same memory (16-bit weights and adapters, a 4-bit base for its QLoRA equivalent)
        return best
    for spec in ladder:
        if spec.is_moe:
            continue
        work = _training_run(task, spec, assumptions, rl)
        estimate = estimate_memory(work, assumptions)
        fit = fit_gpu(estimate, gpu, assumptions)
        if isinstance(fit, Fit) and fit.count <= count:
            best = TrainsRow(label, spec, estimate.per_gpu_gb(fit.count))
    return best


def _training_run(task: Task, spec: ModelSpec, assumptions: Assumptions, rl: str | None) -> Workload:
    """A fine-tune of ``spec`` at the usual training sequence, or an online RL run at its defaults: GRPO trains on a
    prompt's group of completions (TRL's num_generations) of its default prompt and completion lengths."""
    if rl != "grpo":
        return Workload(
            task, spec, spec.params, context=int(assumptions.number("default_training_sequence")), rl=rl
        )
    completion = int(assumptions.number("rl_default_completion_tokens"))
    context = min(int(assumptions.number("rl_default_prompt_tokens")) + completion, spec.max_context)
    group = int(assumptions.number("rl_generations_per_prompt"))
    return Workload(task, spec, spec.params, context=context, batch=group, rl=rl, rl_completion=completion)


def offloaded_runs(
    report: OwnedReport, ram_gb: float, models: ModelSpecs, assumptions: Assumptions
) -> tuple[RunsRow, ...]:
    """Models of the ladder too big for the card that llama.cpp still runs with the layers that do not fit in the
    ``ram_gb`` of system RAM beside it (less what the OS keeps), in the usual Q4_K_M (gpt-oss in its MXFP4): the
    largest such, and the largest dense one when that is another; each with the RAM-bound speed of the split
    (a mixture-of-experts model reads only its routed experts per token)."""
    free = free_ram_gb(ram_gb, assumptions)
    quant = str(assumptions["default_local_quant"].value)
    rows = []
    for run in report.runs:
        if run.quant is not None:
            continue
        spec = run.model
        fmt = spec.native_precision if spec.native_precision == "mxfp4" else quant
        work = Workload(
            Task.INFERENCE, spec, spec.params, precision=fmt, runtime="llama.cpp",
            context=min(report.context, spec.max_context),
        )  # fmt: skip
        estimate = estimate_memory(work, assumptions)
        weights = estimate.item("weights").gb
        split = offload(
            weights, estimate.total_gb - weights, spec.layers, report.gpu, assumptions,
            active_share=spec.active_params / spec.params,
        )  # fmt: skip
        if split.gpu_layers == 0 or split.cpu_gb * report.count > free:
            continue
        rows.append(RunsRow(spec, fmt, estimate.total_gb, work.context, split.decode_tokens_per_s, None))
    if not rows or report.count > 1:
        return ()
    largest = max(rows, key=lambda r: r.model.params)
    dense = [r for r in rows if not r.model.is_moe]
    densest = max(dense, key=lambda r: r.model.params) if dense else None
    return (largest,) if densest is None or densest is largest else (largest, densest)
