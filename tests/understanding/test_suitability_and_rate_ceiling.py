"""Reading "is the <chip> a good choice for X?" as a question about the kind of chip (as many as the job takes), not
one card, and a ceiling on the hourly rate ("under $1/hour") as a filter on the setups, not a question about what the
job costs. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "question",
    [
        "is the H200 a sensible pick for hosting qwen2.5 72b?",
        "would the mi325x be a solid option to serve llama 3.1 405b",
        "is the B200 suitable for deepseek r1 inference?",
    ],
)
def test_a_data_center_chip_weighed_for_a_job_is_its_kind(read, question):
    assert read(question).details.gpu_count is None


@pytest.mark.parametrize(
    "question",
    [
        "is the rtx 3090 a good choice for mistral 7b?",  # a desktop card: the one the user would have
        "can the A100 run llama 3 70b?",  # no suitability word: the card, singular
    ],
)
def test_a_home_card_or_a_plain_ask_stays_one_card(read, question):
    assert read(question).details.gpu_count == 1


@pytest.mark.parametrize(
    "question",
    [
        "which card below $1.5 per hour is best for qlora of llama 3 8b?",
        "best gpu under $2/hr to serve qwen2.5 14b",
    ],
)
def test_an_hourly_ceiling_is_not_a_cost_question(read, question):
    assert not read(question).details.wants_cost


@pytest.mark.parametrize(
    "question",
    [
        "what would it cost to qlora llama 3 8b on a card under $1/hr?",
        "is $40 enough to fine-tune llama 3 8b?",
    ],
)
def test_a_cost_asked_beside_a_ceiling_is_still_asked(read, question):
    assert read(question).details.wants_cost
