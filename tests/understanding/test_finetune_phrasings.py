"""Fine-tuning questions in wordings no rule was written for: memory said as "24gb" glued, "a 24 gig card",
"can 12 GB ..."; yes/no questions that end in "..., possible?"; a model the specs lack named with a task.
Phrasings here are in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.sizing import Task
from assistant.understanding._understand import Intent


@pytest.mark.parametrize(
    ("question", "gb"),
    [
        ("is 24gb enough to finetune qwen2 7b with lora?", 24),
        ("Would a 16 gig card do for LoRA on Mistral 7B?", 16),
        ("can 12 GB hold a QLoRA run of Llama 3 8B", 12),
        ("I am on 11GiB, will gemma 2 9b qlora train?", 11),
        ("training Llama 3 8B in 40 gigabytes of vram, ok?", 40),
    ],
)
def test_the_memory_the_user_has_in_any_unit_spelling(read, question, gb):
    assert read(question).details.stated_memory_gb == gb


@pytest.mark.parametrize(
    "question",
    [
        "the 4gb model file for Llama 3 8B loads into 32gb ram, how much vram for LoRA?",
        "a 5 GB checkpoint of Mistral 7B, what GPU for qlora?",
    ],
)
def test_file_and_system_ram_sizes_are_not_the_users_gpu(read, question):
    assert read(question).details.stated_memory_gb is None


@pytest.mark.parametrize(
    "question",
    [
        "full fine tuning Qwen2 1.5B on one RTX 4090, possible?",
        "lora on gemma 2 9b with a single L4 - doable?",
        "qlora llama 3 70b on two A6000s, feasible?",
    ],
)
def test_a_question_ending_in_possible_is_yes_no(read, question):
    assert read(question).details.yes_no


def test_an_open_question_ending_in_enough_stays_open(read):
    assert not read("how much vram is enough?").details.yes_no


@pytest.mark.parametrize(
    "question",
    ["phi-5 full finetune on RTX 3090?", "LoRA of gemma 5 on an A100, fits?"],
)
def test_training_a_model_the_specs_lack_on_a_named_gpu_is_a_sizing_question(read, question):
    u = read(question)
    assert u.intent is Intent.SIZE and u.details.unknown_model and not u.details.has_workload


def test_enough_or_do_i_need_more_is_a_yes_no_about_the_first_amount(read):
    d = read("lora of qwen2 7b in bf16: 16 GB VRAM enough or would I need 24?").details
    assert d.yes_no and d.stated_memory_gb == 16


@pytest.mark.parametrize(
    "question",
    [
        "How much VRAM should I plan for? With 4x L4 and Qwen2.5 14B, could we fine-tune it with LoRA?",
        "it died with OOM last night, but should qlora on llama 3 8b fit on one T4?",
    ],
)
def test_the_last_question_decides_yes_no(read, question):
    assert read(question).details.yes_no


@pytest.mark.parametrize(
    "question",
    ["Can it fit? how much memory does a full finetune of Qwen2.5 3B need?", "why is lora so slow on it?"],
)
def test_an_open_last_question_is_not_yes_no(read, question):
    # ("why can't it run?" is different: its premise is a verdict, and the answer gives one)
    assert not read(question).details.yes_no


def test_plain_ddp_is_data_parallel_but_a_sharding_scheme_is_not(read):
    assert read("full ft of Qwen2.5 3B with torch DDP on 4 A10s").details.data_parallel
    assert read("Qwen2.5 3B full finetune, DistributedDataParallel, 2 GPUs").details.data_parallel
    assert not read("full ft of Qwen2.5 3B with DDP plus deepspeed zero3 on 4 A10s").details.data_parallel
    assert not read("full ft of Qwen2.5 3B with FSDP on 4 A10s").details.data_parallel


def test_a_choice_between_two_is_not_yes_no(read):
    assert not read("For fine-tuning jobs, is the A40 or the L40S the better rental?").details.yes_no


@pytest.mark.parametrize(
    "question",
    [
        "ran out of CUDA memory doing a lora on mistral 7b on my 3090",
        "my lora of qwen2.5 7b keeps running out of vram on a 4080",
        "the qlora on llama 3 8b goes out of gpu memory at step 3 on a T4",
    ],
)
def test_running_out_of_memory_is_a_report_not_running_the_model(read, question):
    from assistant.answering._compose._shapes import reports_oom
    from assistant.sizing import Task

    assert reports_oom(question)
    assert read(question).details.task in (Task.LORA, Task.QLORA)


def test_a_lora_of_a_model_is_training_but_a_lora_on_top_is_running_it(read):
    from assistant.sizing import Task

    assert read("gonna run a lora of gemma 2 9b on two 16gb cards, ok?").details.task is Task.LORA
    assert read("run llama 3 8b with a lora on top on a T4, enough vram?").details.task is Task.INFERENCE


def test_fully_after_the_model_is_a_full_fine_tune_even_with_lora_as_the_alternative(read):
    from assistant.sizing import Task

    assert (
        read("can i finetune gemma 2 2b fully on a 16 gig 4080 or do i need lora?").details.task is Task.FULL
    )
    assert read("is it ok to train qwen2.5 1.5b completely on one T4?").details.task is Task.FULL
    assert read("finetune llama 3 8b with the model fully on the gpu, qlora, 12gb").details.task is Task.QLORA


@pytest.mark.parametrize(
    ("question", "gb"),
    [
        ("I have 16 GB, enough for qlora of qwen2.5 14b?", 16),
        ("Should 48GB suffice for a QLoRA of a 70B?", 48),
        ("would 24 gigs be enough to lora a 13b?", 24),
        ("12gb sufficient to finetune phi-3 mini with lora?", 12),
    ],
)
def test_an_amount_weighed_with_enough_or_suffice_is_the_users_and_a_yes_no(read, question, gb):
    details = read(question).details
    assert details.stated_memory_gb == gb and details.yes_no


def test_what_or_how_much_is_enough_stays_open(read):
    assert not read("what is enough for a 70b qlora?").details.yes_no
    assert not read("how much vram is enough for a lora of llama 3 8b?").details.yes_no


@pytest.mark.parametrize(
    "question",
    [
        "whats the vram cost of a lora on mistral 7b, will my 12gb 4070 ti do it?",
        "what is the memory cost of QLoRA on Qwen2.5 14B at 4k context?",
        "full finetune of a 1b model costs about 30 GB for me, is that normal?",
        "how big is the cost in VRAM of DPO on llama 3 8b",
    ],
)
def test_a_memory_cost_is_memory_not_money(read, question):
    understood = read(question)
    assert not understood.details.wants_cost
    assert understood.intent is not Intent.PRICE
    assert understood.details.task is not None


@pytest.mark.parametrize(
    "question",
    [
        "what's the gpu cost of running the sft script on mistral 7b? I keep hitting OOM on two 24gb cards",
        "gpu budget for a lora run of qwen2.5 7b: how much vram is required at 4k tokens?",
        "any idea of the GPU cost for full finetuning phi-3 mini, it goes out of memory on my 16GB card",
    ],
)
def test_a_gpu_cost_beside_out_of_memory_or_a_memory_question_is_memory(read, question):
    understood = read(question)
    assert not understood.details.wants_cost
    assert understood.intent is not Intent.PRICE


def test_a_gpu_cost_with_money_named_stays_a_price_question(read):
    assert read(
        "gpu cost in dollars per hour to fine-tune llama 3 8b? it went out of memory on colab"
    ).details.wants_cost
    assert read("the GPU cost of a qlora of a 70b, how much would it cost on lambda?").details.wants_cost


def test_a_money_cost_is_still_a_price_question(read):
    assert read("what would the GPU cost be for a LoRA of mistral 7b on runpod?").details.wants_cost
    assert read("how much does it cost to QLoRA a 70B model?").details.wants_cost


@pytest.mark.parametrize(
    "question",
    [
        "full finetuning gemma 2 2b on colab T4, will it fit?",
        "is colab pro's A100 enough to lora llama 3 70b",
        "Can I run qlora for mistral 7b in google colab on the L4?",
    ],
)
def test_a_colab_runtime_is_one_gpu(read, question):
    assert read(question).details.gpu_count == 1


@pytest.mark.parametrize(
    "question",
    [
        "Is V100 32GB VRAM enough for training a lora of llama 3 8b?",
        "is an rtx 4090 sufficient to qlora qwen2.5 32b",
        "for full finetuning mistral 7b is the A100 80GB good enough?",
    ],
)
def test_one_card_asked_about_in_the_singular_is_one_gpu(read, question):
    assert read(question).details.gpu_count == 1


def test_a_count_said_with_the_card_still_wins(read):
    assert read("are 2 A100 80GB enough for full finetuning of llama 3 70b?").details.gpu_count == 2


@pytest.mark.parametrize(
    "question",
    [
        "Can I fine-tune Llama 3.2 1B fully on an M2 MacBook Air with 16GB?",
        "i want to finetune phi-3.5 mini fully on a 4090, possible?",
        "training qwen2.5 0.5b completely on a 6gb card, will it work",
    ],
)
def test_fully_after_a_versioned_model_name_is_a_full_fine_tune(read, question):
    details = read(question).details
    assert details.task is Task.FULL and not details.method_unstated


def test_fully_about_where_it_runs_is_not_the_method(read):
    assert read("can I fine-tune llama 3.1 8b with everything fully on the gpu?").details.method_unstated


@pytest.mark.parametrize(
    "question",
    [
        "how much memory to finetune qwen2.5 7b without any PEFT or quantization?",
        "fine tuning gemma 2 9b with no lora, what gpu do I need?",
        "we want to train mistral 7b not using adapters, is one H100 enough?",
    ],
)
def test_adapters_negated_say_full_fine_tuning(read, question):
    u = read(question)
    assert u.details.task is Task.FULL and not u.details.method_unstated


def test_another_method_named_beside_a_negated_one_is_that_method(read):
    u = read("can I fine-tune mistral 7b with qlora, not plain lora, on a T4?")
    assert u.details.task is Task.QLORA


@pytest.mark.parametrize(
    ("question", "task"),
    [
        ("QLoRA on Gemma 2 9B runs on my 3090, but what would training every parameter take?", Task.FULL),
        ("Full fine-tuning of Qwen2.5 7B will not fit, but could plain LoRA work on one L4?", Task.LORA),
    ],
)
def test_the_method_asked_after_but_is_the_one_sized(read, question, task):
    assert read(question).details.task is task


@pytest.mark.parametrize(
    "question",
    [
        "tune run full_finetune_single_device --config qwen2_5/7B_full_single_device: how much VRAM?",
        "unsloth with full_finetuning=True for gemma 2 9b, what GPU do I need?",
    ],
)
def test_full_fine_tuning_said_by_a_recipe_or_flag_name(read, question):
    u = read(question)
    assert u.details.task is Task.FULL and not u.details.method_unstated


def test_a_method_said_to_work_after_but_leaves_the_one_asked_about(read):
    u = read("full fine-tune of gemma 2 9b crashes on my H100 but LoRA runs fine, why is that?")
    assert u.details.task is Task.FULL


@pytest.mark.parametrize(
    ("question", "batch"),
    [
        ("full fine-tune of qwen2.5 7b, effective batch 256 with a micro batch of 2, 8 H100s", 2),
        ("global batch size 512, batch size 4 per gpu, 4k tokens, full sft of llama 3 8b", 4),
        ("per-device batch size 8 and total batch 64 for a lora of mistral 7b", 8),
        ("lora on gemma 2 9b with bs=16 and seq 1024, how much vram?", 16),
        ("full finetune of phi-3 mini, bsz: 4, max len 2048", 4),
    ],
)
def test_the_batch_one_gpu_holds_is_the_micro_batch(read, question, batch):
    assert read(question).details.batch == batch


def test_the_n_gpus_counts_n_not_the_article(read):
    details = read("full fine-tune of a 13b: all of the 4 gpus show 75gb used, normal?").details
    assert details.gpu_count == 4


@pytest.mark.parametrize(
    "question",
    [
        "how much gpu memory does it cost to turn one photo into a mesh?",
        "how much VRAM will this cost to run on 4k frames?",
    ],
)
def test_memory_a_job_costs_is_memory_not_money(read, question):
    understood = read(question)
    assert not understood.details.wants_cost
    assert understood.intent is not Intent.PRICE
