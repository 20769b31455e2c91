"""An encoder-only fine-tune (BERT, RoBERTa) with no batch said is sized at the Hugging Face Trainer's default
per_device_train_batch_size (8), not one sequence at a time, and the answer says so. A batch the user gives wins;
encoder-decoders (T5), decoder LLMs, inference and pre-training keep batch 1."""

from __future__ import annotations

from assistant import Task, WorkloadRequest
from assistant.knowledge import corpus_dir, load_offerings_from
from assistant.planning import plan_workload


def _plan(request, catalog, models, assumptions):
    return plan_workload(request, catalog, models, assumptions, load_offerings_from(corpus_dir()))


def test_an_encoder_fine_tune_runs_the_trainer_default_batch(catalog, models, assumptions):
    for name, task in (("RoBERTa-base", Task.FULL), ("BERT-base", Task.LORA), ("BERT-large", Task.QLORA)):
        plan = _plan(WorkloadRequest(model=name, task=task), catalog, models, assumptions)
        assert plan.workload.batch == 8, name
        assert any("micro-batch 8 (the Hugging Face Trainer's default" in d for d in plan.defaults), name


def test_the_default_batch_is_said_when_the_length_is_given(catalog, models, assumptions):
    plan = _plan(
        WorkloadRequest(model="BERT-base", task=Task.FULL, context=256), catalog, models, assumptions
    )
    assert plan.workload.batch == 8
    assert plan.workload.context == 256
    assert any(d.startswith("micro-batch 8") for d in plan.defaults)


def test_a_batch_said_wins(catalog, models, assumptions):
    plan = _plan(
        WorkloadRequest(model="RoBERTa-large", task=Task.FULL, batch=2), catalog, models, assumptions
    )
    assert plan.workload.batch == 2
    assert not any("Trainer's default per_device" in d for d in plan.defaults)


def test_decoder_llms_pretraining_and_inference_keep_their_defaults(catalog, models, assumptions):
    llm = _plan(WorkloadRequest(model="Llama 3.2 1B", task=Task.FULL), catalog, models, assumptions)
    seq2seq = _plan(WorkloadRequest(model="FLAN-T5-XL", task=Task.FULL), catalog, models, assumptions)
    pre = _plan(WorkloadRequest(model="BERT-base", task=Task.PRETRAIN), catalog, models, assumptions)
    served = _plan(WorkloadRequest(model="BERT-base"), catalog, models, assumptions)
    assert llm.workload.batch == 1
    assert seq2seq.workload.batch == 1
    assert pre.workload.batch == 1
    assert served.workload.batch == 1


def test_a_question_for_the_largest_batch_assumes_none(catalog, models, assumptions):
    plan = _plan(
        WorkloadRequest(
            model="BERT-base", task=Task.FULL, context=256, largest_batch=True, gpus=("RTX 3060 12GB",)
        ),
        catalog,
        models,
        assumptions,
    )
    assert plan.workload.batch == 1
    assert not any("Trainer's default per_device" in d for d in plan.defaults)


def test_on_their_card_the_largest_batch_that_fits_is_sized(catalog, models, assumptions):
    # BERT-base at 512 tokens in fp32: the default 8 sequences need about 8 GB, more than an 8 GB card can use
    plan = _plan(
        WorkloadRequest(model="BERT-base", task=Task.FULL, gpus=("RTX 3070",)), catalog, models, assumptions
    )
    assert 1 <= plan.workload.batch < 8
    note = next(d for d in plan.defaults if "Trainer's default per_device" in d)
    assert f"micro-batch {plan.workload.batch}, the most that fits your RTX 3070" in note
    assert "8, needs about" in note
    assert plan.estimate.total_gb <= 8


def test_a_card_that_holds_the_default_keeps_it(catalog, models, assumptions):
    plan = _plan(
        WorkloadRequest(model="BERT-base", task=Task.FULL, gpus=("RTX 3090",)), catalog, models, assumptions
    )
    assert plan.workload.batch == 8
