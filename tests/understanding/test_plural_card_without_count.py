"""A card named in the plural with no count, set against a counted one for a workload ('2 L40S or rent H100s'):
read as 'as many as the work needs' (0 until the handler sizes it), not as one card. Phrasings in no eval set."""

from __future__ import annotations


def test_a_plural_card_with_no_count_is_sized_later(read):
    u = read("for mixtral 8x22b inference, four L40S or some A100s?")
    setups = dict(u.details.setups)
    assert setups["L40S"] == 4
    assert setups["A100 80GB SXM"] == 0


def test_a_singular_card_with_no_count_stays_one(read):
    u = read("for llama 3 70b, two RTX 3090 or an A6000, which one?")
    assert dict(u.details.setups)["RTX A6000"] == 1
