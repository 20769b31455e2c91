"""A model too big for any home machine, asked about at home: its smallest published GGUFs against the user's VRAM
and RAM, and the distilled models people run under its name, each on the user's card (pure)."""

from __future__ import annotations

from dataclasses import dataclass

from ..knowledge import GPU, LowBitGGUF, ModelSpec, ModelSpecs
from ..sizing import Assumptions, Task, Workload, cpu_speed, estimate_memory, free_ram_gb, offload
from ._owned import RunsRow, runs_on

__all__ = ["HomeRoutes", "home_routes", "moe_instead"]


@dataclass(frozen=True)
class HomeRoutes:
    """The ways a home user runs ``spec``: the full model in a low-bit GGUF that VRAM + RAM must hold together, or
    a distilled model on the card alone.

    ``room_gb``: VRAM plus what the OS leaves of the RAM (None when the RAM is not said); ``low_bit_fit``: the
    largest low-bit GGUF that room holds; ``distills``: each distilled model on the card (the best quant that
    fits, with its speed) or, with no card said, at the usual Q4_K_M; ``distill_pick``: the largest that fits."""

    spec: ModelSpec
    card: str | None
    vram_gb: float
    ram_gb: float | None
    room_gb: float | None
    low_bit_fit: LowBitGGUF | None
    distills: tuple[RunsRow, ...]
    distill_pick: RunsRow | None
    distill_first: bool = (
        False  # the question is about what a local runtime downloads under the name (Ollama)
    )

    @property
    def smallest(self) -> LowBitGGUF | None:
        return self.spec.low_bit_ggufs[0] if self.spec.low_bit_ggufs else None

    @property
    def lead_gb(self) -> float | None:
        """The memory the answer leads with: the distill it names first, else the full model's low-bit GGUF."""
        if self.distill_first and self.distills:
            return (self.distill_pick or self.distills[-1]).memory_gb
        fit = self.low_bit_fit or self.smallest
        return fit.size_gb if fit is not None else None


def home_routes(
    spec: ModelSpec,
    models: ModelSpecs,
    assumptions: Assumptions,
    *,
    gpu: GPU | None,
    count: int,
    vram_gb: float,
    ram_gb: float | None,
    distill_first: bool = False,
) -> HomeRoutes | None:
    """``spec``'s home routes on ``count`` x ``gpu`` (``vram_gb`` in all; a stand-in card of that memory when only
    the memory is known, None with no GPU) and ``ram_gb`` of system RAM; None when nothing is on record for it."""
    if not spec.low_bit_ggufs and not spec.distilled_family:
        return None
    family = sorted(
        (m for m in models if spec.distilled_family and m.family == spec.distilled_family),
        key=lambda m: m.params,
    )
    context = assumptions.default_context("llama.cpp")
    if gpu is not None and vram_gb:
        rows = tuple(runs_on(m, gpu, count, context, assumptions) for m in family)
        fitting = [r for r in rows if r.quant is not None]
        # the largest at a quant worth running (not Q2_K), else the largest that fits at all
        good = [r for r in fitting if r.quant in assumptions.recommended_quants]
        pick = (good or fitting)[-1] if fitting else None
    else:
        quant = str(assumptions["default_local_quant"].value)
        rows = tuple(
            RunsRow(
                m,
                None,
                estimate_memory(
                    Workload(
                        Task.INFERENCE, m, m.params, precision=quant, runtime="llama.cpp", context=context
                    ),
                    assumptions,
                ).total_gb,
                0,
                None,
                None,
            )
            for m in family
        )
        pick = None
    room = None
    if ram_gb:
        room = vram_gb + free_ram_gb(ram_gb, assumptions)
    if gpu is not None and gpu.vendor == "Apple":
        room = vram_gb  # unified memory: the GPU's share of it is all there is
    fit = None
    if room is not None:
        fit = next((g for g in reversed(spec.low_bit_ggufs) if g.size_gb <= room), None)
    # "my 2x 4090 rig": the cards said, with their count ("fits your 2x RTX 4090"), not one of them
    card = None if gpu is None else f"{count}x {gpu.name}" if count > 1 else gpu.name
    return HomeRoutes(spec, card, vram_gb, ram_gb, room, fit, rows, pick, distill_first)


def moe_instead(
    work: Workload,
    gpu: GPU | None,
    ram_gb: float | None,
    models: ModelSpecs,
    assumptions: Assumptions,
) -> RunsRow | None:
    """A dense model run at home from RAM (on the CPU, ``gpu`` None, or partly offloaded from ``gpu``): the sparse
    mixture-of-experts model of about its size that runs at least twice as fast the same way, since each token
    reads only its routed experts; None when the model is an MoE already or none such is on record."""
    spec = work.shape
    if work.task is not Task.INFERENCE or spec.is_moe:
        return None
    quant = str(assumptions["default_local_quant"].value)
    context = assumptions.default_context("llama.cpp")
    free = free_ram_gb(ram_gb, assumptions) if ram_gb else None

    def speed(candidate: ModelSpec, params: float) -> tuple[float, float] | None:
        fmt = candidate.native_precision if candidate.native_precision == "mxfp4" else quant
        shaped = Workload(
            Task.INFERENCE, candidate, params, precision=fmt, runtime="llama.cpp", context=context,
            on_cpu=gpu is None,
        )  # fmt: skip
        estimate = estimate_memory(shaped, assumptions)
        weights = estimate.item("weights").gb
        share = candidate.active_params / candidate.params
        if gpu is None:
            if free is not None and estimate.total_gb > free:
                return None
            return cpu_speed(weights * share, assumptions).decode_tokens_per_s, estimate.total_gb
        split = offload(
            weights, estimate.total_gb - weights, candidate.layers, gpu, assumptions, active_share=share
        )
        if split.gpu_layers == 0 or (free is not None and split.cpu_gb > free):
            return None
        return split.decode_tokens_per_s, estimate.total_gb

    size = work.params / 1e9
    sparse = [
        m
        for m in models
        if m.is_moe and m.active_params_b <= 0.3 * m.params_b and 0.7 * size <= m.params_b <= 1.8 * size
    ]
    ranked = sorted(sparse, key=lambda m: abs(m.params_b - size))
    dense = speed(spec, work.params)
    for candidate in ranked:
        got = speed(candidate, candidate.params)
        if got is None:
            continue
        if dense is not None and got[0] < 2 * dense[0]:
            continue
        fmt = candidate.native_precision if candidate.native_precision == "mxfp4" else quant
        return RunsRow(candidate, fmt, got[1], context, got[0], None)
    return None
