"""Encoder models (BERT, RoBERTa) and encoder-decoders (T5) are fine-tuned with the plain Hugging Face Trainer,
whose ``gradient_checkpointing`` is False unless set: unsaid, their activations are sized whole. Decoder LLMs keep
the checkpointed default, and a setting the user states wins either way."""

from __future__ import annotations

import pytest

from assistant import Task, WorkloadRequest
from assistant.knowledge import corpus_dir, load_offerings_from
from assistant.planning import plan_workload


def _plan(request, catalog, models, assumptions):
    return plan_workload(request, catalog, models, assumptions, load_offerings_from(corpus_dir()))


def test_an_encoder_fine_tune_is_sized_without_checkpointing(catalog, models, assumptions):
    for name in ("BERT-large", "RoBERTa-base", "T5-Large", "FLAN-T5-Base"):
        plan = _plan(WorkloadRequest(model=name, task=Task.FULL, batch=8), catalog, models, assumptions)
        assert plan.workload.gradient_checkpointing is False, name
        assert any("checkpointing off" in d for d in plan.defaults), name


def test_a_decoder_llm_keeps_checkpointing_on(catalog, models, assumptions):
    plan = _plan(WorkloadRequest(model="Mistral 7B", task=Task.LORA), catalog, models, assumptions)
    assert plan.workload.gradient_checkpointing is True


def test_checkpointing_said_on_for_an_encoder_is_kept(catalog, models, assumptions):
    said = _plan(
        WorkloadRequest(model="T5-Large", task=Task.FULL, gradient_checkpointing=True),
        catalog,
        models,
        assumptions,
    )
    unsaid = _plan(WorkloadRequest(model="T5-Large", task=Task.FULL), catalog, models, assumptions)
    assert said.workload.gradient_checkpointing is True
    assert said.estimate.item("activations").gb < unsaid.estimate.item("activations").gb


def test_inference_of_an_encoder_is_untouched(catalog, models, assumptions):
    plan = _plan(WorkloadRequest(model="BERT-base"), catalog, models, assumptions)
    assert plan.workload.task is Task.INFERENCE


def test_an_encoder_trains_in_fp32_unless_told(catalog, models, assumptions):
    unsaid = _plan(
        WorkloadRequest(model="RoBERTa-large", task=Task.FULL, batch=16), catalog, models, assumptions
    )
    mixed = _plan(
        WorkloadRequest(model="RoBERTa-large", task=Task.FULL, batch=16, precision="bf16"),
        catalog,
        models,
        assumptions,
    )
    assert unsaid.workload.precision == "fp32"
    assert mixed.workload.precision == "bf16"
    # everything doubles but the attention's 1-byte dropout mask: 2 x (rest + 5 bytes a score) = rest x 2 + 9 + 1
    shape = mixed.workload.shape
    masks = shape.attention_heads * 512**2 * 16 * shape.layers / 1e9
    assert unsaid.estimate.item("activations").gb == pytest.approx(
        2 * mixed.estimate.item("activations").gb - masks
    )


def test_an_encoder_fine_tune_holds_no_vocabulary_logits(catalog, models, assumptions):
    # RoBERTa-large, batch 64 x 96 tokens, fp32, no checkpointing: 355M x 16 bytes of model states (5.7 GB) and
    # 24 layers x 1024 x 68 bytes a token of activations (10.3 GB) — about the 17 GB measured for a classifier
    plan = _plan(
        WorkloadRequest(model="RoBERTa-large", task=Task.FULL, batch=64, context=96),
        catalog,
        models,
        assumptions,
    )
    assert "task head" in plan.estimate.item("activations").detail
    assert 15 < plan.estimate.total_gb < 19


def test_masked_lm_pretraining_still_scores_the_vocabulary(catalog, models, assumptions):
    plan = _plan(
        WorkloadRequest(model="BERT-base", task=Task.PRETRAIN, batch=8), catalog, models, assumptions
    )
    assert "task head" not in plan.estimate.item("activations").detail
