"""The web app: chat, GPU explorer and sizing tabs over one Assistant (a thin Gradio front end)."""

import os

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"  # before gradio is imported: no telemetry, no version check

import html
import logging
import threading
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import gradio as gr
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from ._feedback import append_feedback
from ._reply import InvalidQuestion, Source
from ._sources import format_sources
from .sizing import FitReport, MemoryEstimate, Task, Workload, estimate_memory, rank_fits, shape_for

__all__ = [
    "CUSTOM_SIZE",
    "EXAMPLE_QUESTIONS",
    "BackgroundServer",
    "FeedbackLog",
    "SizingView",
    "answer_stream",
    "build_app",
    "build_server",
    "catalog_table",
    "explorer_charts",
    "filter_catalog",
    "launch_options",
    "serve",
    "size_workload",
    "sources_block",
]

log = logging.getLogger(__name__)

EXAMPLE_QUESTIONS = (
    "How much memory do I need to serve Llama 3.1 70B in int4 for 8 users?",
    "Compare the H100 SXM and the A100 80GB",
    "What is the cheapest GPU that can run a 13B model for inference?",
    "Can I QLoRA fine-tune a 70B model on one 48 GB GPU?",
    "What is the difference between LoRA and QLoRA?",
)
CUSTOM_SIZE = "Custom size (parameters below)"
TASK_CHOICES = [
    ("Inference", Task.INFERENCE.value),
    ("LoRA fine-tune", Task.LORA.value),
    ("QLoRA fine-tune", Task.QLORA.value),
    ("Full fine-tune", Task.FULL.value),
    ("Pre-train", Task.PRETRAIN.value),
]
DEFAULT_MODEL = "Llama 3.1 8B"
DEFAULT_CONTEXT = 4096
CONCURRENCY = 4
_SOURCES_MARK = "\n\n<details class=\"sources\">"
_SHOWN_QUESTION_CHARS = 600

PRICE = "$/hour"
MEMORY = "Memory (GB)"
TFLOPS = "FP16/BF16 TFLOPS (dense)"
VALUE = "Dense TFLOPS per $/hour"


# --- chat ---------------------------------------------------------------------------------------


def sources_block(sources: Sequence[Source]) -> str:
    """A collapsible HTML/Markdown 'Sources' block to append under an answer."""
    if not sources:
        return ""
    lines = []
    for i, source in enumerate(sources, start=1):
        line = f"{i}. **{html.escape(source.title)}** — `{source.path}`"
        if source.snippet:
            line += f"<br><small>{html.escape(source.snippet)}</small>"
        lines.append(line)
    items = "\n".join(lines)
    return f"{_SOURCES_MARK}<summary>Sources ({len(sources)})</summary>\n\n{items}\n\n</details>"


def answer_stream(assistant, question: str, conversation_id: str | None) -> Iterator[str]:
    """The growing answer Markdown: streamed text, then a collapsible sources block; errors as friendly text."""
    try:
        reply, chunks = assistant.ask_streaming(question, conversation_id)
    except InvalidQuestion as exc:
        yield f"⚠️ {exc}"
        return
    except Exception:
        log.exception("could not answer %r", question[:200])
        yield "⚠️ Sorry, something went wrong while preparing the answer. Please try again."
        return
    footer = format_sources(reply.sources)
    text = ""
    try:
        for chunk in chunks:
            if footer and chunk == footer:
                continue
            text += chunk
            yield text
    except Exception:
        log.exception("answer stream failed for %r", question[:200])
        yield text + "\n\n⚠️ Sorry, the answer was cut short by an error. Please try again."
        return
    if footer:
        text = text.removesuffix(footer)
    yield text.rstrip() + sources_block(reply.sources)


def _text_of(content) -> str:
    """The plain text of a chatbot message's content, whatever shape Gradio hands it in."""
    if isinstance(content, dict):
        if "content" in content:
            return _text_of(content["content"])
        return str(content.get("text", ""))
    if isinstance(content, list | tuple):
        return "".join(_text_of(part) for part in content)
    return "" if content is None else str(content)


