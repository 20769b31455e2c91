"""A serving engine's memory in use, as the user read it, when it is well above the model's need but below the
engine's default share (an older engine, a desktop holding part of the card): what they see is the engine's
reserve, so the reply's figure is the one they saw, not the model's need (a 3B model 'taking 16G' on a 24 GB card
was answered 3.4 GB). Asked for the model's own need, the need stays the figure. Real components; phrasings in no
evaluation set."""

from __future__ import annotations

import pytest


def test_a_figure_seen_under_the_default_share_is_the_reserve_seen(ask):
    reply = ask("vllm serving qwen2.5 1.5b instruct on my L4 shows 15 GB in nvidia-smi. why that much?")
    assert reply.memory_gb == pytest.approx(15.0)
    assert "reserving GPU memory up front" in reply.text


def test_asked_for_the_need_the_need_stays_the_figure(ask):
    reply = ask(
        "vllm serving qwen2.5 1.5b instruct on my L4 shows 15 GB in nvidia-smi; how much does it actually need?"
    )
    assert reply.memory_gb is not None and reply.memory_gb < 8
