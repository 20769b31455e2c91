"""What a plan is asked for: the workload and the constraints a user stated (None where not said)."""

from __future__ import annotations

from dataclasses import dataclass

from ..sizing import Task

__all__ = ["WorkloadRequest"]


@dataclass(frozen=True)
class WorkloadRequest:
    """A workload (a known model or a parameter count) and the user's constraints on where to run it."""

    model: str | None = None
    params: float | None = None
    model_note: str | None = None  # how the model was read when not named exactly ("no size said: the 7B")
    task: Task | None = None
    precision: str | None = None
    context: int | None = None
    batch: int | None = None
    tokens: float | None = None
    gpus: tuple[str, ...] = ()
    gpu_count: int | None = None
    vendor: str | None = None
    min_memory_gb: float | None = None
    card_memory_gb: float | None = None  # "how many 24GB GPUs": only cards of that size are counted
    budget_per_hour: float | None = None
    cheaper: bool = False
    faster: bool = False
    local: bool = False
    # "on consumer GPUs", "with gaming cards": only desktop GeForce / Radeon cards are weighed, a few to a machine
    consumer_only: bool = False
    # the hourly price the user says they pay for a GPU they named ("I rent an A100 at $1.50/hr"), by catalog name:
    # their rate prices that GPU's setups instead of the catalog's or the offerings'
    own_rates: tuple[tuple[str, float], ...] = ()
    runtime: str | None = None  # 'server', 'llama.cpp' (Ollama, LM Studio), 'mlx' or 'exllamav2'
    kv_precision: str | None = None  # 'fp16' (default), 'fp8' (vLLM/TGI), 'q8_0' or 'q4_0' (llama.cpp)
    memory_fraction: float | None = None  # a serving engine's stated reserve (vLLM --gpu-memory-utilization)
    providers: tuple[str, ...] = ()  # rent only from these ("on AWS", an instance type's cloud); () = any
    not_providers: tuple[str, ...] = ()  # never rent from these ("not on azure")
    not_vendors: tuple[str, ...] = ()  # chip makers to leave out ("anything but NVIDIA")
    # the oldest NVIDIA generation the tools named run on ("AWQ in vLLM": compute capability 7.5), and who sets it
    min_compute_capability: float | None = None
    compute_floor_by: str | None = None
    optimizer: str | None = None  # 'adamw' (default) or 'adam8bit', when the user says which
    gradient_checkpointing: bool | None = None  # None: on (the default); False when the user turned it off
    data_parallel: bool = (
        False  # training under plain DDP: every GPU holds a full copy (no ZeRO/FSDP sharding)
    )
    cpu_offload: bool = False  # "ZeRO-3 with CPU offload": the optimizer in CPU memory
    param_offload: bool = False  # the parameters in CPU memory too (ZeRO-3 offload_param, FSDP CPU offload)
    zero_stage: int | None = None  # DeepSpeed ZeRO stage named (1, 2 or 3; the highest when several are)
    # the parallelism strategies the question sets side by side, in its order ("DDP", "ZeRO-1".."ZeRO-3", "FSDP")
    strategies: tuple[str, ...] = ()
    preference: bool = False  # DPO / IPO / KTO: preference pairs against a frozen reference model
    # Liger / Cut Cross-Entropy kernels: the loss is computed in chunks, so the fp32 logits are never held whole
    fused_loss: bool = False
    unsloth: bool = (
        False  # trained with Unsloth: its published memory table and offloaded checkpointing apply
    )
    # the fine-tuning tool named ('alpaca-lora', 'qlora.py', 'llama-factory': corpus/finetune-tools.yaml): its
    # defaults fill the settings the question leaves unsaid
    finetune_tool: str | None = None
    lora_rank: int | None = None  # the LoRA rank the user states ("--lora_r 16", "rank 128"); None: unsaid
    rl: str | None = None  # online RL fine-tuning: 'grpo' (GRPO, RLOO, REINFORCE-style) or 'ppo' (PPO, RLHF)
    rl_generations: int | None = None  # completions sampled per prompt, when said ("num_generations=4")
    # the embeddings and LM head trained beside the adapters (PEFT modules_to_save, Unsloth's continued pre-training)
    train_embeddings: bool = False
    rl_completion: int | None = None  # tokens of one RL completion, when said ("max_completion_length 1024")
    # the RL run's generation engine shares the training GPUs (TRL vllm_mode="colocate", Unsloth fast_inference):
    # it reserves its gpu_memory_utilization share of each card (memory_fraction when said)
    rl_colocated: bool = False
    largest_batch: bool = False  # "what's the max batch size that fits on my 4090?"
    longest_context: bool = False  # "how long can the context be on my L4?", "max context that fits"
    # images in each request to a vision-language model ("4 screenshots per request") and their size in pixels
    # (width, height) when said ("1080p", "1920x1080"): their visual tokens join each sequence's context
    images: int | None = None
    image_size: tuple[int, int] | None = None
    user_tokens_per_s: float | None = (
        None  # the generation speed each user should get ("20 tokens/s per user")
    )
    stated_memory_gb: float | None = None  # the memory of the user's own card or machine ("my 8gb card")
    # the model runs from system RAM on the CPU (llama.cpp / Ollama with no GPU): no GPU context is counted
    cpu_only: bool = False
    ram_gb: float | None = None  # the system RAM of a machine with no GPU ("16GB of RAM", a Raspberry Pi)
    host_ram_gb: float | None = None  # the system RAM beside the user's card, where offloaded layers go
    # the RAM's bandwidth from what the user says of it ("dual-channel DDR5-6000"), with how it was worked out
    ram_bandwidth_gbs: float | None = None
    ram_bandwidth_how: str | None = None
    gpu_layers: int | None = (
        None  # layers the user puts on the GPU under llama.cpp ("-ngl 30", "30 layers on the gpu")
    )