class FeedbackLog:
    """Thumbs up/down appended as JSON lines to one file, one writer at a time."""

    def __init__(self, path: Path):
        self.path = Path(path)

    def record(self, question: str, answer: str, vote: str, conversation_id: str | None = None) -> dict:
        """Append one vote and return the record written."""
        return append_feedback(
            self.path, question=question, answer=answer, vote=vote, source="web", conversation_id=conversation_id
        )

    def record_like(self, history: list, index, liked, conversation_id: str | None = None) -> dict | None:
        """Record a Chatbot like/dislike on message ``index`` of ``history`` with the question before it."""
        if isinstance(index, list | tuple):
            index = index[0]
        if not isinstance(index, int) or not 0 <= index < len(history):
            return None
        answer = _text_of(history[index]).split(_SOURCES_MARK, 1)[0].strip()
        question = next(
            (_text_of(m) for m in reversed(history[:index]) if isinstance(m, dict) and m.get("role") == "user"),
            "",
        )
        vote = "up" if liked is True else "down" if liked is False else str(liked)
        return self.record(question, answer, vote, conversation_id)


def _new_conversation_id() -> str:
    return uuid.uuid4().hex


def _chat_tab(assistant, feedback: FeedbackLog) -> gr.State:
    """The Chat tab: streamed answers with sources, examples, new chat and feedback; returns the session id state."""
    conversation = gr.State(None)
    chatbot = gr.Chatbot(
        label="gpu-assistant",
        height=560,
        elem_id="chatbot",
        buttons=["copy"],
        placeholder="Ask which GPU or accelerator to use for training, fine-tuning or serving a model.",
    )
    with gr.Row():
        message = gr.Textbox(
            placeholder="e.g. Which GPU should I use to fine-tune a 7B model?",
            show_label=False,
            scale=6,
            max_lines=6,
            elem_id="question",
            autofocus=True,
        )
        send = gr.Button("Send", variant="primary", scale=1, elem_id="send")
        new_chat = gr.Button("New chat", scale=1, elem_id="new-chat")
    examples = gr.Dataset(
        components=[message],
        samples=[[q] for q in EXAMPLE_QUESTIONS],
        label="Example questions (click to ask)",
        elem_id="examples",
    )

    def respond(question, history, conversation_id):
        history = list(history or [])
        question = question if isinstance(question, str) else ""
        if question.strip():
            shown = question.strip()
            if len(shown) > _SHOWN_QUESTION_CHARS:
                shown = shown[:_SHOWN_QUESTION_CHARS] + "…"
            history.append({"role": "user", "content": shown})
            yield history, ""
        answering = False
        for text in answer_stream(assistant, question, conversation_id):
            if not answering:
                history.append({"role": "assistant", "content": text})
                answering = True
            else:
                history[-1] = {"role": "assistant", "content": text}
            yield history, ""

    def ask_example(sample, history, conversation_id):
        question = sample[0] if isinstance(sample, list | tuple) and sample else str(sample or "")
        yield from respond(question, history, conversation_id)

    def start_over(conversation_id):
        if conversation_id:
            assistant.forget(conversation_id)
        return [], "", _new_conversation_id()

    def on_like(history, conversation_id, data: gr.LikeData):
        feedback.record_like(history or [], data.index, data.liked, conversation_id)

    chat_io = {"inputs": [message, chatbot, conversation], "outputs": [chatbot, message]}
    message.submit(respond, **chat_io, api_visibility="private", concurrency_id="chat")
    send.click(respond, **chat_io, api_visibility="private", concurrency_id="chat")
    examples.click(
        ask_example,
        inputs=[examples, chatbot, conversation],
        outputs=[chatbot, message],
        api_visibility="private",
        concurrency_id="chat",
    )
    new_chat.click(start_over, [conversation], [chatbot, message, conversation], api_visibility="private")
    chatbot.clear(start_over, [conversation], [chatbot, message, conversation], api_visibility="private")
    chatbot.like(on_like, [chatbot, conversation], None, api_visibility="private")
    return conversation


