"""Published pre-training compute (corpus/pretraining.yaml): every row names a model and a GPU on record, cites its
model card, and its GPU-hours agree with 6 x parameters x tokens at a plausible share of the GPU's dense peak."""

from __future__ import annotations

import pytest

from assistant.knowledge._pretraining import load_pretraining


def test_every_run_is_a_model_and_gpu_on_record_with_a_source(models, catalog):
    runs = load_pretraining()
    assert len(runs) >= 8
    for name, run in runs.items():
        assert models.by_name(name) is not None, name
        assert catalog.by_name(run.gpu) is not None, run.gpu
        assert run.source.startswith("https://")


@pytest.mark.parametrize("name", sorted(load_pretraining()))
def test_the_reported_hours_imply_a_plausible_mfu(models, catalog, name):
    run = load_pretraining()[name]
    flops = 6 * models.by_name(name).params * run.tokens_t * 1e12
    peak = catalog.by_name(run.gpu).fp16_tflops * 1e12
    mfu = flops / (run.gpu_hours * 3600 * peak)
    assert 0.1 <= mfu <= 0.6, (name, mfu)  # Llama 3 8B: 16% (1.3M hours for 15T tokens); the rest 28-39%
