"""A monthly bill for serving a model on the setup picked also names the cheapest setup that holds it, with its own
month, as the hourly bill already did. Phrasings in no evaluation set."""

from __future__ import annotations

import re


def test_the_monthly_bill_names_a_cheaper_setup_with_its_month(ask):
    first = ask("monthly spend to host qwen2.5 72b nonstop on aws?").text.split("\n")[0]
    lead = float(re.match(r"About \*\*\$([\d,]+) per month\*\*", first).group(1).replace(",", ""))
    cheap = re.search(
        r"The cheapest setup that holds it is .+? at \$[\d.]+ per hour \(about \$([\d,]+) a month\)", first
    )
    assert cheap and float(cheap.group(1).replace(",", "")) < lead


def test_a_card_of_their_own_gets_no_other_setup(ask):
    first = ask("monthly cost of serving qwen2.5 7b on one rented L4, around the clock?").text.split("\n")[0]
    assert "The cheapest setup that holds it" not in first
