"""What a training run that runs out of memory on one GPU can change, each change sized again (pure).

"Full fine-tune of a 7B at batch 4, seq 2048 OOMs on my 24 GB card": the settings people reach for are
gradient checkpointing, a smaller micro-batch, a shorter sequence, an 8-bit optimizer over bf16 weights, and
LoRA or QLoRA. Each is the same workload with one thing changed, run through the same memory arithmetic, so
the answer can say which of them (alone, then together) brings the run under the card's usable memory.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..knowledge import GPU
from ._assumptions import Assumptions
from ._memory import estimate_memory
from ._runtime import usable_memory_gb
from ._workload import Task, Workload

__all__ = ["Lever", "memory_levers"]


@dataclass(frozen=True)
class Lever:
    """One change to a training run and the memory it then needs on one GPU."""

    label: str  # "micro-batch 1", "gradient checkpointing on", "LoRA", ...
    workload: Workload
    gb: float
    usable_gb: float

    @property
    def fits(self) -> bool:
        return self.gb <= self.usable_gb


def memory_levers(
    workload: Workload,
    gpu: GPU | None,
    assumptions: Assumptions,
    *,
    memory_gb: float | None = None,
    count: int = 1,
) -> tuple[Lever, ...]:
    """The per-GPU memory of ``workload`` on ``count`` GPUs with each usual lever pulled alone, then the settings
    ones together (checkpointing on, micro-batch 1, a shorter sequence), then (on several GPUs) the ZeRO stage
    that shards more, then the lighter methods at those settings, on ``gpu`` or on a card of ``memory_gb`` the
    user states. Empty for work that is not training."""
    if not workload.task.is_training or workload.rl:
        return ()
    usable, _ = usable_memory_gb(gpu, True, workload.runtime, assumptions, memory_gb=memory_gb)
    changes: list[tuple[str, Workload]] = []
    if not workload.gradient_checkpointing:
        changes.append(("gradient checkpointing on", workload.with_(gradient_checkpointing=True)))
    if workload.batch > 1:
        changes.append(("micro-batch 1", workload.with_(batch=1)))
    shorter = workload.context // 2
    if shorter >= 512:
        changes.append((f"sequence length {shorter:,}", workload.with_(context=shorter)))
    lean = workload.with_(gradient_checkpointing=True, batch=1)
    settings = [label for label, _ in changes if not label.startswith("sequence")]
    if len(changes) > 1:
        changes.append((" + ".join(label for label, _ in changes), lean.with_(context=max(512, shorter))))
    at = f" ({', '.join(settings)})" if settings else ""
    if not workload.fused_loss and workload.task is not Task.PRETRAIN:
        changes.append(
            (
                f"a loss computed in chunks, no fp32 logits (Liger kernel's fused cross-entropy){at}",
                lean.with_(fused_loss=True),
            )
        )
    changes += _sharding_levers(workload, lean, count, at)
    if workload.task in (Task.FULL, Task.PRETRAIN) and workload.optimizer == "adamw":
        changes.append(
            (f"bf16 weights with an 8-bit (paged) AdamW{at}", lean.with_(optimizer="bf16_adam8bit"))
        )
    if workload.task in (Task.FULL, Task.PRETRAIN):
        changes.append((f"LoRA{at}", lean.with_(task=Task.LORA, optimizer="adamw")))
    if workload.task in (Task.FULL, Task.PRETRAIN, Task.LORA):
        changes.append(
            (f"QLoRA (4-bit base){at}", lean.with_(task=Task.QLORA, optimizer="adamw", precision="bf16"))
        )
    out = []
    for label, changed in changes:
        if changed == workload:
            continue
        out.append(Lever(label, changed, estimate_memory(changed, assumptions).per_gpu_gb(count), usable))
    return tuple(out)


def _sharding_levers(workload: Workload, lean: Workload, count: int, at: str) -> list[tuple[str, Workload]]:
    """On several GPUs, a full run kept whole on each (DDP) or with its weights whole (ZeRO-1/2): ZeRO-3, then
    ZeRO-3 with the optimizer states and weights offloaded to CPU memory, at the lean settings."""
    if count < 2 or workload.task not in (Task.FULL, Task.PRETRAIN) or workload.param_offload:
        return []
    out = []
    if workload.replicated or (workload.zero_stage or 3) < 3:
        out.append((f"ZeRO-3 / FSDP full sharding{at}", lean.with_(zero_stage=3, replicated=False)))
    offload = lean.with_(zero_stage=3, replicated=False, cpu_offload=True, param_offload=True)
    out.append((f"ZeRO-3 with optimizer and weights offloaded to CPU RAM{at}", offload))
    return out
