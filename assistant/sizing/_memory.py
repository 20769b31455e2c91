"""How much GPU memory a workload needs, item by item, with the conventions used (pure)."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from functools import cached_property

from .._text import article
from ._assumptions import Assumption, Assumptions
from ._workload import Task, Workload

__all__ = [
    "MemoryEstimate",
    "MemoryItem",
    "estimate_memory",
    "kv_cache_bytes_per_token",
    "lora_adapter_params",
    "offload_cpu_ram_gb",
]

GB = 1e9
QUANTIZED = ("fp8", "int8", "int4", "nf4", "mxfp4")
GROUPED = ("int8", "int4")


@dataclass(frozen=True)
class MemoryItem:
    """One line of a memory breakdown; ``shards`` says whether it splits across GPUs."""

    label: str
    gb: float
    detail: str
    shards: bool = True


@dataclass(frozen=True)
class MemoryEstimate:
    """The memory a workload needs, with its breakdown, alternatives and assumptions."""

    workload: Workload
    items: tuple[MemoryItem, ...]
    assumptions: tuple[Assumption, ...]
    alternatives: tuple[tuple[str, float], ...] = ()

    @property
    def total_gb(self) -> float:
        """Memory needed on one GPU (everything unsharded)."""
        return sum(item.gb for item in self.items)

    def per_gpu_gb(self, gpus: int) -> float:
        """Memory per GPU when the shardable items are split evenly over ``gpus`` GPUs."""
        memo = self._per_gpu
        gb = memo.get(gpus)
        if gb is None:
            gb = memo[gpus] = sum(item.gb / gpus if item.shards else item.gb for item in self.items)
        return gb

    @cached_property
    def _per_gpu(self) -> dict[int, float]:
        """``per_gpu_gb`` by GPU count: a plan asks for the same few counts for every GPU it considers."""
        return {}

    def item(self, label: str) -> MemoryItem:
        """The breakdown line called ``label``."""
        return next(i for i in self.items if i.label == label)


def kv_cache_bytes_per_token(workload: Workload, assumptions: Assumptions) -> float:
    """Bytes of KV cache per token of the workload's sequences: 2 x layers x KV heads x head dim x bytes (or the
    MLA latent), averaged over a sequence of ``workload.context`` tokens when some layers attend only to a sliding
    window (Gemma 2/3, gpt-oss): those keep just their window, so the average falls as sequences grow."""
    return workload.shape.kv_values_at(workload.context) * assumptions.bytes_per_param(workload.kv_precision)


def _sliding_window_note(workload: Workload) -> str:
    """'' or how the sliding-window layers shrink the KV cache at the workload's context, for a breakdown line."""
    shape = workload.shape
    if (
        not shape.sliding_window
        or not shape.sliding_window_layers
        or workload.context <= shape.sliding_window
    ):
        return ""
    return (
        f"; {shape.sliding_window_layers} of {shape.layers} layers attend to "
        f"{article(str(shape.sliding_window))} {shape.sliding_window:,}-token "
        "sliding window and keep only that much (vLLM's hybrid KV cache, SGLang, llama.cpp; full-size in "
        "engines without it)"
    )


def estimate_memory(workload: Workload, assumptions: Assumptions) -> MemoryEstimate:
    """Estimate the memory ``workload`` needs, as an itemised breakdown."""
    used: dict[str, Assumption] = {}

    def number(key: str) -> float:
        used[key] = assumptions[key]
        return assumptions.number(key)

    def width(key: str, precision: str) -> float:
        used[key] = assumptions[key]
        return assumptions.bytes_per_param(precision)

    if workload.task is Task.INFERENCE:
        items, alternatives = _inference(workload, assumptions, number, width)
    else:
        items, alternatives = _training(workload, assumptions, number, width)
    measured = _unsloth_minimum(workload, assumptions, used)
    if (
        measured is not None
    ):  # its measured minimum holds weights, adapters and the context; activations on top
        items = [
            measured,
            *_beyond_unsloth_table(workload, items, number),
            *(i for i in items if i.label == "activations"),
        ]
    elif not workload.on_cpu:  # a model run by the CPU from system RAM holds no GPU context
        if workload.runtime == "llama.cpp":  # ggml's own kernels: the CUDA context alone, no PyTorch
            items.append(
                MemoryItem("GPU context (llama.cpp)", number("llamacpp_context_gb"), "per GPU", shards=False)
            )
        else:
            items.append(
                MemoryItem("CUDA context and framework", number("cuda_context_gb"), "per GPU", shards=False)
            )
    return MemoryEstimate(workload, tuple(items), tuple(used.values()), tuple(alternatives))


