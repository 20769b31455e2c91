"""'What would generating 3 million tokens cost?': the volume at the setup's full-load throughput, billed by the hour
— time and bill, consistent with the cost per million tokens — instead of a month around the clock. Phrasings in no
evaluation set."""

from __future__ import annotations

import re

_LEAD = re.compile(
    r"About \*\*\$([\d,.]+)\*\* to generate ([\d,]+) tokens on .*? \$([\d.]+)/hour \(\$([\d.]+) per million tokens\)"
)


def test_a_token_volume_is_priced_as_the_hours_it_takes_at_full_load(ask):
    reply = ask("what would producing 3 million tokens with gemma 2 9b cost on an a10g?")
    found = _LEAD.search(reply.text)
    assert found, reply.text
    bill, tokens, per_million = (
        float(found.group(1).replace(",", "")),
        int(found.group(2).replace(",", "")),
        float(found.group(4)),
    )
    assert tokens == 3_000_000
    assert abs(bill - per_million * 3) <= 0.02 * bill + 0.01  # the bill is the volume at the per-million rate
    assert "one sequence at a time" not in reply.text  # a volume is generated batched


def test_output_tokens_in_the_thousands_of_millions_are_a_volume(ask):
    reply = ask("cost to churn out 1.5 billion output tokens of synthetic data with llama 3.1 8b on h100s?")
    assert _LEAD.search(reply.text)


def test_a_volume_per_day_against_an_api_is_still_weighed_as_before(ask):
    reply = ask(
        "we'd push 2 million tokens per day through mistral 7b, self-host on an a10g or pay an api $0.15 per million?"
    )
    assert not reply.text.startswith("About **$")
    assert "per day" in reply.text


def test_a_bill_asked_of_a_fitting_setup_does_not_open_with_yes(ask):
    reply = ask("if we produce 500 million tokens with qwen2.5 7b, what would that run on rented l40s?")
    assert not reply.text.startswith("**Yes")
    assert _LEAD.search(reply.text)
