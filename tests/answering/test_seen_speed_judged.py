"""A speed someone saw or read ("I get 3 t/s", "a blog reports 2 tokens/s"), asked whether it is normal or real, is
judged against the estimate for the hardware: No when it is far below, with where the work went (layers or the whole
run off the GPU). Real components throughout; phrasings in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.knowledge import load_catalog, load_models
from assistant.understanding import understand


@pytest.mark.parametrize(
    ("question", "speed"),
    [
        ("someone reported 2 tokens/s for llama 2 13b on an m2 pro 32gb, is that right?", 2.0),
        ("the blog claims 1.5 t/s for mistral 7b on a jetson orin, real?", 1.5),
        ("a review showed 4 tokens/s with qwen2.5 7b on a 3060", 4.0),
    ],
)
def test_a_speed_reported_by_someone_else_is_the_speed_to_judge(question, speed):
    details = understand(question, load_catalog(), load_models()).details
    assert details.observed_tokens_per_s == speed


@pytest.mark.parametrize(
    "question",
    [
        "my gtx 1660 6gb only does 2 tok/s on llama 3 8b in ollama, is that expected?",
        "I get 3 tokens/s with mistral 7b on my jetson orin nano 8gb. normal, or can it go faster?",
    ],
)
def test_a_slow_speed_on_a_card_that_holds_only_the_usual_download_is_judged_in_that_download(ask, question):
    # 16-bit does not fit the card, Q4_K_M does: that is what they run, and far faster than they see
    reply = ask(question)
    assert reply.text.startswith("**No**"), reply.text[:200]
    assert "Q4_K_M" in reply.text.split("\n")[0]
    assert "GPU" in reply.text.split("\n")[0]


def test_a_speed_read_in_a_post_far_below_the_estimate_is_not_the_real_speed(ask):
    reply = ask(
        "a forum post says llama 2 7b manages only 2 tokens/s on a jetson agx orin 64gb. is that really its speed, "
        "or can it do much better with the right setup?"
    )
    head = reply.text.split("\n")[0]
    assert head.startswith("**No**"), head[:200]
    assert "CPU" in head and "GPU" in head


def test_a_speed_in_line_with_the_estimate_is_still_normal(ask):
    reply = ask("my rtx 3060 12gb gets 35 tokens/s with llama 3 8b q4_k_m in ollama, is that normal?")
    assert reply.text.startswith("**Yes**"), reply.text[:200]
