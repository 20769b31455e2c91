"""Reading a card had against a card to buy ('I currently have X … I might buy Y') as alternatives, and words
opening a clause ('Because 70B models …', 'Since 13B models …') never as a model's name. Phrasings in no evaluation
set."""

from __future__ import annotations

import pytest


def test_a_card_had_and_a_card_to_buy_are_alternatives_not_one_machine(read):
    u = read("I currently have an RTX 3060 12GB, I might buy an RTX 4090 so 70B models generate faster")
    assert u.details.cards_weighed


@pytest.mark.parametrize(
    "question",
    [
        "Because 70B models crawl on my CPU, would an RTX 4090 help?",
        "Since 13B models are slow on my laptop, can my 3060 run them?",
        "would it make 34b q4 in koboldcpp faster on a 3090?",
    ],
)
def test_a_word_opening_a_clause_is_not_a_model_name(read, question):
    assert read(question).details.model_note is None


@pytest.mark.parametrize(
    "question",
    [
        "Ollama questions (training, context, gpus). I run qwen2.5 7b in 4 bit on my 3070. Inference seems slow, normal?",
        "a few things (fine-tuning, speed). generation with mistral 7b on my m2 is slow, is that expected?",
    ],
)
def test_a_bracketed_list_of_topics_does_not_make_a_run_a_fine_tune(read, question):
    assert read(question).details.task.value == "inference"


def test_a_bracketed_list_of_settings_of_a_fine_tune_stays_a_fine_tune(read):
    assert read("fine-tune llama 3 8b (lora, r=16, 4-bit) on my 3090?").details.task.value != "inference"
