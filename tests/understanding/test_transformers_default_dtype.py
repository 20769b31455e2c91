"""A model loaded with Transformers' from_pretrained and no dtype anywhere in the question is float32 (the library
builds models in torch.float32 unless torch_dtype is given); any dtype, quantization or serving engine named keeps
the usual reading. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "question",
    [
        "tok = AutoTokenizer.from_pretrained(m); model = AutoModelForCausalLM.from_pretrained(m).cuda() with m = "
        "'mistralai/Mistral-7B-Instruct-v0.2' — how much VRAM to generate?",
        "gen = pipeline('text-generation', model='Qwen/Qwen2.5-3B-Instruct', device=0) behind flask, which GPU?",
    ],
)
def test_a_transformers_load_without_a_dtype_is_fp32(read, question):
    details = read(question).details
    assert details.precision == "fp32"
    assert "float32" in details.model_note


@pytest.mark.parametrize(
    "question",
    [
        "AutoModelForCausalLM.from_pretrained(m, torch_dtype=torch.float16) for Mistral 7B, VRAM?",
        "model = AutoModelForCausalLM.from_pretrained('Qwen/Qwen2.5-7B-Instruct').half() — gpu memory?",
        "AutoModelForCausalLM.from_pretrained(m, load_in_4bit=True) with Llama 3 8B, how much vram?",
        "fine-tune with AutoModelForCausalLM.from_pretrained('meta-llama/Meta-Llama-3-8B') and LoRA, memory?",
    ],
)
def test_a_dtype_a_quantization_or_training_keeps_the_usual_reading(read, question):
    assert read(question).details.precision != "fp32"
