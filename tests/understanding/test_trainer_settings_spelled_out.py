"""Trainer settings written out in words rather than as flags: "cutoff length 384" (alpaca-lora's cutoff_len with a
space), "batch size per device: 16" (the unit before the number), "batchsize 2" glued. A GeForce model number
before "GPU" ("one 2080 GPU") is a card, not the size of a cluster. Phrasings here are in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "tokens"),
    [
        ("qlora on mistral 7b with a cutoff length of 384, batch 2: fits a 3060?", 384),
        ("LoRA llama 2 13b, cutoff length 1536, how much vram?", 1536),
    ],
)
def test_a_cutoff_length_in_words_is_the_sequence(read, question, tokens):
    assert read(question).details.context == tokens


@pytest.mark.parametrize(
    ("question", "batch"),
    [
        ("full finetune of qwen2.5 1.5b, batch size per device: 16, on 2 a100s, memory per gpu?", 16),
        ("lora on llama 3 8b with batch size per gpu of 6 on a 4090?", 6),
        ("fine-tuning roberta-large with batchsize 24 on a 16gb card, ok?", 24),
    ],
)
def test_the_batch_per_device_in_words(read, question, batch):
    assert read(question).details.batch == batch


@pytest.mark.parametrize(
    "question",
    [
        "fine-tuning flan-t5-base on my single 3090 GPU, how much memory?",
        "bert-large classifier training on one 1080 card runs out of memory",
    ],
)
def test_a_geforce_number_before_gpu_is_no_cluster(read, question):
    assert read(question).details.cluster_gpus is None


def test_a_cluster_size_is_still_read(read):
    assert read("we pretrained on 1024 GPUs for three weeks").details.cluster_gpus == 1024


def test_t5_base_is_a_known_model(read):
    assert read("fine-tune t5-base for summarization on a T4").details.model == "T5-Base"


@pytest.mark.parametrize(
    ("question", "task"),
    [
        (
            "full finetuning of roberta-base took about 9 GB at batch 32; with LoRA rank 16 how much should it drop?",
            "lora",
        ),
        ("QLoRA used 9.5 GB on my 3090 for llama 3 8b, how much would a full fine-tune take?", "full"),
        ("LoRA peaked at 14 GB for mistral 7b; what about qlora?", "qlora"),
    ],
)
def test_the_method_with_a_measured_figure_is_not_the_one_asked(read, question, task):
    assert read(question).details.task.value == task


def test_one_method_with_its_figure_is_still_asked_about(read):
    assert read("my full fine-tune of qwen2.5 1.5b needs 30 GB, why so much?").details.task.value == "full"


@pytest.mark.parametrize(
    ("question", "tokens", "batch"),
    [
        ("qlora gemma 2 9b, seq length 6k, batch of 2, on an L40S?", 6144, 2),
        ("for flan-t5-xl I set per_device_train_batch_size to 8 and max_source_length 768", 768, 8),
        ("gpt2-large full finetune with block_size 1024, batch size 12", 1024, 12),
        (
            "deepspeed train_micro_batch_size_per_gpu 3, max_len 3072, full finetune of llama 2 13b on 8 a100s",
            3072,
            3,
        ),
        ("the max_len is 1536 and the batch is 24 on 4 gpus for qwen2.5 3b full finetune", 1536, 24),
        (
            "sft of mistral 7b on 3000-token samples, effective batch 128 (micro batch 8 x accumulation 16)",
            None,
            8,
        ),
        ("sft of mistral 7b, global batch 256 and batch 2 per gpu", None, 2),
    ],
)
def test_sequence_and_micro_batch_in_config_words(read, question, tokens, batch):
    details = read(question).details
    if tokens is not None:
        assert details.context == tokens
    assert details.batch == batch


@pytest.mark.parametrize(
    ("question", "tokens"),
    [
        # the completion after TRL's default 512-token prompt
        ("grpo on llama 3.1 8b with lora, max_completion_length=1536, which gpu?", 2048),
        ("rloo on qwen2.5 3b, completions of up to 3k tokens, fits an a6000?", 3584),
        ("grpo qwen2.5 1.5b with 1024 max_completion_length on a 4090", 1536),
        # both said: their sum, as before
        ("grpo qwen2.5 1.5b, max_prompt_length 256 and max_completion_length 768", 1024),
    ],
)
def test_an_rl_completion_length_alone_sets_the_sequence(read, question, tokens):
    assert read(question).details.context == tokens


def test_a_completion_length_outside_rl_is_no_rl_sequence(read):
    assert read("serving llama 3 8b with max_new_tokens 512 on a 4090").details.context != 1024


def test_generations_without_per_prompt_are_the_group(read):
    assert read("grpo qwen2.5 7b full fine-tune on 8 h100s, 12 generations").details.batch == 12


@pytest.mark.parametrize(
    ("question", "tokens"),
    [
        ("distilbert... I mean bert-base classifier, bs 64, seq 96, fits a 3060?", 96),
        ("roberta-base, seq=200, batch 16", 200),
    ],
)
def test_a_short_seq_said_bare_is_the_sequence(read, question, tokens):
    assert read(question).details.context == tokens


@pytest.mark.parametrize(
    ("question", "count", "gb"),
    [
        ("qlora on qwen2.5 32b keeps OOMing on our 2x16GB box", 2, 16),
        ("full fine-tune of a 3b model on 4 x 48 GB, per-gpu memory?", 4, 48),
    ],
)
def test_cards_said_by_count_and_memory(read, question, count, gb):
    details = read(question).details
    assert details.gpu_count == count
    assert details.stated_memory_gb == gb


def test_sticks_of_system_ram_are_no_gpus(read):
    details = read("lora llama 3 8b, I have 4x16GB of RAM and a 4060 ti").details
    assert details.gpu_count == 1
    assert details.stated_memory_gb != 16


@pytest.mark.parametrize(
    ("question", "group"),
    [
        ("grpo llama 3.2 3b with per_device_train_batch_size 2 and num_generations = 6 on a 4090", 6),
        ("dapo on qwen2.5 7b, 32 rollouts per prompt, 8 h100s", 32),
    ],
)
def test_the_rl_group_said_is_kept(read, question, group):
    assert read(question).details.rl_generations == group


def test_no_group_outside_rl(read):
    assert read("sft of llama 3 8b with 16 generations of synthetic data").details.rl_generations is None


@pytest.mark.parametrize(
    "question",
    [
        "electra-base with per_gpu_train_batch_size 16 and max_seq_length 256 runs out of memory on an 8GB card",
        "deepspeed config train_micro_batch_size_per_gpu 4 for mistral 7b, will two 3090s hold it?",
        "running run_glue.py --do_train on roberta-base with max_seq_length 128, is 6GB of VRAM enough?",
    ],
)
def test_a_training_flag_says_training(read, question):
    assert read(question).details.task is not None
    assert read(question).details.task.is_training


@pytest.mark.parametrize(
    "question",
    [
        "do you use deepspeed for flan-t5-xl? I get CUDA out of memory on my A100 40GB",
        "zero3 with qwen2.5 14b on 4 l40s, how much memory per card?",
        "fsdp on llama 3 8b across two a6000s, enough?",
    ],
)
def test_a_training_parallelism_library_says_training(read, question):
    task = read(question).details.task
    assert task is not None and task.is_training


def test_deepspeed_inference_stays_inference(read):
    task = read("deepspeed inference of llama 2 13b on two t4s, will it fit?").details.task
    assert task is not None and not task.is_training
