"""A community fine-tune's name used for the data a model is trained on ("on alpaca", "the alpaca dataset") does
not make it the model; named as the model it still is (phrasings in no evaluation set)."""

from __future__ import annotations

import pytest

from assistant.knowledge import load_models


@pytest.fixture(scope="module")
def llama_7b():
    models = load_models()
    spec = next(m for m in models if m.fine_tunes and "Alpaca" in m.fine_tunes)
    return models, spec


@pytest.mark.parametrize(
    "text",
    [
        "full fine-tune llama 7b on alpaca with 4 GPUs",
        "we used the cleaned alpaca dataset for llama-7b",
        "llama 7b, alpaca data (52k rows)",
        "llama 7b over the full alpaca",
    ],
)
def test_the_name_of_the_data_is_not_the_model(llama_7b, text):
    models, spec = llama_7b
    assert models.fine_tune_named(text, spec) is None


def test_the_name_of_the_model_still_is(llama_7b):
    models, spec = llama_7b
    assert models.fine_tune_named("how much vram does alpaca 7b need?", spec) == "Alpaca"
