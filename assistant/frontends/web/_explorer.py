"""The GPU explorer tab: the catalog as a filterable table and price charts, and the offerings table's
prices per GPU across providers and regions (on-demand and spot)."""

from collections.abc import Sequence

import gradio as gr
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from assistant import CatalogFilter, filter_catalog

__all__ = ["catalog_table", "compare_table", "explorer_charts", "explorer_tab", "filter_table", "price_view"]

PRICE = "$/hour"
MEMORY = "Memory (GB)"
TFLOPS = "FP16/BF16 TFLOPS (dense)"
VALUE = "Dense TFLOPS per $/hour"


def catalog_table(catalog) -> pd.DataFrame:
    """The catalog as a table, one row per GPU, numbers as numbers (missing ones as NaN)."""
    rows = [
        {
            "GPU": g.name,
            "Vendor": g.vendor,
            "Class": g.gpu_class,
            "Architecture": g.architecture,
            "Year": g.release_year,
            MEMORY: g.memory_gb,
            "Bandwidth (GB/s)": g.memory_bandwidth_gbs,
            TFLOPS: g.fp16_tflops,
            "FP8 TFLOPS (dense)": g.fp8_tflops,
            PRICE: g.price_per_hour,
            "Interconnect": g.interconnect,
            "Software": g.software,
        }
        for g in catalog
    ]
    # what people choose by first (price, memory), so they are on screen on a phone too
    columns = ["GPU", PRICE, MEMORY, "Bandwidth (GB/s)", TFLOPS, "FP8 TFLOPS (dense)", "Vendor", "Class"]
    columns += ["Architecture", "Year", "Interconnect", "Software"]
    table = pd.DataFrame(rows, columns=columns)
    return table.astype({TFLOPS: float, "FP8 TFLOPS (dense)": float, PRICE: float})


def filter_table(
    catalog,
    vendors: Sequence[str] | None = None,
    classes: Sequence[str] | None = None,
    min_memory_gb: float | None = None,
    max_price: float | None = None,
) -> pd.DataFrame:
    """The table of catalog rows passing the shared catalog filter (a max price leaves out unpriced GPUs)."""
    constraints = CatalogFilter(
        vendors=tuple(vendors or ()),
        classes=tuple(classes or ()),
        min_memory_gb=float(min_memory_gb) if min_memory_gb else None,
        max_price_per_hour=float(max_price) if max_price else None,
    )
    return catalog_table(filter_catalog(catalog, constraints))


COMPARE_MAX = 4


def compare_table(catalog, names: Sequence[str]) -> pd.DataFrame:
    """2–4 GPUs side by side: one column per GPU, one row per spec (price and memory first)."""
    known = set(catalog.names)
    chosen = [catalog.by_name(name) for name in list(dict.fromkeys(names)) if name in known][:COMPARE_MAX]
    table = catalog_table(chosen)
    if table.empty:
        return pd.DataFrame({"Spec": []})
    table = table.set_index("GPU").T.astype(object)
    table = table.where(table.notna(), "unknown")
    return table.reset_index(names="Spec")


def _empty_figure(message: str) -> go.Figure:
    """A chart with a message instead of empty axes running from -1 to 6."""
    figure = go.Figure()
    figure.add_annotation(
        text=message, showarrow=False, font={"size": 15}, x=0.5, y=0.5, xref="paper", yref="paper"
    )
    figure.update_layout(xaxis={"visible": False}, yaxis={"visible": False}, height=260)
    return figure


