"""The explorer's price view and the Sizing tab's offerings, without a browser."""

from __future__ import annotations

from assistant.frontends.web import price_view, size_workload


def test_price_view_spreads_a_gpus_offers_by_provider_and_kind(web_assistant):
    table = web_assistant.services.offerings
    figure, offers, note = price_view(table, "A100 80GB SXM")
    assert set(offers["Kind"]) == {"on-demand", "spot"}
    assert set(offers["Provider"]) <= set(table.providers_for("A100 80GB SXM"))
    stats = table.price_stats("A100 80GB SXM")
    on_demand = offers.loc[offers["Kind"] == "on-demand", "$/GPU-hour"]
    assert len(on_demand) == stats.count and on_demand.min() == round(stats.min, 4)
    assert f"median ${stats.median:,.2f}" in note and "as of 2026-11-29" in note
    assert {trace.name for trace in figure.data} == {"on-demand", "spot"}


def test_price_view_filters_by_provider_and_continent(web_assistant):
    table = web_assistant.services.offerings
    _, offers, _ = price_view(table, "H100 SXM", providers=["aws", "lambda"], continents=["Europe"])
    assert set(offers["Provider"]) <= {"aws", "lambda"} and set(offers["Continent"]) == {"Europe"}
    _, empty, note = price_view(table, "H100 SXM", providers=["aws"], continents=["Africa"])
    assert empty.empty and note.startswith("No offer")


def test_sizing_fits_show_the_offering_rented(web_assistant):
    view = size_workload(web_assistant, "Llama 3.1 70B", None, "inference", "bf16", 4096, 1)
    assert view.ok and {"Rent as", "Price as of"} <= set(view.fits.columns)
    first = view.report.fits[0]
    assert view.fits["Rent as"].iloc[0] == first.where
    assert first.offering.instance_type in first.where
