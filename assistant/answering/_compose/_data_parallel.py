"""Which multi-GPU strategy a training verdict describes: plain data parallelism or sharding.

torchrun, accelerate and the Hugging Face Trainer run several GPUs as plain data parallelism (DDP) unless a
FSDP or DeepSpeed config is given: every GPU then holds a whole copy of the model, its gradients and optimizer
states. A LoRA / QLoRA run on two cards with no strategy named is therefore judged per GPU on the whole copy,
with the sharded figure (FSDP or ZeRO-3) beside it; a full fine-tune on several GPUs is only ever run sharded,
so its verdict keeps the sharded figure and says so. A run the user says is DDP and that one card cannot hold
gets the sharded figure as the way out, not "more GPUs"."""

from __future__ import annotations

from ...sizing import Fit, NoFit, Task, estimate_memory, load_assumptions
from .._facts import Facts
from ._format import gb
from ._shapes import asks_will_oom, reports_oom

__all__ = ["ddp_verdict", "full_shard_clause", "qlora_copy_gb", "replicated_no_fit", "zero12_adapter_verdict"]

_DDP = "plain data parallelism (DDP, what torchrun, accelerate and the Hugging Face Trainer do by default)"


def _adapter_run_on_several(facts: Facts) -> int:
    """The GPU count of a LoRA / QLoRA run on two or more GPUs whose strategy was not named, else 0."""
    work = facts.workload
    count = facts.understanding.details.gpu_count or 0
    if count < 2 or work.task not in (Task.LORA, Task.QLORA) or work.replicated or work.param_offload:
        return 0
    if facts.understanding.details.multi_gpu or work.unsloth:  # a strategy named: the planner sized it
        return 0
    return count


def qlora_copy_gb(facts: Facts) -> float | None:
    """The whole copy each GPU holds under plain data parallelism with the base loaded in 4 bits (QLoRA), for a 16-
    or 8-bit LoRA run on several GPUs whose strategy was not named; None when the rule does not apply."""
    if not _adapter_run_on_several(facts) or facts.workload.task is not Task.LORA:
        return None
    return estimate_memory(facts.workload.with_(task=Task.QLORA), load_assumptions()).total_gb


def ddp_verdict(facts: Facts, what: str, outcome: Fit) -> str | None:
    """The verdict on an adapter fine-tune that fits the user's GPUs sharded, judged as the plain data-parallel
    run it is by default: "Yes" with the per-GPU copy when one card holds it, else "Yes, with the model split across the GPUs"
    (or, for "will it OOM?" / a reported OOM, that DDP is why). None when the rule does not apply.

    Split means sharded (FSDP, ZeRO-3) or, in one process, by layers (``device_map="auto"``, what LLaMA-Factory
    and ms-swift do when started without a launcher): either holds what one card cannot."""
    count = _adapter_run_on_several(facts)
    if not count:
        return None
    gpu, usable = outcome.gpu, outcome.usable_gb
    copy, sharded = facts.estimate.total_gb, facts.estimate.per_gpu_gb(count)
    on = f"{count} x {gpu.name}"
    question = facts.understanding.question.lower()
    details = facts.understanding.details
    if copy <= usable:
        text = (
            f"{what} fits on {on}: under {_DDP} each GPU holds a whole copy, about {gb(copy)} of the "
            f"{gb(usable)} usable ({gpu.memory_gb:.0f} GB total); sharded with FSDP or DeepSpeed ZeRO-3 it is "
            f"about {gb(sharded)} per GPU."
        )
        if details.yes_no and asks_will_oom(question):
            return f"**No**, it should not run out of memory — {text}"
        return f"**Yes** — {text}"
    split = (
        f"split across the GPUs — sharded with FSDP or DeepSpeed ZeRO-3 (e.g. FSDP-QLoRA), or by layers with "
        f'`device_map="auto"` in one process — it needs about {gb(sharded)} per GPU on {on}, which fits'
    )
    if facts.workload.precision == "int8":  # bitsandbytes int8 weights do not shard: FSDP-QLoRA is 4-bit only
        split = (
            f'split by layers with `device_map="auto"` in one process (an 8-bit bitsandbytes base is not sharded '
            f"by FSDP or DeepSpeed ZeRO-3; FSDP-QLoRA needs a 4-bit base) — it needs about {gb(sharded)} per GPU "
            f"on {on}, which fits"
        )
    copied = (
        f"under {_DDP} each GPU holds a whole copy, about {gb(copy)}, more than the {gb(usable)} usable on one "
        f"{gpu.name}"
    )
    four_bit = qlora_copy_gb(facts)
    if four_bit is not None and four_bit <= usable:
        # the base in 4 bits (QLoRA) keeps plain DDP: each GPU's whole copy then fits one card, no sharding needed
        quantized = (
            f"with the base loaded in 4 bits (QLoRA, bitsandbytes NF4) each GPU's copy is about {gb(four_bit)}, "
            "which fits"
        )
        if reports_oom(question) and not (details.yes_no and asks_will_oom(question)):
            return (
                f"**Only with a 4-bit base (QLoRA) or the model split across the GPUs** — {what}: {copied}; "
                f"{quantized}; or {split}."
            )
        copied += f"; {quantized}"
    if details.yes_no and asks_will_oom(question):
        return f"**Yes**, as plain data parallelism it will — {what}: {copied}; {split}."
    if reports_oom(question):
        return f"**Expected as plain data parallelism** — {what}: {copied}; {split}."
    return f"**Yes, with the model split across the GPUs** — {what}: {split}; {copied}."


