"""A training run that runs out of memory partway through (after some steps, at the evaluation, when usage
suddenly jumps) gets the causes that change during a run: the evaluation loop, an unusually long batch, the
caching allocator's fragmentation. A run that fails at once does not. Real components; phrasings in no
evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "question",
    [
        "qlora on mistral 7b trains fine for ~300 steps on my 4060 ti 16gb then CUDA out of memory, why??",
        "lora of llama 2 13b on an A10G runs out of memory during eval every time, what can I change",
    ],
)
def test_an_oom_partway_through_names_what_changes_during_a_run(ask, question):
    reply = ask(question)
    assert "partway through a run" in reply.text
    assert "expandable_segments" in reply.text and "per_device_eval_batch_size" in reply.text


def test_an_oom_at_the_start_gets_no_partway_causes(ask):
    reply = ask("full finetune of llama 3 8b on one 4090 OOMs immediately at step 1, why")
    assert "partway through a run" not in reply.text


def test_an_oom_report_asking_for_ideas_is_not_answered_yes(ask):
    reply = ask("lora on qwen2.5 7b on my 3090 crashes with CUDA OOM at the first eval, any ideas?")
    assert reply.text.startswith("On paper,") and "partway through a run" in reply.text
