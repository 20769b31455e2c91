"""A fine-tune on several GPUs says which strategy its per-GPU figure is for. An adapter run (LoRA / QLoRA)
with no strategy named is judged as plain data parallelism, the default of torchrun, accelerate and the
Hugging Face Trainer (each GPU a whole copy), with the sharded figure beside it; a run the user calls DDP that
one card cannot hold is pointed at sharding, not at more GPUs; a full fine-tune that fits only sharded says so.
Real components (the whole chain, the catalog, the sizing); phrasings in no evaluation set."""

from __future__ import annotations

import re
import uuid

import pytest

from assistant.answering._numbers import unsupported_numbers


@pytest.fixture(scope="module")
def ask(assistant):
    def _ask(*questions):
        conversation = f"ddp-{uuid.uuid4().hex}"
        for question in questions[:-1]:
            assistant.ask(question, conversation_id=conversation)
        state = assistant._prepare(questions[-1], conversation)
        shown = f"{state['draft']}\n\n{state['details']}"
        assert unsupported_numbers(shown, state["facts"], state["passages"]) == set()
        return state["draft"].splitlines()[0]

    return _ask


def _gb(text: str) -> list[float]:
    return [float(x.replace(",", "")) for x in re.findall(r"([\d,]+(?:\.\d+)?) GB", text)]


def test_an_adapter_run_that_one_card_holds_gives_the_per_gpu_copy(ask):
    first = ask("lora finetune llama 3.1 8b across a pair of L4 cards, would that fit??")
    assert first.startswith("**Yes** —") and "each GPU holds a whole copy" in first
    copy, usable, _, sharded = _gb(first)[:4]
    assert sharded < copy <= usable  # the DDP copy is the verdict's figure; the sharded one is smaller


def test_an_adapter_run_only_a_split_fits_says_yes_with_the_split(ask):
    first = ask("Got two T4s (16gb each) on a kaggle notebook. Can I do LoRA on Llama-3-8B-Instruct there?")
    assert first.startswith("**Yes, with the model split across the GPUs**") and "device_map" in first
    sharded, copy, usable = _gb(first)[:3]
    assert sharded < usable < copy  # split it fits; as DDP each card would need the whole copy


def test_will_it_oom_on_several_cards_is_answered_for_ddp(ask):
    first = ask(
        "gonna run a lora of mistral 7b on my 2 rtx 4060 ti 16gb with accelerate launch. will it OOM?"
    )
    assert first.startswith("**Yes**, as plain data parallelism it will")


def test_a_named_sharding_keeps_the_sharded_verdict(ask):
    first = ask("qlora of llama 2 70b with fsdp over four A10G 24GB cards, is that going to work?")
    assert first.startswith("**Yes** —") and "whole copy" not in first.split("Only sharded")[0]


def test_model_parallel_with_device_map_is_a_split_not_a_copy(ask):
    first = ask("lora on llama 3 8b over two 16 gig T4s with device_map='auto', can it work?")
    assert first.startswith("**Yes** —") and "whole copy" not in first.split("Only sharded")[0]


def test_ddp_that_one_card_cannot_hold_points_at_sharding_not_more_gpus(ask):
    first = ask("planning torchrun DDP for a lora of qwen2.5 14b on 2 x 3090, can it work?")
    assert first.startswith("**No** — under DDP each GPU holds a whole copy")
    assert "more GPUs do not lower it" in first and "sharded with FSDP or DeepSpeed ZeRO-3" in first
    assert "more than 64" not in first


def test_a_full_fine_tune_that_fits_only_sharded_says_so(ask):
    first = ask("full ft of mistral 7b on 4 x A100 40GB — feasible?")
    assert first.startswith("**Yes** —")
    assert "sharded with FSDP or DeepSpeed ZeRO-3; under plain DDP each GPU would need the whole" in first


def test_one_card_gets_no_strategy_talk(ask):
    first = ask("lora on llama 3 8b, one rtx 4090, ok?")
    assert first.startswith("**Yes** —") and "DDP" not in first and "data parallelism" not in first


