"""A training run seen far above its estimate ("my lora uses 40gb, why?") is explained by what grows in training —
the activations of each step's sequences, checkpointing left off, the caching allocator — with the sequences per
step the reading matches; not by a KV cache for a longer context, which a training step does not keep.
Phrasings here are in no evaluation set."""

from __future__ import annotations

import re

from tests.support.checked_answers import checked_answer


def answer(bot, *turns):
    a = checked_answer(bot, *turns)
    return a.facts, a.draft


def test_a_training_reading_far_above_counts_the_sequences_it_matches(assistant):
    facts, text = answer(assistant, "how come fine tuning qwen2.5 7b with lora eats 45 gb on my a6000??")
    first = text.split("\n\n")[0]
    assert "activations grow with the tokens of each step" in first
    assert "n_ctx" not in first and "max_model_len" not in first
    per = facts.estimate.total_gb
    sequences = float(re.search(r"matches about ([\d,]+) such sequences", first).group(1).replace(",", ""))
    assert sequences > facts.workload.batch  # more than the one sequence the estimate assumed
    assert 1.6 * per < 45


def test_an_inference_reading_far_above_still_reads_as_a_longer_context(assistant):
    _, text = answer(assistant, "why is llama 3 8b taking 30gb in plain transformers generate on my a100?")
    assert "activations grow with the tokens of each step" not in text
