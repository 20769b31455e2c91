"""'Do I need all N GPUs?' asks whether fewer of the card would do: Yes when fewer do not hold the work sized, No with
the count that does (a capacity answer once opened "Yes — about 256 concurrent users" to "do I need all 8?" for a
7B that one card holds). Real components; phrasings in no evaluation set."""

from __future__ import annotations


def test_fewer_cards_that_hold_it_answer_no(ask):
    # Mistral 7B in bf16: about 15 GB of weights, which one 80 GB card holds with room for a dozen 4k requests
    reply = ask(
        "we got 4 H100s for serving mistral 7b to about a dozen people at once. do we need all 4 GPUs?"
    )
    assert reply.text.startswith("**No** — one H100")


def test_every_card_needed_answers_yes(ask):
    # Llama 3.1 70B in bf16: about 141 GB of weights, more than two 48 GB cards (and than three)
    reply = ask("llama 3.1 70b bf16 on our 4x RTX A6000 box, do we need all 4 cards for it?")
    assert reply.text.startswith("**Yes** — fewer than 4 x RTX A6000")
