"""The GPU explorer and the Sizing tab in headless Chromium, on a desktop and a phone viewport: an empty
filter result says so instead of drawing empty axes, and an invalid Sizing input shows no table at all."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore::DeprecationWarning:gradio.queueing"),
]

NO_MATCH = "No GPU matches these filters."
WAIT_MS = 20_000  # a shared 2-core machine can take a while to redraw


def test_filters_that_match_nothing_say_so_instead_of_drawing_empty_axes(screen, catalog):
    screen.get_by_role("tab", name="GPU explorer").click()
    expect(screen.locator("#price-memory .js-plotly-plot")).to_be_visible()
    vendor = next(  # a vendor with no training card ('both' cards count as training)
        v for v in sorted({g.vendor for g in catalog})
        if all(g.gpu_class not in ("training", "both") for g in catalog if g.vendor == v)
    )  # fmt: skip
    screen.locator("#vendor-filter label", has_text=vendor).click()
    screen.locator("#class-filter label", has_text="training").first.click()
    expect(screen.locator("#explorer-count")).to_contain_text(f"0 of {len(catalog)}", timeout=WAIT_MS)
    for chart in ("#price-memory", "#price-tflops", "#price-performance"):
        plot = screen.locator(f"{chart} .js-plotly-plot")
        expect(plot).to_contain_text(NO_MATCH, timeout=WAIT_MS)
        expect(plot.locator("g.xtick")).to_have_count(0)  # no axis ticks (no -1 to 6 scale)
    assert screen.evaluate("document.documentElement.scrollWidth") <= screen.viewport_size["width"] + 1


def test_an_invalid_sizing_input_shows_the_reason_and_no_table(screen):
    screen.get_by_role("tab", name="Sizing").click()
    screen.locator("#sizing-model input").click()
    screen.get_by_role("option", name="Custom size (parameters below)", exact=True).click()
    params = screen.locator("#sizing-params input")
    params.fill("0")
    params.press("Enter")
    expect(screen.locator("#sizing-headline")).to_contain_text("parameter count above 0", timeout=WAIT_MS)
    expect(screen.locator('#sizing-fits [role="columnheader"]')).to_have_count(0, timeout=WAIT_MS)
    expect(screen.locator("#sizing-chart .js-plotly-plot")).to_have_count(0)
    params.fill("13")  # fixed: the chart and the table come back
    params.press("Enter")
    expect(screen.locator('#sizing-fits [role="columnheader"]').first).to_contain_text("GPU", timeout=WAIT_MS)
    expect(screen.locator("#sizing-chart .js-plotly-plot")).to_be_visible()
