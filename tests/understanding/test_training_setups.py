"""Training setups told the way people tell them: clusters as servers ("12 DGX-H100", "3 nodes with 8 A100s
each"), datasets as examples x tokens x epochs, "max batch size" questions, a sequence length that is no
batch. Phrasings here are in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.understanding import understand
from assistant.understanding._nodes import spell_nodes


@pytest.mark.parametrize(
    ("question", "gpu", "count"),
    [
        ("how many days to pretrain a 30B model on 600B tokens with 12 DGX-H100 boxes?", "H100 SXM", 96),
        ("we have 3 nodes with 8 A100 80GB each, how long for 1T tokens on a 7B model?", "A100 80GB SXM", 24),
        ("training a 65B model on five DGX A100 (8x40GB), how long for 300B tokens?", "A100 40GB", 40),
        ("a 13B model from scratch on 2 servers of 8x H100, 500B tokens — how long?", "H100 SXM", 16),
        ("can I full finetune Qwen2.5 72B on a 2x8xA100 (80G) setup?", "A100 80GB SXM", 16),
        ("pretraining 7B on 4*8*H100 (80GB), how many days for 2T tokens", "H100 SXM", 32),
    ],
)
def test_a_cluster_told_as_servers_is_all_its_gpus(read, question, gpu, count):
    details = read(question).details
    assert details.gpus == (gpu,)
    assert details.gpu_count == count


def test_a_server_count_without_gpus_per_server_is_not_guessed():
    assert spell_nodes("we have 3 nodes, how long to train?") == "we have 3 nodes, how long to train?"


@pytest.mark.parametrize(
    ("question", "tokens"),
    [
        ("cost to LoRA Llama 3 8B on 200k examples of 800 tokens, 2 epochs?", 200e3 * 800 * 2),
        ("how long to finetune Mistral 7B on 40,000 rows averaging 1k tokens", 40e3 * 1e3),
        ("what does SFT of Qwen2.5 7B on 2B tokens for 3 epochs cost", 6e9),
    ],
)
def test_a_dataset_in_examples_tokens_and_epochs(read, question, tokens):
    assert read(question).details.tokens == pytest.approx(tokens)


@pytest.mark.parametrize(
    "question",
    [
        "what is the biggest batch size I can run for QLoRA of Llama 3 8B on my 3090?",
        "how large a batch can my A6000 take when fine-tuning Mistral 7B with LoRA?",
        "max micro batch for full finetune of Qwen2.5 1.5B on an L4?",
    ],
)
def test_a_largest_batch_question_is_read(read, question):
    assert read(question).details.largest_batch


def test_a_sequence_length_is_not_a_batch(read):
    details = read("LoRA on Llama 3 8B with 8192 sequence length on a 4090, does it fit?").details
    assert details.batch is None
    assert details.context == 8192


@pytest.mark.parametrize(
    ("question", "offload"),
    [
        ("full ft of Qwen2.5 7B with zero-3 offload on two L40S, enough?", True),
        (
            "I set offload_optimizer to cpu in deepspeed, will Llama 2 13B full finetune fit on an A6000?",
            True,
        ),
        ("fully fine-tuning Mistral 7B on 4 A100s without CPU offload, memory per GPU?", False),
        ("can llama.cpp offload layers to the GPU for a 70B model?", False),
    ],
)
def test_optimizer_offload_is_read(read, question, offload):
    assert read(question).details.cpu_offload is offload


@pytest.mark.parametrize(
    ("question", "preference"),
    [
        ("direct preference optimization on Qwen2.5 7B, what GPU?", True),
        ("KTO training of Llama 3 8B on a 4090?", True),
        ("ORPO on Mistral 7B with a 24GB card?", True),
    ],
)
def test_preference_tuning_against_a_reference_is_read(read, question, preference):
    details = read(question).details
    assert details.preference is preference
    # ORPO trains on the pairs too, but scores them with no reference model
    assert (details.pair_method is not None) is ("ORPO" in question)


@pytest.mark.parametrize(
    "question",
    [
        "SFT of Qwen2.5 7B (full, no LoRA) on 2 A100s, enough?",
        "I'm finetuning Mistral 7B — full / not peft — on an H100, does it fit?",
    ],
)
def test_full_set_against_adapters_is_a_full_fine_tune(read, question):
    from assistant.sizing import Task

    details = read(question).details
    assert details.task is Task.FULL and not details.method_unstated


def test_a_trainer_argument_batch_size_is_read(read):
    details = read("LoRA on Llama 3 8B, per_device_train_batch_size=6 on a 4090, does it fit?").details
    assert details.batch == 6


@pytest.mark.parametrize(
    ("question", "context"),
    [
        ("finetune.py --base_model qwen2.5-7b --cutoff_len=1024 --micro_batch_size 4 on a 3090, ok?", 1024),
        ("LoRA Llama 3 8B with model_max_length 3000 on an L4?", 3000),
    ],
)
def test_a_trainer_argument_sequence_length_is_read(read, question, context):
    assert read(question).details.context == context


def test_servers_counted_in_words_with_the_memory_after_them(read):
    details = read(
        "pretraining on ninety-six DGX A100 boxes (40GB cards), how many days for 300B tokens of a 30B model?"
    ).details
    assert details.gpus == ("A100 40GB",)
    assert details.gpu_count == 768


@pytest.mark.parametrize(
    ("question", "gpu", "count"),
    [
        ("is 4 x 40GB A100 enough to fine-tune Llama 3 8B?", "A100 40GB", 4),
        ("we got 2* 80G A100 PCIe, full finetune of Mistral 7B possible?", "A100 80GB PCIe", 2),
        ("LoRA Qwen2.5 14B on 8*A100 40G, how much memory per card?", "A100 40GB", 8),
        ("two RTX 4060 Ti 16GB cards for QLoRA of Llama 3 8B?", "RTX 4060 Ti 16GB", 2),
    ],
)
def test_a_count_is_read_when_the_memory_size_sits_before_or_after_the_product(read, question, gpu, count):
    details = read(question).details
    assert details.gpus == (gpu,)
    assert details.gpu_count == count


@pytest.mark.parametrize(
    ("question", "model"),
    [
        ("how much VRAM to LoRA-tune Qwen/Qwen2.5-VL-7B-Instruct at 4k?", "Qwen2.5-VL 7B"),
        ("full finetune qwen2.5vl 72b on 16 H100s?", "Qwen2.5-VL 72B"),
        ("QLoRA of Qwen2-VL-7B on a 3090, does it fit?", "Qwen2-VL 7B"),
        ("fine-tuning llava-v1.5-13b with LoRA on 2x A6000", "LLaVA-1.5 13B"),
        ("can I train liuhaotian/llava-v1.5-7b on one L40S", "LLaVA-1.5 7B"),
        ("MiniCPM-Llama3-V 2.5 LoRA on a 24GB card?", "MiniCPM-Llama3-V 2.5"),
        ("minimum GPU for SFT of Qwen2-7B-Instruct?", "Qwen2 7B"),  # the text model, not its VL sibling
    ],
)
def test_vision_language_models_are_read_by_their_hub_ids_and_spellings(read, question, model):
    details = read(question).details
    assert details.model == model
    assert details.unknown_model is None  # 'Llama3' inside 'MiniCPM-Llama3-V' is not an unsized Llama


@pytest.mark.parametrize(
    ("question", "context"),
    [
        (
            "axolotl yaml: adapter: lora, sequence_len: 4096, micro_batch_size: 1 for Llama 3 8B on an A10G",
            4096,
        ),
        ("megatron pretraining a 7B with --seq-length 8192 on 16 H100s, how long for 200B tokens?", 8192),
        ("unsloth max_seq_length = 16k on Qwen2.5 7B QLoRA, will a 4090 do?", 16384),
        ("torchtune max_seq_len: 2048, full finetune of Llama 3.2 3B on an L4?", 2048),
    ],
)
def test_a_sequence_length_written_as_a_framework_setting_is_read(read, question, context):
    assert read(question).details.context == context


@pytest.mark.parametrize(
    ("question", "task"),
    [
        ("peft LoraConfig(r=8, target_modules=['q_proj','v_proj']) on Mistral 7B, which GPU?", "lora"),
        ("get_peft_model on Llama 3 8B with BitsAndBytesConfig(load_in_4bit=True), enough on a T4?", "qlora"),
    ],
)
def test_peft_and_bitsandbytes_code_is_a_fine_tune(read, question, task):
    assert read(question).details.task.value == task


@pytest.mark.parametrize(
    ("question", "seen"),
    [
        ("QLoRA of Llama 3 8B eats 19 GB on my 3090, is that normal?", 19.0),
        ("full finetune with ZeRO-3 on 4 A100s, about 31GB used per GPU - expected?", 31.0),
        ("my LoRA run of Mistral 7B peaks at 22.5 GB on an L4, why so high?", 22.5),
        ("the model should only take 6GB, right? LoRA of Llama 2 7B on a 3060", None),
        ("I'm using 24GB 3090 for QLoRA of Qwen2.5 14B, how much will it need?", None),
    ],
)
def test_the_memory_a_run_is_seen_to_take_is_read_and_an_expectation_is_not(read, question, seen):
    assert read(question).details.observed_gb == seen


@pytest.mark.parametrize(
    "question",
    [
        "ORPO on Llama 3 8B with one L40S, does it fit?",
        "SimPO of Mistral 7B on 2x 4090?",
        "how many H100s for PPO on Qwen2.5 7B",
    ],
)
def test_preference_and_rl_trainers_are_fine_tunes(read, question):
    assert read(question).details.task.is_training


@pytest.mark.parametrize(
    ("question", "stage"),
    [
        ("full finetune of Llama 2 13B with DeepSpeed ZeRO-2 on 8 A100 40GB", 2),
        ('ds config "zero_optimization": {"stage": 1}, full FT of Mistral 7B on 4 H100s', 1),
        ("tried zero2 and zero 3 for a full fine-tune of a 20B model on 8x A100 80GB", 3),
        ("full fine-tune of Qwen2.5 7B with FSDP on 4 L40S", None),
    ],
)
def test_the_zero_stage_is_read_and_the_highest_named_wins(read, question, stage):
    assert read(question).details.zero_stage == stage


@pytest.mark.parametrize("name", ["llama 7b", "llama-13b", "Llama 7B"])
def test_an_old_llama_name_is_not_typo_matched_to_llava(read, name):
    assert (read(f"full finetune of {name} on 8 A100s?").details.model or "").startswith("LLaVA") is False


@pytest.mark.parametrize(
    "question",
    [
        "pretraining a 3B model on 60B tokens, how many A100 hours is that?",
        "how many gpu-hours would a LoRA of mistral 7b on 20M tokens take on one L40S?",
        "how much compute time to fine-tune llama 3 8b fully on 1B tokens with 8 H100s?",
        "roughly how many H100 days for a 7B model on 200B tokens?",
    ],
)
def test_gpu_hours_asked_in_other_words_are_a_time_question(catalog, models, question):
    assert understand(question, catalog, models).details.wants_time


@pytest.mark.parametrize(
    ("question", "gpu", "count"),
    [
        ("2 nodes x 8 A100 40GB — can we full finetune a 34B?", "A100 40GB", 16),
        (
            "our cluster is 4 servers, 8 GPUs each, all H100; how long for 300B tokens on a 13B?",
            "H100 SXM",
            32,
        ),
        ("8 H100s per node and 3 nodes: enough to fine-tune 70B fully?", "H100 SXM", 24),
    ],
)
def test_nodes_times_gpus_per_node_in_other_word_orders(read, question, gpu, count):
    details = read(question).details
    assert details.gpus == (gpu,)
    assert details.gpu_count == count


@pytest.mark.parametrize(
    ("question", "tokens"),
    [
        ("how long to fine-tune Mistral 7B on 60k samples? they are about 700 tokens each", 60e3 * 700),
        (
            "qlora on 25k rows with an average length of 1.5k tokens, 2 epochs, how long on an L4",
            25e3 * 1500 * 2,
        ),
    ],
)
def test_an_example_length_said_in_its_own_clause_counts(read, question, tokens):
    assert read(question).details.tokens == pytest.approx(tokens)


def test_examples_without_a_length_are_counted_for_the_answer_to_assume_one(read):
    details = read(
        "how many hours to finetune llama 3 8b on 40k instruction pairs for 3 epochs on an H100?"
    ).details
    assert details.tokens is None
    assert details.examples == 40e3 and details.epochs == 3
    assert details.batch is None  # a dataset of conversations is no batch of concurrent ones
    assert read("full finetune of a 7B on 20000 conversations, how long on 8x H100").details.batch is None


@pytest.mark.parametrize(
    ("question", "size"),
    [
        ("how long to finetune llama 3 8b on my 2GB jsonl dataset with 4 A100s?", 2e9),
        ("qlora on a 500 MB corpus of support tickets, how long on an A10G", 500e6),
        ("our dataset is about 1.5 GB, time to full finetune a 7b on 8 H100?", 1.5e9),
        ("full finetune a 7b on 8 H100 with 24 GB cards?", None),  # GPU memory, no dataset
    ],
)
def test_a_dataset_told_by_its_file_size_is_read(read, question, size):
    assert read(question).details.dataset_bytes == size


@pytest.mark.parametrize(
    ("question", "tokens"),
    [
        (
            "qlora on llama 2 13b, 2000 steps at batch 8 with seq len 1024 - how long on an a10g?",
            2000 * 8 * 1024,
        ),
        (
            "mistral 7b lora: max_steps=300, per_device_train_batch_size=4, gradient_accumulation_steps=4, "
            "max_seq_length 2048 on one L4, time?",
            300 * 4 * 4 * 2048,
        ),
    ],
)
def test_a_run_counted_in_steps_trains_steps_x_batch_x_length_tokens(read, question, tokens):
    assert read(question).details.tokens == tokens


def test_epochs_asked_per_hour_are_training_time_not_a_lora_being_run(read):
    details = read("how many epochs per hour could I get with a lora of qwen2.5 7b on a 3090?").details
    assert details.task is not None and details.task.is_training and details.wants_time


@pytest.mark.parametrize(
    "question",
    [
        "fine-tuning bert-base at 256 tokens, how large a per-device batch can an 8GB card take?",
        "what's the maximum per-gpu batch size for a qlora of llama 3 8b on a 4090?",
        "electra-large, max_length 128: what per_device_train_batch_size fits on a 12 GB 3060?",
    ],
)
def test_a_largest_batch_per_device_is_read(read, question):
    assert read(question).details.largest_batch


@pytest.mark.parametrize(
    "question",
    [
        "lora on mistral 7b, the biggest per-gpu batch I could run was 3 before OOM, is that normal?",
        "full fine-tune of qwen2.5 0.5b: max batch size of 6 on my 3060, then it crashes. expected?",
    ],
)
def test_a_largest_batch_reported_with_its_number_is_not_asked(read, question):
    assert not read(question).details.largest_batch


def test_a_length_after_the_largest_batch_keeps_the_question(read):
    assert read(
        "what's the max batch size of 2048-token sequences for lora on llama 3 8b on a 4090?"
    ).details.largest_batch