def _unsloth_minimum(workload: Workload, assumptions: Assumptions, used: dict) -> MemoryItem | None:
    """Unsloth's published minimum for a LoRA / QLoRA run of the model's size (interpolated between its table's
    rows, scaled beyond them), or None when the run is not an Unsloth LoRA / QLoRA one."""
    key = {Task.QLORA: "unsloth_qlora_min_gb", Task.LORA: "unsloth_lora_min_gb"}.get(workload.task)
    if not workload.unsloth or key is None or workload.rl or workload.precision == "int8":
        return None
    used[key] = assumptions[key]
    rows = sorted((float(b), float(v)) for b, v in assumptions[key].value.items())
    size = workload.params / 1e9
    if size <= rows[0][0]:
        value = rows[0][1] * size / rows[0][0]
    elif size >= rows[-1][0]:
        value = rows[-1][1] * size / rows[-1][0]
    else:
        (b0, v0), (b1, v1) = next((a, b) for a, b in itertools.pairwise(rows) if a[0] <= size <= b[0])
        value = v0 + (v1 - v0) * (size - b0) / (b1 - b0)
    method = "QLoRA, 4-bit base" if workload.task is Task.QLORA else "LoRA, 16-bit base"
    return MemoryItem(
        "Unsloth's published minimum",
        value,
        f"{method}, {size:.1f}B parameters: weights, adapters, optimizer and CUDA context at the smallest "
        "batch and sequence (Unsloth's requirements table, interpolated by size)",
        shards=False,  # Unsloth trains on one GPU; more GPUs each hold a copy
    )


def _beyond_unsloth_table(workload: Workload, items: list[MemoryItem], number) -> list[MemoryItem]:
    """What an Unsloth run holds beyond its table's minimum (measured at the usual rank on every projection): the
    adapters a higher rank adds, and the embeddings and LM head when they are trained too."""
    # Unsloth trains on one GPU: what it adds is held whole there, like its minimum
    extra = [replace(i, shards=False) for i in items if i.label == TRAINED_EMBEDDINGS]
    default_rank = number("lora_rank")
    if workload.lora_rank and workload.lora_rank > default_rank:
        adapters = next(i for i in items if i.label == "LoRA adapters and optimizer")
        share = 1 - default_rank / workload.lora_rank
        extra.append(
            MemoryItem(
                f"LoRA adapters beyond rank {default_rank:.0f}",
                adapters.gb * share,
                f"{adapters.detail}; the table's minimum holds rank {default_rank:.0f}, this is the rest",
                shards=False,
            )
        )
    return extra


TRAINED_EMBEDDINGS = "trained embeddings and LM head"


