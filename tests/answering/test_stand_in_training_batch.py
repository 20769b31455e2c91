"""Training a model not on record, judged by a stand-in of its kind (phrasings of our own, in no evaluation set): the
stand-in's default batch is no setting of the user's, so where a small batch of it fits the card the answer is a Yes
at a small batch, naming the stand-in; a model on record keeps its No at its own defaults."""

from __future__ import annotations

import pytest

from assistant.answering._compose._non_llm import _small_batch_yes
from assistant.knowledge._workloads import load_workloads


@pytest.mark.parametrize(
    "question",
    [
        "would a 4 GB card be able to train a U-Net style road segmentation model?",
        "my laptop has a 4 gig card, can I train an EfficientDet detector on it?",
    ],
)
def test_an_unlisted_model_trains_at_a_small_batch(ask, question):
    reply = ask(question)
    assert reply.text.startswith("**Yes**"), reply.text
    assert "small batch" in reply.text and "nearest" in reply.text, reply.text
    assert reply.memory_gb is not None and reply.memory_gb <= 4.0, reply.memory_gb


def test_a_model_on_record_keeps_its_defaults_no(ask):
    reply = ask("is a GTX 1650 enough to train YOLOv8s with the stock settings?")
    assert reply.text.startswith("**No**"), reply.text
    assert reply.memory_gb is not None and reply.memory_gb > 4.0, reply.memory_gb


def test_small_batch_yes_leads_with_the_fitting_figure():
    facts = [f for f in load_workloads().get("YOLOv8s").facts if f.memory_gb]
    low, high = min(facts, key=lambda f: f.memory_gb), max(facts, key=lambda f: f.memory_gb)
    text = _small_batch_yes("the card", high, low)
    assert text.index(f"{low.memory_gb:.1f}") < text.index(f"{high.memory_gb:.1f}"), text
