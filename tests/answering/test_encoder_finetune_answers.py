"""Fine-tuning a classic encoder (BERT, RoBERTa) is sized from its own config by the same arithmetic as any
transformer (weights, gradients, AdamW states, activations at the batch and sequence length said), not answered
with a language model that fits the card. Phrasings of our own, in no evaluation set."""

from __future__ import annotations


def test_an_encoder_fine_tune_is_sized_for_that_encoder(assistant):
    reply = assistant.ask(
        "could a 6gb rtx 2060 handle fine-tuning bert-base-uncased for spam classification?"
    )
    assert "BERT-base" in reply.text.split("\n")[0]
    assert "Llama" not in reply.text.split("\n")[0]
    assert reply.memory_gb is not None and reply.memory_gb < 6


def test_batch_and_short_sequence_drive_the_figure(assistant):
    short = assistant.ask(
        "full fine-tune of roberta-large, batch size 64, sequence length 64: how much vram?"
    )
    long = assistant.ask(
        "full fine-tune of roberta-large, batch size 64, sequence length 256: how much vram?"
    )
    assert short.memory_gb is not None and long.memory_gb is not None
    # weights, gradients and AdamW states of 355M parameters alone are ~5.7 GB; activations grow with the length
    assert 5.7 < short.memory_gb < long.memory_gb
