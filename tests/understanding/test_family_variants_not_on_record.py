"""A family on record named with a variant word the specs have no row for ('Qwen2-Audio', 'qwen2.5 omni', 'qwen3
coder') is sized as the family's most-run row with a note saying so, rather than answered with 'which one do you
mean?'; a variant that is on record keeps its own row. Phrasings here are in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "row", "said"),
    [
        ("What does it take to LoRA-tune Qwen2-Audio on my own data?", "Qwen2 7B", "Qwen2 Audio"),
        ("gpu needed for a full finetune of qwen2.5 omni", "Qwen2.5 7B", "qwen2.5 omni"),
        ("vram to fine-tune Qwen3 Coder with qlora?", "Qwen3 8B", "Qwen3 Coder"),
    ],
)
def test_an_unlisted_variant_is_sized_as_its_family(read, question, row, said):
    understood = read(question)
    assert understood.details.model == row
    assert understood.details.unknown_model is None
    assert f"{said} is not in my model specs" in understood.details.model_note


def test_the_encoder_caveat_is_only_for_audio_or_vision_variants(read):
    assert "encoder" in read("memory to fine-tune qwen2 audio?").details.model_note
    assert "encoder" not in read("memory to fine-tune qwen3 coder?").details.model_note


def test_a_variant_on_record_keeps_its_row(read):
    assert read("how much gpu memory to finetune qwen2-vl 7b").details.model == "Qwen2-VL 7B"