# --- GPU explorer -------------------------------------------------------------------------------


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
    return pd.DataFrame(rows).astype({TFLOPS: float, "FP8 TFLOPS (dense)": float, PRICE: float})


def filter_catalog(
    table: pd.DataFrame,
    vendors: Sequence[str] | None = None,
    classes: Sequence[str] | None = None,
    min_memory_gb: float | None = None,
    max_price: float | None = None,
) -> pd.DataFrame:
    """Rows matching every filter given; a max price leaves out GPUs whose price is unknown."""
    keep = pd.Series(True, index=table.index)
    if vendors:
        keep &= table["Vendor"].isin(list(vendors))
    if classes:
        keep &= table["Class"].isin(list(classes))
    if min_memory_gb:
        keep &= table[MEMORY] >= float(min_memory_gb)
    if max_price:
        keep &= table[PRICE] <= float(max_price)
    return table[keep].reset_index(drop=True)


def explorer_charts(table: pd.DataFrame) -> tuple[go.Figure, go.Figure, go.Figure, str]:
    """Price vs memory, price vs dense TFLOPS and TFLOPS per $/hour charts, and a note on unpriced GPUs."""
    priced = table.dropna(subset=[PRICE]).copy()
    hover = {"Vendor": True, "Class": True, MEMORY: True, TFLOPS: True, PRICE: ":.2f"}
    memory = px.scatter(
        priced, x=MEMORY, y=PRICE, color="Vendor", hover_name="GPU", hover_data=hover,
        title="Price per hour vs memory",
    )
    compute = px.scatter(
        priced.dropna(subset=[TFLOPS]), x=TFLOPS, y=PRICE, color="Vendor", hover_name="GPU",
        hover_data=hover, title="Price per hour vs dense FP16/BF16 TFLOPS",
    )
    priced[VALUE] = priced[TFLOPS] / priced[PRICE]
    ranked = priced.dropna(subset=[VALUE]).sort_values(VALUE, ascending=False)
    value = px.bar(
        ranked, x="GPU", y=VALUE, color="Vendor", hover_name="GPU",
        hover_data={TFLOPS: True, PRICE: ":.2f", VALUE: ":.0f"},
        title="Price-performance: dense FP16/BF16 TFLOPS per $/hour (higher is better)",
    )
    value.update_layout(xaxis={"categoryorder": "total descending", "tickangle": -45})
    for figure in (memory, compute, value):
        figure.update_layout(margin={"l": 40, "r": 20, "t": 50, "b": 40}, height=420, legend_title_text="Vendor")
    unpriced = table.loc[table[PRICE].isna(), "GPU"].tolist()
    if table.empty:
        note = "No GPU matches these filters."
    elif unpriced:
        note = (
            f"{len(unpriced)} GPU(s) without an indicative price are left out of the price charts: "
            + ", ".join(unpriced) + "."
        )
    else:
        note = f"All {len(table)} GPUs shown have an indicative price (typical on-demand USD per GPU-hour)."
    return memory, compute, value, note


