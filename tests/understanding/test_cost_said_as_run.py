""" "What would three H100s run me per day?" asks a cost (to run someone an amount), not what runs on the cards;
"can you run me through how LoRA works?" asks an explanation, not a yes/no. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.understanding import Intent


@pytest.mark.parametrize(
    "question",
    [
        "what would 4 a100s run me per week?",
        "what would a pair of l40s run us for a month?",
        "roughly what does one h200 run you per day these days?",
    ],
)
def test_what_cards_run_someone_is_their_price(read, question):
    understanding = read(question)
    assert understanding.intent is Intent.PRICE
    assert understanding.details.wants_cost


def test_what_cards_run_without_a_person_is_still_what_runs_on_them(read):
    assert read("what would 3 h100s run for local llms?").intent is Intent.MY_HARDWARE


@pytest.mark.parametrize(
    "question",
    ["can you run me through how qlora saves memory?", "could you take us through what the kv cache is?"],
)
def test_run_me_through_is_a_request_not_a_yes_no(read, question):
    understanding = read(question)
    assert not understanding.details.yes_no
    assert not understanding.details.wants_cost


def test_what_a_job_runs_on_rented_cards_is_its_cost(read):
    details = read(
        "if i translate 2 billion tokens with gemma 2 9b, what would that run on rented a10gs?"
    ).details
    assert details.wants_cost
    assert not read("what does it run on, cuda or rocm?").details.wants_cost
