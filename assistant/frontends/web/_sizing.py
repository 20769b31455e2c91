"""The Sizing tab: pick a workload, see its memory breakdown and the GPUs that fit; share it as a link."""

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import gradio as gr
import pandas as pd
import plotly.graph_objects as go

from assistant import InvalidQuestion, Plan, Task, WorkloadRequest

from ._chat import ABSOLUTE_LINK_JS, as_plain_text
from ._links import sizing_link

__all__ = ["CUSTOM_SIZE", "SizingTab", "SizingView", "size_workload", "sizing_from_link", "sizing_tab"]

CUSTOM_SIZE = "Custom size (parameters below)"
TASK_CHOICES = [
    ("Inference", Task.INFERENCE.value),
    ("LoRA fine-tune", Task.LORA.value),
    ("QLoRA fine-tune", Task.QLORA.value),
    ("Full fine-tune", Task.FULL.value),
    ("Pre-train", Task.PRETRAIN.value),
]
DEFAULT_MODEL = "Llama 3.1 8B"


@dataclass(frozen=True)
class SizingView:
    """What the sizing tab shows: a headline (or a friendly problem), the chart, the fits and assumptions."""

    message: str
    plan: Plan | None = None
    breakdown: go.Figure | None = None
    fits: pd.DataFrame | None = None
    assumptions: str = ""

    @property
    def ok(self) -> bool:
        """True when the inputs could be sized."""
        return self.plan is not None

    @property
    def estimate(self):
        """The plan's memory estimate."""
        return self.plan.estimate if self.plan else None

    @property
    def report(self):
        """The plan's ranked fits."""
        return self.plan.report if self.plan else None


def _problem(text: str) -> SizingView:
    return SizingView(message=f"⚠️ {text}", fits=pd.DataFrame())


def _request(bot, model, params_b, task, precision, context, batch, tokens_m) -> WorkloadRequest | str:
    """The planner request the inputs describe, or a friendly sentence saying what to fix."""
    try:
        chosen = Task(task or Task.INFERENCE.value)
    except ValueError:
        return f"Unknown task {task!r}; pick one of the listed tasks."
    custom = not model or model == CUSTOM_SIZE
    if not custom and bot.services.models.get(model) is None:
        return f"Unknown model {model!r}; pick one from the list or choose '{CUSTOM_SIZE}'."
    if custom and (params_b is None or not params_b > 0):
        return "Enter a parameter count above 0, in billions (e.g. 7 for a 7B model), or pick a model."
    if context and (context < 1 or int(context) != context):  # empty or 0: the default the chat uses
        return "Context length must be a whole number of tokens, at least 1 (e.g. 4096), or empty for the default."
    if batch is None or batch < 1 or int(batch) != batch:
        return "Batch size / concurrent users must be a whole number, at least 1."
    if tokens_m is not None and tokens_m < 0:
        return "The token budget cannot be negative; leave it empty if you have none."
    if chosen is Task.INFERENCE and precision not in bot.services.assumptions.precisions:
        return f"Pick a precision from: {', '.join(bot.services.assumptions.precisions)}."
    return WorkloadRequest(
        model=None if custom else model,
        params=float(params_b) * 1e9 if custom else None,
        task=chosen,
        precision=precision if chosen is Task.INFERENCE else None,
        context=int(context) if context else None,
        batch=int(batch),
        tokens=float(tokens_m) * 1e6 if tokens_m and chosen.is_training else None,
    )


def _breakdown_figure(estimate) -> go.Figure:
    items = estimate.items
    figure = go.Figure(
        go.Bar(
            x=[item.gb for item in items],
            y=[item.label for item in items],
            orientation="h",
            text=[f"{item.gb:,.1f} GB" for item in items],
            textposition="auto",
            customdata=[item.detail for item in items],
            hovertemplate="<b>%{y}</b>: %{x:,.2f} GB<br>%{customdata}<extra></extra>",
            marker_color="#4f46e5",
        )
    )
    figure.update_layout(
        title=f"Memory breakdown: {estimate.total_gb:,.1f} GB in all",
        xaxis_title="GB",
        yaxis={"autorange": "reversed"},
        height=320,
        margin={"l": 40, "r": 20, "t": 50, "b": 40},
    )
    return figure


