"""Encoder and encoder-decoder models (BERT, RoBERTa, T5) compute attention explicitly in training: each layer stores
its heads x sequence² scores (softmax, dropout mask, dropout output: 5 bytes a pair in 16-bit, Korthikanti et al.
2022 eq. 1), which the FlashAttention per-token figure leaves out. Decoder LLMs (fused attention) hold none."""

from __future__ import annotations

import pytest

from assistant.sizing import Task, Workload, estimate_memory

GB = 1e9


def _work(models, name, **kw):
    spec = models.by_name(name)
    settings = dict(task=Task.FULL, shape=spec, params=spec.params, context=512, batch=6)
    settings.update(kw)
    return Workload(**settings)


def _without_scores(work, models, assumptions):
    """The activations a per-token-only count gives: the full bytes per token, layer and hidden unit."""
    shape = work.shape
    per = assumptions.number("activation_bytes_per_token_layer_hidden")
    return per * work.context * work.batch * shape.hidden_size * shape.layers / GB


def test_every_layer_stores_the_explicit_scores_without_checkpointing(models, assumptions):
    work = _work(models, "BERT-base", gradient_checkpointing=False)
    shape = work.shape
    per_pair = assumptions.number("eager_attention_score_bytes_per_head_token_squared")
    scores = per_pair * shape.attention_heads * 512**2 * 6 * shape.layers / GB
    acts = estimate_memory(work, assumptions).item("activations")
    assert acts.gb == pytest.approx(_without_scores(work, models, assumptions) + scores, rel=1e-6)
    assert "explicit attention scores" in acts.detail
    # at 512 tokens the scores outweigh the rest of a BERT-base layer's activations
    assert scores > _without_scores(work, models, assumptions)


def test_the_scores_grow_with_the_square_of_the_sequence(models, assumptions):
    short = estimate_memory(
        _work(models, "RoBERTa-large", context=128, gradient_checkpointing=False), assumptions
    )
    long = estimate_memory(
        _work(models, "RoBERTa-large", context=256, gradient_checkpointing=False), assumptions
    )
    # twice the tokens: the per-token part doubles, the scores quadruple, so more than twice the activations
    assert long.item("activations").gb > 2.2 * short.item("activations").gb


def test_checkpointing_keeps_only_the_recomputed_layers_scores(models, assumptions):
    whole = estimate_memory(_work(models, "T5-Large", gradient_checkpointing=False), assumptions)
    kept = estimate_memory(_work(models, "T5-Large", gradient_checkpointing=True), assumptions)
    layers = whole.workload.shape.layers
    per_pair = assumptions.number("eager_attention_score_bytes_per_head_token_squared")
    one_layer = per_pair * whole.workload.shape.attention_heads * 512**2 * 6 / GB
    assert f"({one_layer:.2f} GB" in kept.item("activations").detail
    assert f"({one_layer * layers:.2f} GB" in whole.item("activations").detail
    assert "in the recomputed layer" in kept.item("activations").detail


def test_fp32_training_widens_the_scores_but_not_the_dropout_mask(models, assumptions):
    mixed = estimate_memory(_work(models, "BERT-large", gradient_checkpointing=False), assumptions)
    full = estimate_memory(
        _work(models, "BERT-large", gradient_checkpointing=False, precision="fp32"), assumptions
    )
    shape = mixed.workload.shape
    pairs = shape.attention_heads * 512**2 * 6 * shape.layers / GB
    # 5 bytes a pair in 16-bit (2 + 1 + 2), 9 in fp32 (4 + 1 + 4); the per-token part doubles
    rest = mixed.item("activations").gb - 5 * pairs
    assert full.item("activations").gb == pytest.approx(2 * rest + 9 * pairs, rel=1e-6)


def test_a_decoder_llm_with_fused_attention_stores_no_scores(models, assumptions):
    acts = estimate_memory(_work(models, "Llama 3.2 1B", gradient_checkpointing=False), assumptions).item(
        "activations"
    )
    assert "attention scores" not in acts.detail


def test_a_t5_decoder_layer_holds_a_second_attention_block(models, assumptions):
    work = _work(models, "T5-Base", gradient_checkpointing=False, batch=4, context=256)
    shape = work.shape
    per_pair = assumptions.number("eager_attention_score_bytes_per_head_token_squared")
    block = assumptions.number("cross_attention_bytes_per_token_layer_hidden")
    scores = per_pair * shape.attention_heads * 256**2 * 4 / GB
    cross = block * 256 * 4 * shape.hidden_size / GB + scores
    logits = 256 * 4 * shape.vocab_size * assumptions.number("logits_bytes_per_token_vocab") / GB
    acts = estimate_memory(work, assumptions).item("activations")
    expected = _without_scores(work, models, assumptions) + scores * shape.layers
    expected += cross * shape.cross_attention_layers + logits
    assert acts.gb == pytest.approx(expected, rel=1e-6)
    assert f"the decoder's cross-attention ({cross * shape.cross_attention_layers:.2f} GB" in acts.detail


def test_an_encoder_only_model_has_no_cross_attention(models, assumptions):
    acts = estimate_memory(_work(models, "BERT-base", gradient_checkpointing=False), assumptions).item(
        "activations"
    )
    assert "cross-attention" not in acts.detail