def explorer_charts(table: pd.DataFrame) -> tuple[go.Figure, go.Figure, go.Figure, str]:
    """Price vs memory, price vs dense TFLOPS and TFLOPS per $/hour charts, and a note on unpriced GPUs."""
    priced = table.dropna(subset=[PRICE]).copy()
    if priced.empty:
        message = "No GPU matches these filters." if table.empty else "None of these GPUs has a price."
        return (*(_empty_figure(message) for _ in range(3)), _unpriced_note(table))
    hover = {"Vendor": True, "Class": True, MEMORY: True, TFLOPS: True, PRICE: ":.2f"}
    memory = px.scatter(
        priced,
        x=MEMORY,
        y=PRICE,
        color="Vendor",
        hover_name="GPU",
        hover_data=hover,
        text="GPU",
        title="Price/hour vs memory",
    )
    compute = px.scatter(
        priced.dropna(subset=[TFLOPS]),
        x=TFLOPS,
        y=PRICE,
        color="Vendor",
        hover_name="GPU",
        hover_data=hover,
        text="GPU",
        title="Price/hour vs dense TFLOPS",
    )
    priced[VALUE] = priced[TFLOPS] / priced[PRICE]
    ranked = priced.dropna(subset=[VALUE]).sort_values(VALUE, ascending=False)
    value = px.bar(
        ranked,
        x="GPU",
        y=VALUE,
        color="Vendor",
        hover_name="GPU",
        hover_data={TFLOPS: True, PRICE: ":.2f", VALUE: ":.0f"},
        title="TFLOPS per $/hour (higher is better)",
    )
    value.update_layout(xaxis={"categoryorder": "total descending", "tickangle": -45})
    for figure in (memory, compute):  # the GPU's name on its marker, not only on hover
        figure.update_traces(textposition="top center", textfont_size=9)
    for figure in (memory, compute, value):
        figure.update_layout(
            margin={"l": 40, "r": 20, "t": 50, "b": 40},
            height=420,
            autosize=True,  # follows the container's width (phones)
            title={"automargin": True},
            legend={"title_text": "Vendor", "orientation": "h", "y": -0.25},
        )
    return memory, compute, value, _unpriced_note(table)


def _unpriced_note(table: pd.DataFrame) -> str:
    unpriced = table.loc[table[PRICE].isna(), "GPU"].tolist()
    if table.empty:
        note = "No GPU matches these filters."
    elif unpriced:
        note = (
            f"{len(unpriced)} GPU(s) without an indicative price are left out of the price charts: "
            + ", ".join(unpriced)
            + "."
        )
    else:
        note = f"All {len(table)} GPUs shown have an indicative price (typical on-demand USD per GPU-hour)."
    return note


OFFER_COLUMNS = [
    "Provider",
    "Instance",
    "GPUs",
    "Region",
    "Continent",
    "Kind",
    "$/GPU-hour",
    "$/hour",
    "As of",
]


def price_view(
    offerings, gpu: str, providers: Sequence[str] | None = None, continents: Sequence[str] | None = None
) -> tuple[go.Figure, pd.DataFrame, str]:
    """One GPU's offers: a strip plot of $/GPU-hour per provider (on-demand and spot), the offers cheapest
    first, and a note with the spread and the as-of dates. Price-suspect rows are left out."""
    frame = offerings.frame
    frame = frame[(frame["gpu"] == gpu) & ~frame["price_suspect"]]
    if providers:
        frame = frame[frame["provider"].isin(list(providers))]
    if continents:
        frame = frame[frame["continent"].fillna("Unknown").isin(list(continents))]
    rows = []
    for kind, column, instance_column in (
        ("on-demand", "on_demand_per_gpu_hour", "on_demand_per_hour"),
        ("spot", "spot_per_gpu_hour", "spot_per_hour"),
    ):
        priced = frame.dropna(subset=[column])
        for _, r in priced.iterrows():
            rows.append(
                {
                    "Provider": r["provider"],
                    "Instance": r["instance_type"],
                    "GPUs": int(r["gpus_per_instance"]),
                    "Region": r["region"] if isinstance(r["region"], str) else "not given",
                    "Continent": r["continent"] if isinstance(r["continent"], str) else "Unknown",
                    "Kind": kind,
                    "$/GPU-hour": round(float(r[column]), 4),
                    "$/hour": round(float(r[instance_column]), 4),
                    "As of": r["as_of"].isoformat(),
                }
            )
    offers = pd.DataFrame(rows, columns=OFFER_COLUMNS).sort_values(["$/GPU-hour", "Provider"], kind="stable")
    figure = px.strip(
        offers,
        x="Provider",
        y="$/GPU-hour",
        color="Kind",
        hover_data=["Instance", "GPUs", "Region", "$/hour", "As of"],
        title=f"{gpu}: USD per GPU-hour across providers and regions",
    )
    figure.update_layout(margin={"l": 40, "r": 20, "t": 50, "b": 40}, height=420)
    if offers.empty:
        return figure, offers, f"No offer in the offerings table matches {gpu} with these filters."
    parts = []
    for kind in ("on-demand", "spot"):
        prices = offers.loc[offers["Kind"] == kind, "$/GPU-hour"]
        if not prices.empty:
            parts.append(
                f"{kind}: ${prices.min():,.2f}–${prices.max():,.2f} per GPU-hour, median ${prices.median():,.2f} "
                f"({len(prices)} offers)"
            )
    dates = sorted(offers["As of"].unique())
    when = dates[0] if len(dates) == 1 else f"{dates[0]} to {dates[-1]}"
    note = f"**{gpu}** — " + "; ".join(parts) + f". Prices in USD, as of {when}."
    return figure, offers, note


