"""A fit asked of a model whose only figures on record are times (ViT-B/16's DeiT runs; ResNet-50 now has measured memory rows): its parameter count
gives the floor and a verdict, instead of an answer with no yes or no. Phrasings of our own, in no evaluation set."""

from __future__ import annotations


def test_a_fit_asked_of_a_model_with_only_times_on_record_gets_a_verdict(assistant):
    reply = assistant.ask("could one RTX 4090 hold a ViT-B/16 training run?")
    first = reply.text.split("\n")[0]
    assert first.startswith("**Yes**")
    assert "by arithmetic" in first and "AdamW" in first  # whose floor it is, in the same paragraph
