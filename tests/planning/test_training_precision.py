"""The weights' format of a training plan: bf16, except the frozen base of a LoRA run loaded in 8-bit."""

from __future__ import annotations

from assistant import Task, WorkloadRequest
from assistant.knowledge import corpus_dir, load_offerings_from
from assistant.planning import plan_workload


def _total(request, catalog, models, assumptions):
    plan = plan_workload(request, catalog, models, assumptions, load_offerings_from(corpus_dir()))
    return plan.workload.precision, plan.estimate.total_gb


def test_a_lora_base_loaded_in_8bit_is_sized_in_8bit(catalog, models, assumptions):
    eight, small = _total(
        WorkloadRequest(model="Llama 2 7B", task=Task.LORA, precision="int8"), catalog, models, assumptions
    )
    sixteen, big = _total(WorkloadRequest(model="Llama 2 7B", task=Task.LORA), catalog, models, assumptions)
    assert (eight, sixteen) == ("int8", "bf16")
    assert 6 <= big - small <= 8  # 6.7B parameters: one byte each saved


def test_a_full_fine_tune_keeps_bf16_weights_whatever_format_was_said(catalog, models, assumptions):
    precision, _ = _total(
        WorkloadRequest(model="Llama 2 7B", task=Task.FULL, precision="int8"), catalog, models, assumptions
    )
    assert precision == "bf16"


def test_the_tools_that_run_peft_prepare_cast_the_rest_to_fp32(catalog, models, assumptions):
    def plan(**kw):
        request = WorkloadRequest(model="Qwen2.5 7B", task=Task.QLORA, **kw)
        return plan_workload(request, catalog, models, assumptions, load_offerings_from(corpus_dir()))

    # qlora.py calls prepare_model_for_kbit_training; TRL's SFTTrainer (no tool named) and LLaMA-Factory do not
    assert plan(finetune_tool="qlora.py").workload.kbit_fp32_rest is True
    assert plan().workload.kbit_fp32_rest is False
    assert plan(finetune_tool="llama-factory").workload.kbit_fp32_rest is False
