"""T5-family encoder-decoder rows: the names people fine-tune resolve (T0 is the LM-adapted XL's layout), and
their decoders' cross-attention is recorded so the parameter count checks out against the architecture."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("typed", "row"),
    [
        ("t5-3b", "T5-3B"),
        ("google/flan-t5-large", "FLAN-T5-Large"),
        ("bigscience/T0_3B", "FLAN-T5-XL"),
        ("flan-t5-xxl", "FLAN-T5-XXL"),
        ("t5-large", "T5-Large"),
    ],
)
def test_t5_names_resolve(models, typed, row):
    found = models.find_in_text(f"how much memory to fine-tune {typed.lower()}?")
    assert found and found[0].name == row


def test_encoder_decoder_rows_say_how_many_decoder_layers_cross_attend(models):
    for name in ("T5-Large", "T5-3B", "FLAN-T5-Large", "FLAN-T5-XL", "FLAN-T5-XXL"):
        spec = models.by_name(name)
        assert spec.cross_attention_layers == spec.layers // 2
        assert not spec.architecture_proxy  # never a stand-in for a decoder-only layout
