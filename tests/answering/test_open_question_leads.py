"""An open question (what / how / why / which, alone or as the last clause after the setting-out) is answered by
what fits or how much, never by a bare **Yes**: "my LoRA keeps running out of memory on a 12 GB card, what can I
change?" answered "**Yes** on the card" reads as "nothing". A question whose asking clause is a yes/no stays one.
Phrasings in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.answering._verdict import asks_open, opens_with_verdict


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


@pytest.mark.parametrize(
    "question",
    [
        "my flux lora on a 4080 16gb dies with cuda oom at 768px, which settings should i lower?",
        "I have a 2070 super 8gb and the web ui says out of memory at 640x640. What is the least vram sd 1.5 needs?",
    ],
)
def test_an_open_question_does_not_open_with_yes(assistant, question):
    reply = assistant.ask(question, conversation_id=f"open-lead-{hash(question)}")
    first = next(line for line in reply.text.splitlines() if line.strip())
    assert not first.startswith("**Yes")
    assert not (opens_with_verdict(first) and first.lstrip("* ").lower().startswith("yes"))


def test_a_yes_no_with_a_card_still_leads_with_its_verdict(assistant):
    reply = assistant.ask("can a 4060 ti 16gb run sdxl at 1024px?", conversation_id="open-lead-yes-no")
    assert opens_with_verdict(reply.text)
