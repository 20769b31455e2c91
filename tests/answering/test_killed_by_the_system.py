"""A non-LLM run "Killed" with no CUDA error (phrasings of our own, in no evaluation set): the operating system
ended it for running out of system RAM, which the answer says before any GPU memory figure."""

from __future__ import annotations

import pytest

from assistant.answering._compose._non_llm import killed_by_the_system


@pytest.mark.parametrize(
    "question",
    [
        "[CogVideoX] killed while loading the model on colab T4",
        "the image-to-3D generator Orbix3D prints Killed halfway through on my 3060, why?",
    ],
)
def test_a_killed_run_is_said_to_be_system_ram(converse, question):
    reply = converse(question)
    assert "system RAM" in reply.text and "out-of-memory killer" in reply.text, reply.text


@pytest.mark.parametrize(
    "question",
    [
        "HunyuanVideo gives torch.cuda.OutOfMemoryError and then the process is killed on my 4090",
        "how much vram does the Mochi demo need on an A6000?",
    ],
)
def test_a_cuda_error_or_no_kill_is_no_system_ram_note(question):
    assert killed_by_the_system(question) is None
