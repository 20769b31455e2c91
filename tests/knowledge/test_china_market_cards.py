"""The China-market data-centre cards (A800, H800, H20, L20) are read as themselves, with their own memory and
links, so a thread's '8x A800 80G' or 'one H20' is sized on the card it names rather than an unknown card."""

from __future__ import annotations

import pytest

from assistant.understanding._understand import understand


@pytest.mark.parametrize(
    ("question", "gpu", "count"),
    [
        ("full sft of a 7b on 8x A800, how long?", "A800 80GB SXM", 8),
        ("our box has four A800-SXM4-80GB, will qwen2 72b lora fit?", "A800 80GB SXM", 4),
        ("can a single H20 hold llama 3 70b in bf16?", "H20", 1),
        ("is an L20 48G enough for a 32b awq model", "L20", None),
        ("two H800s for deepseek distill 32b?", "H800", 2),
    ],
)
def test_the_card_named_is_read(catalog, models, question, gpu, count):
    details = understand(question, catalog, models).details
    assert details.gpus[0] == gpu
    if count is not None:
        assert details.gpu_count == count


def test_the_china_variants_keep_the_original_memory_but_a_slower_link(catalog):
    a800, a100 = catalog.by_name("A800 80GB SXM"), catalog.by_name("A100 80GB SXM")
    assert (a800.memory_gb, a800.fp16_tflops) == (a100.memory_gb, a100.fp16_tflops)
    assert a800.nvlink_gbs < a100.nvlink_gbs
    h20, h100 = catalog.by_name("H20"), catalog.by_name("H100 SXM")
    assert h20.memory_gb > h100.memory_gb and h20.fp16_tflops < h100.fp16_tflops / 5


def test_a_card_with_no_published_tensor_figure_says_it_cannot_time_the_run(converse):
    # the L20 has no published tensor TFLOPS: the time question is answered "can't estimate", first, not skipped
    first = converse("how long to fully fine-tune a 1b model on 10M tokens with one L20?").text.split(
        "\n", 1
    )[0]
    assert first.startswith("I can't estimate how long") and "L20" in first
    assert "fits on one L20" in first
