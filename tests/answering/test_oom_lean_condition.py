"""A user whose training run ran out of memory on their card, where the estimate fits only on lean settings it
assumed and they did not say (one sequence per step, gradient checkpointing on, vLLM's share lowered): the verdict
is conditional on those settings ("Only with …"), not a plain yes. A roomy fit, a run that failed partway, or a
question about a larger card keep their own answers. Several cards that hold a full fine-tune only at one
sequence per step, not at a training script's usual batch, lead with the adapters. Real components; phrasings in no evaluation set."""

from __future__ import annotations

import uuid

import pytest

from assistant.answering._compose._mid_run_oom import ooms_partway


@pytest.fixture(scope="module")
def ask(assistant):
    def _ask(question):
        return assistant.ask(question, conversation_id=f"lean-{uuid.uuid4().hex}").text

    return _ask


def test_an_oom_fitting_only_with_checkpointing_is_conditional_on_it(ask):
    text = ask("CUDA out of memory when I LoRA fine-tune Qwen2.5 7B on my RTX 4090 24GB")
    assert text.startswith("**Only with gradient checkpointing on**"), text[:200]
    assert "gradient_checkpointing=True" in text


def test_an_oom_asked_as_can_it_work_names_batch_and_checkpointing(ask):
    text = ask("Getting OOM doing LoRA on Mistral 7B with a single A10G 24GB, can it work?")
    first = text.split("\n")[0]
    assert first.startswith("**Only with one sequence per step and gradient checkpointing on**"), first
    assert "gradient_accumulation_steps" in text


def test_an_rl_run_with_vllm_that_ooms_is_conditional_on_its_share(ask):
    text = ask("GRPO with vLLM on Qwen2.5 1.5B keeps running out of memory on my 2x RTX 4090, help")
    first = text.split("\n")[0]
    assert first.startswith("**Only with") and "vllm_gpu_memory_utilization" in first, first


def test_a_roomy_fit_that_ooms_stays_yes_on_paper(ask):
    text = ask("it crashed with OOM, but can LoRA of Llama 3.1 8B work on one H100 80GB?")
    assert text.startswith("**Yes**"), text[:200]


def test_a_question_about_the_larger_card_is_no_condition(ask):
    text = ask(
        "full fine-tuning Qwen2.5 7B ran out of memory on my 4 A100 40GB; did you train it on the 80GB A100s instead?"
    )
    assert not text.startswith("**Only with"), text[:200]


def test_a_sequence_length_is_not_a_point_in_the_run():
    assert not ooms_partway("lora dies with cuda oom on my a10g at 4096 tokens, batch 2")
    assert ooms_partway("lora dies with cuda oom at step 300.")


def test_full_fine_tuning_tight_at_a_scripts_batch_leads_with_the_adapters(ask):
    text = ask("would 8 x RTX 3090 do for fine-tuning Qwen2.5 7B?")
    first = text.split("\n")[0]
    assert first.startswith("**Yes, with LoRA or QLoRA**") and "micro-batch 1" in first, first


def test_full_fine_tuning_roomy_when_sharded_stays_any_method(ask):
    text = ask("would 8 H200s be enough to finetune Qwen2.5 7B?")
    assert text.startswith("**Yes** —") and "with any method" in text.split("\n")[0], text[:200]


@pytest.mark.parametrize(
    "question",
    [
        # "is the small card enough?" set against the big card the authors used, after an OOM on the small one
        "my lora of llama 2 7b dies with cuda out of memory on a 3090 even at batch size 1. the authors used an "
        "A100 80GB - is 24GB not enough?",
        "LoRA on mistral 7b keeps OOMing on my RTX 4090 at batch 1, the repo was run on an A100 80GB. Shouldn't the "
        "4090 be enough?",
    ],
)
def test_an_oom_on_the_smaller_of_two_cards_is_conditional_on_the_unsaid_setting(ask, question):
    first = ask(question).split("\n")[0]
    assert first.startswith("**Only with gradient checkpointing on** —"), first
    assert "ran out of memory there" in first


def test_the_smaller_card_is_enough_without_an_oom_reported(ask):
    first = ask("lora on mistral 7b: is a 4090 enough or do I need an A100 80GB?").split("\n")[0]
    assert not first.startswith("**Only with"), first
