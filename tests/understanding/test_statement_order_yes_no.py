"""A yes/no asked in statement order ("there is a way to ...?", "any chance it loads ...?", "we can serve it on
...?"), one after an open question ("How much do I need? Is 10gb fine?" asks the amount, then whether the amount
said is enough), and one typed with doubled blanks, is a yes/no; an open question word opening the sentence still asks
for something else. Phrasings here are in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "question",
    [
        "There is a way to load gemma 2 27b on my 3090 ?",
        "there's any possibility to serve qwen2.5 32b with two 4060 ti?",
        "Any chance mixtral 8x7b loads on a single a6000?",
        "any chance that llama 3 70b fits on 2 rtx 3090?",
        "With two L4 cards we can serve a 34B model in 8-bit?",
        "So i could still fine-tune phi-3 mini on a 1660 super?",
    ],
)
def test_a_yes_no_in_statement_order_is_a_yes_no(read, question):
    assert read(question).details.yes_no


@pytest.mark.parametrize(
    "question",
    [
        "How much VRAM does Qwen2.5 7B take for LoRA? Is 10gb fine?",
        "What is the minimum memory to run SDXL? Is 6 GB ok ?",
        "how much memory does gemma 2 9b need in 4bit. is 8g gpu good enough?",
        "what card for flux schnell? 16gb works?",
        "which quant for a 14b... 12 gb is enough?",
    ],
)
def test_a_yes_no_after_an_open_question_is_a_yes_no(read, question):
    assert read(question).details.yes_no


def test_doubled_blanks_do_not_hide_a_yes_no(read):
    assert read("Well  is there any  way to run mistral 7b on a 2060  ???").details.yes_no


@pytest.mark.parametrize(
    "question",
    [
        "which model we can run on a 4060 ti 16gb?",
        "what i can fine-tune on one t4?",
        "Any tips for a 3060 owner?",
    ],
)
def test_open_questions_stay_open(read, question):
    assert not read(question).details.yes_no


@pytest.mark.parametrize(
    "question",
    [
        "My card is a 4070 super, it will be enough for sdxl training?",
        "hi, i have two a4000, they can serve qwen2.5 14b together?",
        "Good evening, I'd like to ask if a single L4 handles whisper large-v3 for 5 streams.",
        "My laptop has a 3050 4GB, I am curious will it run phi-3 mini?",
        "Any idea if it loads on an arc a770 16gb?",
        "thinking of getting a 5060 ti 16gb. it would handle flux lora training??",
    ],
)
def test_a_yes_no_after_a_setting_out_is_a_yes_no(read, question):
    assert read(question).details.yes_no


@pytest.mark.parametrize(
    "question",
    [
        "I'd like to know which models it can run on a 4070 super?",
        "so on two 3090s we can serve what, exactly?",
        "we could use either tgi or vllm for phi-3 on an l4?",
        "I could use some guidance on serving gemma 2 9b?",
    ],
)
def test_an_open_word_a_choice_or_a_plea_keeps_it_open(read, question):
    assert not read(question).details.yes_no


@pytest.mark.parametrize(
    ("question", "memory"),
    [
        ("what card for flux schnell? 16gb works?", 16.0),
        ("minimum vram for whisper medium? 4 gb vram ok?", 4.0),
    ],
)
def test_the_amount_asked_about_is_the_memory_weighed(read, question, memory):
    u = read(question)
    assert u.details.yes_no and u.details.stated_memory_gb == memory


@pytest.mark.parametrize(
    "question",
    [
        "Can a 4070 super train an sdxl lora? If not, what card should I rent?",
        "Is one H100 enough for qwen2.5 72b in fp8? if not how many h100s?",
        "Will gemma 2 9b fit on a 2060 12gb in q8? Otherwise which quant?",
    ],
)
def test_a_yes_no_followed_by_one_on_its_answer_is_a_yes_no(read, question):
    assert read(question).details.yes_no


def test_an_open_question_followed_by_if_not_stays_open(read):
    assert not read("Which card do you suggest for flux? If not sure, what is a safe pick?").details.yes_no
