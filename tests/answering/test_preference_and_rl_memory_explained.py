"""Why preference tuning and online RL need the memory they do, asked with no model to size: GRPO's completions
per prompt trained together, DPO's single copy under LoRA, ORPO's pair without a reference. Answered from the
guides (a real Chroma index of corpus/guides); phrasings in no evaluation set."""

from __future__ import annotations

import re


def test_more_generations_per_prompt_is_explained_as_a_bigger_batch(ask):
    reply = ask("my GRPO run eats way more gpu memory every time I bump num_generations, what is going on?")
    assert reply.memory_gb is None
    assert re.search(r"completions per prompt", reply.text)
    assert re.search(r"per_device_train_batch_size", reply.text)


def test_dpo_with_lora_needs_one_copy(ask):
    reply = ask("can I avoid loading a second reference model for DPO if I train a LoRA adapter?")
    assert reply.text.startswith("Yes")
    assert re.search(r"adapter", reply.text)


def test_orpo_is_compared_with_sft_and_dpo(ask):
    reply = ask("is SimPO heavier on vram than plain SFT?")
    assert reply.text.startswith("Yes")
    assert re.search(r"no reference model", reply.text)