def _explorer_tab(catalog) -> None:
    """The GPU explorer tab: a filterable, sortable catalog table and price charts."""
    table = catalog_table(catalog)

    def update(vendor_list, class_list, memory_gb, price):
        shown = filter_catalog(table, vendor_list, class_list, memory_gb, price)
        memory, compute, value, unpriced = explorer_charts(shown)
        summary = f"{len(shown)} of {len(table)} GPUs match. Sort from a column header's ⋮ menu."
        return summary, shown, memory, compute, value, unpriced

    summary, shown, memory, compute, value, unpriced = update([], [], None, None)
    with gr.Row():
        vendors = gr.CheckboxGroup(sorted(table["Vendor"].unique()), label="Vendor", elem_id="vendor-filter")
        classes = gr.CheckboxGroup(
            sorted(table["Class"].unique()), label="Class ('both' = training and inference)",
            elem_id="class-filter",
        )
        min_memory = gr.Number(label="Min memory (GB; 0 = any)", value=None, minimum=0, elem_id="min-memory")
        max_price = gr.Number(
            label="Max $/GPU-hour (0 = any; a limit leaves out GPUs with no price)", value=None, minimum=0,
            elem_id="max-price",
        )
    count = gr.Markdown(summary, elem_id="explorer-count")
    grid = gr.Dataframe(
        shown, interactive=False, show_search="search", max_height=460, elem_id="gpu-table",
        pinned_columns=1, label="GPU catalog",
    )
    note = gr.Markdown(unpriced, elem_id="price-note")
    with gr.Row():
        memory_plot = gr.Plot(memory, label="Price vs memory", elem_id="price-memory")
        compute_plot = gr.Plot(compute, label="Price vs TFLOPS", elem_id="price-tflops")
    value_plot = gr.Plot(value, label="Price-performance", elem_id="price-performance")

    inputs = [vendors, classes, min_memory, max_price]
    outputs = [count, grid, memory_plot, compute_plot, value_plot, note]
    for control in (vendors, classes):
        control.change(update, inputs, outputs, api_visibility="private")
    for control in (min_memory, max_price):
        control.submit(update, inputs, outputs, api_visibility="private")
        control.blur(update, inputs, outputs, api_visibility="private")


# --- sizing -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SizingView:
    """What the sizing tab shows: a headline (or a friendly problem), the chart, the fits and assumptions."""

    message: str
    estimate: MemoryEstimate | None = None
    report: FitReport | None = None
    breakdown: go.Figure | None = None
    fits: pd.DataFrame | None = None
    assumptions: str = ""

    @property
    def ok(self) -> bool:
        """True when the inputs could be sized."""
        return self.estimate is not None


def _problem(text: str) -> SizingView:
    return SizingView(message=f"⚠️ {text}", fits=pd.DataFrame())


def _workload(services, model, params_b, task, precision, context, batch, tokens_m) -> Workload | str:
    """The Workload the inputs describe, or a friendly sentence saying what to fix."""
    try:
        chosen = Task(task or Task.INFERENCE.value)
    except ValueError:
        return f"Unknown task {task!r}; pick one of the listed tasks."
    spec = services.models.get(model) if model and model != CUSTOM_SIZE else None
    if model and model != CUSTOM_SIZE and spec is None:
        return f"Unknown model {model!r}; pick one from the list or choose '{CUSTOM_SIZE}'."
    if spec is None:
        if params_b is None or not params_b > 0:
            return "Enter a parameter count above 0, in billions (e.g. 7 for a 7B model), or pick a model."
        params = float(params_b) * 1e9
        shape, proxy = shape_for(params, services.models), True
    else:
        shape, params, proxy = spec, spec.params, False
    if context is None or context < 1 or int(context) != context:
        return "Context length must be a whole number of tokens, at least 1 (e.g. 4096)."
    if batch is None or batch < 1 or int(batch) != batch:
        return "Batch size / concurrent users must be a whole number, at least 1."
    if tokens_m is not None and tokens_m < 0:
        return "The token budget cannot be negative; leave it empty if you have none."
    if chosen is Task.INFERENCE and precision not in services.assumptions.precisions:
        return f"Pick a precision from: {', '.join(services.assumptions.precisions)}."
    try:
        return Workload(
            task=chosen,
            shape=shape,
            params=params,
            shape_is_proxy=proxy,
            precision=precision if chosen is Task.INFERENCE else "bf16",
            context=int(context),
            batch=int(batch),
            tokens=float(tokens_m) * 1e6 if tokens_m else None,
        )
    except ValueError as exc:
        return f"Cannot size that: {exc}."


def _breakdown_figure(estimate: MemoryEstimate) -> go.Figure:
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
        title=f"Memory breakdown: {estimate.total_gb:,.1f} GB on one GPU",
        xaxis_title="GB",
        yaxis={"autorange": "reversed"},
        height=320,
        margin={"l": 40, "r": 20, "t": 50, "b": 40},
    )
    return figure


