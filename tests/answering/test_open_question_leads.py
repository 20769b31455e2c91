"""An open question (what / how / why / which, alone or as the last clause after the setting-out) asks an amount or
a way, not whether: "how much is the minimum VRAM needed?" is no necessity question ("do I need an A100?"). A
question whose asking clause is a yes/no stays one. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.answering._verdict import asks_open


@pytest.mark.parametrize(
    "question",
    [
        "my flux lora on a 4080 16gb dies with cuda oom at 768px, which settings should i lower?",
        "Running whisper on a 6gb laptop card. How much memory does the large model really take?",
        "got an l4 at work; what is the biggest model i can serve on it?",
        "why is kohya using all 24gb of my 3090",
        "so how many a10g would a 34b need in 8 bit?",
    ],
)
def test_open_questions(question):
    assert asks_open(question)


@pytest.mark.parametrize(
    "question",
    [
        "what do you reckon, will a 4070 super hold qwen 14b at q4?",
        "i have 2 a4000s. could they fine-tune mistral 7b with qlora?",
        "is it doable on a 3060, and if so, which quant should i pick?",
        "how about four of them?",
        "what about in 8-bit?",
        "Is 16 GB too little for SDXL training? What batch size works?",
    ],
)
def test_yes_no_questions_stay_yes_no(question):
    assert not asks_open(question)


def test_how_much_is_no_necessity_question(assistant):
    # "how much is the minimum VRAM needed for X?" asks an amount: no "nothing with less memory holds it" verdict
    reply = assistant.ask(
        "I have a 2070 super 8gb and the web ui says out of memory at 640x640. What is the least vram sd 1.5 needs?",
        conversation_id="open-lead-minimum",
    )
    assert "nothing with less memory holds it" not in reply.text
