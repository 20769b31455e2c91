"""A non-LLM model whose own code runs only on some hardware (3D Gaussian Splatting's CUDA rasterizer): asked of the
CPU alone or of a card of another stack (AMD, Apple), its hardware requirement decides first — No, with the reason
from its README — and its memory on an NVIDIA card follows; on an NVIDIA card the memory verdict is unchanged. On
an Apple chip, the answer says how PyTorch code reaches its GPU (the MPS device). Phrasings in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "question",
    [
        "is it possible to fit a gaussian splatting scene with no GPU at all, just the CPU?",
        "Any way to run this under the CPU? [SplatSculpt, text-to-3D built on Gaussian splatting]",
    ],
)
def test_cuda_only_code_on_the_cpu_is_no(ask, question):
    reply = ask(question)
    assert reply.text.startswith(
        "**No** — 3D Gaussian Splatting's code runs on diff-gaussian-rasterization"
    ), reply.text
    assert "CPU" in reply.text.split("\n")[0] and "CUDA" in reply.text.split("\n")[0]
    assert reply.memory_gb is not None  # what an NVIDIA card needs still follows


def test_cuda_only_code_on_an_amd_card_is_no(ask):
    reply = ask("would 3dgs training work on a Radeon RX 7900 XTX?")
    assert reply.text.startswith("**No** — 3D Gaussian Splatting's code runs on"), reply.text
    assert "does not support the RX 7900 XTX" in reply.text
    assert "ROCm" in reply.text


def test_cuda_only_code_on_an_nvidia_card_keeps_its_memory_verdict(ask):
    reply = ask("will gaussian splatting training fit on a 12GB RTX 3060?")
    assert reply.text.startswith("**Yes**"), reply.text
    assert "does not support" not in reply.text


def test_a_model_without_a_platform_row_keeps_its_cpu_answer(ask):
    reply = ask("can stable diffusion 1.5 generate images on the CPU alone?")
    assert "does not support" not in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "could I fine-tune a YOLOv8 detector on the GPU of my M3 Pro MacBook?",
        "is an M2 Max 32GB enough for SDXL images?",
    ],
)
def test_an_apple_chip_gets_the_mps_device_said(ask, question):
    reply = ask(question)
    assert "MPS" in reply.text and "mps" in reply.text, reply.text


def test_an_nvidia_card_gets_no_mps_note(ask):
    reply = ask("is an RTX 4070 enough for SDXL images?")
    assert "MPS" not in reply.text


def test_a_fit_asked_of_a_gaussian_splatting_tool_on_an_nvidia_card_stays_a_memory_answer(ask):
    reply = ask(
        "[SplatEdit, Gaussian-splatting scene editing] how much VRAM at least? would a 3090 support it?"
    )
    assert "compute capability" not in reply.text.split("\n")[0], reply.text