def _weights_bytes(workload: Workload, precision: str, number, width) -> tuple[float, str]:
    """Bytes of the model weights at ``precision``; quantized formats keep embeddings in 16-bit."""
    if precision.endswith("bpw"):  # EXL2: the average bits per weight the model was quantized to
        per_param = width("bytes_per_param", precision)
        return workload.params * per_param, f"EXL2 at {per_param * 8:g} bits per weight (as quantized)"
    if precision not in QUANTIZED and precision not in ("fp32", "fp16", "bf16"):
        per_param = width("gguf_bits_per_weight", precision)  # a GGUF type: whole-file bits per weight
        return (
            workload.params * per_param,
            f"GGUF {precision.upper()} ({per_param * 8:.2f} bits per weight, whole file)",
        )
    if precision not in QUANTIZED:
        return workload.params * width("bytes_per_param", precision), f"{precision}"
    embeddings = workload.embedding_params(number("max_embedding_share"))
    body = workload.params - embeddings
    rest = width("bytes_per_param", "bf16")
    upcast = (
        workload.kbit_fp32_rest and workload.task in (Task.QLORA, Task.LORA) and precision in ("nf4", "int8")
    )
    if upcast:
        rest = number("kbit_training_unquantized_bytes_per_param")
    if precision == "nf4":
        per_param = number("nf4_bits_per_param") / 8
        detail = f"NF4 with double quantization ({per_param * 8:.3f} bits), embeddings and LM head in bf16"
    else:
        per_param = width("bytes_per_param", precision)
        detail = f"{precision}, embeddings and LM head in 16-bit"
        if precision in GROUPED:
            group = number("mlx_quant_group_size" if workload.runtime == "mlx" else "quant_group_size")
            per_param += number("quant_group_overhead_bytes") / group
            detail += f", scales per group of {group:.0f} ({per_param * 8:.2f} bits per weight)"
    if precision == "mxfp4" and workload.shape.is_moe:
        # an MXFP4 mixture-of-experts checkpoint (gpt-oss) quantizes only the experts: attention stays in bf16
        # (config.json quantization_config.modules_to_not_convert: self_attn, router, embeddings, LM head)
        attention = min(_attention_params(workload), body)
        body -= attention
        embeddings += attention
        detail = "mxfp4 experts; attention, embeddings and LM head in 16-bit"
    if upcast:
        detail = re.sub(
            r"embeddings and LM head in (?:bf16|16-bit)",
            "embeddings and LM head cast to fp32 (PEFT's prepare_model_for_kbit_training)",
            detail,
        )
    return body * per_param + embeddings * rest, detail


def _attention_params(workload: Workload) -> float:
    """Parameters of the attention projections (q, k, v, o) over all layers."""
    shape = workload.shape
    q_out = shape.attention_heads * shape.head_dim
    kv_out = shape.kv_heads * shape.head_dim
    return shape.layers * shape.hidden_size * (2 * q_out + 2 * kv_out) * workload.scale


