"""A second pass at a larger size (A1111's hires fix, an upscale by a factor; phrasings of our own, in no evaluation
set) is the size asked: the first pass's size times the factor, scaled from the reference run's activations."""

from __future__ import annotations

import pytest

from assistant.knowledge._workloads import _upscaled, load_workloads, scaled_to_size


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("sdxl at 832x1216 then hires.fix 1.5x", (1248, 1824)),
        ("upscale by 2 from 768px in a1111", (1536, 1536)),
        ("high-res fix 2x on a 1024 image", (2048, 2048)),
    ],
)
def test_the_upscaled_size_is_the_size_times_the_factor(text, size):
    assert _upscaled(text) == size


@pytest.mark.parametrize(
    "text", ["sdxl at 1024 on my a1111 install", "hires fix on a 3060", "2x 3090 for sdxl"]
)
def test_no_upscale_without_its_word_factor_and_size(text):
    assert _upscaled(text) is None


def test_the_upscaled_pass_replaces_the_first_pass_figures():
    spec = load_workloads().get("SDXL")
    scaled = scaled_to_size(spec, "what does an sdxl hires fix 2x from 1024 take in vram")
    inference = [f for f in scaled.facts if "train" not in f.task.lower()]
    assert len(inference) == 1 and "2048x2048" in inference[0].setting
    reference = max(f.memory_gb for f in spec.facts if f.memory_gb and "train" not in f.task.lower())
    assert inference[0].memory_gb > 9.0 and inference[0].memory_gb < reference + 10