def full_shard_clause(facts: Facts, count: int, outcome: Fit) -> str:
    """' Sharded with FSDP or DeepSpeed ZeRO-3; under plain DDP each GPU would need the whole N GB.' for a full
    fine-tune that fits the user's GPUs only sharded and whose strategy was not named."""
    work = facts.workload
    if count < 2 or work.task not in (Task.FULL, Task.PRETRAIN) or work.replicated or work.zero_stage:
        return ""
    if work.param_offload or work.cpu_offload or facts.estimate.total_gb <= outcome.usable_gb:
        return ""
    if facts.understanding.details.multi_gpu == "split":
        return ""
    return (
        f" That is sharded with FSDP or DeepSpeed ZeRO-3; under plain DDP each GPU would need the whole "
        f"{gb(facts.estimate.total_gb)}."
    )


def replicated_no_fit(facts: Facts, what: str, outcome: Fit | NoFit) -> str | None:
    """The verdict on a training run the user runs as DDP (each GPU a whole copy) that one of their GPUs cannot
    hold: more GPUs do not help; sharding (or a smaller method) does. None when the rule does not apply."""
    work = facts.workload
    count = facts.understanding.details.gpu_count or 0
    if not work.replicated or not work.task.is_training or count < 2 or isinstance(outcome, Fit):
        return None
    gpu = outcome.gpu
    usable = gpu.memory_gb * load_assumptions().number("training_memory_fraction")
    copy = facts.estimate.total_gb
    if copy <= usable:
        return None
    sharded = estimate_memory(work.with_(replicated=False), load_assumptions()).per_gpu_gb(count)
    fits = sharded <= usable
    way_out = (
        f"sharded with FSDP or DeepSpeed ZeRO-3 instead, the {count} GPUs split it and it fits."
        if fits
        else f"even sharded with FSDP or DeepSpeed ZeRO-3 over the {count} GPUs it does not fit."
    )
    if work.task is Task.LORA and work.precision == "int8":
        # a bitsandbytes int8 base is not sharded by FSDP / ZeRO-3: only a layer split in one process spreads it
        way_out = (
            "an 8-bit (bitsandbytes LLM.int8) base is not sharded by FSDP or DeepSpeed ZeRO-3 (FSDP-QLoRA needs a "
            f'4-bit base); split by layers with `device_map="auto"` in one process it is about {gb(sharded)} per '
            f"GPU, {'within' if fits else 'still over'} that, one GPU working at a time."
        )
    return (
        f"**No** — under DDP each GPU holds a whole copy, so {what} needs about {gb(copy)} on every "
        f"{gpu.name} (more GPUs do not lower it), more than the {gb(usable)} usable; {way_out}"
    )


def zero12_adapter_verdict(facts: Facts, what: str, outcome: Fit) -> str | None:
    """A LoRA / QLoRA run under DeepSpeed ZeRO stage 1 or 2 on several GPUs: those stages split only the
    optimizer states (and gradients), which an adapter run keeps tiny, so every GPU still holds the whole frozen
    base and its activations; only ZeRO-3 or FSDP splits the base. None when the rule does not apply."""
    work = facts.workload
    details = facts.understanding.details
    count = details.gpu_count or 0
    question = facts.understanding.question.lower()
    if count < 2 or work.task not in (Task.LORA, Task.QLORA) or details.zero_stage not in (1, 2):
        return None
    if details.full_shard_named:  # FSDP or ZeRO-3 named beside it: the weights are split after all
        return None
    number = str(details.zero_stage)
    gpu, usable = outcome.gpu, outcome.usable_gb
    copy, sharded = facts.estimate.total_gb, facts.estimate.per_gpu_gb(count)
    kept = (
        f"ZeRO stage {number} splits only the optimizer states{' and gradients' if number == '2' else ''}, "
        f"which the adapters keep small, so each GPU holds the whole frozen base: about {gb(copy)}"
    )
    will_oom = facts.understanding.details.yes_no and asks_will_oom(question)
    if copy <= usable:
        lead = "**No**, it should not run out of memory" if will_oom else "**Yes**"
        return f"{lead} — {what} fits on {count} x {gpu.name}: {kept} of the {gb(usable)} usable per GPU."
    lead = (
        f"**Yes**, at ZeRO stage {number} it will"
        if will_oom
        else f"**Expected at ZeRO stage {number}**"
        if reports_oom(question)
        else "**No**"
    )
    return (
        f"{lead} — {what} on {count} x {gpu.name}: {kept}, more than the {gb(usable)} usable on one; with ZeRO-3 "
        f"or FSDP, which split the base too, it needs about {gb(sharded)} per GPU, which fits."
    )
