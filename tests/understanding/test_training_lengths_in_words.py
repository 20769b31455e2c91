"""The length of each training example, said the way people say it: "an 8k length dataset", "6k-long
transcripts", "4K+ context size", and an RL run's prompt and completion limits, which the model holds at once.
Phrasings here are in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "tokens"),
    [
        ("lora on mistral 7b with an 8k length dataset, will two 3090s do?", 8192),
        ("qlora qwen2.5 14b, my transcripts are 6k-long, one 4090 enough?", 6144),
        ("full finetune of a 1b model with 4K+ context size on a T4, possible?", 4096),
        ("phi-3 mini lora where samples are 3000 tokens long, 12gb card ok?", 3000),
        ("fine tuning llama 3 8b on 16k-length documents with 4x A100 40GB", 16384),
    ],
)
def test_an_example_length_in_words_is_the_sequence_length(read, question, tokens):
    assert read(question).details.context == tokens


@pytest.mark.parametrize(
    ("question", "tokens"),
    [
        (
            "GRPO on qwen2.5 1.5b with max_prompt_length=512 and max_completion_length=1536, fits a 24GB card?",
            2048,
        ),
        ("trl grpo llama 3.2 3b, max_prompt_length 1k, max_completion_length 3k, how much vram", 4096),
    ],
)
def test_prompt_and_completion_limits_add_up(read, question, tokens):
    assert read(question).details.context == tokens


@pytest.mark.parametrize(
    "question",
    [
        "how long is a 3 month long rental of an A100?",
        "a 7b model on my 12 gb card, is it long to load?",
    ],
)
def test_other_lengths_are_not_a_sequence(read, question):
    assert read(question).details.context is None


@pytest.mark.parametrize(
    ("question", "seen", "reference"),
    [
        ("it takes 13 hours on 8 A100s but the paper said 3 hours, what's wrong?", 13, 3),
        ("my run needs 2 days vs 10h in the readme", 48, 10),
        ("epoch takes 6h while others report it only took 90 minutes", 6, 1.5),
    ],
)
def test_a_time_reported_for_the_same_work_is_the_reference(read, question, seen, reference):
    details = read(question).details
    assert details.stated_wall_hours == pytest.approx(seen)
    assert details.reference_wall_hours == pytest.approx(reference)


def test_one_duration_has_no_reference(read):
    assert read("fine-tuning takes 13 hours on 8 A100s, is that normal?").details.reference_wall_hours is None


@pytest.mark.parametrize(
    ("question", "tokens"),
    [
        # a completion limit said without "length" or "tokens" after it: after TRL's default 512-token prompt
        ("grpo with lora on llama 3.2 1b, 8 generations, max completion 2048, one 3090 enough?", 2560),
        ("rloo run on qwen2.5 0.5b, completion length 768 and prompt length 256, will a t4 hold it?", 1024),
        ("dapo on a 7b, max prompt 1k and max response 3k, how many h100s?", 4096),
    ],
)
def test_an_rl_length_said_in_short_is_the_sequence_length(read, question, tokens):
    assert read(question).details.context == tokens


def test_a_setting_the_memory_affords_keeps_the_card_told_and_asks_no_price(read):
    details = read("lora on gemma 2 9b using a 16gb card. what sequence length could we afford?").details
    assert details.stated_memory_gb == 16 and details.longest_context
    assert not details.cheaper and details.min_memory_gb is None
