"""A wrong hourly price stated for a GPU is corrected from the offerings before anything else; asked as a
yes/no ("it's $X an hour, right?"), the answer is No."""

from __future__ import annotations


def test_wrong_price_asked_as_yes_no(converse):
    first = converse("an h100 goes for $0.05 per hour these days, correct?").text.splitlines()[0]
    assert first.startswith("**No** — the H100") and "not $0.05 an hour" in first, first


def test_wrong_price_beside_another_question_is_corrected_first(converse):
    first = converse(
        "given an a100 is $90/hour, what does serving llama 3 8b cost a month?"
    ).text.splitlines()[0]
    assert "not $90.00 an hour" in first and "offerings' prices" in first, first


def test_the_rate_the_user_pays_prices_their_gpu(converse):
    first = converse(
        "we pay $1.10 per hour for an l40s; cost to lora qwen2.5 7b on 50M tokens?"
    ).text.splitlines()[0]
    assert "($1.10/hour)" in first and "L40S" in first, first


def test_the_rate_carries_to_a_follow_up_that_needs_more_cards(converse):
    reply = converse(
        "our team rents a single a100 40gb for $1.20/hr; how long to lora mistral 7b on 30M tokens?",
        "and a full fine-tune instead?",
    )
    first = reply.text.splitlines()[0]
    count = int(first.split(" on ")[1].split("x ")[0])
    assert count > 1 and f"(${1.20 * count:.2f}/hour)" in first, first
