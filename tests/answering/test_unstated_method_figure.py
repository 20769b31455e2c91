"""A fine-tune whose method is not said, asked of hardware where full fine-tuning does not fit but LoRA or QLoRA
does: the memory figure the reply carries is the method the verdict leads with ("Only with QLoRA …"), since a run
on that hardware is that method; a run the user tried and saw fail, or full fine-tuning said (also by negation:
"without any PEFT"), keeps the full figure (real components; phrasings in no evaluation set)."""

from __future__ import annotations

import uuid

import pytest


@pytest.fixture(scope="module")
def ask(assistant):
    def _ask(*questions):
        conversation = f"method-{uuid.uuid4().hex}"
        reply = None
        for q in questions:
            reply = assistant.ask(q, conversation_id=conversation)
        return reply

    return _ask


def _first_line(reply) -> str:
    return next(line for line in reply.text.splitlines() if line.strip())


@pytest.mark.parametrize(
    "question, card_gb",
    [
        ("Could I fine-tune Llama 3 8B on my RTX 4080?", 16),
        ("would a single L40S be enough to finetune qwen2.5 7b?", 48),
    ],
)
def test_the_figure_is_the_method_that_fits_the_card(ask, question, card_gb):
    reply = ask(question)
    assert _first_line(reply).startswith("**Only with")
    assert reply.memory_gb is not None and reply.memory_gb <= card_gb  # not the full fine-tune's 100+ GB


def test_a_follow_up_naming_another_model_carries_that_models_lighter_figure(ask):
    reply = ask("Can I fine-tune Qwen2.5 14B on a 24 GB card?", "and Gemma 2 9B?")
    assert "Gemma 2 9B" in reply.text and reply.memory_gb is not None and reply.memory_gb <= 24


@pytest.mark.parametrize(
    "question",
    [
        "Could I do full fine-tuning of Llama 3 8B on my RTX 4080?",
        "can I fine tune llama 3 8b without any peft on my RTX 4080?",
        "I tried to fine-tune Llama 3 8B on my RTX 4080 and it crashes, how much memory does it need?",
    ],
)
def test_full_said_or_a_failed_run_keeps_the_full_figure(ask, question):
    reply = ask(question)
    assert reply.memory_gb is not None and reply.memory_gb > 60  # 16 bytes per parameter for 8B, and more
