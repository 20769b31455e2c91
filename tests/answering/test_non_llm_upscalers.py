"""Image upscalers (ESRGAN / Real-ESRGAN and tools of their kind): a sourced tiled-run figure answers whether a card
holds one, instead of "I don't know"; a tool not on record of that kind goes by it, labelled. Phrasings of our own,
in no evaluation set."""

from __future__ import annotations


def test_a_yes_no_about_real_esrgan_on_a_small_card_gets_a_verdict(assistant):
    reply = assistant.ask("could my 4gb laptop gpu run realesrgan on phone photos?")
    assert reply.text.startswith("**Yes**")
    assert reply.memory_gb == 3.2 and "tiles of 256" in reply.text


def test_an_upscaler_not_on_record_goes_by_esrgan_labelled(assistant):
    reply = assistant.ask("[PixelBoost 4x image upscaler] enough with a 6gb card?")
    assert reply.text.startswith("**Yes**, going by the figures of ESRGAN")
    assert "nearest on record" in reply.text


def test_the_larger_tile_is_on_record_too(assistant):
    reply = assistant.ask("how much vram does real-esrgan need?")
    assert reply.memory_gb == 3.2
    assert "9.1" in f"{reply.text}\n{reply.details}"  # the 512-px tiles: too much for an 8 GB card