def test_a_stated_amount_keeps_the_training_headroom_a_named_card_gets(ask):
    # QLoRA of a 70B sits within 48 GB on paper but above the share training can use before fragmentation
    tight = ask("Should 48GB suffice for a QLoRA of llama 3 70b at 1024 tokens?")
    assert tight.startswith("**No** —") and "allocator needs some headroom" in tight
    roomy = ask("I have 16 GB, enough for qlora of llama 2 13b?")
    assert roomy.startswith("**Yes** —")


def test_zero_stage_two_keeps_the_frozen_base_whole_on_every_gpu(ask):
    # ZeRO-2 splits optimizer states and gradients; a LoRA run has few of those, so the base is copied
    too_big = ask("LoRA for llama-2-13b using deepspeed zero2 over 2 rtx 3090s: will it fit?")
    assert (
        too_big.startswith("**No** —")
        and "ZeRO stage 2 splits only" in too_big
        and "ZeRO-3 or FSDP" in too_big
    )
    will_oom = ask("LoRA for llama-2-13b, deepspeed zero 2, two 3090s. will it OOM?")
    assert will_oom.startswith("**Yes**, at ZeRO stage 2 it will")
    roomy = ask("qlora of mistral 7b with ds_z2_config.json on 4x T4 ok?")
    assert roomy.startswith("**Yes** —") and "whole frozen base" in roomy


def test_will_it_oom_when_only_offloading_fits_keeps_the_question_s_polarity(ask):
    """A 16-bit LoRA of a 70B (~150 GB) does not fit two 24 GB cards even sharded; "will it OOM?" is answered
    "Yes" (it will), with CPU offload as the way out — never "Yes, with ...", which would read as "it will OOM with
    offloading"."""
    first = ask("gonna run a lora of llama 3 70b on my 2 rtx 4090 with accelerate launch. will it OOM?")
    assert first.startswith("**Yes**, as set up it will run out of memory") and "CPU offload" in first
    can = ask("can I do a lora of llama 3 70b on my 2 rtx 4090s?")
    assert can.startswith("**Yes, with** FSDP and CPU offload")


# An 8-bit (bitsandbytes LLM.int8) base under LoRA is sharded by neither FSDP nor ZeRO-3 — FSDP-QLoRA needs a 4-bit
# base, and LLaMA-Factory answers an 8-bit run with "only 4-bit quantized model can use fsdp+qlora or auto device
# map" (hiyouga/LlamaFactory issue 5364) — so with FSDP / ZeRO named for it each card holds it whole; with no
# strategy named it splits by layers (device_map). Phrasings in no evaluation set.
def test_an_8bit_lora_base_over_several_cards_is_held_whole_on_each(assistant):
    reply = assistant.ask(
        "doing 8-bit qlora (quantization_bit 8) of qwen2 72b with fsdp on 2x L40S, will that work?"
    )
    assert reply.text.startswith("**No**") and "not sharded by FSDP" in reply.text and "4-bit" in reply.text
    split = assistant.ask("lora on llama 2 13b in 8-bit, split across two 3090s with device_map auto, fits?")
    assert split.text.startswith("**Yes**")
    unnamed = assistant.ask("8 bit lora of llama 3 70b over four a6000s, doable?")
    assert unnamed.text.startswith("**Yes, with the model split") and 'device_map="auto"' in unnamed.text


@pytest.mark.parametrize(
    "question",
    [
        # no method said: the adapters fit anywhere, the full fine-tune only split over the cards
        "is four RTX 4090 cards enough for fine-tuning qwen2.5 3b using grpo?",
        "can a pair of H100s handle finetuning Mistral 7B?",
    ],
)
def test_any_method_on_several_cards_names_the_sharding_full_fine_tuning_needs(ask, question):
    first = ask(question)
    assert first.startswith("**Yes, with FSDP or ZeRO-3 sharding** (for full fine-tuning)"), first
    assert "with any method" in first


def test_any_method_that_one_of_the_cards_holds_needs_no_sharding(ask):
    first = ask("can I fine-tune qwen2.5 3b on two A100 80GB cards?")
    assert first.startswith("**Yes** —") and "sharding" not in first.split(".")[0]
