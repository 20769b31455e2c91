"""Non-LLM answers lead with what a default run needs, judge a reported speed against a measured one scaled by
compute, offer a card to buy for a home setup, and size Whisper fine-tuning; phrasings of our own, in no evaluation
set."""

from __future__ import annotations

import pytest


def _first(reply) -> str:
    return reply.text.split("\n\n")[0]


def test_sdxl_with_no_setting_leads_with_the_measured_whole_pipeline(assistant):
    reply = assistant.ask("roughly how many gigs of vram does sdxl eat when generating?")
    # diffusers benchmark, bf16 1024x1024 batch 1: 8.96 GB, above the 6.9 GB of its weights alone
    assert reply.memory_gb == 8.96 and "weights alone" not in _first(reply)


def test_flux_schnell_with_no_setting_is_not_sized_by_its_4_bit_recipe(assistant):
    reply = assistant.ask("flux schnell vram needed??")
    assert reply.memory_gb is not None and reply.memory_gb > 20 and "NF4" not in _first(reply)


def test_yolo_training_at_the_default_batch_leads(assistant):
    reply = assistant.ask(
        "how much gpu memory to train a yolov8 detector on my own dataset, default settings"
    )
    assert reply.memory_gb == 4.2 and "batch 16" in _first(reply)


@pytest.mark.parametrize(
    "question",
    [
        "sdxl on my rtx 3060 12gb crawls at 11 s/it at 1024x1024, is that normal??",
        "Stable Diffusion XL takes nearly 6 minutes per image on my 4080, is this expected",
    ],
)
def test_a_speed_far_below_the_compute_gap_is_a_no(assistant, question):
    reply = assistant.ask(question)
    assert reply.text.startswith("**No**") and "compute gap" in _first(reply)


def test_a_speed_within_the_compute_gap_is_not_called_slow(assistant):
    reply = assistant.ask("getting 1.2 it/s with sdxl on an rtx 3060 12gb, is that normal?")
    assert not reply.text.startswith("**No**")


@pytest.mark.parametrize(
    "question",
    [
        "whats the best gpu for comfyui if i mostly run flux",
        "building a new pc for stable diffusion xl in automatic1111, which graphics card?",
    ],
)
def test_a_home_setup_gets_a_card_to_buy(assistant, question):
    reply = assistant.ask(question)
    assert "cheapest card on record to buy" in _first(reply) and reply.gpus


def test_a_cloud_setup_still_gets_rentals(assistant):
    reply = assistant.ask("which gpu should i rent on the cloud to serve flux dev")
    assert "to buy" not in reply.text and "rent" in reply.text


def test_whisper_fine_tuning_has_its_own_figures(assistant):
    small = assistant.ask("gpu memory to fine-tune whisper small on a few hours of my own speech?")
    assert small.memory_gb == 16.0  # the Audio Course recipe on a 16 GB T4
    large = assistant.ask("full finetune of whisper large v3 on one 24 gig 4090 - doable?")
    assert large.text.startswith("**No**") and "LoRA" in large.text and "latents" not in large.text


def test_a_why_so_much_memory_question_gets_the_levers(assistant):
    reply = assistant.ask("why does my yolov8 training eat so much vram on an 8gb 3070 at batch 16?")
    assert "mixed precision (AMP)" in reply.text


def test_a_card_that_holds_only_a_non_default_setting_gets_only_with(assistant):
    reply = assistant.ask("does whisper large-v3 fit a 6 gig gtx 1660?")
    first = _first(reply)
    # openai/whisper at its defaults wants ~10 GB; faster-whisper int8 (4.5 GB) is what fits
    assert first.startswith("**Yes**, but only with a setting other than the default") and "int8" in first


def test_a_card_that_holds_the_default_run_gets_a_plain_yes(assistant):
    reply = assistant.ask("whisper large on a 12gb 3060, ok?")
    assert reply.text.startswith("**Yes** on") and reply.memory_gb == 10.0


def test_a_time_asked_with_none_on_record_says_so_before_any_memory_verdict(assistant):
    reply = assistant.ask("how many minutes would hunyuan video need for a 5 sec clip on a single h100?")
    assert reply.text.startswith("I have no measured generation time for HunyuanVideo")


def test_fp8_flux_on_a_16_gb_card_is_only_with_that_recipe(assistant):
    reply = assistant.ask("4070 ti super 16gb, can it do flux dev?")
    first = _first(reply)
    assert first.startswith("**Yes**, but only with a setting other than the default") and "fp8" in first
