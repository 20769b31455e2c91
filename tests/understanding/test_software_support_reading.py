"""'Does <tool> run on <hardware>?' is read as a support question about that tool (and the feature of it named),
on the GPUs or platform named; a sizing question that names a tool stays a sizing question."""

from __future__ import annotations

import pytest

from assistant.understanding import Intent


@pytest.mark.parametrize(
    ("question", "tools", "gpus", "stack"),
    [
        ("is vllm able to work on a tesla v100 32gb?", ("vLLM",), ("V100 32GB",), None),
        ("will ollama even see my rx 7800 xt", ("Ollama",), ("RX 7800 XT",), None),
        ("any chance llama-server supports the radeon 7900xt?", ("llama.cpp",), ("RX 7900 XT",), None),
        (
            "does flash-attn 2 support turing cards like the 2080 ti",
            ("FlashAttention-2",),
            ("RTX 2080 Ti",),
            None,
        ),
        ("Is sglang compatible with MI300X?", ("SGLang",), ("MI300X",), None),
        ("can deepspeed be used on intel gaudi?", ("DeepSpeed",), (), "SynapseAI"),
        ("does mlx-lm run on an m3 max macbook", ("MLX",), None, None),
        ("is unsloth supported on amd gpus yet?", ("Unsloth",), (), "ROCm"),
        ("can TGI run on TPUs?", ("TGI",), (), "XLA"),
        ("does vLLM support gptq on turing, e.g. a t4?", ("vLLM|GPTQ",), ("T4",), None),
    ],
)
def test_a_support_question(read, question, tools, gpus, stack):
    u = read(question)
    assert u.intent is Intent.SPEC
    assert u.details.software == tools
    if gpus is not None:
        assert u.details.gpus[: len(gpus)] == gpus
    assert u.details.stack_asked == stack


@pytest.mark.parametrize(
    "question",
    [
        "can vllm serve qwen2.5 32b on two l4s?",  # a model on hardware: how much memory, not support
        "how fast is ollama on a 4090 with llama 3 8b",
        "what is vllm?",  # no hardware named
        "does the 4090 support bf16?",  # no tool named: the catalog's spec answer
    ],
)
def test_not_a_support_question(read, question):
    assert read(question).details.software == ()


def test_a_follow_up_asks_the_same_tools_of_other_hardware(read):
    u = read("does tensorrt llm work on an l4?", "what about an a10g?")
    assert u.intent is Intent.SPEC
    assert u.details.software == ("TensorRT-LLM",) and u.details.gpus[0] == "A10G"


def test_a_follow_up_about_another_platform(read):
    u = read("does unsloth work on nvidia gpus?", "and on apple silicon?")
    assert u.details.software == ("Unsloth",) and u.details.stack_asked == "Metal"


def test_the_tools_are_not_carried_into_an_unrelated_turn(read):
    u = read("does vllm support the v100?", "how much memory does llama 3 8b need?")
    assert u.details.software == () and u.intent is not Intent.SPEC


@pytest.mark.parametrize(
    "question",
    [
        "Is TGI compatible with Phi-3 mini on a single T4?",  # a model, no feature: whether that model runs there
        "does lmdeploy support qwen2.5 14b on one rtx 4080?",
    ],
)
def test_support_of_a_model_on_a_card_is_the_models_run_there(read, question):
    u = read(question)
    assert u.intent is not Intent.SPEC and u.details.software == ()
    assert u.details.has_workload and u.details.gpus


def test_a_feature_named_with_a_model_stays_a_support_question(read):
    u = read("does vllm support fp8 kv cache for mistral 7b on a t4?")
    assert u.intent is Intent.SPEC and u.details.software[0].startswith("vLLM|")


@pytest.mark.parametrize(
    "question", ["can we train on an mi250x using pytorch?", "could i fine-tune on a gaudi 3 with deepspeed?"]
)
def test_training_on_a_card_with_a_tool_asks_the_tools_support(read, question):
    understanding = read(question)
    assert understanding.intent is Intent.SPEC and understanding.details.software
