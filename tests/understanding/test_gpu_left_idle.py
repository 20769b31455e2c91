"""A local tool that leaves the GPU idle ("X won't use my card", "only uses the CPU", "how do I enable my AMD GPU")
asks whether the tool supports that card: a software-support question, even when the post mentions other work the
card does. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.understanding import Intent


@pytest.mark.parametrize(
    ("question", "tool"),
    [
        ("LM Studio refuses to use my Radeon RX 6600, everything runs on the CPU", "LM Studio"),
        ("koboldcpp skips my arc a770 and falls back to the cpu", "KoboldCpp"),
        ("ollama only uses the cpu on my amd laptop, how to enable the amd gpu?", "Ollama"),
        ("llama.cpp can't see my GTX 750 Ti, gpu not detected", "llama.cpp"),
    ],
)
def test_a_tool_leaving_the_gpu_idle_is_asked_about_its_support(read, question, tool):
    u = read(question)
    assert u.intent is Intent.SPEC
    assert tool in u.details.software


def test_other_work_the_card_does_is_an_aside_to_the_tool_that_ignores_it(read):
    u = read(
        "my radeon runs blender and comfyui flux fine, but ollama uses only the CPU. how do I enable my AMD GPU?"
    )
    assert u.intent is Intent.SPEC
    assert "Ollama" in u.details.software
    assert u.details.stack_asked == "ROCm"


def test_a_model_too_big_for_the_card_is_still_a_sizing_question(read):
    u = read("ollama only uses the cpu when I run llama 3 70b on my rtx 3060, why?")
    assert u.intent is not Intent.SPEC or not u.details.software
