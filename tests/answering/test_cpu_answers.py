"""Running without a GPU: a verdict first, the RAM in 16-bit and 4-bit from the plan, and what to expect
(issue 9 item 2). Real components; phrasings in no evaluation set."""

from __future__ import annotations

import re

import pytest

from assistant.answering._numbers import unsupported_numbers


def test_a_model_on_a_cpu_gets_yes_and_the_ram_it_needs(ask):
    reply = ask("Is it feasible to host Qwen2.5 7B on a CPU only VPS?")
    assert reply.text.startswith("**Yes**")
    ram = re.findall(r"\*\*([\d.]+) GB", reply.text)
    assert len(ram) == 2 and float(ram[1]) < float(ram[0])  # 16-bit, then 4-bit
    assert 14 < reply.memory_gb < 20


def test_asking_whether_a_gpu_is_required_gets_no(ask):
    reply = ask("We want to deploy Phi-3 mini for inference — is a GPU mandatory?")
    assert reply.text.startswith("**No** — a GPU is not required")
    assert "RAM" in reply.text


def test_a_gpu_question_without_a_model_still_gets_a_verdict_and_no_invented_figure(assistant):
    state = assistant._prepare("do we even need a gpu for running inference on our small classifier?", None)
    assert state["draft"].startswith("**No**")
    assert unsupported_numbers(state["draft"], state["facts"], state["passages"]) == set()


def test_fine_tuning_on_a_gpu_is_not_answered_as_cpu_inference(ask):
    reply = ask("can I fine-tune Llama 3 8B with LoRA on one L4 instead of on CPUs?")
    assert "runs on a CPU" not in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "GPU memory needed for Qwen2.5 72B GPTQ int4 with 8 concurrent users at 8k context",
        "what GPU is needed to serve mistral small 24b for a team?",
        "vram required for llama 3.1 8b at 32k context in vllm",
    ],
)
def test_gpu_memory_needed_is_a_sizing_question_not_whether_a_gpu_is(ask, question):
    reply = ask(question)
    assert "a GPU is not required" not in reply.text
    assert "RAM" not in reply.text.split("\n")[0]
    assert reply.gpus  # GPUs sized for it


def test_how_fast_on_the_cpu_opens_with_the_speed(converse):
    first = converse("qwen2.5 7b on just my cpu and 64gb of ram — roughly how many tokens per second?").text
    first = first.strip().splitlines()[0]
    assert first.startswith("Generation is bound by the RAM bandwidth: expect about **"), first
    assert "tokens/s" in first.split(".")[0] + first


def test_a_yes_no_about_the_cpu_before_how_much_ram_keeps_its_yes(ask):
    """'Can it run on the CPU only? If so, how much RAM?' asks the yes / no first; a 'how much RAM?' alone is answered
    by the figure, and then the sentence still starts with a capital letter."""
    reply = ask(
        "is it possible to run this code model on cpu only? if so, how much ram does it need? [some code LLM]"
    )
    assert reply.text.startswith("**Yes**")
    reply = ask("can an llm be run on the cpu only, and how much ram is needed then?")
    assert reply.text[:1].isupper()