def _activation_item(workload: Workload, number, width) -> tuple[MemoryItem, float]:
    """Training activations for one micro-batch, with the other checkpointing choice's figure."""
    shape = workload.shape
    pair = workload.sequences_per_example  # DPO runs the chosen and the rejected answer together
    tokens = workload.context * workload.batch * pair
    full = number("activation_bytes_per_token_layer_hidden")
    kept = number("checkpointed_activation_bytes_per_token_layer_hidden")
    if (
        workload.precision == "fp32"
    ):  # the per-token figures are for 16-bit values; fp32 training doubles them
        wider = width("bytes_per_param", "fp32") / width("bytes_per_param", "bf16")
        full, kept = full * wider, kept * wider
    without = full * tokens * shape.hidden_size * shape.layers
    # an encoder or encoder-decoder (BERT, RoBERTa, T5) computes attention explicitly: each layer also stores its
    # heads x sequence² scores (softmax, dropout mask and output), which the per-token figures leave out
    scores_per_layer = 0.0
    if shape.is_encoder and shape.attention_heads:
        per_pair = number("eager_attention_score_bytes_per_head_token_squared")
        if (
            workload.precision == "fp32"
        ):  # the softmax and dropout outputs widen; the dropout mask stays 1 byte
            wider = width("bytes_per_param", "fp32") / width("bytes_per_param", "bf16")
            per_pair = (per_pair - 1) * wider + 1
        scores_per_layer = per_pair * shape.attention_heads * workload.context**2 * workload.batch * pair
        without += scores_per_layer * shape.layers
    # a T5-style decoder layer attends to the encoder's output too: a second attention block, with its scores
    cross_per_layer = 0.0
    if shape.cross_attention_layers:
        block = number("cross_attention_bytes_per_token_layer_hidden")
        if workload.precision == "fp32":
            block *= width("bytes_per_param", "fp32") / width("bytes_per_param", "bf16")
        cross_per_layer = block * tokens * shape.hidden_size + scores_per_layer
        without += cross_per_layer * shape.cross_attention_layers
    if workload.unsloth:  # its checkpoints sit in CPU RAM: only the layer being recomputed is on the GPU
        number("unsloth_offloaded_checkpointing")
        kept = 0.0
    kept_inputs, one_layer = (
        kept * shape.layers * tokens * shape.hidden_size,
        full * tokens * shape.hidden_size + scores_per_layer + cross_per_layer,
    )
    scored = tokens  # the tokens whose logits the loss needs
    if workload.rl and workload.rl_completion:
        # an RL loss scores only the completion's tokens: TRL's GRPO / RLOO trainers ask the model for the
        # logits of the last completion-length positions (logits_to_keep), not of the prompt
        number("rl_logits_completion_only")
        scored = min(workload.rl_completion, workload.context) * workload.batch * pair
    if workload.fused_loss or _task_head(workload):
        logits = 0.0
    elif workload.unsloth and workload.rl:  # its GRPO computes the log-probabilities in chunks
        number("unsloth_rl_chunked_logits")
        logits = 0.0
    elif workload.unsloth:  # its cross-entropy kernel works on the 16-bit logits in place: no fp32 copy
        logits = scored * shape.vocab_size * number("unsloth_logits_bytes_per_token_vocab")
    else:
        logits = scored * shape.vocab_size * number("logits_bytes_per_token_vocab")
    # with checkpointing the loss's logits (end of the forward) and one layer's recomputed activations (backward)
    # are never live together: the peak is the kept layer inputs plus the larger of the two; without it every
    # layer's activations are still held when the loss is computed
    with_ckpt = kept_inputs + max(one_layer, logits)
    without += logits
    chosen, other = (with_ckpt, without) if workload.gradient_checkpointing else (without, with_ckpt)
    how = "with gradient checkpointing" if workload.gradient_checkpointing else "no checkpointing"
    paired = workload.sequences_per_example == 2
    sequences = f"{workload.batch} x 2 (chosen + rejected)" if paired else f"{workload.batch}"
    if _task_head(workload):
        loss = "a task head (classes or tags) in place of logits over the vocabulary"
    elif workload.fused_loss:
        loss = "loss computed in chunks (no fp32 logits held)"
    elif workload.unsloth and workload.rl:
        loss = "log-probabilities computed in chunks by Unsloth's GRPO (no whole logits held)"
    elif workload.unsloth:
        loss = f"plus the 16-bit logits its cross-entropy kernel works on in place ({logits / GB:.2f} GB)"
    else:
        loss = f"plus fp32 logits for the loss, with their 16-bit copy and gradient ({logits / GB:.2f} GB)"
    if logits and scored < tokens:
        loss += f", over the {min(workload.rl_completion or 0, workload.context):,} completion tokens only"
    if workload.gradient_checkpointing and logits:
        loss += ", not live together with a recomputed layer (the larger of the two counts)"
    if cross_per_layer:
        held = cross_per_layer * (1 if workload.gradient_checkpointing else shape.cross_attention_layers)
        loss += (
            f", and the decoder's cross-attention ({held / GB:.2f} GB: "
            f"{'the recomputed layer' if workload.gradient_checkpointing else f'{shape.cross_attention_layers} layers'})"
        )
    if scores_per_layer:
        held = scores_per_layer * (1 if workload.gradient_checkpointing else shape.layers)
        loss += (
            f", and the explicit attention scores ({held / GB:.2f} GB: {shape.attention_heads} heads x "
            f"{workload.context:,}² per sequence {'in the recomputed layer' if workload.gradient_checkpointing else 'in every layer'})"
        )
    detail = f"{sequences} x {workload.context:,} tokens, {how}, {loss}"
    return MemoryItem("activations", chosen / GB, detail, shards=False), other / GB


def _task_head(workload: Workload) -> bool:
    """An encoder-only model (BERT, RoBERTa) fine-tuned: it is trained through a task head (sequence or token
    classification, question-answering spans) of a few outputs, not a language-model head over the vocabulary;
    only its masked-LM pre-training scores the vocabulary."""
    shape = workload.shape
    return shape.is_encoder and shape.cross_attention_layers is None and workload.task is not Task.PRETRAIN


def offload_cpu_ram_gb(params: float, assumptions: Assumptions, *, with_params: bool) -> float:
    """CPU RAM a ZeRO / FSDP CPU-offloaded full fine-tune of ``params`` parameters needs, as DeepSpeed's own memory
    estimators count it: bytes per parameter (the optimizer, and the 16-bit parameters when they are offloaded
    too) times their buffer factor."""
    per_param = assumptions.number("deepspeed_offload_optimizer_cpu_bytes_per_param")
    if with_params:
        per_param += assumptions.number("deepspeed_offload_params_cpu_bytes_per_param")
    return params * per_param * assumptions.number("deepspeed_cpu_buffer_factor") / GB


