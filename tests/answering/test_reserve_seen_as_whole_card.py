"""Memory in use said as the whole card ("takes nearly all the VRAM of my L40S", "fills the entire 48GB") is the
serving engine's start-up reserve, and the reply's memory figure is that reserve — what the user sees — not the
model's need; LMDeploy's reserve is the weights plus its share (corpus/assumptions.yaml, 0.8) of what they leave.
Real components; phrasings in no evaluation set."""

from __future__ import annotations

import pytest


def test_vllm_taking_nearly_all_the_card_reports_its_share(ask):
    reply = ask("vllm with phi-3 mini takes nearly all the VRAM of my L40S, why so much?")
    assert reply.memory_gb == pytest.approx(0.9 * 48, abs=0.1)  # serving_memory_fraction of the 48 GB
    assert "reserving GPU memory up front" in reply.text.splitlines()[0]


def test_tgi_filling_the_entire_card_reports_the_card(ask):
    reply = ask("TGI serving gemma 2 9b fills the entire 48GB of our A6000, is that a leak?")
    assert reply.memory_gb == pytest.approx(48, abs=0.1)  # tgi_cuda_memory_fraction 1.0


def test_a_figure_then_allocated_is_memory_seen(ask):
    reply = ask("serving qwen2 7b with text-generation-inference I see 40GB allocated on one L40S")
    assert reply.memory_gb == pytest.approx(48, abs=0.1)
    assert "TGI reserving GPU memory up front" in reply.text


def test_lmdeploy_reserve_is_weights_plus_its_share_of_the_rest(ask):
    reply = ask("how much GPU memory will lmdeploy take for mistral 7b on one A100 80GB?")
    first = reply.text.splitlines()[0]
    assert "--cache-max-entry-count" in first and "--gpu-memory-utilization" not in first
    # about 16 GB of weights and overhead, plus 0.8 of the ~64 GB they leave
    assert 60 < reply.memory_gb < 72


def test_an_nvidia_smi_reading_on_each_of_several_cards_is_the_reserve_on_all_of_them(ask):
    reply = ask(
        "vllm serving qwen2.5 32b with tensor parallel 2 on two L40S: nvidia-smi says 44100MiB / 46068MiB per "
        "card, is the cuda graph eating memory?"
    )
    assert reply.memory_gb == pytest.approx(2 * 0.9 * 48, abs=0.2)  # the share of both cards, all in use
    assert "CUDA graphs" in reply.text + reply.details and "--enforce-eager" in reply.text + reply.details
