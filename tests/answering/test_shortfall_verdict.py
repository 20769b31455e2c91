"""'Is 12 GB too little for X?' asks whether the hardware falls short: the fit verdict is turned round so Yes / No
answer the sense asked ("No, it is enough" when it fits; "Yes, it falls short" when it does not)."""

from __future__ import annotations

import pytest


def lead(reply) -> str:
    return reply.text.strip().splitlines()[0]


@pytest.mark.parametrize(
    "question",
    [
        "would 16 gigs be too small for mistral 7b in q4?",
        "is an rtx 4080 (16gb) not enough for llama 3.1 8b at q8?",
        "is 24gb insufficient to run qwen2.5 14b quantized to 4 bit?",
    ],
)
def test_it_fits_so_it_does_not_fall_short(converse, question):
    assert lead(converse(question)).startswith("**No**, it is enough")


@pytest.mark.parametrize(
    "question",
    [
        "is 24 gb too little for llama 3 70b in bf16?",
        "my card has 8gb, is that too low for mixtral 8x7b at fp16?",
    ],
)
def test_it_does_not_fit_so_it_falls_short(converse, question):
    assert lead(converse(question)).startswith("**Yes**, it falls short")


def test_the_plain_question_keeps_the_plain_verdict(converse):
    assert lead(converse("is 16gb enough for mistral 7b in q4?")).startswith("**Yes**")


def test_an_out_of_memory_error_on_a_card_that_holds_the_job_is_not_normal(converse):
    reply = converse("sdxl keeps going out of memory on my rtx 3060 12gb at 1024x1024, is that normal?")
    assert lead(reply).startswith("**No** — it should fit"), reply.text


def test_an_out_of_memory_error_where_the_job_does_not_fit_is_expected(converse):
    reply = converse("Loading qwen2.5 72b in bf16 on one H100 gives CUDA out of memory. Is that expected?")
    assert lead(reply).startswith("**Yes**"), reply.text
    assert "expected" in lead(reply)


def test_a_fit_only_with_another_setting_is_not_too_little(converse):
    reply = converse("i have a 12gb 3060, is that too little to run flux dev?")
    assert not lead(reply).startswith("**Yes**"), reply.text


def test_a_statement_without_a_question_mark_still_gets_the_count_sense(converse):
    reply = converse(
        "we want to serve llama 3.1 70b in fp8 for 60 users, do we need more than one gpu or will one h100 do"
    )
    assert not lead(reply).startswith("**No**"), reply.text
