"""Regional, spot and provider price questions are answered from the offerings table, every figure a fact."""

from __future__ import annotations

import re

import pytest

from assistant.answering._compose._format import money
from assistant.knowledge import class_gap
from assistant.knowledge._market import gpu_market
from assistant.understanding import Intent
from tests.support.checked_answers import checked_answer


@pytest.fixture(scope="module")
def table(assistant):
    return assistant.services.offerings


def answer(bot, *turns):
    a = checked_answer(bot, *turns)
    return a.understanding, a.full


def test_cheapest_region_for_an_instance_size(assistant, table):
    understanding, text = answer(assistant, "cheapest region for 8x H100")
    assert understanding.intent is Intent.PRICE
    best = gpu_market(table, "H100 SXM", n_gpus=8).cheapest[0].offering  # auction bids are set apart
    lead = text.split("\n")[0]
    assert best.provider in lead and best.instance_type in lead and (best.region or "does not give") in lead
    assert best.as_of.isoformat() in lead and money(best.on_demand_per_hour) in lead
    assert "Cheapest offer per continent" in text


def test_a_continent_narrows_the_offers(assistant, table):
    understanding, text = answer(assistant, "H100 price in Europe?")
    assert understanding.intent is Intent.PRICE
    best = gpu_market(table, "H100 SXM", where="Europe").cheapest[0].offering
    assert table.continent_of(best.region) == "Europe"
    assert best.region in text.split("\n")[0] and "in Europe" in text.split("\n")[0]


def test_spot_against_on_demand(assistant, table):
    understanding, text = answer(assistant, "spot vs on-demand for A100")
    assert understanding.intent is Intent.PRICE
    gpu = understanding.details.gpus[0]
    market = gpu_market(table, gpu)  # the regular offers: auction bids and far prices are set apart
    spot, on_demand = market.spot, market.on_demand
    lead = text.split("\n")[0]
    assert money(spot.median) in lead and money(on_demand.median) in lead and "% less" in lead


def test_which_providers_rent_a_gpu(assistant, table):
    _, text = answer(assistant, "which providers rent MI300X")
    providers = table.providers_for("MI300X")
    lead = text.split("\n")[0]
    assert f"{len(providers)} provider" in lead and all(p in lead for p in providers)


def test_price_range(assistant, table):
    _, text = answer(assistant, "price range of an L40S")
    stats = gpu_market(table, "L40S").on_demand
    lead = text.split("\n")[0]
    assert all(money(v) in lead for v in (stats.min, stats.median, stats.max))
    assert f"over {stats.count} offers" in lead


def test_another_currency_gets_the_usd_figure_and_says_so(assistant):
    _, text = answer(assistant, "how much is an H100 per hour in euros?")
    assert "$" in text and "USD" in text and "EUR" in text


def test_the_training_inference_gap_from_the_data_next_to_signwls_figure(assistant, table):
    understanding, text = answer(
        assistant, "Do training GPUs really cost 3-10x more per hour than inference GPUs?"
    )
    assert understanding.intent is Intent.PRICE
    gap = class_gap(table, {g.name: g.gpu_class for g in assistant.services.catalog})
    assert f"{gap.ratio:.1f}x" in text and money(gap.training_median) in text
    assert "Signwl" in text and "3–10x" in text and gap.as_of[0].isoformat() in text


def test_a_plain_price_question_leads_with_the_spread_and_the_cheapest_named_offer(assistant, table):
    _, text = answer(assistant, "what's the going hourly rate for an H100 these days?")
    market = gpu_market(table, "H100 SXM")
    lead = text.split("\n")[0]
    spread = market.on_demand
    assert all(money(v) in lead for v in (spread.min, spread.median, spread.max))
    best = market.cheapest[0].offering
    assert best.provider in lead and best.instance_type in lead and best.as_of.isoformat() in lead
    assert "typical" not in lead  # not the catalog's single indicative figure


def test_an_auction_price_is_never_quoted_as_the_cheapest_without_saying_so(assistant, table):
    _, text = answer(assistant, "what does renting an A100 80GB cost")
    market = gpu_market(table, "A100 80GB SXM")
    auction = [q for q in market.set_apart if "auction" in (q.set_apart or "")]
    assert auction, "the snapshot's mithril rows are an auction market"
    lead = text.split("\n")[0]
    assert auction[0].offering.provider not in lead
    apart = text[text.index("Set apart") :]
    assert auction[0].offering.provider in apart and "auction" in apart and "Tukey" in apart


