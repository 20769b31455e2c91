"""Unsloth runs with its own gradient checkpointing on by default (use_gradient_checkpointing="unsloth"), so an
OOM report on an Unsloth run is not answered with "off by default in the Hugging Face Trainer: turn it on".
Phrasings of our own, in no evaluation set."""

from __future__ import annotations


def test_an_unsloth_oom_is_not_told_to_turn_checkpointing_on(assistant):
    reply = assistant.ask(
        "unsloth grpo on llama 3.1 8b, max_completion_length 6000, rtx a6000 48gb, it runs out of memory after a while"
    )
    assert "gradient_checkpointing=True" not in reply.text
    assert "off by default in the Hugging Face Trainer" not in reply.text
