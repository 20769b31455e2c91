"""The Jetson Orin modules people run models on (issue 9, local, session 16): AGX Orin 64GB / 32GB and Orin NX 16GB
beside the Orin Nano, from NVIDIA's module table — "LLaMA2-7B on a Jetson AGX Orin 64GB" was sized on a B200."""

from __future__ import annotations

import pytest

from assistant.knowledge import load_catalog

_CATALOG = load_catalog()


@pytest.mark.parametrize(
    ("name", "memory", "bandwidth"),
    [
        ("Jetson AGX Orin 64GB", 64, 204.8),
        ("Jetson AGX Orin 32GB", 32, 204.8),
        ("Jetson Orin NX 16GB", 16, 102.4),
    ],
)
def test_the_orin_modules_are_unified_memory_boxes_with_their_bandwidth(name, memory, bandwidth):
    gpu = _CATALOG.by_name(name)
    assert gpu.memory_gb == memory and gpu.memory_bandwidth_gbs == pytest.approx(bandwidth)
    assert gpu.is_owned_hardware and gpu.software == "CUDA" and "jetson-modules" in gpu.spec_source


@pytest.mark.parametrize("words", ["jetson agx orin", "agx orin 64gb", "jetson agx orin developer kit"])
def test_the_agx_orin_is_found_by_the_words_people_use(words):
    found = _CATALOG.find_in_text(f"llama 2 7b on my {words}, how fast is it?")
    assert [g.name for g in found] == ["Jetson AGX Orin 64GB"]


@pytest.mark.parametrize(
    ("words", "name"),
    [
        ("my old jetson nano", "Jetson Nano 4GB"),
        ("a jetson nano b01 board", "Jetson Nano 4GB"),
        ("the jetson orin nano", "Jetson Orin Nano 8GB"),
        ("a jetson nano orin", "Jetson Orin Nano 8GB"),
    ],
)
def test_the_2019_jetson_nano_is_not_the_orin_nano(words, name):
    """The Maxwell board people still ask about is its own row: 4 GB at 25.6 GB/s, no tensor cores."""
    assert [g.name for g in _CATALOG.find_in_text(f"yolo on {words}, will it cope?")] == [name]


def test_the_2019_jetson_nano_has_its_spec_sheet_figures():
    nano = _CATALOG.by_name("Jetson Nano 4GB")
    assert nano.memory_gb == 4 and nano.memory_bandwidth_gbs == pytest.approx(25.6)
    assert nano.fp16_tflops == pytest.approx(0.472) and not nano.tensor_cores and nano.is_owned_hardware