def _fits_table(report: FitReport) -> pd.DataFrame:
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
        if task is Task.INFERENCE and fit.serving:
            s = fit.serving
            row["Tokens/s (1 stream)"] = round(s.decode_tokens_per_s, 1)
            row["Tokens/s (large batch)"] = round(s.throughput_tokens_per_s) if s.throughput_tokens_per_s else None
            row["$ per 1M tokens"] = round(s.cost_per_million_tokens, 3) if s.cost_per_million_tokens else None
        elif task.is_training:
            t = fit.training
            row["Training time (hours)"] = round(t.hours, 1) if t else None
            row["Job cost ($)"] = round(t.cost) if t and t.cost is not None else None
        row["Caveats"] = "; ".join(fit.caveats)
        rows.append(row)
    return pd.DataFrame(rows)


def _assumptions_markdown(workload: Workload, report: FitReport) -> str:
    estimate = report.estimate
    lines = ["**Workload**"]
    what = f"- {workload.model_label}, {workload.task.label}"
    if workload.task is Task.INFERENCE:
        what += f", {workload.precision} weights, {workload.kv_precision} KV cache"
    what += f", {workload.context:,} tokens x {workload.batch} sequence(s)"
    if workload.tokens:
        what += f", {workload.tokens:,.0f} training tokens"
    lines.append(what)
    if workload.shape_is_proxy:
        lines.append(f"- Architecture (layers, hidden size, KV heads) taken from {workload.shape.name}, the nearest open model in size")
    elif workload.context > workload.shape.max_context:
        lines.append(f"- Note: {workload.shape.name} supports at most {workload.shape.max_context:,} tokens of context")
    if workload.task.is_training and not workload.tokens:
        lines.append("- Give a token budget to see training time and job cost")
    if estimate.alternatives:
        lines += ["", "**Other ways to count**"]
        lines += [f"- {label}: {gb:,.1f} GB" for label, gb in estimate.alternatives]
    used = {a.key: a for a in estimate.assumptions}
    if report.fits:
        top = report.fits[0]
        for extra in (top.serving, top.training):
            if extra:
                used.update({a.key: a for a in extra.assumptions})
    lines += ["", "**Assumptions**"]
    lines += [f"- `{a.key}`: {a.describe()}" for a in used.values()]
    if report.no_fits:
        lines += ["", f"**Cannot run it** ({len(report.no_fits)} GPU types)"]
        lines += [f"- {n.gpu.name}: {n.reason}" for n in report.no_fits]
    return "\n".join(lines)


def size_workload(
    services,
    model: str | None,
    params_b: float | None,
    task: str,
    precision: str = "bf16",
    context: float | None = DEFAULT_CONTEXT,
    batch: float | None = 1,
    tokens_m: float | None = None,
) -> SizingView:
    """Size a workload with the sizing engine: memory breakdown, ranked fits and assumptions."""
    workload = _workload(services, model, params_b, task, precision, context, batch, tokens_m)
    if isinstance(workload, str):
        return _problem(workload)
    estimate = estimate_memory(workload, services.assumptions)
    report = rank_fits(estimate, services.catalog, services.assumptions)
    headline = f"**{workload.model_label}**, {workload.task.label}: about **{estimate.total_gb:,.1f} GB** on one GPU."
    if report.fits:
        top = report.fits[0]
        price = f" (${top.price_per_hour:,.2f}/hour)" if top.price_per_hour else ""
        headline += f" {len(report.fits)} GPU types can run it; first in the ranking: **{top.label}**{price}."
    else:
        headline += " No GPU type in the catalog can hold it within the multi-GPU limit."
    return SizingView(
        message=headline,
        estimate=estimate,
        report=report,
        breakdown=_breakdown_figure(estimate),
        fits=_fits_table(report),
        assumptions=_assumptions_markdown(workload, report),
    )


