"""Amounts of non-LLM work read from a question, and speed questions told apart (phrasings of our own)."""

from __future__ import annotations

import pytest

from assistant.understanding import asks_rate, work_amount


@pytest.mark.parametrize(
    ("question", "quantity", "unit"),
    [
        (
            "we have ~250 hours of call-center recordings to push through whisper",
            250 * 3600,
            "seconds of audio",
        ),
        ("transcribing roughly 1,200 hrs every month, what gpu?", 1200 * 3600, "seconds of audio"),
        ("forty minutes of interview audio on a laptop gpu", 40 * 60, "seconds of audio"),
        ("three hundred hours of old sermons", 300 * 3600, "seconds of audio"),
        ("one thousand hours of podcast episodes", 1000 * 3600, "seconds of audio"),
        ("a 2h45min meeting recording", 2 * 3600 + 45 * 60, "seconds of audio"),
        ("I must embed 4.5 million support tickets' passages", 4.5e6, "texts"),
        ("vectorise 800k product descriptions... er, 800k products", 800e3, "texts"),
        ("need twenty thousand avatars from sdxl", 20_000, "images"),
        ("render 12,000 thumbnails with flux schnell", 12_000, "images"),
    ],
)
def test_an_amount_of_work_is_read_in_the_unit_a_rate_counts(question, quantity, unit):
    amount = work_amount(question)
    assert amount is not None and amount.unit == unit and amount.quantity == pytest.approx(quantity)


@pytest.mark.parametrize(
    "question",
    [
        "sd 1.5 on a 6gb card",  # a version number, not a count
        "stable diffusion 2.1 images look washed out",
        "my 3 gpus have 24 gb each",
        "whisper large-v3 on 8 GB",
        "20 seconds per image on my 3060, normal?",  # a speed, not an amount
    ],
)
def test_versions_sizes_and_speeds_are_not_amounts(question):
    assert work_amount(question) is None


@pytest.mark.parametrize(
    "question",
    [
        "how many pics a minute does sdxl do on a 4080",
        "what it/s should I expect from flux dev",
        "whisper turbo real-time factor on a T4?",
        "embedding throughput of minilm on one gpu",
        "seconds per image for sd 1.5 on an a10",
    ],
)
def test_speed_questions_are_told_apart(question):
    assert asks_rate(question)


def test_a_memory_question_is_not_a_speed_question():
    assert not asks_rate("how much vram does sdxl need for 1024px")


@pytest.mark.parametrize(
    "question",
    [
        "can a 12gb 3060 run photo animation tools?",
        "would my 8gb 2070 render images fast enough",
        "is a 4090 photo editing model a thing",
    ],
)
def test_a_geforce_card_number_is_not_a_count_of_work(question):
    assert work_amount(question) is None


def test_a_round_count_of_images_is_still_read():
    amount = work_amount("generate 3000 product images with sdxl")
    assert amount is not None and amount.quantity == 3000 and amount.unit == "images"


@pytest.mark.parametrize(
    "question",
    [
        "vram for a 2B image-to-video model?",
        "my 80M text-to-speech net on a pi?",
        "a 1.3B image-2-3d model on 8gb?",
    ],
)
def test_a_size_before_a_kind_named_from_its_input_is_no_amount_of_work(question):
    assert work_amount(question) is None


def test_an_amount_of_images_is_still_read():
    amount = work_amount("how long to caption 20 thousand images on a T4?")
    assert amount is not None and amount.unit == "images" and amount.quantity == 20_000


@pytest.mark.parametrize(
    ("question", "seconds"),
    [
        ("how long would an hour of lecture audio take on a t4?", 3600),
        ("a minute of speech per voicemail, 10k of them", 60),
        ("half an hour of interview recordings with whisper medium", 1800),
    ],
)
def test_one_unit_said_with_the_article_is_an_amount_of_audio(question, seconds):
    amount = work_amount(question)
    assert amount is not None and amount.quantity == seconds and amount.unit == "seconds of audio"


def test_an_hour_that_is_no_audio_is_no_amount():
    assert work_amount("i have an hour to spare, which gpu for sdxl?") is None
