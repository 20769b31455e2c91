"""'Can I offload part of it to the CPU?' asked under a PyTorch stack (Transformers, bitsandbytes, GPTQ).

llama.cpp's layer split has its own lead (`_workload._partial_offload_lead`); a PyTorch loader offloads too, but the
layers kept in system RAM are copied to the GPU on every forward pass, so it runs and runs slowly.
"""

from __future__ import annotations

from ...sizing import Task
from ...understanding._local import asks_cpu_offload, offloads_in_pytorch
from .._facts import Facts
from ._format import gb
from ._shapes import reports_oom

__all__ = ["pytorch_cpu_load_note", "pytorch_offload_lead"]


def pytorch_offload_lead(facts: Facts, card: str, what: str, total: float, card_gb: float) -> str:
    """Yes, with CPU offload, but slowly: what a PyTorch loader keeps on a card too small for the model; "" unless
    offloading is asked under a PyTorch stack for inference and the model does not fit the card."""
    question = facts.understanding.question
    if (
        facts.workload.task is not Task.INFERENCE
        or facts.workload.runtime == "llama.cpp"
        or not asks_cpu_offload(question)
        or not offloads_in_pytorch(question)
        or total <= card_gb
    ):
        return ""
    return (
        f"**Yes, with CPU offload, but slowly** — {what} needs about {gb(total)}, more than {card}; the loader "
        'keeps what fits on the GPU and the rest in system RAM (Transformers/Accelerate: `device_map="auto"` with '
        "`max_memory` a few GB under the card; text-generation-webui: `--auto-devices --gpu-memory`; GPTQ-for-LLaMa: "
        "`--pre_layer N`). The layers left in RAM are copied to the GPU over PCIe on every token, so generation "
        "is many times slower than with the whole model on the card, often seconds per token. A smaller quant that "
        "fits the card, or a GGUF under llama.cpp (which runs the RAM's layers on the CPU instead), is faster."
    )


def pytorch_cpu_load_note(facts: Facts) -> str:
    """A PyTorch load on the CPU that ran out of RAM although the 16-bit weights fit: what such a load takes beyond
    them for a moment, and the settings that avoid it; "" for any other run."""
    details = facts.understanding.details
    if (
        not details.ram_gb
        or facts.workload.runtime == "llama.cpp"
        or facts.workload.precision not in ("bf16", "fp16")
        or not reports_oom(facts.understanding.question)
    ):
        return ""
    return (
        " A PyTorch load on the CPU can take more than the weights for a while: older Transformers releases load in "
        "fp32 unless told otherwise (twice the 16-bit size; pass `torch_dtype=torch.bfloat16`), and a checkpoint read "
        "without `low_cpu_mem_usage=True` is held twice while it loads. More swap space gets such a load through, "
        "slowly; a GGUF under llama.cpp needs neither."
    )
