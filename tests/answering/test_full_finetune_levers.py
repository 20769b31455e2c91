"""A stated full fine-tune that mixed-precision AdamW cannot fit on the user's GPUs: on several GPUs the
low-memory recipe (sharded, pure bf16, 8-bit Adam) is the answer when it fits; on one GPU the answer is No,
with that recipe named after it. Real components; phrasings in no evaluation set."""

from __future__ import annotations

import re

from assistant.answering._numbers import unsupported_numbers


def test_several_gpus_fit_a_full_fine_tune_with_the_low_memory_recipe(ask):
    reply = ask("we have 8 H100s — is updating every weight of Qwen2.5 72B feasible?")
    first = reply.text.splitlines()[0]
    assert first.startswith("**Yes, with**") and "8-bit" in first and "8 x H100" in first
    figures = [float(x.replace(",", "")) for x in re.findall(r"about ([\d,.]+) GB", first)]
    assert figures[0] < figures[-1] / 2  # 6 bytes per parameter against 16


def test_one_gpu_is_a_no_with_the_recipe_named_after_it(ask):
    reply = ask("full-parameter training of Mistral 7B on one H100 80GB, will that work?")
    assert reply.text.startswith("**No**")
    assert "pure bf16 with an 8-bit optimizer" in reply.text.splitlines()[0]


def test_an_unstated_method_lists_only_the_three_methods(ask):
    reply = ask("Is an L40S enough to fine-tune Qwen2.5 7B?")
    second = reply.text.splitlines()[1]
    assert second.count(":") == 3 and "8-bit" not in second


def test_the_recipe_figures_come_from_the_facts(assistant):
    state = assistant._prepare("full fine-tuning of Llama 3 70B on 8x A100 80GB, doable?", None)
    assert state["draft"].startswith("**Yes, with**")
    shown = f"{state['draft']}\n\n{state['details']}"
    assert unsupported_numbers(shown, state["facts"], state["passages"]) == set()


def test_asking_about_8bit_adam_on_one_gpu_gets_the_pure_bf16_recipe_as_the_condition(ask):
    reply = ask("if I switch to adamw 8bit, can I do a full finetune of llama 3 8b on a single A100 80GB?")
    first = reply.text.splitlines()[0]
    assert first.startswith("**Yes, with** pure bf16 weights")
    assert "8-bit Adam over fp32 master weights" in first and "does not fit" in first
    assert "sharding" not in first  # one GPU: nothing to shard over


def test_a_script_that_trains_with_mixed_precision_adamw_gets_a_no_and_the_recipe_after(ask):
    # FastChat's train.py is a Hugging Face Trainer: mixed-precision AdamW is what it runs, so the lean recipe
    # that fits is named after the No, not offered as the Yes
    reply = ask("would 4 L4 cards manage a full finetune of vicuna 7b using fastchat's training script?")
    first = reply.text.splitlines()[0]
    assert first.startswith("**No**") and "8-bit" in first
    plain = ask("would 4 L4 cards manage a full finetune of llama 2 7b sharded with FSDP?")
    assert plain.text.startswith("**Yes, with**")