def _fits_table(report) -> pd.DataFrame:
    task = report.estimate.workload.task
    rows = []
    for fit in report.fits:
        row = {
            "GPU": fit.gpu.name,
            "Count": fit.count,
            "Memory per GPU (GB)": round(fit.per_gpu_gb, 1),
            "Usable per GPU (GB)": round(fit.usable_gb, 1),
            "$/hour (all GPUs)": round(fit.price_per_hour, 2) if fit.price_per_hour else None,
        }
        offering = getattr(fit, "offering", None)  # a setup priced at a real cloud offering
        row["Rent as"] = fit.where if offering is not None else "catalog price (no offering)"
        row["Price as of"] = offering.as_of.isoformat() if offering is not None else None
        if task is Task.INFERENCE and fit.serving:
            s = fit.serving
            row["Tokens/s (1 stream)"] = round(s.decode_tokens_per_s, 1)
            row["Tokens/s (large batch)"] = (
                round(s.throughput_tokens_per_s) if s.throughput_tokens_per_s else None
            )
            row["$ per 1M tokens"] = (
                round(s.cost_per_million_tokens, 3) if s.cost_per_million_tokens else None
            )
        elif task.is_training:
            t = fit.training
            row["Training time (hours)"] = round(t.hours, 1) if t else None
            row["Job cost ($)"] = round(t.cost) if t and t.cost is not None else None
        row["Caveats"] = "; ".join(fit.caveats)
        rows.append(row)
    return pd.DataFrame(rows)


def _assumptions_markdown(plan: Plan) -> str:
    workload = plan.workload
    lines = ["**Workload**"]
    what = f"- {workload.model_label}, {workload.task.label}"
    if workload.task is Task.INFERENCE:
        what += f", {workload.precision} weights, {workload.kv_precision} KV cache"
    what += f", {workload.context:,} tokens x {workload.batch} sequence(s)"
    if workload.tokens:
        what += f", {workload.tokens:,.0f} training tokens"
    lines.append(what)
    lines += [f"- Assumed {d.removeprefix('note: ')}" for d in plan.defaults]
    if workload.task.is_training and not workload.tokens:
        lines.append("- Give a token budget to see training time and job cost")
    if plan.caveats:
        lines += ["", "**Caveats**"]
        lines += [f"- {c}" for c in plan.caveats]
    if plan.estimate.alternatives:
        lines += ["", "**Other ways to count**"]
        lines += [f"- {label}: {gb:,.1f} GB" for label, gb in plan.estimate.alternatives]
    lines += ["", "**Assumptions**"]
    lines += [f"- `{a.key}`: {a.describe()}" for a in plan.assumptions]
    if plan.report.no_fits:
        lines += ["", f"**Cannot run it** ({len(plan.report.no_fits)} GPU types)"]
        lines += [f"- {n.gpu.name}: {n.reason}" for n in plan.report.no_fits]
    return "\n".join(lines)


def size_workload(
    bot,
    model: str | None,
    params_b: float | None,
    task: str,
    precision: str = "bf16",
    context: float | None = None,
    batch: float | None = 1,
    tokens_m: float | None = None,
) -> SizingView:
    """Size a workload with the shared planner: memory breakdown, ranked fits, the pick and assumptions."""
    request = _request(bot, model, params_b, task, precision, context, batch, tokens_m)
    if isinstance(request, str):
        return _problem(request)
    try:
        plan = bot.plan(request)
    except InvalidQuestion as exc:
        return _problem(str(exc))
    workload, estimate = plan.workload, plan.estimate
    headline = (
        f"**{workload.model_label}**, {workload.task.label}: about **{estimate.total_gb:,.1f} GB** in all."
    )
    if plan.pick:
        pick = plan.pick
        price = f" (${pick.price_per_hour:,.2f}/hour)" if pick.price_per_hour else ""
        headline += f" {len(plan.report.fits)} GPU types can run it; our pick: **{pick.label}**{price}, {plan.pick_reason}."
    else:
        headline += f" No GPU type in the catalog can hold it within {plan.max_gpus} GPUs."
    return SizingView(
        message=headline,
        plan=plan,
        breakdown=_breakdown_figure(estimate),
        fits=_fits_table(plan.report),
        assumptions=_assumptions_markdown(plan),
    )


def _shown(view: SizingView) -> tuple:
    """The tab's outputs for ``view``: with a problem, only the reason -- no chart and no table (an empty
    table would be drawn with placeholder headers '1 2 3')."""
    return (
        view.message,
        gr.Plot(view.breakdown, visible=view.ok),
        gr.Dataframe(view.fits, visible=view.ok),
        view.assumptions,
    )


@dataclass
class SizingTab:
    """The Sizing tab's inputs and outputs, and the function that fills both from a share link."""

    inputs: list
    outputs: list
    from_link: Callable[[Mapping[str, str]], list]


_DEFAULTS = {
    "params": 7,
    "task": Task.INFERENCE.value,
    "precision": "bf16",
    "context": None,
    "batch": 1,
    "tokens": None,
}


