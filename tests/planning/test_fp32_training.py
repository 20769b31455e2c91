"""A training run the user says is in fp32 ("AMP off", "no mixed precision"): a LoRA base is held in 4-byte
weights and every run's activations are twice the 16-bit figures; mixed precision's model states (16 bytes per
parameter) are what fp32 weights, gradients and Adam moments take too."""

from __future__ import annotations

import pytest

from assistant import Task, WorkloadRequest
from assistant.knowledge import corpus_dir, load_offerings_from
from assistant.planning import plan_workload


def _plan(request, catalog, models, assumptions):
    return plan_workload(request, catalog, models, assumptions, load_offerings_from(corpus_dir()))


def test_an_fp32_lora_base_takes_four_bytes_a_weight(catalog, models, assumptions):
    fp32 = _plan(
        WorkloadRequest(model="Mistral 7B", task=Task.LORA, precision="fp32"), catalog, models, assumptions
    )
    bf16 = _plan(WorkloadRequest(model="Mistral 7B", task=Task.LORA), catalog, models, assumptions)
    base = fp32.estimate.item("frozen base weights").gb
    assert fp32.workload.precision == "fp32"
    assert base == pytest.approx(2 * bf16.estimate.item("frozen base weights").gb)
    assert fp32.estimate.item("activations").gb > bf16.estimate.item("activations").gb


def test_fp32_full_fine_tuning_keeps_sixteen_bytes_of_model_states(catalog, models, assumptions):
    fp32 = _plan(
        WorkloadRequest(model="Mistral 7B", task=Task.FULL, precision="fp32"), catalog, models, assumptions
    )
    bf16 = _plan(WorkloadRequest(model="Mistral 7B", task=Task.FULL), catalog, models, assumptions)
    assert fp32.estimate.item("model states").gb == pytest.approx(bf16.estimate.item("model states").gb)
    assert fp32.estimate.total_gb >= bf16.estimate.total_gb


def test_qlora_stays_on_its_4bit_base_whatever_was_said(catalog, models, assumptions):
    plan = _plan(
        WorkloadRequest(model="Mistral 7B", task=Task.QLORA, precision="fp32"), catalog, models, assumptions
    )
    assert plan.workload.precision != "fp32"
