"""A user who reports an out-of-memory error: no "Yes —" to a question that asked no yes/no when the estimate
fits (the settings beyond the estimate are named instead), and plain DDP is sized as a full copy per GPU.
Real components; phrasings in no evaluation set."""

from __future__ import annotations

import uuid

import pytest


@pytest.fixture(scope="module")
def ask(assistant):
    def _ask(question):
        return assistant.ask(question, conversation_id=f"oom-{uuid.uuid4().hex}")

    return _ask


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
