"""What a user sees in memory, answered by the behaviour that causes it — before any fresh sizing of the model:

- PyTorch's counter against nvidia-smi (or "reserved" against "allocated"): the caching allocator keeps freed
  blocks, and nvidia-smi adds the CUDA context and library workspaces (PyTorch docs, "CUDA semantics: memory
  management"; torch.cuda.memory_reserved / max_memory_allocated / empty_cache);
- a jump at the first optimizer step: Adam creates its two moment tensors lazily, at the first ``step()``
  (PyTorch ``torch.optim.AdamW``: ``exp_avg`` and ``exp_avg_sq`` initialised in the first step; ZeRO paper: 4 + 4
  bytes per parameter in fp32);
- Ollama still holding a model after its request: keep-alive, 5 minutes by default (Ollama FAQ, "How do I keep a
  model loaded in memory or make it unload immediately?");
- a reading that is the weights in fp32: Transformers before v5 loads ``from_pretrained`` in float32 unless told
  a dtype (Transformers v4 docs, ``torch_dtype``: "If not specified, the model will get loaded in torch.float").

Each says the cause, the arithmetic with the user's own figures, then the setting that changes it."""

from __future__ import annotations

import re

from ...sizing import load_assumptions
from ...understanding._observed import allocator_readings, holds_after_request, optimizer_step_jump
from .._facts import Facts
from ._format import capitalized, gb

__all__ = [
    "allocator_text",
    "fp32_load_cause",
    "keep_alive_text",
    "observed_cause_text",
    "observed_figures",
    "optimizer_jump_text",
]

_WRONG = re.compile(r"\b(?:bug|buggy|leak\w*|wrong|broken|stuck|problem|issue)\b")
_NORMAL = re.compile(r"\b(?:normal|expected|usual)\b")
_WHICH = re.compile(
    r"\bwhich (?:one|number|figure|reading|value)?\s*(?:is|should)\b|\bwhich is (?:right|real|correct)\b"
)


def _verdict(question: str, wrong: str, which: str = "") -> str:
    """The opening word a yes/no observation question asks for ("is it a bug?" No; "is it normal?" Yes)."""
    q = question.lower()
    if _WRONG.search(q):
        return f"**No, {wrong}** — "
    if which and _WHICH.search(q):
        return which
    if _NORMAL.search(q):
        return "**Yes** — "
    return ""


def allocator_text(question: str) -> str:
    """Why PyTorch's counter and nvidia-smi (or its reserved figure) differ, with the user's figures; "" when the
    question does not set them against each other."""
    readings = allocator_readings(question)
    if readings is None:
        return ""
    live, held = readings.live_gb, readings.held_gb
    lead = _verdict(question, "not a bug", "**Both are real; they count different things** — ")
    figures = ""
    if live is not None and held is not None and held > live:
        figures = (
            f" Here {live:g} GB is live tensors and the other {gb(held - live)} of the {held:g} GB is "
            + (
                "cached blocks and the CUDA context."
                if readings.held_by == "nvidia-smi"
                else "cached blocks, free for PyTorch to reuse."
            )
        )
    elif held is not None:
        figures = f" The {held:g} GB is that cache plus the context, not tensors in use."
    text = (
        f"{lead}`torch.cuda.memory_allocated()` counts only the tensors alive right now. PyTorch's caching "
        "allocator keeps the blocks it frees **reserved** for reuse instead of returning them to the driver "
        "(`torch.cuda.memory_reserved()`), so after a peak — a long batch, the backward pass, an evaluation or "
        "generation step — reserved stays near that peak. nvidia-smi shows everything the process holds: the "
        "reserved cache plus the CUDA context and library workspaces (cuBLAS, cuDNN, NCCL), several hundred MB to "
        f"a couple of GB per GPU.{figures}"
    )
    return (
        capitalized(text)
        + "\n**What to use:** `torch.cuda.max_memory_allocated()` is the peak the run really needs; "
        "`torch.cuda.empty_cache()` hands the cache back to the driver (for other processes — it gives your own "
        "tensors nothing); if out-of-memory errors come with a large reserved-but-unallocated gap, set "
        "`PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True`."
    )


def _moments(facts: Facts) -> tuple[float, float] | None:
    """(bytes per trainable parameter, GB) of the optimizer's moment tensors for the sized fine-tune; None when
    there is no training workload."""
    work = facts.workload
    if work is None or not work.task.is_training:
        return None
    a = load_assumptions()
    per = a.number(
        "adam8bit_moments_bytes_per_param" if work.optimizer == "adam8bit" else "adam_moments_bytes_per_param"
    )
    trainable = _trainable(facts)
    return per, trainable * per / 1e9


def _trainable(facts: Facts) -> float:
    """Trainable parameters: all of them in a full fine-tune; the adapters' (from the breakdown) under LoRA."""
    work = facts.workload
    if work.task.name in ("FULL", "PRETRAIN"):
        return work.params
    adapters = next((i for i in facts.estimate.items if "adapter" in i.label.lower()), None)
    return adapters.gb * 1e9 / 2 if adapters is not None else work.params * 0.01