def sizing_from_link(bot, values: Mapping[str, str]) -> tuple[list, SizingView]:
    """The Sizing inputs a link asks for (values that are not among the choices or not numbers dropped,
    with a note) and the view they give."""
    names = bot.services.models.names
    default_model = DEFAULT_MODEL if DEFAULT_MODEL in names else names[0]
    dropped = []

    def choice(name: str, allowed, default):
        value = values.get(name)
        if value is None or value == "":
            return default
        if value in allowed:
            return value
        dropped.append(f"{name} {value[:80]!r}")
        return default

    def number(name: str):
        value = values.get(name)
        if value is None or value == "":
            return _DEFAULTS[name]
        try:
            number = float(value)
        except ValueError:
            number = math.nan
        if not math.isfinite(number):
            dropped.append(f"{name} {value[:80]!r}")
            return _DEFAULTS[name]
        return number

    chosen = [
        choice("model", {CUSTOM_SIZE, *names}, default_model),
        number("params"),
        choice("task", {value for _, value in TASK_CHOICES}, _DEFAULTS["task"]),
        choice("precision", set(bot.services.assumptions.precisions), _DEFAULTS["precision"]),
        number("context"),
        number("batch"),
        number("tokens"),
    ]
    view = size_workload(bot, *chosen)
    if dropped:
        note = f"⚠️ The link's {', '.join(dropped)} could not be used; showing the default instead."
        view = SizingView(
            message=f"{as_plain_text(note)}\n\n{view.message}",
            plan=view.plan,
            breakdown=view.breakdown,
            fits=view.fits,
            assumptions=view.assumptions,
        )
    return chosen, view


def sizing_tab(bot) -> SizingTab:
    """The Sizing tab: model or parameter count, task and settings in; breakdown, fits and assumptions out."""
    services = bot.services
    names = services.models.names
    default_model = DEFAULT_MODEL if DEFAULT_MODEL in names else names[0]

    def update(*values):
        return _shown(size_workload(bot, *values))

    first = size_workload(bot, default_model, 7, Task.INFERENCE.value, "bf16", None, 1, None)
    first = (first.message, first.breakdown, first.fits, first.assumptions)
    with gr.Row():
        model = gr.Dropdown([CUSTOM_SIZE, *names], value=default_model, label="Model", elem_id="sizing-model")
        params_b = gr.Number(
            label="Parameters (billions), for a custom size", value=7, elem_id="sizing-params"
        )
        task = gr.Radio(TASK_CHOICES, value=Task.INFERENCE.value, label="Task", elem_id="sizing-task")
    with gr.Row():
        precision = gr.Dropdown(
            list(services.assumptions.precisions),
            value="bf16",
            label="Weights precision (inference)",
            elem_id="sizing-precision",
        )
        context = gr.Number(
            label="Context length (tokens; empty or 0 = the default the chat uses)",
            value=None,
            precision=0,
            elem_id="sizing-context",
        )
        batch = gr.Number(label="Batch / concurrent users", value=1, precision=0, elem_id="sizing-batch")
        tokens_m = gr.Number(
            label="Training token budget (millions; 0 = none)", value=None, elem_id="sizing-tokens"
        )
    with gr.Row():
        run = gr.Button("Size it", variant="primary", elem_id="sizing-run", scale=4)
        share = gr.Button("Share", elem_id="sizing-share", scale=1)
    share_link = gr.Textbox(
        label="Share link: opens the Sizing tab with these inputs",
        visible=False,
        buttons=["copy"],
        interactive=False,
        elem_id="sizing-share-link",
    )
    headline = gr.Markdown(first[0], elem_id="sizing-headline")
    chart = gr.Plot(first[1], label="Memory breakdown", elem_id="sizing-chart")
    fits = gr.Dataframe(
        first[2],
        label="GPUs that fit, best first",
        interactive=False,
        max_height=420,
        elem_id="sizing-fits",
        pinned_columns=1,
    )
    assumptions = gr.Markdown(first[3], elem_id="sizing-assumptions")

    inputs = [model, params_b, task, precision, context, batch, tokens_m]
    outputs = [headline, chart, fits, assumptions]
    run.click(update, inputs, outputs, api_visibility="private")
    for control in (
        model,
        task,
        precision,
    ):  # the reader's choices; a share link sets values and view at once
        control.input(update, inputs, outputs, api_visibility="private")
    for control in (params_b, context, batch, tokens_m):
        control.submit(update, inputs, outputs, api_visibility="private")
    task.change(
        lambda chosen: gr.update(interactive=chosen == Task.INFERENCE.value),
        task,
        precision,
        api_visibility="private",
    )

    def share_inputs(model, params_b, *rest):
        params_b = params_b if model == CUSTOM_SIZE else None  # a named model's size comes from its spec
        return gr.Textbox(value=sizing_link(model, params_b, *rest), visible=True)

    share.click(
        share_inputs,
        inputs,
        share_link,
        api_visibility="private",
    ).then(None, share_link, share_link, js=ABSOLUTE_LINK_JS)

    def from_link(values: Mapping[str, str]) -> list:
        chosen, view = sizing_from_link(bot, values)
        return [*chosen, *_shown(view)]

    return SizingTab(inputs, outputs, from_link)
