"""Training setups read from the words people use: online RL (GRPO, PPO, RLHF), parameter offload under ZeRO-3 or
FSDP, a model glued to its size, and a cluster told as a total ("256 GB across V100s", "32 GPUs in total"). Phrasings
here are in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.sizing import Task
from assistant.understanding._understand import _count_from_total


@pytest.mark.parametrize(
    ("question", "method"),
    [
        ("how much vram for grpo on qwen2.5 3b with trl?", "grpo"),
        ("RLOO on a 1.5B model, single 4090 enough?", "grpo"),
        ("rlhf for llama 3 8b with a 8b reward model, how many a100s", "ppo"),
        ("PPO (actor-critic) fine-tune of mistral 7b on 8x H100?", "ppo"),
        ("DAPO training of Qwen2.5 32B, how many GPUs", "grpo"),
        ("plain SFT of llama 3 8b, not grpo, on one H100?", None),
        ("DPO of mistral 7b on two 4090s", None),
    ],
)
def test_online_rl_is_read_with_its_method(read, question, method):
    assert read(question).details.rl == method


@pytest.mark.parametrize(
    ("question", "params"),
    [
        ("can I grpo train Qwen7B on two 3090s", 7e9),
        ("finetuning llama13b full params how much memory", 13e9),
        ("is falcon40b lora doable on a single a6000?", 40e9),
        ("we want to fully finetune bloom 7b1 on four A6000s", 7.1e9),
        ("bloomz-1b7 lora on a t4?", 1.7e9),
    ],
)
def test_a_family_glued_to_its_size_gives_the_size(read, question, params):
    details = read(question).details
    assert details.params == pytest.approx(params) or details.model is not None


@pytest.mark.parametrize(
    ("question", "gpu", "count"),
    [
        ("we have 256 GB of VRAM across V100 32GB cards; full finetune of a 13B model?", "V100 32GB", 8),
        ("our box: 320gb total of A100 40GB. enough for llama 2 70b qlora?", "A100 40GB", 8),
        ("A100 80G nodes of 8 gpus each, totally 24 gpus, can we ppo a 34b model?", "A100 80GB SXM", 24),
        ("16 GPUs in total, H100 SXM, full finetune of llama 3 70b?", "H100 SXM", 16),
    ],
)
def test_a_cluster_told_as_a_total_is_counted(read, question, gpu, count):
    details = read(question).details
    assert details.gpus == (gpu,)
    assert details.gpu_count == count


@pytest.mark.parametrize(
    ("text", "card_gb", "count"),
    [
        ("50 gb total across a100 40gb boxes", 40, None),  # 1.25 cards: no count
        ("96 gb in total on l4s", 24, 4),
        ("total of 640 gb", 80, 8),
        ("we have 80 gb across them", 80, None),  # one card's worth is no cluster
        ("a gaming laptop with 24GB of RAM and a GTX 1650", 4, None),  # system RAM is no GPU total
        ("32 gb of system ram beside 2 x 16gb cards", 16, None),
    ],
)
def test_a_total_counts_cards_only_when_it_is_a_whole_multiple(text, card_gb, count):
    assert _count_from_total(text, card_gb) == count


def test_a_card_the_catalog_lacks_keeps_its_count_and_memory(read):
    details = read("failed on 4 MI100 (32GB) GPUs doing grpo of a 7b, how many do I need?").details
    assert details.stated_memory_gb == 32
    assert details.gpu_count == 4


@pytest.mark.parametrize(
    ("question", "params_offloaded"),
    [
        ("deepspeed zero3 with cpu offload, full finetune llama 2 13b on one 3090?", True),
        ("using zero3_offload.json on 4x 4090 for a full fine-tune of llama 3 8b", True),
        ("FSDP with cpu offload, full finetune of mistral 7b on a 4090?", True),
        ("offload_param to cpu with zero-3, 8B full finetune on an A10?", True),
        ("zero2 with optimizer offload, full fine tune mistral 7b on 2x 3090", False),
        ("ZeRO-3 with optimizer offload, full finetune of a 14B on two A100 80GB?", False),
        ("cpu offload of the optimizer, 7b full finetune on an A6000", False),
        ("zero3 without offload, llama 3 8b on 8x 4090", False),
    ],
)
def test_parameter_offload_is_read_from_zero3_or_fsdp_offload(read, question, params_offloaded):
    details = read(question).details
    assert details.param_offload is params_offloaded
    assert details.cpu_offload is (
        params_offloaded or "optimizer offload" in question or "of the optimizer" in question
    )


@pytest.mark.parametrize(
    "question",
    [
        "unsloth gemma 2 9b with max_seq_length 8192 OOMs on an L4, why?",
        "axolotl config for mistral 7b, micro_batch_size 2 — how much vram?",
        "per_device_train_batch_size=8 on qwen2.5 7b uses too much memory on my 4090",
    ],
)
def test_a_training_framework_or_trainer_setting_means_fine_tuning(read, question):
    details = read(question).details
    assert details.task is not None and details.task.is_training


def test_unsloth_gguf_run_under_ollama_stays_inference(read):
    details = read("the unsloth qwen2.5 14b gguf q4_k_m in ollama uses 30GB of vram, why?").details
    assert details.task is None or not details.task.is_training


@pytest.mark.parametrize(
    ("question", "context"),
    [
        ("SFT llama 3 8b full, seq 4096, per device batch 8, on 8x H100", 4096),
        ("lora of mistral 7b with sequence 8k and batch 2 on a 4090?", 8192),
    ],
)
def test_a_bare_seq_setting_is_the_training_sequence(read, question, context):
    assert read(question).details.context == context


@pytest.mark.parametrize(
    "question",
    [
        "how much gpu memory to train a 13B reward model?",
        "gpu count for PPO training of a 7b policy?",
        "vram needed to train a 3b model with DPO on my preference pairs",
        "what do I need for SFT training of a 32B model?",
    ],
)
def test_training_a_model_further_with_post_training_words_is_a_fine_tune_not_pre_training(read, question):
    assert read(question).details.task is Task.FULL


def test_training_a_size_from_scratch_stays_pre_training(read):
    assert (
        read("how much vram to train a 350M model from scratch with DPO-style data later?").details.task
        is Task.PRETRAIN
    )
    assert read("memory to train a 1b model on 20B tokens").details.task is Task.PRETRAIN


@pytest.mark.parametrize(
    ("question", "completion"),
    [
        ("grpo of qwen2.5 3b, max_completion_length=1536, on an L40S?", 1536),
        ("RLOO with 2k token completions on llama 3.2 3b, will a 4090 do?", 2048),
        ("GRPO on a 7B, rollouts of up to 768 tokens, how much memory", 768),
        ("grpo on qwen2.5 7b, how much memory?", None),
        ("sft of llama 3 8b with max_new_tokens 512", None),  # not an RL run: no completion to score
    ],
)
def test_the_completion_length_of_an_rl_run_is_kept(read, question, completion):
    assert read(question).details.rl_completion == completion