def lora_adapter_params(workload: Workload, assumptions: Assumptions) -> float:
    """Parameters of one LoRA adapter at the default rank on every attention and MLP projection: what each
    adapter served on top of the base model adds."""
    return _lora_params(workload, assumptions.number)


def _lora_params(workload: Workload, number) -> float:
    """Trainable adapter parameters with LoRA on every attention and MLP projection."""
    shape = workload.shape
    rank = workload.lora_rank or number("lora_rank")
    q_out = shape.attention_heads * shape.head_dim
    kv_out = shape.kv_heads * shape.head_dim
    h, f = shape.hidden_size, shape.intermediate_size
    if workload.lora_targets == "qv":  # alpaca-lora's default: only q_proj and v_proj carry adapters
        return shape.layers * rank * ((h + q_out) + (h + kv_out)) * workload.scale
    attention = (h + q_out) * 2 + (h + kv_out) * 2
    mlp = 3 * (h + f) * (shape.experts or 1)
    return shape.layers * rank * (attention + mlp) * workload.scale


def _inference(workload: Workload, assumptions: Assumptions, number, width):
    shape = workload.shape
    weight_bytes, detail = _weights_bytes(workload, workload.precision, number, width)
    if shape.is_moe:
        detail += "; all experts resident"
    tokens = workload.context * workload.batch
    kv_bytes = kv_cache_bytes_per_token(workload, assumptions) * tokens
    width("bytes_per_param", workload.kv_precision)
    ffn = shape.intermediate_size * (shape.experts_per_token or 1)
    chunk_key = "prefill_chunk_tokens" if workload.runtime == "server" else "local_prefill_chunk_tokens"
    chunk = min(number(chunk_key), tokens)
    workspace = chunk * (4 * shape.hidden_size + 2 * ffn) * 2
    what = f"prefill workspace for {chunk:.0f} tokens"
    logits = (
        chunk * shape.vocab_size * 4
    )  # llama.cpp's compute buffer holds the f32 logits of a whole micro-batch
    if workload.runtime == "llama.cpp" and logits > workspace:
        workspace, what = (
            logits,
            f"compute buffer: f32 logits of {chunk:.0f} tokens x {shape.vocab_size:,} vocabulary",
        )
    items = [
        MemoryItem("weights", weight_bytes / GB, f"{workload.params / 1e9:.1f}B parameters, {detail}"),
        MemoryItem(
            "KV cache",
            kv_bytes / GB,
            f"{kv_cache_bytes_per_token(workload, assumptions) / 1024:.0f} KiB/token x "
            f"{workload.context:,} tokens x {workload.batch} sequence(s), {workload.kv_precision}"
            f"{_sliding_window_note(workload)}",
        ),
        MemoryItem("activations", workspace / GB, what, shards=False),
    ]
    return items, []


_OPTIMIZERS = {
    "adamw": ("adamw_mixed_bytes_per_param", "mixed-precision AdamW"),
    "adam8bit": ("adam8bit_bytes_per_param", "8-bit Adam"),
    "adafactor": (
        "adafactor_bytes_per_param",
        "mixed-precision Adafactor: factored second moments, no first moment",
    ),
    "bf16_adam8bit": ("bf16_adam8bit_bytes_per_param", "pure bf16 with 8-bit Adam"),
    "paged_inbwd": (
        "paged_in_backward_gpu_bytes_per_param",
        "torchtune's single-device recipe: bf16 weights, each gradient applied and freed during the backward "
        "(optimizer_in_bwd), the optimizer states in paged memory that spills to CPU RAM",
    ),
}


def _replicated_bytes_per_param(workload: Workload, width) -> float:
    """Bytes per parameter ZeRO stage 1 or 2 leaves whole on every GPU: the 16-bit weights, and at stage 1
    the 16-bit gradients too. Zero for stage 3, FSDP or no stage named (everything shards)."""
    if workload.zero_stage not in (1, 2) or workload.task not in (Task.FULL, Task.PRETRAIN):
        return 0.0
    weights = width("bytes_per_param", "bf16")
    return weights * 2 if workload.zero_stage == 1 else weights


