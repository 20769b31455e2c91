"""Training variants the memory arithmetic itemises: DPO (a chosen and a rejected sequence per example, plus a
frozen reference copy in a full fine-tune) and ZeRO-Offload (the optimizer states move to CPU memory, sized
separately from the GPUs)."""

from __future__ import annotations

import pytest

from assistant.sizing import Task, Workload, estimate_memory


def _work(models, task, **kw):
    spec = models.by_name("Llama 3 8B")
    return Workload(task=task, shape=spec, params=spec.params, precision="bf16", context=2048, **kw)


def test_full_dpo_adds_a_bf16_reference_model_and_doubles_the_sequences(models, assumptions):
    sft = estimate_memory(_work(models, Task.FULL), assumptions)
    dpo = estimate_memory(_work(models, Task.FULL, preference=True), assumptions)
    reference = dpo.item("reference model")
    assert reference.gb == pytest.approx(models.by_name("Llama 3 8B").params * 2 / 1e9)
    assert dpo.item("activations").gb > sft.item("activations").gb
    assert dpo.item("activations").gb == pytest.approx(
        estimate_memory(_work(models, Task.FULL, batch=2), assumptions).item("activations").gb
    )


def test_lora_dpo_needs_no_second_copy(models, assumptions):
    dpo = estimate_memory(_work(models, Task.LORA, preference=True), assumptions)
    assert all(item.label != "reference model" for item in dpo.items)


def test_offload_leaves_weights_and_gradients_on_the_gpu_and_sizes_cpu_memory(models, assumptions):
    params = models.by_name("Llama 3 8B").params
    plain = estimate_memory(_work(models, Task.FULL), assumptions)
    offloaded = estimate_memory(_work(models, Task.FULL, cpu_offload=True), assumptions)
    gpu_bytes = assumptions.number("offload_gpu_bytes_per_param")
    cpu_bytes = assumptions.number("offload_cpu_bytes_per_param")
    assert offloaded.item("model states").gb == pytest.approx(params * gpu_bytes / 1e9)
    assert offloaded.item("model states").gb < plain.item("model states").gb / 3
    cpu = dict(offloaded.alternatives)["CPU RAM for the offloaded optimizer states"]
    assert cpu == pytest.approx(params * cpu_bytes / 1e9)
