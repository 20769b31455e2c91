"""A user who reports an out-of-memory error: no "Yes —" to a question that asked no yes/no when the estimate
fits (the settings beyond the estimate are named instead), and plain DDP is sized as a full copy per GPU.
Real components; phrasings in no evaluation set."""

from __future__ import annotations

import uuid

import pytest


def test_an_oom_report_that_fits_on_paper_is_not_answered_yes(ask):
    reply = ask("QLoRA of Qwen2.5 7B throws CUDA out of memory on my L40S during the eval loop. what gives")
    assert reply.text.startswith("On paper,") and not reply.text.startswith("**Yes")
    assert "data parallelism (DDP)" in reply.details and "gradient checkpointing" in reply.details


def test_a_yes_no_question_about_an_oom_keeps_its_verdict(ask):
    reply = ask("it OOMed once, but should LoRA on Qwen2.5 7B fit on one A100 80GB?")
    assert reply.text.startswith("**Yes**")


def test_ddp_copies_the_model_to_each_gpu(ask):
    sharded = ask("full fine-tune of Qwen2.5 3B on 4x RTX 4090 with FSDP - will it fit?")
    ddp = ask("full fine-tune of Qwen2.5 3B on 4x RTX 4090 with DDP - will it fit?")
    assert sharded.text.startswith("**Yes**")
    assert not ddp.text.startswith("**Yes** —")  # each 24 GB card would hold all ~50 GB of model states


def test_a_follow_up_after_a_pasted_oom_is_weighed_against_their_card(assistant):
    cid = f"oom-{uuid.uuid4().hex}"
    first = assistant.ask(
        "Full fine-tuning Qwen2.5 7B dies with: CUDA out of memory. Tried to allocate 2.00 GiB "
        "(GPU 0; 23.65 GiB total capacity; 21.02 GiB already allocated)",
        conversation_id=cid,
    )
    assert "more than the 23.65 GB you have" in first.text
    second = assistant.ask("ok and what if I go with QLoRA", conversation_id=cid)
    assert "within the 23.65 GB you have" in second.text.split("\n")[0]


def test_the_memory_they_have_said_after_a_sizing_answer_gets_a_verdict_on_it(assistant):
    cid = f"oom-{uuid.uuid4().hex}"
    assistant.ask("how much VRAM does Qwen2.5 32B need for inference?", conversation_id=cid)
    reply = assistant.ask("my GPU has 24gb", conversation_id=cid)
    assert reply.memory_gb and reply.memory_gb > 24
    assert "24 GB you have" in reply.text.split("\n")[0]  # against their card, with the formats that fit


@pytest.mark.parametrize(
    "question",
    [
        "couldn't load qwen2.5 72b on a pair of L40S - is that to be expected?",
        "llama 3 70b fails to start on four 24gb A10Gs in bf16, normal?",
    ],
)
def test_a_load_failure_asked_about_is_judged_like_an_oom(assistant, question):
    reply = assistant.ask(question, conversation_id=f"load-failure-{abs(hash(question))}")
    assert reply.text.startswith("**Yes**, that failure is expected there")


@pytest.mark.parametrize(
    "question",
    [
        "my mac mini keeps crashing a few minutes into a lora run of llama 3 8b at 4k, I guess memory, swap is full",
        "LoRA on Qwen2.5 7B with mlx: Insufficient Memory error on my 32GB machine after 100 steps, what now?",
    ],
)
def test_a_crash_tied_to_memory_is_an_out_of_memory_report(ask, question):
    reply = ask(question)
    assert "Why it can still run out of memory" in reply.details or "sequence length" in reply.details
