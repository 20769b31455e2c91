"""A model on record that ran out of memory on the user's card, where only an offloading recipe fits it: the figure
the answer gives is what the default run (the run that failed) needs, said after the recipe that fits, not the
offloaded recipe's few GB. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "default_gb"),
    [
        (
            "I keep getting CUDA out of memory running CogVideoX-5B on my 16GB 4060 Ti, what am I doing wrong?",
            26.0,
        ),
        ("HunyuanVideo goes OOM on my RTX 4090 every time, how much memory does it actually need?", 45.0),
    ],
)
def test_the_failed_default_run_is_the_figure(converse, question, default_gb):
    reply = converse(question)
    first = reply.text.split("\n")[0]
    assert reply.memory_gb == default_gb
    assert "offloading" in first and "that is the run that ran out of memory" in first, first


def test_no_oom_reported_keeps_the_fitting_recipe_figure(converse):
    reply = converse("Can CogVideoX-5B run on my 16GB 4060 Ti?")
    assert "the run that ran out of memory" not in reply.text
    assert reply.memory_gb is not None and reply.memory_gb <= 16