def _sizing_tab(services) -> None:
    """The Sizing tab: model or parameter count, task and settings in; breakdown, fits and assumptions out."""
    names = services.models.names
    default_model = DEFAULT_MODEL if DEFAULT_MODEL in names else names[0]

    def update(*values):
        view = size_workload(services, *values)
        return view.message, view.breakdown, view.fits, view.assumptions

    first = update(default_model, 7, Task.INFERENCE.value, "bf16", DEFAULT_CONTEXT, 1, None)
    with gr.Row():
        model = gr.Dropdown([CUSTOM_SIZE, *names], value=default_model, label="Model", elem_id="sizing-model")
        params_b = gr.Number(label="Parameters (billions), for a custom size", value=7, elem_id="sizing-params")
        task = gr.Radio(TASK_CHOICES, value=Task.INFERENCE.value, label="Task", elem_id="sizing-task")
    with gr.Row():
        precision = gr.Dropdown(
            list(services.assumptions.precisions), value="bf16", label="Weights precision (inference)",
            elem_id="sizing-precision",
        )
        context = gr.Number(label="Context length (tokens)", value=DEFAULT_CONTEXT, precision=0, elem_id="sizing-context")
        batch = gr.Number(label="Batch / concurrent users", value=1, precision=0, elem_id="sizing-batch")
        tokens_m = gr.Number(
            label="Training token budget (millions; 0 = none)", value=None, elem_id="sizing-tokens"
        )
    run = gr.Button("Size it", variant="primary", elem_id="sizing-run")
    headline = gr.Markdown(first[0], elem_id="sizing-headline")
    chart = gr.Plot(first[1], label="Memory breakdown", elem_id="sizing-chart")
    fits = gr.Dataframe(
        first[2], label="GPUs that fit, best first", interactive=False, max_height=420, elem_id="sizing-fits",
        pinned_columns=1,
    )
    assumptions = gr.Markdown(first[3], elem_id="sizing-assumptions")

    inputs = [model, params_b, task, precision, context, batch, tokens_m]
    outputs = [headline, chart, fits, assumptions]
    run.click(update, inputs, outputs, api_visibility="private")
    for control in (model, task, precision):
        control.change(update, inputs, outputs, api_visibility="private")
    for control in (params_b, context, batch, tokens_m):
        control.submit(update, inputs, outputs, api_visibility="private")
    task.change(
        lambda chosen: gr.update(interactive=chosen == Task.INFERENCE.value), task, precision, api_visibility="private"
    )


# --- the app ------------------------------------------------------------------------------------


def build_app(assistant, *, concurrency: int = CONCURRENCY) -> gr.Blocks:
    """The Gradio app (not launched): Chat, GPU explorer and Sizing tabs, and the `/ask` API."""
    services = assistant.services
    feedback = FeedbackLog(assistant.settings.feedback_path)
    with gr.Blocks(title="gpu-assistant", analytics_enabled=False) as app:
        gr.Markdown(
            "## gpu-assistant\nWhich GPU or AI accelerator to use, and why: answers from a catalog of "
            f"{len(services.catalog)} GPUs with dated prices, explainer guides and shown arithmetic."
        )
        with gr.Tabs():
            with gr.Tab("Chat", id="chat", elem_id="tab-chat"):
                conversation = _chat_tab(assistant, feedback)
            with gr.Tab("GPU explorer", id="explorer", elem_id="tab-explorer"):
                _explorer_tab(services.catalog)
            with gr.Tab("Sizing", id="sizing", elem_id="tab-sizing"):
                _sizing_tab(services)

        def ask(question: str) -> str:
            """Answer one question (no conversation memory); returns the answer Markdown with its sources."""
            try:
                return assistant.ask(question).text
            except InvalidQuestion as exc:
                return f"⚠️ {exc}"

        gr.api(ask, api_name="ask", concurrency_limit=concurrency, concurrency_id="chat")
        app.load(_new_conversation_id, None, conversation, api_visibility="private")
    app.queue(default_concurrency_limit=concurrency)
    return app


