"""A support question about a CPU, a phone or a card the catalog does not list is still a support question, asked
of that platform; a yes/no of the tool asked in a later sentence counts like one asked first."""

from __future__ import annotations

import pytest

from assistant.understanding import Intent


@pytest.mark.parametrize(
    ("question", "tool", "stack", "card"),
    [
        ("will mlc-llm work with no gpu at all, just cpu?", "MLC LLM", "CPU", None),
        ("does llama.cpp support running on an ipad?", "llama.cpp", "Mobile", None),
        ("does lm studio work on my samsung phone?", "LM Studio", "Mobile", None),
        ("any chance vllm works on a geforce gtx 980?", "vLLM", "CUDA", "GTX 980"),
        ("is my radeon r9 280x supported by ollama", "Ollama", "ROCm", "R9 280X"),
        ("can sglang use an instinct mi60?", "SGLang", "ROCm", "MI60"),
        ("is a radeon r9 fury x supported by koboldcpp?", "KoboldCpp", "ROCm", "R9 Fury X"),
    ],
)
def test_a_support_question_about_other_hardware(read, question, tool, stack, card):
    u = read(question)
    assert u.intent is Intent.SPEC
    assert u.details.software == (tool,) and u.details.stack_asked == stack
    assert u.details.unlisted_gpu == card


def test_a_support_question_in_a_second_sentence(read):
    u = read("trying koboldcpp on windows with an rx 7800 xt. can i use koboldcpp with that card?")
    assert u.intent is Intent.SPEC and u.details.software == ("KoboldCpp",)
    assert u.details.gpus[0] == "RX 7800 XT"


def test_a_model_run_on_the_cpu_stays_a_sizing_question(read):
    u = read("can I run mistral 7b with ollama on cpu only?")
    assert u.details.software == () and u.details.has_workload


@pytest.mark.parametrize(
    ("question", "tool", "stack"),
    [
        ("could sglang be installed on a radeon hd 7850?", "SGLang", "ROCm"),
        ("is there a way to run tgi without any gpu?", "TGI", "CPU"),
        ("llama.cpp on an old ipad mini, would it work?", "llama.cpp", "Mobile"),
        ("exllamav2 with a radeon 6700, is that going to work?", "ExLlamaV2", "ROCm"),
        ("is deepspeed usable with an A770?", "DeepSpeed", None),
        ("will autoawq work in a tesla p100?", "AutoAWQ", None),
    ],
)
def test_other_ways_of_asking_whether_a_tool_runs_there(read, question, tool, stack):
    u = read(question)
    assert u.intent is Intent.SPEC
    assert u.details.software == (tool,) and u.details.stack_asked == stack
