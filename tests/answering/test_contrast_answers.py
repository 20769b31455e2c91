"""'Why does A need more memory than B?': the two breakdowns compared and the differing term named, with
numbers (issue 9 item 7). Real components; phrasings in no evaluation set."""

from __future__ import annotations

import re

import pytest

from assistant.answering._numbers import unsupported_numbers


def test_two_models_of_similar_size_differ_by_their_vocabulary(ask):
    reply = ask("How come Gemma 2 9B eats far more VRAM than Llama 3 8B for the same LoRA run? Why is that?")
    assert "vocabular" in reply.text and "256,000" in reply.text and "128,256" in reply.text
    assert "logits" in reply.text
    assert re.search(r"\| activations \| [\d.]+ GB \| [\d.]+ GB \| \+[\d.]+ GB \|", reply.text)


def test_grouped_query_attention_is_named_as_the_kv_cache_difference(ask):
    reply = ask("why would Llama 2 13B need much more memory than Qwen2.5 14B at 4k context with 8 users?")
    assert reply.text.startswith("**The KV cache**")
    assert "KV heads" in reply.text and "KiB/token" in reply.text


def test_one_model_with_a_setting_is_compared_with_its_defaults(ask):
    reply = ask("Why does Qwen2.5 7B take so much more GPU memory with a 128k context?")
    assert reply.text.startswith("**The KV cache**")
    assert "131,072" in reply.text and "4,096" in reply.text  # the setting against the default it replaces
    assert reply.memory_gb > 20


def test_every_number_in_a_contrast_comes_from_the_plans(assistant):
    state = assistant._prepare("why does Mixtral 8x7B need more vram than Mistral 7B in bf16?", None)
    shown = f"{state['draft']}\n\n{state['details']}"
    assert state["facts"].contrast is not None
    assert unsupported_numbers(shown, state["facts"], state["passages"]) == set()


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        # QLoRA: the 4-bit base is a small share of the total, so 13B is well under twice 7B
        ("For QLoRA, would a 13B model take twice the VRAM of a 7B one?", "No"),
        # full fine-tuning: model states dominate, so about the parameter ratio (14.8B / 7.6B)
        ("does a full fine-tune of Qwen2.5 14B need double the memory compared to the 7B?", "Yes"),
    ],
)
def test_a_factor_asked_of_the_gap_is_answered_with_the_real_factor(ask, question, verdict):
    reply = ask(question)
    first = reply.text.splitlines()[0]
    assert first.startswith(f"**{verdict}**") and re.search(r"about \d+(?:\.\d)?x", first)
    assert "| part |" in reply.text  # both breakdowns, side by side


def test_whether_one_size_needs_much_more_than_another_is_answered_on_the_gap(ask):
    reply = ask("wondering whether a 14B takes way more memory than a 13B for qlora, or roughly the same")
    # a yes / no on the gap with both figures (the proxies' vocabularies differ: 152k against 32k entries)
    assert reply.text.startswith(("**Yes**", "**No**"))
    assert "13B" in reply.text and "14B" in reply.text and " against " in reply.text


@pytest.mark.parametrize(
    ("question", "other"),
    [
        # the model's own size said first ("of a 13B model") is not the other side of the comparison
        ("Is a full fine-tune of a 13B model much heavier than a 7B one?", "7B"),
        # the other side after a preposition: "than on the 7B", "than for a 3b"
        ("will lora on mistral nemo 12b eat a lot more vram than on the 7b?", "7B"),
        ("does qlora of phi-3 medium 14b need significantly more memory than for a 3b?", "3B"),
    ],
)
def test_the_other_size_is_read_past_the_models_own_and_a_preposition(ask, question, other):
    reply = ask(question)
    first = reply.text.splitlines()[0]
    assert first.startswith(("**Yes**", "**No**")) and " against " in first and other in first
