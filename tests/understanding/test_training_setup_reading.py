"""The training setup a question states, read whatever the wording: a span of sample lengths (the longest sets
the memory), a bare "N tokens" in a training question, an RL trainer's group of completions, an 8-bit base, and
follow-ups that change the length or the card. Phrasings here are in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.sizing import Task


@pytest.mark.parametrize(
    ("question", "context"),
    [
        ("our chats run anywhere from 300 tokens to 14000 tokens, lora on mistral 7b - what card?", 14000),
        ("samples between 2k and 12k tokens, full fine-tune of qwen2.5 3b, how much memory?", 12 * 1024),
        ("sequence lengths range from 512 to 6000 in my set, qlora llama 3 8b on a 4090?", 6000),
        ("inputs are 800-9,500 tokens long; how much vram to lora gemma 2 9b?", 9500),
    ],
)
def test_a_span_of_lengths_is_sized_at_its_longest(read, question, context):
    assert read(question).details.context == context


@pytest.mark.parametrize(
    ("question", "context"),
    [
        ("qlora on llama 3 8b, micro batch 4, 1024 tokens, which gpu?", 1024),
        ("full finetune phi-2 with 3,000 token samples, memory?", 3000),
    ],
)
def test_a_bare_token_count_in_a_training_question_is_the_sample_length(read, question, context):
    assert read(question).details.context == context


@pytest.mark.parametrize(
    "question",
    [
        "lora mistral 7b generating 500 tokens per second, what gpu?",
        "fine-tune llama 3 8b trained on 50000 tokens of data, what gpu?",
    ],
)
def test_a_rate_or_a_dataset_of_tokens_is_no_sample_length(read, question):
    assert read(question).details.context is None


def test_a_bare_token_count_when_serving_is_left_to_the_serving_rules(read):
    assert (
        read("serve llama 3 8b on an L4 for 30 users, replies of 700 tokens").details.task is Task.INFERENCE
    )


def test_a_follow_up_correcting_the_length_of_a_fine_tune(read):
    u = read("how much gpu memory to lora qwen2.5 7b at 8192 tokens?", "sorry, I meant 1024 tokens")
    assert (u.details.task, u.details.context) == (Task.LORA, 1024)


@pytest.mark.parametrize(
    ("question", "task"),
    [
        ("GRPO on qwen2.5 3b with lora, 16 completions per prompt, what gpu?", Task.LORA),
        ("dpo with qlora on llama 3 8b, generating nothing, which card?", Task.QLORA),
        ("ppo of a 1b policy with lora, generation length 512 - memory?", Task.LORA),
    ],
)
def test_an_rl_or_preference_trainer_with_adapters_is_training_not_inference(read, question, task):
    assert read(question).details.task is task


@pytest.mark.parametrize(
    ("question", "batch"),
    [
        ("GRPO on qwen2.5 1.5b, num_generations=4, lora — vram?", 4),
        ("grpo llama 3.2 3b full fine-tune with 16 samples per prompt, how much memory?", 16),
    ],
)
def test_the_grpo_group_is_the_micro_batch(read, question, batch):
    assert read(question).details.batch == batch


def test_a_stated_micro_batch_wins_over_the_group(read):
    assert read("grpo qwen 7b lora, batch size 2, num_generations 8, memory?").details.batch == 2


@pytest.mark.parametrize(
    "question",
    [
        "could I finetune mistral 7b in 8bit on an rtx 3080 10gb?",
        "finetuning gemma 7b with load_in_8bit on a single A10G, enough?",
    ],
)
def test_a_fine_tune_on_an_8bit_base_trains_adapters(read, question):
    d = read(question).details
    assert (d.task, d.precision, d.method_unstated) == (Task.LORA, "int8", False)


def test_full_parameters_said_with_8bit_stay_full(read):
    assert read("full parameter fine-tune of llama 2 7b with 8-bit weights?").details.task is Task.FULL


def test_a_follow_up_moving_a_fine_tune_to_8bit_trains_adapters(read):
    d = read("would phi-3 mini fine-tuning fit my 12 GB card?", "and if I load it in 8 bit?").details
    assert (d.task, d.precision) == (Task.LORA, "int8")


def test_a_follow_up_with_other_cards_of_the_same_chip_swaps_to_that_variant(read):
    d = read(
        "full fine-tuning a 7B model on H100 NVL cards, how many?", "what if we only had the 80GB ones?"
    ).details
    assert d.gpus == ("H100 SXM",) or d.gpus == ("H100 PCIe",)


def test_a_follow_up_with_40gb_cards_after_a100s(read):
    d = read("train a 20B model fully on A100s, how many do I need?", "and with 40GB cards only?").details
    assert d.gpus == ("A100 40GB",)


@pytest.mark.parametrize(
    "question",
    [
        "t5-base finetuning with AMP turned off, batch 16 — how much memory?",
        "lora of qwen2.5 3b in float32 on an old P100, enough?",
        "full finetune of a 1b model without mixed precision, what gpu?",
        "we don't use mixed precision when fine-tuning flan-t5-large, how much vram?",
        "full sft of qwen2.5 1.5b, not using fp16 or bf16 since the card is a V100 — memory?",
    ],
)
def test_a_run_said_to_be_in_fp32_trains_in_fp32(read, question):
    assert read(question).details.precision == "fp32"


@pytest.mark.parametrize(
    "question",
    [
        "full fine-tune of gemma 2b in bf16 mixed precision (fp32 master weights), memory?",
        "lora of llama 3 8b where the adam states are in fp32, how much vram?",
    ],
)
def test_fp32_parts_of_a_mixed_precision_run_are_no_fp32_run(read, question):
    assert read(question).details.precision != "fp32"


def test_a_follow_up_turning_checkpointing_back_on_overrides_the_earlier_off(read):
    d = read(
        "qlora gemma 2 9b at 16k tokens with no gradient checkpointing, memory?",
        "and if I enable it, gradient checkpointing on?",
    ).details
    assert d.gradient_checkpointing is True


def test_checkpointing_said_on_in_a_first_question(read):
    assert (
        read("lora qwen2.5 14b using gradient checkpointing, memory?").details.gradient_checkpointing is True
    )


@pytest.mark.parametrize(
    "follow_up", ["ok, and for just me?", "what if it's a single user?", "only for myself then?"]
)
def test_a_follow_up_down_to_one_user_drops_the_earlier_crowd(read, follow_up):
    d = read("what gpu to host mistral small 24b for 40 users at once?", follow_up).details
    assert d.batch == 1 and d.model is not None


@pytest.mark.parametrize(
    ("question", "context"),
    [
        ("qlora of gemma 2 9b on 12000-token transcripts, what gpu?", 12000),
        ("full finetune of a 3b model on sequences of length 16k, memory?", 16 * 1024),
        ("lora mistral 7b, samples of up to 6000 tokens, vram?", 6000),
    ],
)
def test_each_samples_length_said_with_its_noun(read, question, context):
    assert read(question).details.context == context


def test_parameter_efficient_fine_tuning_by_its_long_name_is_lora(read):
    assert read("parameter-efficient fine-tuning of qwen2.5 7b on a 16 GB card?").details.task is Task.LORA
    d = read("what does full fine-tuning of gemma 2 9b need?", "and low-rank adaptation instead?").details
    assert d.task is Task.LORA and d.model is not None


def test_a_short_reaction_before_the_follow_up_still_follows(read):
    d = read("full finetune of llama 3.1 8b, what gpus?", "way over budget. what about qlora?").details
    assert d.task is Task.QLORA and d.model == "Llama 3.1 8B"


@pytest.mark.parametrize(
    "follow_up", ["and to use the finished model?", "what about loading the merged model after?"]
)
def test_a_follow_up_about_using_the_result_is_inference(read, follow_up):
    d = read("qlora of mistral small 24b, how much vram?", follow_up).details
    assert d.task is Task.INFERENCE and d.model is not None
