"""Classic encoder classifiers (BERT, RoBERTa) read as the models they are, with the short sequence lengths they
are trained at ("sequence length 64"), not a version number or the default context. Phrasings here are in no
evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "model"),
    [
        ("fine-tuning bert-base-uncased for NER on a 6gb laptop gpu, doable?", "BERT-base"),
        ("how much gpu memory does bert large need to train a classifier", "BERT-large"),
        ("roberta-base sentiment model, batch 16, which card?", "RoBERTa-base"),
        ("full finetune FacebookAI/roberta-large on 2x T4?", "RoBERTa-large"),
    ],
)
def test_encoder_models_are_found_by_their_usual_names(read, question, model):
    assert read(question).details.model == model


@pytest.mark.parametrize(
    ("question", "tokens"),
    [
        ("training roberta-base with sequence length 64 and batch size 128, how much VRAM?", 64),
        ("bert-large classifier, seq len 128, batch 32 on a 3090?", 128),
        ("bert-base, max sequence length 384 for squad, 12gb enough?", 384),
    ],
)
def test_a_short_sequence_length_said_as_such_is_read(read, question, tokens):
    assert read(question).details.context == tokens


def test_a_version_number_is_still_no_length(read):
    # "llama 3.1" is a version, not 3 tokens of context; a bare small number without a length word stays unread
    assert read("fine-tune llama 3.1 8b with 3 epochs on a 4090").details.context != 3
