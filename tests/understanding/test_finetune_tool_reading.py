"""The fine-tuning tool a question names is read (its defaults then size the run), the method a tool is stands
for the method when none is said, a tool's name is never read as a model, and a setting said beside the tool
is kept. Phrasings here are in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.sizing import Task


@pytest.mark.parametrize(
    ("question", "tool"),
    [
        ("trying alpaca-lora on mistral 7b with my 3080, enough vram?", "alpaca-lora"),
        ("Alpaca LoRA finetune of llama2 13b — how much memory does it take", "alpaca-lora"),
        ("python qlora.py --model_name_or_path llama-2-70b oom on 2x a6000", "qlora.py"),
        ("does artidoro/qlora fit codellama 34b on a single a100 40gb", "qlora.py"),
        ("LLaMA-Factory sft of qwen2.5 14b on one 4090, will it fit?", "llama-factory"),
        ("llamafactory-cli train for yi 34b lora, how many 3090s?", "llama-factory"),
        ("using llama factory to fine tune gemma 2 9b on a t4", "llama-factory"),
        ("Fine-tune Llama 3 8B with LlamaFactory on 24GB?", "llama-factory"),
    ],
)
def test_the_tool_named_is_read(read, question, tool):
    assert read(question).details.finetune_tool == tool


@pytest.mark.parametrize(
    "question",
    [
        "how much vram to qlora llama 2 13b",
        "lora on mistral 7b with peft, 16gb card",
        "run the alpaca 7b model with llama.cpp",
        "fine tune phi-3 mini on a 3060",
    ],
)
def test_no_tool_is_read_where_none_is_named(read, question):
    assert read(question).details.finetune_tool is None


@pytest.mark.parametrize(
    ("question", "task"),
    [
        ("qlora.py with llama 2 13b on my 3090, will it fit", Task.QLORA),
        ("can I train with alpaca-lora on llama 7b using a 12gb card", Task.LORA),
        ("alpaca-lora on llama-13b, 16 gb enough?", Task.LORA),
        ("llamafactory-cli with qwen2 7b, full fine-tune, how many a100s", Task.FULL),
    ],
)
def test_a_tool_that_is_one_method_stands_for_the_method_unsaid(read, question, task):
    assert read(question).details.task is task


def test_the_tools_name_is_no_model(read):
    understanding = read("alpaca-lora on llama 13b with a 16GB card, will it fit?")
    assert understanding.details.model == "LLaMA 13B"
    assert not (understanding.details.model_note or "").startswith("Alpaca")


def test_a_setting_said_beside_the_tool_is_kept(read):
    details = read("alpaca-lora with cutoff_len 1024 and micro batch size 8 on llama 2 7b").details
    assert (details.finetune_tool, details.context, details.batch) == ("alpaca-lora", 1024, 8)


def test_running_the_alpaca_lora_weights_stays_inference(read):
    # alpaca-lora also ships generate.py: loading its published adapter to chat is no fine-tune
    assert read(
        "python generate.py --load_8bit with the alpaca-lora 7b weights on a 8gb gpu"
    ).details.task in (
        Task.INFERENCE,
        None,
    )


@pytest.mark.parametrize(
    ("question", "rank"),
    [
        ("python qlora.py --lora_r 16 on llama 2 13b, fits a 3090?", 16),
        ("LoraConfig(r=32, lora_alpha=64) on mistral 7b, how much vram", 32),
        ("rank 128 lora of qwen2.5 14b on an a6000", 128),
        ("lora_rank: 256 in my llamafactory yaml for llama 3 8b", 256),
        ("lora with r=4 on phi-3 mini, 8gb card ok?", 4),
        ("lora of qwen 7b on a 4090 with batch 4", None),
    ],
)
def test_a_lora_rank_said_is_read(read, question, rank):
    assert read(question).details.lora_rank == rank


@pytest.mark.parametrize(
    ("question", "task"),
    [
        # a research repo's training script that trains every weight: its method is full fine-tuning
        ("will the fastchat train script handle llama 2 13b on 4 a6000s?", Task.FULL),
        ("running LLaVA's finetune.sh for llava 1.5 13b on 8x L40S, enough memory?", Task.FULL),
        # tools whose method default is LoRA (ms-swift's train_type, LLaMA-Factory's finetuning_type)
        ("swift sft with qwen2.5 14b on two 3090s, does it fit?", Task.LORA),
        ("ms-swift on glm4 9b with a single 24gb card?", Task.LORA),
        ("llama-factory on mistral 7b with an rtx 4080, ok?", Task.LORA),
        # the method said wins over the tool's default
        ("ms-swift full parameter training of qwen2.5 7b on 8x h100", Task.FULL),
    ],
)
def test_a_tools_default_method_stands_for_the_method_unsaid(read, question, task):
    assert read(question).details.task is task


@pytest.mark.parametrize(
    ("question", "task"),
    [
        # the method glued into a script or config name, between underscores, slashes or dots
        ("bash scripts/finetune_lora.sh with vicuna 13b on one a100 80gb, fits?", Task.LORA),
        ("my gemma_qlora_ds.yaml run for gemma 2 9b on a 3080, enough?", Task.QLORA),
        ("phi3_full_sft.yaml on 2 a6000 for phi-3 mini, will it fit?", Task.FULL),
        # and a word that merely contains the letters is no method
        ("the flora dataset with a fine-tune of llama 2 7b on a 4090", Task.FULL),
    ],
)
def test_a_method_glued_into_a_file_name_is_read(read, question, task):
    assert read(question).details.task is task
