"""'How many GPUs to serve X?' gives the comfortable count, and, when fewer of the card start the model once the
engine may use 0.95 of each (nothing else on the GPUs), that count too with the little KV cache it leaves: a 70B in
bf16 is 4 x 80 GB comfortably and 2 x 80 GB tight, which is how many run it. Real components; phrasings in no
evaluation set."""

from __future__ import annotations


def test_a_70b_in_bf16_also_starts_on_two_80gb_cards(ask):
    reply = ask("how many H100 SXM cards do I need to host llama 3.1 70b instruct in bf16?")
    first = reply.text.split("\n")[0]
    assert first.startswith("**4 x H100 SXM**")
    assert "It also starts on **2 x H100 SXM**" in first and "--gpu-memory-utilization 0.95" in first


def test_a_model_far_from_fewer_cards_gets_no_tight_count(ask):
    # Llama 3.1 8B fits one card: no count below it
    reply = ask("how many L4s to serve llama 3.1 8b?")
    assert "It also starts on" not in reply.text