def test_buying_a_card_answers_with_its_purchase_price_not_an_hourly_rate(assistant, table):
    _, text = answer(assistant, "how much does it cost to buy an RTX 4090")
    first = text.split("\n")[0]
    assert "$1,599" in first and "MSRP" in first and "/hour" not in first and "per GPU-hour" not in first
    single = gpu_market(table, "RTX 4090", n_gpus=1).cheapest[0]
    price = assistant.services.purchases["RTX 4090"].price_usd
    assert f"{price / single.per_gpu_hour:,.0f} hours" in text and single.offering.provider in text


@pytest.mark.parametrize(
    ("question", "card"),
    [
        ("is a 3060 12GB worth buying or should I just rent GPU time", "RTX 3060 12GB"),
        ("buy vs rent for an RX 7900 XTX?", "RX 7900 XTX"),
        ("would purchasing an RTX 5080 pay for itself versus cloud rental", "RTX 5080"),
    ],
)
def test_buy_or_rent_gives_the_price_and_the_break_even_against_the_cheapest_rental(
    assistant, table, question, card
):
    understanding, text = answer(assistant, question)
    assert understanding.details.gpus[0] == card
    row = assistant.services.purchases[card]
    assert money(row.msrp_usd) in text and row.msrp_source.split()[0] in text
    market = gpu_market(table, card)
    if market.on_demand is None:
        assert f"No provider in the offerings table rents the **{card}**" in text
    else:
        assert "Buy or rent" in text and "hours" in text


def test_a_mac_price_is_the_whole_computer_and_says_which(assistant):
    _, text = answer(assistant, "what does a Mac Studio M2 Ultra 64GB cost to buy")
    assert "$3,999" in text and "Mac Studio" in text and "base configuration" in text


def test_a_card_without_a_sourced_price_says_so_without_calling_it_a_server_part(assistant):
    _, text = answer(assistant, "how much does an RTX A4000 cost to buy")
    first = text.split("\n")[0]
    assert (
        first.startswith("I have no sourced purchase price for the **RTX A4000**") and "servers" not in first
    )


def test_buy_or_rent_uses_the_dated_street_price_when_there_is_one(assistant):
    _, text = answer(assistant, "should I buy an RTX 5090 or rent one?")
    assert "Street price" in text and "2026-06-22" in text and "Buy or rent" in text


def test_a_server_gpu_has_no_purchase_price_and_says_so(assistant):
    _, text = answer(assistant, "how much to buy an H100?")
    assert text.startswith("I have no purchase price for the **H100 SXM**")


def test_a_plain_price_question_about_a_mac_gives_its_purchase_price(assistant):
    _, text = answer(assistant, "how much is an M4 Pro 24GB?")
    assert text.startswith("Buying the **M4 Pro 24GB**") and "$1,399" in text and "Mac mini" in text


def test_a_plain_price_question_about_a_rented_consumer_card_adds_its_purchase_price(assistant, table):
    _, text = answer(assistant, "how much does an RTX 4090 cost?")
    lead = text.split("\n")[0]
    assert money(gpu_market(table, "RTX 4090").on_demand.median) in lead
    assert "To buy instead" in text and "$1,599" in text


def test_every_priced_card_and_mac_answers_a_buy_or_rent_question(assistant):
    for name, row in assistant.services.purchases.items():
        understanding, text = answer(assistant, f"buy or rent a {name}?")
        assert name in understanding.details.gpus, name
        assert money(row.msrp_usd) in text and row.msrp_source.split()[0] in text, name
        assert "Buy or rent" in text or f"No provider in the offerings table rents the **{name}**" in text, (
            name
        )
        if row.note:
            assert row.note in text, name


def test_a_period_and_a_gpu_count_give_the_bill_at_the_median_and_cheapest_rates(assistant, table):
    understanding, text = answer(assistant, "what would 4x A100 80GB cost per week?")
    gpu, count = understanding.details.gpus[0], understanding.details.gpu_count
    spread = gpu_market(table, gpu, n_gpus=count).on_demand
    lead = text.split("\n")[0]
    assert f"For {count} GPUs running around the clock" in lead and "per week" in lead
    assert money(spread.median * count * 24 * 7) in lead and money(spread.min * count * 24 * 7) in lead


def test_which_is_cheaper_is_answered_from_the_table_medians(assistant, table):
    understanding, text = answer(assistant, "H200 and B200 hourly price, cheapest first")
    medians = {g: gpu_market(table, g).on_demand.median for g in understanding.details.gpus}
    best = min(medians, key=medians.get)
    assert (
        text.startswith(f"The **{best}** is cheaper to rent") and money(medians[best]) in text.split("\n")[0]
    )


