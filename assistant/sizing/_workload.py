"""What is being sized: a task, a model (or a bare parameter count) and its settings (pure)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cached_property

from .._text import article
from ..knowledge._models import ModelSpec, ModelSpecs

__all__ = ["Task", "Workload", "shape_for"]


class Task(StrEnum):
    """The kinds of work the sizing engine understands."""

    INFERENCE = "inference"
    LORA = "lora"
    QLORA = "qlora"
    FULL = "full"
    PRETRAIN = "pretrain"

    @property
    def label(self) -> str:
        """Human wording, e.g. 'QLoRA fine-tuning'."""
        return _LABELS[self]

    @property
    def is_training(self) -> bool:
        """True for every task that computes gradients."""
        return self is not Task.INFERENCE


_LABELS = {
    Task.INFERENCE: "inference",
    Task.LORA: "LoRA fine-tuning",
    Task.QLORA: "QLoRA fine-tuning",
    Task.FULL: "full fine-tuning",
    Task.PRETRAIN: "pre-training",
}


@dataclass(frozen=True)
class Workload:
    """A sizing request.

    ``shape`` is the architecture used for the arithmetic: the named model's own spec, or, for a
    bare parameter count, the nearest dense model's spec (``shape_is_proxy`` is then True).
    ``params`` is always the parameter count the user meant.
    """

    task: Task
    shape: ModelSpec
    params: float
    shape_is_proxy: bool = False
    precision: str = "bf16"
    kv_precision: str = "fp16"
    context: int = 2048
    batch: int = 1
    gradient_checkpointing: bool = True
    replicated: bool = (
        False  # data-parallel training (DDP): model states are copied to every GPU, not sharded
    )
    optimizer: str = "adamw"
    # DPO-style preference training: each example is a chosen and a rejected sequence, scored against a frozen
    # reference model (a second copy of the weights in a full fine-tune; the adapter-free base under LoRA)
    preference: bool = False
    # ORPO / SimPO / CPO: the chosen and rejected pair with no reference model (its name, for the label)
    pair_method: str | None = None
    # the reference-model method named ('DPO', 'IPO', 'KTO'), for the label; KTO scores one unpaired answer
    preference_method: str | None = None
    # Liger's fused linear cross-entropy / Cut Cross-Entropy: the loss computed in chunks from the last hidden
    # states, so the fp32 logits (tokens x vocabulary x 4 bytes) are never held whole
    fused_loss: bool = False
    # Unsloth: LoRA / QLoRA sized from its published minimum plus the activations, whose checkpoints it keeps in
    # CPU RAM (the GPU holds the layer being recomputed)
    unsloth: bool = False
    # LoRA rank and targets when the tool run sets them (qlora.py: rank 64; alpaca-lora: rank 8 on q_proj and
    # v_proj); None: the assumptions' lora_rank on every attention and MLP projection
    lora_rank: int | None = None
    lora_targets: str = "all"  # 'all' (every linear projection) or 'qv' (q_proj and v_proj only)
    cpu_offload: bool = False  # ZeRO-Offload: optimizer states (and their update) in CPU memory
    # ZeRO-3 / FSDP parameter offload (ZeRO-Infinity): the 16-bit weights live in CPU memory as well, and each
    # GPU gathers only the layers it is computing (with cpu_offload)
    param_offload: bool = False
    # online RL fine-tuning: 'grpo' (GRPO, RLOO, REINFORCE-style: the policy, a frozen reference copy and the
    # completions it generates) or 'ppo' (also a trained critic and a frozen reward model); None otherwise
    rl: str | None = None
    rl_generations: int | None = None  # completions per prompt when the user says; None: the usual default
    rl_no_reference: bool = False  # KL coefficient zero ("beta=0"): the RL trainer loads no reference model
    # tokens of each completion (the part of the sequence an RL loss scores); None: unknown, the whole sequence
    rl_completion: int | None = None
    # the share of each training GPU a colocated generation engine reserves (TRL vllm_mode="colocate" with its
    # vllm_gpu_memory_utilization, Unsloth fast_inference): training fills only the rest; None: no engine there
    engine_share: float | None = None
    # LoRA / QLoRA with the input embeddings and LM head trained in full (PEFT modules_to_save: a trainable copy
    # beside the frozen original, with its gradients and optimizer states)
    train_embeddings: bool = False
    # a QLoRA / 8-bit LoRA base prepared with PEFT's prepare_model_for_kbit_training: the weights left unquantized
    # (embeddings, LM head, norms) are cast to fp32
    kbit_fp32_rest: bool = False
    # ZeRO-1 shards only the optimizer states, ZeRO-2 also the gradients; the 16-bit weights stay on every GPU
    zero_stage: int | None = None
    tokens: float | None = None
    runtime: str = "server"
    on_cpu: bool = False  # run from system RAM by the CPU: no CUDA/ROCm context to hold
    notes: tuple[str, ...] = field(default=())
    user_tokens_per_s: float | None = None  # the speed each user should get; None: the assumptions' default
    # the share of each GPU a serving engine reserves when the user set it (vLLM --gpu-memory-utilization);
    # None: the assumptions' serving_memory_fraction
    memory_fraction: float | None = None
    # the GPUs without FP8 compute on which the user runs an FP8 build they named: a serving engine runs it there
    # weight-only (see fit.fp8_weight_only); the planner's own format choices never lean on that path
    fp8_weight_only_on: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.params <= 0:
            raise ValueError("the parameter count must be positive")
        if self.context < 1 or self.batch < 1:
            raise ValueError("context length and batch size must be at least 1")
        if self.optimizer not in ("adamw", "adam8bit", "adafactor", "bf16_adam8bit", "paged_inbwd"):
            raise ValueError(f"unknown optimizer {self.optimizer!r}")
        if self.rl not in (None, "grpo", "ppo"):
            raise ValueError(f"unknown RL method {self.rl!r}")
        if self.runtime not in ("server", "llama.cpp", "mlx", "exllamav2"):
            raise ValueError(f"unknown runtime {self.runtime!r}")
        if self.memory_fraction is not None and not 0 < self.memory_fraction <= 1:
            raise ValueError("the reserved share of GPU memory must be in (0, 1]")
        if self.engine_share is not None and not 0 < self.engine_share < 1:
            raise ValueError("a colocated engine's share of GPU memory must be in (0, 1)")

    @cached_property  # read for every GPU a plan considers; the workload is frozen
    def scale(self) -> float:
        """Ratio of the requested parameter count to the shape's own."""
        return self.params / self.shape.params

    @cached_property
    def active_params(self) -> float:
        """Parameters used per token, scaled like ``params``."""
        return self.shape.active_params * self.scale

    def embedding_params(self, max_share: float) -> float:
        """Embedding plus LM-head parameters (kept in 16-bit by quantizers), at most ``max_share`` of all."""
        return min(self.shape.embedding_params, self.params * max_share)

    @property
    def task_label(self) -> str:
        """'full fine-tuning', or 'GRPO full fine-tuning' / 'PPO LoRA fine-tuning' for online RL, 'DPO LoRA
        fine-tuning' for preference tuning against a reference model; '8-bit LoRA fine-tuning' on an int8 base."""
        label = self.task.label
        if self.task is Task.LORA and self.precision == "int8":
            label = f"8-bit {label}"  # LoRA on a bitsandbytes int8 base (load_in_8bit, "QLoRA 8-bit")
        if self.optimizer == "adafactor" and self.task in (Task.FULL, Task.PRETRAIN):
            label = f"Adafactor {label}"  # the optimizer named, whose states differ from AdamW's
        if self.rl:
            return f"{self.rl.upper()} {label}"
        return f"{self.pair_method or self.preference_method or 'DPO'} {label}" if self.preference else label

    @property
    def sequences_per_example(self) -> int:
        """2 for preference pairs run together (chosen + rejected), 1 otherwise (SFT, KTO's unpaired answers)."""
        return 2 if self.preference and self.preference_method != "KTO" else 1

    @property
    def model_label(self) -> str:
        """'Llama 3.1 8B', or 'a 7B-parameter model' for a bare count."""
        if self.shape_is_proxy:
            return f"{article(format_params(self.params))} {format_params(self.params)}-parameter model"
        return self.shape.name

    def with_(self, **changes) -> Workload:
        """A copy with some fields changed."""
        return replace(self, **changes)


def format_params(params: float) -> str:
    """7e9 -> '7B', 1.5e9 -> '1.5B', 405e9 -> '405B', 5e8 -> '500M'."""
    if params >= 1e9:
        value = params / 1e9
        return f"{value:.0f}B" if value >= 10 or value == int(value) else f"{value:.1f}B"
    return f"{params / 1e6:.0f}M"


def shape_for(params: float, models: ModelSpecs) -> ModelSpec:
    """The proxy-flagged dense model nearest ``params`` in size (log scale), as an architecture stand-in."""
    dense = [m for m in models if not m.is_moe and m.architecture_proxy] or [
        m for m in models if not m.is_moe
    ]
    return min(dense, key=lambda m: (abs(math.log(m.params / params)), m.name))
