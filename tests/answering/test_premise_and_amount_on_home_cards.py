"""On a home card: a memory figure stated wrongly beside a run asked ('run the 4-bit model on a 3080 with 11GB?') is
corrected, never answered 'No' as if the memory were the question; and the model's own memory asked ('how much VRAM
does it need? I have a 3070') is its figure as released, with the quant that fits the card given beside it.
Phrasings in no evaluation set."""

from __future__ import annotations


def test_a_wrong_memory_beside_a_run_asked_is_no_verdict_on_the_run(ask):
    reply = ask("could we run the int4 version on an rtx 3080 with 11gb?")
    assert not reply.text.startswith("**No**"), reply.text[:200]
    assert "10 GB, not 11 GB" in reply.text


def test_a_wrong_memory_claimed_alone_is_still_answered_no(ask):
    reply = ask("is it true the rtx 3080 has 11gb?")
    assert reply.text.startswith("**No**")


def test_the_memory_asked_for_a_model_too_big_for_the_home_card_is_its_16_bit_figure(ask):
    reply = ask("how much vram does qwen2.5 14b need? I only have an rtx 3070 8gb")
    assert reply.memory_gb is not None and reply.memory_gb > 25  # 14.8B parameters x 2 bytes, and the rest
    assert "Q4_K_M" in reply.text or "4-bit" in reply.text


def test_a_run_asked_on_the_home_card_keeps_the_quant_that_fits_as_its_figure(ask):
    reply = ask("can my rtx 3070 8gb run qwen2.5 7b?")
    assert reply.memory_gb is not None and reply.memory_gb < 8