def test_compare_and_spec_answers_price_from_the_offerings_table(assistant, table):
    reply = assistant.ask("L40S vs A100 80GB SXM, how do they stack up?")
    row = next(line for line in reply.text.splitlines() if line.startswith("| price (on-demand)"))
    for name in ("L40S", "A100 80GB SXM"):
        spread = gpu_market(table, name).on_demand
        assert f"{money(spread.median)}/GPU-hour median, from {money(spread.min)}" in row
    assert "typical" not in row  # not the catalog's single indicative figure
    spec = assistant.ask("give me the spec sheet of the L4")
    assert money(gpu_market(table, "L4").on_demand.median) in spec.text + spec.details


def test_the_best_gpu_within_a_monthly_budget_is_the_most_capable_one_under_it(assistant, catalog):
    """'$400 a month, rented full time' is $400 / 730 hours an hour: the answer names the GPU with the most memory
    whose typical rate is under that, and its monthly bill."""
    reply = assistant.ask("what's the strongest gpu I could keep rented 24/7 on $400 a month?")
    first = reply.text.splitlines()[0]
    limit = 400 / 730
    under = [g for g in catalog if g.price and g.price_per_hour <= limit]
    most = max(g.memory_gb for g in under)
    named = first.split("**")[1]
    assert catalog.by_name(named).memory_gb == most and catalog.by_name(named).price_per_hour <= limit
    assert "$0.55 per GPU-hour" in first and "per month" in first


def test_an_api_weighed_against_self_hosting_at_a_volume_gets_the_bill_over_the_tokens(assistant):
    # a rented GPU bills every hour: at a stated volume its cost per million tokens is the bill over the tokens
    reply = assistant.ask(
        "for ~2M tokens per day of mistral 7b, would self hosting beat paying the openai api?",
        conversation_id="api-volume-1",
    )
    first = reply.text.split("\n", 1)[0]
    m = re.search(r"costs about \*\*\$([\d.,]+) per day\*\* \(\$([\d.,]+)/hour", first)
    assert m, first
    day, hourly = float(m.group(1).replace(",", "")), float(m.group(2))
    assert abs(day - hourly * 24) <= 0.12  # the hourly rate is shown rounded to the cent
    m = re.search(r"\*\*\$([\d.,]+) per million tokens\*\*", first)
    assert m and abs(float(m.group(1)) - day / 2) < 0.01


def test_one_price_everywhere_is_not_a_range(assistant, table):
    # a GPU rented at a single on-demand price: "$X per GPU-hour", not "$X to $X (median $X)"
    single = next(
        g.name
        for g in assistant.services.catalog
        if (m := gpu_market(table, g.name)).on_demand and money(m.on_demand.min) == money(m.on_demand.max)
    )
    _, text = answer(assistant, f"what does a {single} rent for per hour")
    lead = text.split("\n")[0]
    assert " to $" not in lead and "median" not in lead


def test_two_providers_named_get_each_their_cheapest(assistant, table):
    def price(p):
        quotes = gpu_market(table, "H100 SXM", providers=(p,)).cheapest
        return money(quotes[0].per_gpu_hour) if quotes else None

    renting = [p for p in ("runpod", "lambda", "aws", "gcp") if price(p)]
    a, b = next((x, y) for x in renting for y in renting if price(x) != price(y))  # two different prices
    _, text = answer(assistant, f"h100: what does it go for at {a} and at {b}?")
    lead = text.split("\n")[0]
    cheapest = {p: gpu_market(table, "H100 SXM", providers=(p,)).cheapest[0].per_gpu_hour for p in (a, b)}
    for provider, each in cheapest.items():
        assert f"**{provider}** from **{money(each)} per GPU-hour**" in lead
    first, second = sorted(cheapest, key=cheapest.get)  # the cheaper provider first, and by how much
    assert lead.index(f"**{first}**") < lead.index(f"**{second}**")
    assert f"{first} is the cheaper." in lead


def test_a_bill_per_period_at_two_providers_is_given_for_each(assistant, table):
    # "per month on A vs B": the monthly bill at each provider's cheapest rate, not one figure for both
    def rate(p):
        quotes = gpu_market(table, "H100 SXM", providers=(p,)).cheapest
        return quotes[0].per_gpu_hour if quotes else None

    renting = [p for p in ("runpod", "lambda", "aws", "gcp") if rate(p)]
    a, b = next((x, y) for x in renting for y in renting if money(rate(x)) != money(rate(y)))
    _, text = answer(assistant, f"an h100 around the clock for a month, {a} or {b}, what's the bill?")
    lead = text.split("\n")[0]
    for provider in (a, b):
        assert f"**{money(rate(provider) * 730)}** on {provider}" in lead


