"""A model named by a multi-part hyphenated name the specs do not hold ("MiniMax-VL-01") stays the subject of the
question: "is 8x A100 ok for it?" asks about running that model, not what runs on the cards or what the cards are;
and a job step the user says worked ("it was possible to convert it to fp16") is not the job asked about.
Phrasings in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.understanding._understand import Intent
from assistant.understanding._weights_job import read_weights_job


@pytest.mark.parametrize(
    "question",
    [
        "would 4x H100 be fine for Kimi-VL-Thinker-03?",
        "which card should I rent, Hunyu-Omni-2 runs on what exactly? is one A100 80GB ok?",
        "can Zeta-Chat-Large-7 run on two L40S?",
    ],
)
def test_an_unknown_model_stays_the_subject(read, question):
    u = read(question)
    assert u.details.unknown_model and u.intent not in (Intent.MY_HARDWARE, Intent.SPEC), (
        u.intent,
        u.details,
    )


@pytest.mark.parametrize(
    ("text", "job"),
    [
        (
            "with transformers i was able to load it and convert it to bf16, but tgi goes oom on start. why?",
            None,
        ),
        ("converting the 13b to gguf gets killed on my 16gb laptop", "convert"),
        ("how long does it take to quantize a 34b to exl2 on a 3090?", "quantize"),
    ],
)
def test_a_job_step_that_worked_is_not_the_job_asked(text, job):
    assert read_weights_job(text) == job
