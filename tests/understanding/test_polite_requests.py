"""'Can you compare / recommend / explain ...?' is a request phrased as a question, not a yes/no: the answer gives
what is asked for instead of opening 'Yes —'. A request that carries a yes/no of its own ('can you tell me if a 3090
runs it?') stays one."""

from __future__ import annotations

import pytest

from assistant.understanding._understand import understand


@pytest.mark.parametrize(
    "question",
    [
        "could you recommend something for serving mistral 7b?",
        "hey, can you compare the l40s and the a6000 for qlora of a 13b?",
        "can u suggest a card to train a small diffusion model",
        "would you please explain what kv cache does to vram",
        "can you give me a rough vram estimate for a 14b model at 32k context",
    ],
)
def test_a_request_is_not_a_yes_no(catalog, models, question):
    assert understand(question, catalog, models).details.yes_no is False


@pytest.mark.parametrize(
    "question",
    [
        "could you tell me whether qwen2.5 7b fits in 12gb?",
        "can you check if two 3090s are enough for a 70b at 4 bit?",
        "can an a10g run llama 3 8b in fp16?",
    ],
)
def test_a_request_with_a_yes_no_inside_stays_one(catalog, models, question):
    assert understand(question, catalog, models).details.yes_no is True


def test_the_answer_to_a_request_does_not_open_with_yes(converse):
    reply = converse("could you recommend a gpu for lora fine-tuning of llama 3 8b?")
    assert not reply.text.lstrip("*").startswith("Yes")