def test_a_provider_without_the_gpu_is_said_to_have_no_offer(assistant, table):
    absent = next(p for p in table.providers if not gpu_market(table, "L40S", providers=(p,)).cheapest)
    present = next(p for p in table.providers if gpu_market(table, "L40S", providers=(p,)).cheapest)
    _, text = answer(assistant, f"L40S price at {present} vs {absent}?")
    assert f"No on demand offer on record from {absent}" in text.split("\n")[0]


@pytest.mark.parametrize(
    ("rate_of", "question", "verdict"),
    [
        (lambda s: s.min, "they offered me an l40s at ${:.2f} per gpu per hour. fair price?", "**Yes**"),
        (lambda s: s.max, "renting an l40s at ${:.2f}/hr, is that reasonable?", "**No**"),
        (
            lambda s: s.max,
            "an l40s for ${:.2f} an hour, am I getting ripped off? is it overpriced?",
            "**Yes**",
        ),
    ],
)
def test_a_quoted_rate_is_judged_against_the_median(assistant, table, rate_of, question, verdict):
    spread = gpu_market(table, "L40S").on_demand
    _, text = answer(assistant, question.format(rate_of(spread)))
    lead = text.split("\n")[0]
    assert lead.startswith(verdict) and f"median of {money(spread.median)}" in lead


def test_a_provider_without_the_size_asked_is_priced_in_another_size(assistant, table):
    # "8 H100s on A vs B" where B rents H100s only in other sizes: B's cheapest per GPU-hour in any size
    def rents(p, n=None):
        return bool(gpu_market(table, "H100 SXM", n_gpus=n, providers=(p,)).cheapest)

    shaped = next(p for p in table.providers if rents(p, 8))
    other = next(p for p in table.providers if p != shaped and rents(p) and not rents(p, 8))
    _, text = answer(assistant, f"8 h100s on {shaped} vs {other}, how much per hour?")
    best = gpu_market(table, "H100 SXM", providers=(other,)).cheapest[0]
    assert f"**{other}** from **{money(best.per_gpu_hour)} per GPU-hour**" in text.split("\n")[0]


@pytest.mark.parametrize(
    ("question", "card"),
    [
        ("what provider is cheapest for an RTX 4090?", "RTX 4090"),
        ("which clouds rent the H200, and who's cheapest?", "H200"),
    ],
)
def test_a_providers_question_names_the_cheapest_provider_in_its_first_line(assistant, table, question, card):
    _, text = answer(assistant, question)
    best = gpu_market(table, card).cheapest[0]
    lead = text.split("\n")[0]
    assert f"The cheapest is **{best.offering.provider}**" in lead
    assert money(best.per_gpu_hour) in lead


def test_a_provider_with_only_another_variant_priced_answers_with_that_variant(assistant, table):
    """A bare product name ("an A100") read as one variant: where the provider has no regular offer for it, its
    other variants that the provider does rent lead, and a doubtful listing is shown set apart, not denied."""
    _, text = answer(assistant, "gcp a100 rental cost, spot if possible")
    market = gpu_market(table, "A100 40GB", providers=("gcp",), spot_first=True)
    assert market.spot is not None  # the table holds regular GCP spot offers for the 40GB
    lead = text.split("\n")[0]
    assert "A100 40GB" in lead and money(market.spot.median) in lead
    assert "No offer in the offerings table matches" not in text
    doubtful = gpu_market(table, "A100 80GB SXM", providers=("gcp",))
    if doubtful.set_apart:  # the snapshot's GCP A100 80GB rows carry a doubtful-price flag
        assert "doubtful" in text


def test_a_spec_sheets_price_cell_counts_one_provider_in_the_singular(assistant, table):
    """'(100 offers, 1 providers)' read as a typo in a spec sheet; the count and the noun agree."""
    single = next(
        name
        for name in ("MI300X", "H200", "B200", "MI325X", "GH200", "L40S")
        if (m := gpu_market(table, name)).on_demand is not None and m.on_demand.providers == 1
    )
    _, text = answer(assistant, f"{single} specs?")
    assert "1 provider," in text and "1 providers" not in text
