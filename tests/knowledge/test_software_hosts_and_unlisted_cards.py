"""The tools table beyond the catalog's GPUs: the CPU alone and phones (each tool's `cpu` / `phones` row, silent
where its docs are), and a card the catalog does not list (off a tool's list of cards, undecided against a
compute-capability floor)."""

import pytest

from assistant.knowledge import load_catalog
from assistant.knowledge._software import load_software, support_of


@pytest.fixture(scope="module")
def software():
    return load_software(catalog=load_catalog())


def tool(software, name):
    found, _ = software.find(name)
    return found


@pytest.mark.parametrize(
    ("name", "host", "status"),
    [
        ("MLC LLM", "CPU", "unsupported"),  # it runs on the device's GPU
        ("MLC LLM", "Mobile", "supported"),  # Android OpenCL, iOS Metal
        ("llama.cpp", "CPU", "supported"),
        ("llama.cpp", "Mobile", "supported"),
        ("LM Studio", "Mobile", "unsupported"),  # a desktop app
        ("vLLM", "CPU", "partial"),  # its CPU backend
        ("SGLang", "Mobile", "unknown"),  # its row says nothing about phones: not a made-up No
    ],
)
def test_cpu_and_phone_support_is_read_from_the_row(software, name, host, status):
    s = support_of(tool(software, name), None, host)
    assert s.status == status
    if status == "unknown":
        assert "say nothing" in s.reason
    else:
        assert s.note  # the row says how (or what runs instead)


def test_a_card_off_the_tools_list_is_not_supported_with_the_workaround_said(software):
    s = support_of(tool(software, "Ollama"), None, "ROCm", card="RX 570")
    assert s.status == "unsupported" and s.where == "the RX 570"
    assert "not on its ROCm list" in s.reason and "HSA_OVERRIDE_GFX_VERSION" in s.note


def test_an_unlisted_nvidia_card_against_a_floor_is_undecided_not_guessed(software):
    s = support_of(tool(software, "SGLang"), None, "CUDA", card="Quadro M4000")
    assert s.status == "unknown"
    assert "7.5" in s.reason and "not in my catalog" in s.reason


def test_an_unlisted_card_on_a_stack_with_no_list_or_floor_goes_by_the_stack(software):
    s = support_of(tool(software, "llama.cpp"), None, "ROCm", card="RX 5500 XT")
    assert s.status == "supported" and "not in my catalog" in s.reason


def test_tensorrt_llm_says_when_turing_was_dropped(software):
    catalog = load_catalog()
    s = support_of(tool(software, "TensorRT-LLM"), None, "CUDA", catalog.by_name("RTX 2080 Ti"))
    assert s.status == "unsupported" and "0.14" in s.note


@pytest.mark.parametrize(
    ("card", "tool_name", "status", "capability"),
    [
        ("GTX 1050 Ti", "vLLM", "unsupported", "6.1"),  # Pascal, under vLLM's 7.0
        ("Quadro RTX 5000", "SGLang", "supported", "7.5"),  # Turing meets SGLang's 7.5
        ("Tesla M60", "TensorRT-LLM", "unsupported", "5.2"),
        ("GTX 970", "Unsloth", "partial", "5.2"),  # Unsloth names a slower path under its minimum
    ],
)
def test_an_unlisted_nvidia_card_is_read_by_its_series_capability(
    software, card, tool_name, status, capability
):
    series = software.series_of(card)
    assert series is not None and f"{series.compute_capability:.1f}" == capability
    s = support_of(tool(software, tool_name), None, "CUDA", card=card, series=series)
    assert s.status == status and capability in s.reason


def test_a_card_of_no_known_series_has_none(software):
    assert software.series_of("Quadro K5000") is None  # the Quadro K line mixes Kepler and Maxwell
    assert software.series_of("RX 580") is None


def test_every_series_row_is_sourced(software):
    assert software.series and all(
        s.source.startswith("https://developer.nvidia.com") for s in software.series
    )