def _price_section(offerings) -> None:
    """Per-GPU price spread across providers and regions, with provider and continent filters."""
    gpus = offerings.gpus
    first = "H100 SXM" if "H100 SXM" in gpus else gpus[0]
    figure, offers, note = price_view(offerings, first)
    gr.Markdown("### Cloud prices by provider and region")
    with gr.Row():
        gpu = gr.Dropdown(gpus, value=first, label="GPU", elem_id="price-gpu")
        providers = gr.CheckboxGroup(
            offerings.providers, label="Providers (none = all)", elem_id="price-providers"
        )
        continents = gr.CheckboxGroup(
            [*offerings.region_groups], label="Continents (none = all)", elem_id="price-continents"
        )
    summary = gr.Markdown(note, elem_id="price-spread-note")
    plot = gr.Plot(figure, label="Price spread", elem_id="price-spread")
    grid = gr.Dataframe(offers, interactive=False, max_height=360, elem_id="price-offers", label="Offers")

    def update(name, provider_list, continent_list):
        figure, offers, note = price_view(offerings, name, provider_list, continent_list)
        return note, figure, offers

    for control in (gpu, providers, continents):
        control.change(update, [gpu, providers, continents], [summary, plot, grid], api_visibility="private")


def explorer_tab(catalog, offerings=None) -> None:
    """The GPU explorer tab: a filterable, sortable catalog table and price charts, and (with an offerings
    table) each GPU's prices across providers and regions."""
    table = catalog_table(catalog)

    def update(vendor_list, class_list, memory_gb, price):
        shown = filter_table(catalog, vendor_list, class_list, memory_gb, price)
        memory, compute, value, unpriced = explorer_charts(shown)
        summary = f"{len(shown)} of {len(table)} GPUs match. Sort from a column header's ⋮ menu."
        return summary, shown, memory, compute, value, unpriced

    summary, shown, memory, compute, value, unpriced = update([], [], None, None)
    with gr.Row():
        vendors = gr.CheckboxGroup(sorted(table["Vendor"].unique()), label="Vendor", elem_id="vendor-filter")
        classes = gr.CheckboxGroup(
            sorted(table["Class"].unique()),
            label="Class ('both' = training and inference)",
            elem_id="class-filter",
        )
        min_memory = gr.Number(label="Min memory (GB; 0 = any)", value=None, minimum=0, elem_id="min-memory")
        max_price = gr.Number(
            label="Max $/GPU-hour (0 = any; a limit leaves out GPUs with no price)",
            value=None,
            minimum=0,
            elem_id="max-price",
        )
    count = gr.Markdown(summary, elem_id="explorer-count")
    grid = gr.Dataframe(
        shown,
        interactive=False,
        show_search="search",
        max_height=460,
        elem_id="gpu-table",
        pinned_columns=1,
        label="GPU catalog",
    )
    note = gr.Markdown(unpriced, elem_id="price-note")
    with gr.Row():
        memory_plot = gr.Plot(memory, label="Price vs memory", show_label=False, elem_id="price-memory")
        compute_plot = gr.Plot(compute, label="Price vs TFLOPS", show_label=False, elem_id="price-tflops")
    value_plot = gr.Plot(value, label="Price-performance", show_label=False, elem_id="price-performance")
    compare = gr.Dropdown(
        table["GPU"].tolist(),
        multiselect=True,
        max_choices=COMPARE_MAX,
        label=f"Compare 2–{COMPARE_MAX} GPUs side by side",
        elem_id="compare-pick",
    )
    compared = gr.Dataframe(
        compare_table(catalog, []),
        interactive=False,
        elem_id="compare-table",
        label="Side by side",
        pinned_columns=1,
    )
    compare.change(
        lambda names: compare_table(catalog, names or []), compare, compared, api_visibility="private"
    )

    if offerings is not None:
        _price_section(offerings)

    inputs = [vendors, classes, min_memory, max_price]
    outputs = [count, grid, memory_plot, compute_plot, value_plot, note]
    for control in (vendors, classes):
        control.change(update, inputs, outputs, api_visibility="private")
    for control in (min_memory, max_price):
        control.submit(update, inputs, outputs, api_visibility="private")
        control.blur(update, inputs, outputs, api_visibility="private")
