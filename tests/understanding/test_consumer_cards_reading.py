"""Which class of card the user limits themselves to: "on consumer GPUs", "gaming cards", "GeForce cards"."""

from __future__ import annotations


def test_reading(read):
    assert read("which consumer nvidia gpus can run mixtral").details.consumer_only
    assert not read("is an a100 better than consumer cards for this?").details.consumer_only
    assert not read("I'd rather rent than buy, no consumer gpu please").details.consumer_only
