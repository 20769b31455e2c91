"""DeBERTa-v3 and XLM-RoBERTa, fine-tuned as often as BERT and RoBERTa, have rows from their config.json: a
fine-tune of them is sized from their own layers and vocabulary (DeBERTa-v3's 128k, XLM-R's 250k embeddings)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("typed", "row", "params_b"),
    [
        ("microsoft/deberta-v3-large", "DeBERTa-v3-large", 0.435),
        ("deberta-v3-base", "DeBERTa-v3-base", 0.184),
        ("xlm-roberta-large", "XLM-RoBERTa-large", 0.560),
        ("FacebookAI/xlm-roberta-base", "XLM-RoBERTa-base", 0.278),
    ],
)
def test_the_encoder_rows_resolve_with_their_size(models, typed, row, params_b):
    spec = models.get(typed)
    assert spec is not None and spec.name == row
    assert spec.params / 1e9 == pytest.approx(params_b)
    assert spec.is_encoder


def test_xlm_r_embeddings_are_most_of_its_base_model(models):
    spec = models.get("xlm-roberta-base")
    # 250,002 x 768 embeddings: about 192M of the 278M parameters
    assert spec.vocab_size * spec.hidden_size / spec.params > 0.65
