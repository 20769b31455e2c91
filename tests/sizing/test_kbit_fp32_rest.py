"""PEFT's prepare_model_for_kbit_training (TRL's SFTTrainer, qlora.py, alpaca-lora, axolotl) casts the weights
bitsandbytes leaves unquantized — embeddings, LM head, norms — to fp32; Unsloth and LLaMA-Factory keep them 16-bit.
With a 128k-152k vocabulary that is gigabytes, not a rounding error."""

from __future__ import annotations

import pytest

from assistant.sizing import Task, Workload, estimate_memory

GB = 1e9


def _base(models, assumptions, name, task, **kw):
    spec = models.by_name(name)
    work = Workload(task=task, shape=spec, params=spec.params, context=1024, batch=1, **kw)
    return estimate_memory(work, assumptions).item("frozen base weights")


@pytest.mark.parametrize("name", ["Qwen2.5 7B", "Llama 3.1 8B"])
def test_a_prepared_qlora_base_holds_its_embeddings_in_fp32(models, assumptions, name):
    plain = _base(models, assumptions, name, Task.QLORA)
    prepared = _base(models, assumptions, name, Task.QLORA, kbit_fp32_rest=True)
    spec = models.by_name(name)
    share = assumptions.number("max_embedding_share")
    embeddings = min(spec.embedding_params, spec.params * share)
    # two more bytes for each embedding and LM-head weight: over 2 GB at these vocabularies
    assert prepared.gb - plain.gb == pytest.approx(embeddings * 2 / GB, rel=1e-6)
    assert prepared.gb - plain.gb > 2
    assert "cast to fp32 (PEFT's prepare_model_for_kbit_training)" in prepared.detail


def test_an_8bit_lora_base_is_prepared_the_same_way(models, assumptions):
    plain = _base(models, assumptions, "Llama 2 7B", Task.LORA, precision="int8")
    prepared = _base(models, assumptions, "Llama 2 7B", Task.LORA, precision="int8", kbit_fp32_rest=True)
    assert prepared.gb > plain.gb
    assert "fp32" in prepared.detail


def test_a_16bit_lora_base_is_untouched(models, assumptions):
    plain = _base(models, assumptions, "Llama 3.1 8B", Task.LORA)
    flagged = _base(models, assumptions, "Llama 3.1 8B", Task.LORA, kbit_fp32_rest=True)
    assert flagged.gb == plain.gb
