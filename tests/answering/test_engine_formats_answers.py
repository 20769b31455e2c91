"""A model served by an engine at a weight width the user asks for ("in vLLM with 4-bit") names the checkpoint
formats that engine loads at that width, from its docs in corpus/software.yaml; a local runtime or an unsaid width
gets no such line. Phrasings in no evaluation set."""

from __future__ import annotations

from assistant.knowledge._software import load_software


def test_the_tools_table_says_which_formats_vllm_loads_in_4_bit():
    tool, _ = load_software().find("vLLM")
    four_bit = {f.name for f in tool.features if 4 in f.weight_bits}
    assert {"AWQ", "GPTQ"} <= four_bit and "FP8 (W8A8)" not in four_bit


def test_a_4_bit_serve_in_vllm_names_the_formats(assistant):
    reply = assistant.ask("can I host gemma 2 9b on a 16GB T4 with vllm if I go 4-bit?")
    assert (
        "**In vLLM, 4-bit weights** mean a checkpoint quantized to one of the formats it loads" in reply.text
    )
    assert "AWQ" in reply.text and "GPTQ" in reply.text


def test_no_formats_line_without_a_width_or_for_a_local_runtime(assistant):
    assert "formats it loads" not in assistant.ask("can I host gemma 2 9b on a 24GB L4 with vllm?").text
    assert "formats it loads" not in assistant.ask("gemma 2 9b in 4-bit with ollama on my 3060 12GB?").text
