"""Single-GPU fine-tuning reports read as meant: the training verbs mistyped ("funetuning", "traning"), an
out-of-memory report on one named card (one card, not the fewest that would fit), a model's version suffix that
looks like an Apple chip ("bge-m3"), and the trainers whose kernels change the memory (Unsloth, Liger).
Phrasings here are in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.sizing import Task
from assistant.understanding._spelling import plain_spelling


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("funetuning", "finetuning"),
        ("Fintune", "finetune"),
        ("finetuing", "finetuning"),
        ("fientune", "finetune"),
        ("traning", "training"),
        ("trainning", "training"),
    ],
)
def test_a_mistyped_training_verb_is_spelt_the_usual_way(typed, meant):
    assert plain_spelling(f"can I {typed} qwen 7b?") == f"can I {meant} qwen 7b?"


@pytest.mark.parametrize("word", ["trainer", "trading", "tracing", "fortune", "finance", "tuning", "trains"])
def test_real_words_near_them_stay(word):
    assert plain_spelling(f"the {word} here") == f"the {word} here"


def test_a_mistyped_fine_tune_is_a_fine_tune(read):
    d = read("how much vram for fully funetuning a 7b model on one V100 32G?").details
    assert d.task is Task.FULL and d.params == pytest.approx(7e9)


def test_an_oom_on_one_named_card_is_about_that_one_card(read):
    d = read(
        "sft of qwen2.5 3b OOMs at the first step on rtx 4090 with per_device_train_batch_size=8"
    ).details
    assert d.gpus == ("RTX 4090",) and d.gpu_count == 1 and d.batch == 8


def test_an_oom_on_several_cards_keeps_their_count(read):
    assert read("full finetune of llama 3 8b OOMs on 4 A100 40GB").details.gpu_count == 4


def test_a_model_version_ending_like_a_mac_chip_is_no_mac(read):
    d = read("fine-tuning bge-reranker-v2-m3 on my 8gb laptop gpu, ok?").details
    assert not any(g.startswith("M3") for g in d.gpus)


@pytest.mark.parametrize(
    ("question", "unsloth", "fused"),
    [
        ("qlora of mistral 7b with unsloth on a T4", True, False),
        ("lora llama 3 8b, use_liger_kernel=True, on a 3090", False, True),
        ("lora of gemma 2 9b with cut cross entropy on an L4", False, True),
        ("plain peft lora of mistral 7b on a T4", False, False),
    ],
)
def test_trainers_that_change_the_memory_are_read(read, question, unsloth, fused):
    d = read(question).details
    assert (d.unsloth, d.fused_loss) == (unsloth, fused)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("fine-tuning my s-bert runs out of memory", "embeddings"),
        ("train a bi-encoder with sentence transformers on 8gb", "embeddings"),
        ("cross-encoder training OOM on a T4", "reranker"),
    ],
)
def test_encoder_fine_tunes_name_their_kind(question, kind):
    from assistant.knowledge._workloads import kind_in_text

    assert kind_in_text(question) == kind


def test_a_count_asked_as_the_alternative_is_not_the_setup(read):
    d = read("is 80gb enough to full finetune llama 3 8b, or do I need 2 GPUs?").details
    assert d.gpu_count is None and d.stated_memory_gb == 80


def test_a_size_after_a_comma_has_no_name_before_it(read):
    d = read("how many bytes per param does adam take, 7b on an a100 80gb ok?").details
    assert d.model_note is None and d.params == pytest.approx(7e9)


@pytest.mark.parametrize(
    ("question", "count"),
    [
        ("I have 2x rtx 3090 but want to know if one is enough for qlora on qwen2.5 32b", 1),
        ("we own four A6000s - would two be enough for LoRA of llama 3 70b?", 2),
    ],
)
def test_the_count_asked_about_wins_over_the_count_owned(read, question, count):
    assert read(question).details.gpu_count == count


@pytest.mark.parametrize(
    ("question", "task"),
    [
        ("finetune gemma 2 9b with unsloth on a 3060", Task.QLORA),  # its default: load_in_4bit=True
        ("full finetune with unsloth of qwen2.5 1.5b", Task.FULL),
        ("unsloth 16bit lora of llama 3 8b", Task.LORA),
    ],
)
def test_unsloth_with_no_method_said_is_its_4_bit_default(read, question, task):
    assert read(question).details.task is task


def test_seqlen_written_as_one_word_is_the_sequence_length(read):
    d = read("peft lora of qwen2.5 7b, batch 4, seqlen 1536, OOM on an L4").details
    assert (d.context, d.batch) == (1536, 4)


def test_a_run_at_n_tokens_is_its_sequence_length(read):
    assert read("qlora of mistral 7b at 3072 tokens OOMs on a T4").details.context == 3072
    assert read("llama 3 8b does 40 tokens per second at 512 tokens per request?").details.context != 512