def _training(workload: Workload, assumptions: Assumptions, number, width):
    activations, other_activations = _activation_item(workload, number, width)
    items: list[MemoryItem] = []
    alternatives: list[tuple[str, float]] = []
    if workload.task in (Task.FULL, Task.PRETRAIN):
        key, how = _OPTIMIZERS[workload.optimizer]
        per_param = number(key)
        live = 0.0
        if workload.cpu_offload and workload.param_offload and workload.optimizer == "adamw":
            # ZeRO-3 offload_param / FSDP CPU offload: weights, gradients and optimizer in CPU memory; each GPU
            # gathers at most the live 16-bit parameters (and their gradients) of the layers it is computing
            live = min(workload.params, number("zero3_max_live_params"))
            for key in ("optimizer", "params"):  # listed among the assumptions used
                number(f"deepspeed_offload_{key}_cpu_bytes_per_param")
            number("deepspeed_cpu_buffer_factor")
            cpu = offload_cpu_ram_gb(workload.params, assumptions, with_params=True)
            per_param = 0.0
            how = f"parameters and optimizer offloaded: {cpu:,.0f} GB of CPU RAM"
            alternatives.append(("CPU RAM for the offloaded parameters and optimizer states", cpu))
        elif workload.cpu_offload and workload.optimizer == "adamw":
            # ZeRO-Offload: only 16-bit weights and gradients stay; the optimizer lives in CPU memory
            per_param = number("offload_gpu_bytes_per_param")
            number("deepspeed_offload_optimizer_cpu_bytes_per_param")  # listed among the assumptions used
            number("deepspeed_cpu_buffer_factor")
            cpu = offload_cpu_ram_gb(workload.params, assumptions, with_params=False)
            how = f"optimizer offloaded: {cpu:,.0f} GB of CPU RAM more"
            alternatives.append(("CPU RAM for the offloaded optimizer states", cpu))
        states = workload.params * per_param
        if live:
            gathered = 2 * width("bytes_per_param", "bf16")
            items.append(
                MemoryItem(
                    "gathered layers",
                    live * gathered / GB,
                    f"at most {live / 1e9:.1f}B live 16-bit parameters and their gradients on each GPU at a time "
                    f"({how})",
                    shards=False,
                )
            )
        kept = _replicated_bytes_per_param(workload, width) if workload.optimizer == "adamw" else 0.0
        if kept:  # ZeRO-1/2: every GPU keeps the 16-bit weights (and, at stage 1, the gradients) whole
            items.append(
                MemoryItem(
                    f"weights{' and gradients' if workload.zero_stage == 1 else ''} (whole on every GPU)",
                    workload.params * kept / GB,
                    f"{kept:.0f} bytes/param, not sharded at ZeRO stage {workload.zero_stage}",
                    shards=False,
                )
            )
        if not live:  # with the parameters offloaded too, no model states stay on the GPUs
            items.append(
                MemoryItem(
                    "model states" if not kept else "sharded model states",
                    (states - workload.params * kept) / GB,
                    f"weights, gradients and optimizer states: {per_param:.0f} bytes/param ({how})"
                    if not kept
                    else f"{per_param - kept:.0f} bytes/param of the {per_param:.0f} ({how}), split across the GPUs",
                )
            )
        needs_reference = (workload.preference and not workload.pair_method) or (
            workload.rl and not workload.rl_no_reference
        )
        if needs_reference and workload.task is Task.FULL:
            items.append(
                MemoryItem(
                    "reference model",
                    workload.params * width("bytes_per_param", "bf16") / GB,
                    f"frozen bf16 copy of the starting weights that {workload.preference_method or 'DPO'} scores against"
                    if workload.preference
                    else "frozen bf16 copy of the starting policy for the KL penalty (none when beta = 0)",
                )
            )
        if workload.rl == "ppo":
            items.append(
                MemoryItem(
                    "critic (value model)",
                    workload.params * per_param / GB,
                    f"a second model of the same size, trained too: {per_param:.0f} bytes/param ({how})",
                )
            )
            items.append(
                MemoryItem(
                    "reward model",
                    workload.params * width("bytes_per_param", "bf16") / GB,
                    "frozen bf16 model of the same size that scores the rollouts",
                )
            )
        if workload.optimizer == "paged_inbwd":
            paged = number("paged_adamw8bit_state_bytes_per_param")
            alternatives.append(
                (
                    "paged 8-bit optimizer states (unified memory: on the GPU while there is room, else CPU RAM)",
                    workload.params * paged / GB,
                )
            )
        if workload.optimizer == "adamw" and not workload.cpu_offload:
            high_per_param = number("adamw_mixed_bytes_per_param_high")
            high = workload.params * high_per_param / GB
            alternatives.append((f"model states at {high_per_param:.0f} bytes/param", high))
    else:
        # QLoRA's base is NF4; a LoRA base loaded in 8-bit (alpaca-lora's load_in_8bit) is 8-bit; else 16-bit
        precision = (
            "nf4"
            if workload.task is Task.QLORA
            else (workload.precision if workload.precision in ("int8", "fp32") else "bf16")
        )
        base_bytes, detail = _weights_bytes(workload, precision, number, width)
        adapters = _lora_params(workload, number)
        per_param = number("adamw_mixed_bytes_per_param")
        adapter_detail = f"{adapters / 1e6:.0f}M trainable parameters (rank {workload.lora_rank or number('lora_rank'):.0f}) x {per_param:.0f} bytes"
        if workload.param_offload:
            # FSDP CPU offload (answer.ai's fsdp_qlora recipe) or ZeRO-3 offload_param: the frozen base and the
            # adapters with their optimizer states live in CPU memory; each GPU gathers the layers it computes
            live = min(workload.params, number("zero3_max_live_params"))
            cpu = base_bytes / GB + adapters * per_param / GB
            items.append(
                MemoryItem(
                    "gathered layers",
                    live * base_bytes / workload.params / GB,
                    f"at most {live / 1e9:.1f}B live parameters of the frozen base on each GPU at a time ({detail}; "
                    f"the base and the adapters offloaded: {cpu:,.0f} GB of CPU RAM)",
                    shards=False,
                )
            )
            alternatives.append(("CPU RAM for the offloaded frozen base and adapters", cpu))
        else:
            items.append(MemoryItem("frozen base weights", base_bytes / GB, detail))
            items.append(MemoryItem("LoRA adapters and optimizer", adapters * per_param / GB, adapter_detail))
        if workload.train_embeddings:
            # PEFT's modules_to_save wraps the embeddings and LM head: a trainable copy beside the frozen original,
            # trained like a full fine-tune's parameters
            embeddings = workload.embedding_params(1.0)
            items.append(
                MemoryItem(
                    TRAINED_EMBEDDINGS,
                    embeddings * per_param / GB,
                    f"{embeddings / 1e9:.2f}B parameters trained in full beside the adapters: a trainable copy, its "
                    f"gradients and optimizer states, {per_param:.0f} bytes/param",
                )
            )
        if workload.rl == "ppo":
            items.append(
                MemoryItem(
                    "reward model",
                    base_bytes / GB,
                    f"frozen model of the same size that scores the rollouts, {detail}; the critic is a second "
                    "set of adapters with a value head on the shared base",
                )
            )
    if (
        workload.rl and not workload.engine_share
    ):  # a colocated vLLM holds the rollouts' KV cache in its share
        generations = workload.rl_generations or number("rl_generations_per_prompt")
        per_token = kv_cache_bytes_per_token(workload, assumptions)
        width("bytes_per_param", workload.kv_precision)
        items.append(
            MemoryItem(
                "rollout KV cache",
                generations * workload.context * per_token / GB,
                f"{generations:.0f} completions per prompt x {workload.context:,} tokens x "
                f"{per_token / 1024:.0f} KiB/token while they are generated (the reference model scores them "
                "after; a separate vLLM engine needs its own memory)",
                shards=False,
            )
        )
    items.append(activations)
    if workload.replicated:  # DDP: each GPU keeps the whole model, its gradients and optimizer states
        items = [replace(item, shards=False) if item is not activations else item for item in items]
    label = "without" if workload.gradient_checkpointing else "with"
    alternatives.append((f"activations {label} gradient checkpointing", other_activations))
    return items, alternatives
