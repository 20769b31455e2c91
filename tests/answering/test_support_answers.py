"""'Does <tool> run on <hardware>?' answered Yes / No first from the tool's own requirement read against the
catalog, with the deciding figure, what the card lacks, and the source; through the whole Assistant."""

from __future__ import annotations

import pytest


def first_line(reply) -> str:
    return reply.text.strip().splitlines()[0]


@pytest.mark.parametrize(
    ("question", "verdict", "facts"),
    [
        ("can i run vllm on my old gtx 1080 ti?", "**No**", ("7.0", "6.1", "llama.cpp")),
        ("is a tesla v100 supported by vllm", "**Yes**", ("7.0",)),
        ("does tensorrt-llm work on a rtx 2080?", "**No**", ("8.0", "7.5")),
        ("flash attention 2 on an rtx 3060, supported?", "**Yes**", ("8.6",)),
        ("can flash attention 3 run on an a100?", "**No**", ("9.0", "8.0", "FlashAttention-2")),
        ("Does ollama support intel arc b580?", "**Yes, with limits**", ("Vulkan",)),
        ("will MLX run on a RTX 4080", "**No**", ("Apple",)),
    ],
)
def test_the_verdict_leads_with_the_deciding_figure(converse, question, verdict, facts):
    reply = converse(question)
    assert first_line(reply).startswith(verdict), reply.text
    for fact in facts:
        assert fact in reply.text, (fact, reply.text)


def test_the_card_s_missing_precisions_are_said_where_the_tool_runs(converse):
    reply = converse("does sglang work on a t4 gpu?")
    assert first_line(reply).startswith("**Yes**")
    assert "no bf16" in reply.text and "fp16" in reply.text


def test_a_platform_named_without_a_card(converse):
    reply = converse("can vllm use the gpu on apple silicon macs?")
    assert first_line(reply).startswith("**No**") and "CPU" in reply.text
    assert first_line(converse("does llama.cpp support amd gpus?")).startswith("**Yes**")


def test_several_cards_get_one_row_each(converse):
    reply = converse("does vllm support the p40 and the a4000?")
    assert "| vLLM | P40 | No |" in reply.text and "| vLLM | RTX A4000 | Yes |" in reply.text


def test_the_tool_s_docs_are_the_source(converse):
    reply = converse("is the h20 supported by tensorrt-llm?")
    assert first_line(reply).startswith("**Yes**")
    assert any(
        s.path.startswith("corpus/software.yaml") and "nvidia.github.io" in s.snippet for s in reply.sources
    )


def test_a_follow_up_on_other_hardware_keeps_the_tool(converse):
    reply = converse("does unsloth support the v100?", "and a gtx 1070?")
    assert first_line(reply).startswith("**Yes, with limits**") and "slow" in reply.text


def test_what_runs_on_a_card_off_cuda_names_the_tools_that_run_there(converse):
    reply = converse("what models can my arc b580 handle?")
    assert "Software on the Arc B580 (oneAPI)" in reply.text
    line = next(block for block in reply.text.split("\n\n") if block.startswith("**Software on"))
    assert "llama.cpp" in line.split("does not run")[0] and "TensorRT-LLM" in line.split("does not run")[1]


def test_what_runs_on_a_cuda_card_has_no_tools_line(converse):
    assert "Software on the" not in converse("what can a 3060 12gb run?").text


def test_a_platform_word_with_an_alternative_asked(converse):
    reply = converse("does exllama work on radeon cards, or is it only for nvidia?")
    assert first_line(reply).startswith("**Yes, with limits**") and "ROCm" in first_line(reply)


def test_a_card_the_catalog_lacks_is_not_answered_for_its_whole_platform(converse):
    reply = converse("my radeon r9 380 sits idle. does ollama support it?")
    assert first_line(reply).startswith("**No**"), reply.text
    assert "R9 380" in first_line(reply) and "not on its ROCm list" in first_line(reply)


@pytest.mark.parametrize(
    ("question", "verdict", "card"),
    [
        ("would an instinct mi300x be usable for serving with vllm these days?", "**Yes**", "MI300X"),
        ("is an rx 7900 xtx any good with sglang?", "**No**", "RX 7900 XTX"),
    ],
)
def test_a_card_weighed_for_a_serving_engine_gets_the_engines_support_verdict(
    assistant, question, verdict, card
):
    """'Usable for vLLM' asks whether the engine runs on the card (its own docs), not which models fit it."""
    reply = assistant.ask(question)
    assert reply.text.startswith(verdict) and card in reply.text.split("\n\n")[0]
    assert "largest model" not in reply.text