def optimizer_jump_text(facts: Facts) -> str:
    """Training memory that rises at the first optimizer step: the optimizer's state created then, with its size
    for the model; "" otherwise."""
    question = facts.understanding.question
    moments = _moments(facts) if optimizer_step_jump(question) else None
    if moments is None:
        return ""
    per, size = moments
    work = facts.workload
    lead = _verdict(question, "not a leak")
    if work.task.name in ("FULL", "PRETRAIN"):
        count = f"{work.params / 1e9:.1f}B parameters x {per:g} bytes = about **{gb(size)}**"
    else:
        count = (
            f"only the adapters' parameters here ({work.task.label}), about {gb(size)} — so a large jump at that "
            "step is rather the first backward pass's gradients and activations"
        )
    text = (
        f"{lead}the optimizer creates its state at the **first `optimizer.step()`**, not when it is built: AdamW "
        f"keeps two moment tensors (`exp_avg`, `exp_avg_sq`) per trainable parameter, {per:g} bytes per parameter "
        f"in fp32 — {work.model_label}: {count}. After that step memory stays flat; if it keeps climbing step "
        "after step, look for tensors kept across steps (a loss appended without `.item()`, stored outputs)."
    )
    if work.task.name in ("FULL", "PRETRAIN"):
        text += (
            " **To shrink it:** an 8-bit AdamW (bitsandbytes `adamw_bnb_8bit`, 2 bytes per parameter), sharding "
            "the state across GPUs (ZeRO-1/2/3, FSDP), or moving it to CPU RAM (ZeRO-Offload)."
        )
    return capitalized(text)


def keep_alive_text(facts: Facts) -> str:
    """Ollama still holding a model after its last request: its keep-alive; "" otherwise."""
    question = facts.understanding.question
    if not holds_after_request(question):
        return ""
    seen = facts.understanding.details.observed_gb
    what = f"{facts.workload.model_label} " if facts.workload is not None else "the model "
    held = f"the {seen:g} GB is {what}still loaded" if seen else f"{what}is still loaded"
    lead = _verdict(question, "nothing is stuck")
    return capitalized(
        f"{lead}Ollama keeps a model in memory for **5 minutes** after its last request (`keep_alive`, 5m by "
        f"default), so the next request skips the load: {held}, weights and KV cache. To free it sooner: "
        '`ollama stop <model>`, `"keep_alive": 0` in the API request, or `OLLAMA_KEEP_ALIVE` on the server '
        "(`0` unloads at once, `10m` keeps longer, `-1` keeps it loaded for ever)."
    )


def fp32_load_cause(facts: Facts, seen: float) -> str:
    """A reading that matches the weights in fp32 when no dtype was said: the float32 default of
    ``from_pretrained`` (Transformers before v5); "" otherwise."""
    work, details = facts.workload, facts.understanding.details
    if (
        work is None
        or work.task.is_training  # a training run's states are sized in their own precisions
        or details.precision is not None
        or work.precision not in ("bf16", "fp16")
        or not work.params
    ):
        return ""
    fp32 = work.params * 4 / 1e9
    if not fp32 * 0.93 <= seen <= fp32 * 1.3:
        return ""
    return (
        f"**That is the weights in fp32:** {work.params / 1e9:.1f}B parameters x 4 bytes = {gb(fp32)}. "
        "`from_pretrained` with no `torch_dtype` loads float32 in Transformers before v5 (v5 loads the "
        'checkpoint\'s own dtype); pass `torch_dtype=torch.bfloat16` (or `"auto"`) to halve it.'
    )


def observed_cause_text(facts: Facts) -> str:
    """The cause-first lead for an observation asked about a sized workload; "" when none applies."""
    return (
        allocator_text(facts.understanding.question) or optimizer_jump_text(facts) or keep_alive_text(facts)
    )


def observed_figures(facts: Facts) -> list[float]:
    """The figures these leads derive (for the number check): the gap between two readings, the optimizer
    state, the weights in fp32."""
    out: list[float] = []
    readings = allocator_readings(facts.understanding.question)
    if readings is not None and readings.live_gb is not None and readings.held_gb is not None:
        out.append(readings.held_gb - readings.live_gb)
    from ._zero_stages import zero_stage_figures

    out.extend(zero_stage_figures(facts))
    card = facts.understanding.details.stated_memory_gb
    if card:  # a server's start-up share of a card told only by its memory
        out.append(
            card
            * (
                facts.workload.memory_fraction
                if facts.workload is not None and facts.workload.memory_fraction
                else load_assumptions().number("serving_memory_fraction")
            )
        )
    if facts.workload is not None and facts.estimate is not None:
        moments = _moments(facts)
        if moments is not None:
            out.extend([moments[1], facts.workload.params / 1e9])
        if facts.workload.params:
            out.extend([facts.workload.params * 4 / 1e9, facts.workload.params / 1e9])
    return out
