"""'What's the biggest model I can serve for $X/hour?' names the largest model a rented setup within that rate
serves, the setup and its price, and the next size up with what it costs; 'the fastest card I can rent for under
$X/hour' names the card by the measure the job's speed follows (memory bandwidth for generating tokens, BF16
compute for training). Phrasings in no evaluation set."""

from __future__ import annotations

import re


def test_the_largest_model_within_the_rate_leads_with_its_setup_and_price(ask):
    text = ask("for at most $2.50 per hour, which is the biggest model I could serve with vllm?").text
    m = re.match(
        r"\*\*(.+?)\*\* in \w+ is the largest model I track that a setup within \$2\.50/hour serves", text
    )
    assert m, text[:200]
    price = float(re.search(r"\*\*\d+x [^*]+\*\* at \$(\d+\.\d\d)/hour", text).group(1))
    assert price <= 2.5
    assert "tokens/s" in text


def test_a_bigger_rate_serves_a_model_at_least_as_big(ask, models):
    def lead(rate):
        text = ask(f"what's the biggest model I can serve for {rate} dollars an hour?").text
        return models.by_name(re.match(r"\*\*(.+?)\*\*", text).group(1)).params_b

    assert lead(0.4) < lead(3)


def test_the_fastest_card_for_generating_is_by_memory_bandwidth(ask):
    text = ask("which is the fastest gpu I can hire for inference at under 90 cents an hour?").text
    first = text.split("\n")[0]
    assert first.startswith("The fastest card to rent within") and "GB/s of memory bandwidth" in first
    card = re.search(r"is the \*\*(.+?)\*\*", first).group(1)
    assert text.split("\n\n")[1].split("\n")[2].startswith(f"| {card} |")  # the pick heads the table


def test_the_fastest_card_for_training_is_by_compute(ask):
    first = ask("quickest card to rent for a full finetune, max $1.20/hour?").text.split("\n")[0]
    assert "dense BF16 TFLOPS, what sets training speed" in first
