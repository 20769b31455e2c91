"""Purchase prices: every row a catalog card with a sourced MSRP; break-even is price over rental rate."""

from __future__ import annotations

import pytest

from assistant import DataError
from assistant.knowledge import break_even, corpus_dir, load_purchase_prices


def test_rows_are_catalog_cards_people_buy_with_sources(catalog):
    rows = load_purchase_prices(corpus_dir() / "purchase-prices.yaml", catalog)
    assert {"RTX 4090", "RTX 3090", "RTX 5090", "RTX 3060 12GB", "RX 7900 XTX", "Arc B580", "M4 16GB"} <= set(
        rows
    )
    for row in rows.values():
        gpu = catalog.by_name(row.name)
        assert gpu.gpu_class in ("consumer", "local") or "workstation" in gpu.form_factor, row.name
        assert row.msrp_source.startswith("https://")
        assert (gpu.gpu_class == "local") == bool(row.product), row.name  # a Mac's price is a whole computer
        assert row.street is None or (row.street.source.startswith("https://") and row.street.as_of)


def test_break_even_is_the_card_price_over_the_hourly_rent(catalog):
    row = load_purchase_prices(corpus_dir() / "purchase-prices.yaml", catalog)["RTX 4090"]
    even = break_even(row, 0.5, median_rent_per_gpu_hour=0.8)
    assert even.hours == pytest.approx(row.price_usd / 0.5) and even.days_around_the_clock == pytest.approx(
        even.hours / 24
    )
    assert even.median_hours == pytest.approx(row.price_usd / 0.8)


def test_the_street_price_wins_over_the_msrp_when_a_source_had_one(catalog):
    rows = load_purchase_prices(corpus_dir() / "purchase-prices.yaml", catalog)
    assert rows["RTX 5090"].price_usd == rows["RTX 5090"].street.usd != rows["RTX 5090"].msrp_usd
    assert rows["RTX 3080"].price_usd == rows["RTX 3080"].msrp_usd  # no dated street price sourced


def test_an_unknown_card_is_a_data_error(catalog, tmp_path):
    path = tmp_path / "purchases.yaml"
    path.write_text(
        "purchases:\n  - {name: RTX 9999, msrp_usd: 1, launched: 2020-01-01, msrp_source: https://example.invalid}\n"
    )
    with pytest.raises(DataError, match="RTX 9999"):
        load_purchase_prices(path, catalog)
