"""Reading the user's sentence, not its keywords: negation, the fine-tuning method, counts written as words,
stated hardware and memory, yes/no questions, providers. Phrasings here are in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.sizing import Task
from assistant.understanding._understand import Intent


@pytest.mark.parametrize(
    ("question", "task"),
    [
        ("Tuning Mistral 7B — no LoRA, all parameters please. What GPU?", Task.FULL),
        ("we would rather update the whole model than use adapters for Qwen2 7B", Task.FULL),
        ("Skip the training part, I only need to serve Llama 3 8B to my coworkers", Task.INFERENCE),
        ("I do not want to fine-tune Gemma 2 9B, just run it behind an API", Task.INFERENCE),
        ("running sft with finetuning_type=full on llama 3 8b blows up memory", Task.FULL),
        ("my config has lora_alpha=32 and lora_r=8 for Llama 3 8B, is a 4090 enough?", Task.LORA),
        ("continue training Llama 3 8B with load_in_4bit=True on my data", Task.QLORA),
    ],
)
def test_the_task_the_sentence_wants(read, question, task):
    assert read(question).details.task is task


def test_a_fine_tune_without_a_method_is_flagged_not_silently_lora(read):
    d = read("What does it take to finetune Gemma 2 9B on support tickets?").details
    assert d.task is Task.FULL and d.method_unstated
    d = read("What does it take to finetune Gemma 2 9B with QLoRA?").details
    assert d.task is Task.QLORA and not d.method_unstated


def test_a_follow_up_that_names_the_method_replaces_the_unstated_one(read):
    u = read("finetune Llama 3 8B, which card?", "ok and with plain LoRA?")
    assert u.details.task is Task.LORA and not u.details.method_unstated


@pytest.mark.parametrize(
    ("question", "batch"),
    [
        ("Serve Llama 3 8B for thirty people at once", 30),
        ("Llama 3 8B chatbot for twenty-five concurrent users", 25),
        ("a dozen users hitting Mistral 7B at the same time", 12),
    ],
)
def test_user_counts_written_as_words(read, question, batch):
    assert read(question).details.batch == batch


@pytest.mark.parametrize(
    ("questions", "count"),
    [
        (("Serve Llama 3 70B on an H100", "and on three of them?"), 3),
        (("Run Qwen2 72B on 4*L40S",), 4),
        (("Llama 3 70B on 2xH100",), 2),
        (("Llama 3 70B on H100 x 4",), 4),
        (("can my pair of 4090s hold mixtral 8x7b in 4-bit?",), 2),  # "my pair of", not only "a pair of"
        (("our couple of a6000s for qwen2.5 32b, enough?",), 2),
    ],
)
def test_gpu_counts_anywhere(read, questions, count):
    assert read(*questions).details.gpu_count == count


def test_help_me_pick_is_a_request_not_a_greeting(read):
    assert read("help me pick a GPU for fine-tuning").intent is not Intent.GREETING
    assert read("help").intent is Intent.GREETING


def test_a_cloud_named_as_a_place_is_not_a_chip_vendor(read):
    u = read("Fine-tune Llama 3 8B with LoRA", "and if I rent it on AWS?")
    assert u.details.vendor is None
    assert read("Run Llama 3 8B somewhere on Google Cloud").details.vendor is None
    assert read("Llama 3 8B on AWS's own chips").details.vendor == "AWS"


def test_stated_memory_and_yes_no(read):
    d = read("Will my 10gb card handle Mistral 7B?").details
    assert d.yes_no and d.stated_memory_gb == 10
    d = read("Is 16 GB of VRAM enough for Gemma 2 9B?").details
    assert d.yes_no and d.stated_memory_gb == 16
    d = read("Which GPU with 48gb of vram should I get for Llama 3 8B?").details
    assert not d.yes_no and d.min_memory_gb == 48  # a floor for picking, not a card to check a verdict on
    assert not read("How much memory does Llama 3 8B need?").details.yes_no


def test_a_gpu_only_follow_up_keeps_the_workload(read):
    u = read("QLoRA on Llama 3 70B keeps running out of memory on 2 L4", "would 4 L4 fix it?")
    assert u.follow_up and u.details.model == "Llama 3 70B" and u.details.task is Task.QLORA
    assert u.details.gpus == ("L4",) and u.details.gpu_count == 4
    u = read("Serve Llama 3 8B", "what are the L4 specs?")
    assert not u.follow_up


def test_cost_and_time_questions(read):
    assert read("what would a LoRA run on Mistral 7B set me back in dollars?").details.wants_cost
    assert read("how long to fine-tune Mistral 7B with QLoRA on one A100?").details.wants_time


def test_capacity_questions(read):
    assert read("how many simultaneous requests can an L40S take with Mistral 7B?").details.wants_capacity
    assert read("will 2 H100 handle 300 users on Llama 3 70B?").details.wants_capacity
    assert not read("how much memory for Mistral 7B?").details.wants_capacity


def test_the_asking_sentence_names_the_workload(read):
    d = read("I already ran QLoRA on Mistral 7B with one 3090. Could I do the same for a 70B model?").details
    assert d.model is None and d.params == 70e9 and d.task is Task.QLORA
    d = read("Gemma 2 9B works great for us. Would Llama 3 70B fit on two L40S?").details
    assert d.model == "Llama 3 70B"
    d = read("Can my team fine tune llama3.1 70b on 8 H100?").details  # a dotted name is not two sentences
    assert d.model == "Llama 3.1 70B"
    d = read("We serve Llama 3 8B today. Is an L4 enough for the 8B?").details  # the same model said again
    assert d.model == "Llama 3 8B"


def test_negation_covers_lists_and_adverbs(read):
    d = read("I want to update every weight of Mistral 7B, not really LoRA or QLoRA. Which GPU?").details
    assert d.task is Task.FULL


def test_running_with_a_lora_adapter_is_inference(read):
    assert (
        read("I load Mistral 7B plus a LoRA adapter to generate answers, what GPU?").details.task
        is Task.INFERENCE
    )
    assert read("I want to train a LoRA adapter for Mistral 7B").details.task is Task.LORA


def test_the_one_card_a_user_has_is_counted_as_one(read):
    assert read("I'm using an L40S and Llama 3 70B runs out of memory").details.gpu_count == 1
    assert (
        read("Does Llama 3 70B run on L40S?").details.gpu_count is None
    )  # a kind of card: the fewest that fit
