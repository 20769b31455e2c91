"""A batch of images judged at that batch, and a speed asked of a card nobody measured carried over from a measured
card by the ratio of what bounds the work, labelled an estimate (phrasings of our own)."""

from __future__ import annotations


def test_a_large_batch_is_judged_at_that_batch_not_at_one_image(ask):
    reply = ask("sdxl with a batch size of 8 at 1024 on my 4090, will it fit in 24gb?")
    assert reply.memory_gb is not None and reply.memory_gb > 24
    assert not reply.text.startswith("**Yes** on")
    assert "batch 8" in reply.text


def test_a_batch_on_record_is_answered_by_its_measurement(ask):
    reply = ask("how much gpu memory for an SDXL batch size of 4, 1024px?")
    assert reply.memory_gb == 21.7


def test_a_speech_speed_on_an_unmeasured_card_is_scaled_by_memory_bandwidth(ask):
    reply = ask("realistically what real-time factor does whisper large get on an A10G?")
    text = reply.text
    assert "An estimate for the A10G, not a measurement" in text
    assert "memory bandwidth" in text and "600" in text  # the A10G's 600 GB/s against the card measured


def test_an_image_speed_on_an_unmeasured_card_spans_the_bandwidth_and_compute_ratios(ask):
    reply = ask("seconds per sdxl image on an rtx 4070 at 1024x1024, roughly?")
    text = reply.text
    assert "An estimate for the RTX 4070" in text
    assert "memory bandwidth" in text and "dense FP16 TFLOPS" in text
    assert "won't turn into a number" not in text


def test_images_generated_at_once_are_a_batch_not_an_amount_to_time(ask):
    reply = ask("memory for 5 pics at once with sdxl at 1024?")
    assert not reply.text.startswith("About **")  # no time for five images leads a memory question
    assert "at batch 5" in reply.text


def test_a_batch_too_large_for_the_card_is_a_plain_no_not_another_models_savings(ask):
    reply = ask("four 1024px sdxl images per call (batch size 4) on an rtx 4070 12gb?")
    assert reply.text.startswith("**No**") and reply.memory_gb == 21.7
    assert "span a wide range" not in reply.text
    assert "A smaller batch fits" in reply.text and "9.0 GB" in reply.text  # batch 1, one call after another


def test_a_compute_pick_against_a_card_with_far_more_bandwidth_says_so(ask):
    reply = ask("for sd 1.5 image generation would an A10G or an L4 be quicker?")
    first = reply.text.split("\n\n")[0]
    assert "memory" in first and "600 against 300 GB/s" in first and "tie-breaker" in first
