"""'The best model for coding on my card' (phrasings of our own, in no evaluation set): the code models of the
catalog walk the card's memory, and the largest that runs leads, named as a coding model."""

from __future__ import annotations

from assistant.planning._owned import use_ladder
from assistant.sizing import load_assumptions


def test_the_largest_coder_that_fits_a_24_gb_card_leads(ask):
    reply = ask("I have a 3090 - what's the strongest model for writing code I can host on it?")
    assert "largest coding model" in reply.text, reply.text
    assert "**Qwen2.5-Coder 32B**" in reply.text, reply.text
    assert reply.memory_gb is not None and reply.memory_gb <= 24.0


def test_a_smaller_card_gets_a_smaller_coder(ask):
    reply = ask("good model for programming help on an 8GB RTX 4060?")
    first = reply.text.split("\n")[0]
    assert "Qwen2.5-Coder" in first and "32B" not in first, first


def test_the_coding_ladder_is_catalog_models_smallest_first(models):
    names = use_ladder("coding", load_assumptions())
    sizes = [models.by_name(n).params_b for n in names]
    assert names and sizes == sorted(sizes)
    assert use_ladder(None, load_assumptions()) == ()
