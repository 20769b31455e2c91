"""Yes/no questions asked indirectly ("I was wondering if ...", "not sure whether ...", "anyone managed to ...",
"any chance to run ...") are yes/no questions; indirect open questions ("wondering how much ...") are not.
Phrasings here are in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "question",
    [
        "i was wondering if my 3080 10gb can run phi-3 medium",
        "would like to know whether two a10g could serve llama 3 8b for our team",
        "Not sure if a 4060 ti 16gb is enough for lora on mistral 7b.",
        "curious whether an m2 max 64gb handles mixtral q4",
        "anyone managed to finetune gemma 2 9b on a t4",
        "Has anybody been able to run qwen2.5 32b on a single 24gb card?",
        "any chance to run llama 3 70b on two 4090s",
        "is there any way of fitting a 34b at q4 on a 16gb card",
        "they quote me $1.10 an hour for an l40s, good deal?",
        "a second 3090 for 70b at q4, worth it?",
        "Anyone serving deepseek v2 lite on 2 x L40S? mine crashes at start-up.",
        "getting OOM here. anybody running qwen2.5 72b awq on four a10g?",
        "Someone tried mixtral 8x7b on a single h100 with vllm?",
        # a conditional clause, then the inverted question, with no comma between them
        "if i swap my 3060 for a 4070 super will qwen 14b in q4 fit entirely?",
        "when two of us query the tgi server together are we both served at once?",
    ],
)
def test_indirect_yes_no(read, question):
    assert read(question).details.yes_no


@pytest.mark.parametrize(
    "question",
    [
        "i was wondering how much vram llama 3 8b needs for qlora",
        "not sure which gpu to rent for serving mixtral, any advice?",
        "any way to reduce memory use when training sdxl?",
        "anyone know which gpu is cheapest for serving llama 3 8b?",
        "if i get a second a6000 what model can the pair serve?",
        "when i train sdxl loras how much memory does kohya take?",
    ],
)
def test_indirect_open_questions_stay_open(read, question):
    assert not read(question).details.yes_no


@pytest.mark.parametrize(
    "question",
    [
        "what would happen if I install a 3060 next to my 4080 in one tower?",
        "how do a 4070 and a 2060 behave together in a single pc under koboldcpp?",
    ],
)
def test_how_two_cards_work_as_one_setup_is_explained_not_a_spec_sheet(read, question):
    from assistant.understanding import Intent

    assert read(question).intent is Intent.EXPLAIN