def launch_options() -> dict:
    """Keyword arguments for ``Blocks.launch`` shared by ``serve`` and the tests: theme, footer, no run history."""
    font = gr.themes.LocalFont("Source Sans Pro", weights=(400, 600, 700))  # bundled with gradio; bold included
    return {
        "theme": gr.themes.Default(font=[font, "ui-sans-serif", "system-ui", "sans-serif"]),
        "footer_links": ["api", "settings"],
        "run_history": False,
        "share": False,
        "show_error": False,
    }


def _auth(settings) -> tuple[str, str] | None:
    if settings.ui_username and settings.ui_password:
        return (settings.ui_username, settings.ui_password.get_secret_value())
    return None


def build_server(assistant):
    """The ASGI app: ``POST /api/ask`` (JSON) beside the Gradio UI mounted at ``/``.

    ``/api/ask`` takes ``{"question": ..., "conversation_id": ...}`` and returns the reply's text,
    sources, gpus, memory_gb and intent; a bad question gets 422 with ``{"error": ...}``. When a
    login is configured, the API asks for the same user and password (HTTP Basic).
    """
    import secrets
    from typing import Annotated

    from fastapi import Depends, FastAPI, HTTPException
    from fastapi.responses import JSONResponse
    from fastapi.security import HTTPBasic, HTTPBasicCredentials
    from pydantic import BaseModel, Field

    auth = _auth(assistant.settings)
    basic = HTTPBasic(auto_error=False)

    class Question(BaseModel):
        question: str = Field(max_length=100_000)
        conversation_id: str | None = Field(default=None, max_length=200)

    def check_login(credentials: Annotated[HTTPBasicCredentials | None, Depends(basic)]) -> None:
        if auth is None:
            return
        ok = credentials is not None and all(
            secrets.compare_digest(given.encode(), wanted.encode())
            for given, wanted in zip((credentials.username, credentials.password), auth, strict=True)
        )
        if not ok:
            raise HTTPException(status_code=401, detail="login required", headers={"WWW-Authenticate": "Basic"})

    server = FastAPI(title="gpu-assistant", docs_url=None, redoc_url=None, openapi_url=None)

    @server.post("/api/ask", dependencies=[Depends(check_login)])
    def api_ask(body: Question):
        try:
            reply = assistant.ask(body.question, conversation_id=body.conversation_id)
        except InvalidQuestion as exc:
            return JSONResponse({"error": str(exc)}, status_code=422)
        return {
            "text": reply.text,
            "sources": [{"title": s.title, "path": s.path, "snippet": s.snippet} for s in reply.sources],
            "gpus": reply.gpus,
            "memory_gb": reply.memory_gb,
            "intent": reply.intent,
        }

    options = launch_options()
    options.pop("share")
    return gr.mount_gradio_app(server, build_app(assistant), path="/", auth=auth, **options)


class BackgroundServer:
    """The web app served by uvicorn in a background thread (tests, benchmarks); a context manager."""

    def __init__(self, assistant, host: str = "127.0.0.1", port: int = 0):
        import socket

        import uvicorn

        if port == 0:
            with socket.socket() as sock:
                sock.bind((host, 0))
                port = sock.getsockname()[1]
        self.url = f"http://{host}:{port}"
        config = uvicorn.Config(build_server(assistant), host=host, port=port, log_level="warning")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, name="web-server", daemon=True)

    def __enter__(self) -> "BackgroundServer":
        import time

        self._thread.start()
        deadline = time.monotonic() + 60
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"the web app did not start on {self.url}")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc_info) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)


def serve(assistant) -> None:
    """Serve the web app on settings.ui_host:ui_port (login when user and password are set); blocks."""
    import uvicorn

    settings = assistant.settings
    threading.Thread(target=_warm_up, args=(assistant,), name="warm-up", daemon=True).start()
    print(f"gpu-assistant web app on http://{settings.ui_host}:{settings.ui_port}", flush=True)
    uvicorn.run(build_server(assistant), host=settings.ui_host, port=settings.ui_port, log_level="warning")


def _warm_up(assistant) -> None:
    try:
        assistant.warm_up()
    except Exception:
        log.exception("warm-up failed; the index will be built on the first question")

