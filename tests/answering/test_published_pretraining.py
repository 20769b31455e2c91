"""'What would it cost to pre-train Llama 2 7B from scratch?' is worked out on the tokens its makers trained it on,
with the GPU-hours they report beside the arithmetic (Chinchilla's 20 tokens per parameter is for a model of one's
own). Phrasings in no evaluation set."""

from __future__ import annotations

import re


def test_a_published_models_own_token_budget_and_gpu_hours_are_used(ask):
    text = ask("what would re-training llama 2 13b from scratch cost on rented a100s?").text
    first = text.split("\n")[0]
    assert "2T tokens its makers pre-trained it on" in first
    reported = re.search(r"they report ([\d.]+)M A100 80GB SXM GPU-hours", first)
    ours = re.search(r"against about ([\d.]+)M A100 80GB SXM GPU-hours", first)
    assert reported and ours
    assert (
        0.5 < float(ours.group(1)) / float(reported.group(1)) < 2
    )  # the 40%-MFU arithmetic near Meta's figure


def test_a_model_of_ones_own_still_gets_the_compute_optimal_budget(ask):
    first = ask("cost to pretrain a 3b model from scratch on h100s?").text.split("\n")[0]
    assert "Chinchilla" in first and "its makers" not in first
