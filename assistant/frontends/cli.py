"""The ``gpu-assistant`` command: ask, chat, index, gpus, ui, slack. A thin shell over ``Assistant``."""

from __future__ import annotations

import os
import sys
import uuid
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console
from rich.markdown import Markdown
from rich.table import Table

__all__ = ["app", "main"]

app = typer.Typer(
    help="Which GPU or AI accelerator to use, and why. Offline by default; no API key needed.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
errors = Console(stderr=True)


class GpuClass(StrEnum):
    training = "training"
    inference = "inference"
    both = "both"
    consumer = "consumer"
    local = "local"


class SortKey(StrEnum):
    price = "price"
    memory = "memory"
    bandwidth = "bandwidth"
    tflops = "tflops"
    name = "name"


def _assistant():
    from assistant import Assistant, AssistantError, load_settings

    try:
        return Assistant(load_settings())
    except (AssistantError, ValueError, ImportError, OSError) as exc:  # settings, corpus, a missing extra
        _fail(str(exc))


def _fail(message: str) -> None:
    errors.print(f"[red]error:[/red] {message}")
    raise typer.Exit(code=1)


def _sources_text(sources) -> str:
    """The reply's sources as a numbered Markdown list."""
    if not sources:
        return ""
    return "\n\n**Sources**\n" + "\n".join(f"{i}. {s.title} — `{s.path}`" for i, s in enumerate(sources, 1))


def _answer(bot, question: str, conversation_id: str | None, *, plain: bool) -> None:
    from assistant import AssistantError, InvalidQuestion

    try:
        reply, chunks = bot.ask_streaming(question, conversation_id=conversation_id)
        if plain:
            for chunk in chunks:
                sys.stdout.write(chunk)
            sys.stdout.write(_sources_text(reply.sources) + "\n")
        else:
            console.print(Markdown("".join(chunks) + _sources_text(reply.sources)))
    except BrokenPipeError:  # output piped into `head` and closed early: not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        raise typer.Exit(code=0) from None
    except InvalidQuestion as exc:
        errors.print(f"[yellow]{exc}[/yellow]")
        raise typer.Exit(code=2) from None
    except AssistantError as exc:
        _fail(f"could not answer: {exc}")


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="Your question, in quotes.")],
    plain: Annotated[bool, typer.Option("--plain", help="Print raw Markdown as it streams.")] = False,
) -> None:
    """Answer one question."""
    _answer(_assistant(), question, None, plain=plain or not sys.stdout.isatty())


@app.command()
def chat() -> None:
    """Talk interactively; follow-up questions keep the context. Ctrl-D or 'exit' to leave."""
    bot = _assistant()
    conversation = uuid.uuid4().hex
    console.print(
        "[bold]gpu-assistant[/bold] — ask about GPUs for training and inference. 'exit' to quit, 'new' to start over."
    )
    while True:
        try:
            question = console.input("[bold cyan]you>[/bold cyan] ")
        except (EOFError, KeyboardInterrupt):
            console.print()
            return
        if question.strip().lower() in ("exit", "quit", ":q"):
            return
        if question.strip().lower() in ("new", "reset", "clear"):
            conversation = uuid.uuid4().hex
            console.print("[dim]New conversation.[/dim]")
            continue
        if not question.strip():
            continue
        try:
            _answer(bot, question, conversation, plain=not sys.stdout.isatty())
        except typer.Exit:
            continue


@app.command()
def index(
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Drop the index and embed everything again.")
    ] = False,
) -> None:
    """Build or update the search index of corpus/ (only changed documents are embedded)."""
    from assistant import AssistantError

    bot = _assistant()
    try:
        stats = bot.services.knowledge.sync(rebuild=rebuild)
    except AssistantError as exc:
        _fail(str(exc))
    console.print(f"Index up to date: {stats}")


@app.command()
def gpus(
    min_memory: Annotated[float | None, typer.Option("--min-memory", help="Minimum memory, GB.")] = None,
    gpu_class: Annotated[
        GpuClass | None, typer.Option("--class", help="training, inference, both or consumer.")
    ] = None,
    vendor: Annotated[str | None, typer.Option("--vendor", help="NVIDIA, AMD, Intel, Google or AWS.")] = None,
    max_price: Annotated[
        float | None, typer.Option("--max-price", help="Maximum typical $/GPU-hour.")
    ] = None,
    sort: Annotated[
        SortKey, typer.Option("--sort", help="Sort by price, memory, bandwidth, tflops or name.")
    ] = SortKey.name,
) -> None:
    """List the GPU catalog as a table, with filters."""
    from assistant import CatalogFilter, DataError, filter_catalog, load_catalog, load_settings

    try:
        catalog = load_catalog(load_settings().corpus_dir / "gpus.yaml")
    except DataError as exc:
        _fail(str(exc))
    constraints = CatalogFilter(
        vendors=(vendor,) if vendor else (),
        classes=(gpu_class.value,) if gpu_class else (),
        min_memory_gb=min_memory,
        max_price_per_hour=max_price,
    )
    rows = filter_catalog(catalog, constraints)
    keys = {
        SortKey.price: lambda g: (g.price_per_hour is None, g.price_per_hour or 0),
        SortKey.memory: lambda g: -g.memory_gb,
        SortKey.bandwidth: lambda g: -g.memory_bandwidth_gbs,
        SortKey.tflops: lambda g: -(g.fp16_tflops or 0),
        SortKey.name: lambda g: g.name.lower(),
    }
    rows.sort(key=keys[sort])
    table = Table(title=f"{len(rows)} GPUs and accelerators (dense TFLOPS; indicative on-demand prices)")
    for column in ("GPU", "vendor", "class", "memory", "GB/s", "BF16 TFLOPS", "FP8 TFLOPS", "$/hour"):
        table.add_column(column, justify="left" if column in ("GPU", "vendor", "class") else "right")
    for g in rows:
        table.add_row(
            g.name,
            g.vendor,
            g.gpu_class,
            f"{g.memory_gb:.0f} GB",
            f"{g.memory_bandwidth_gbs:,.0f}",
            f"{g.fp16_tflops:,.0f}" if g.fp16_tflops else "unknown",
            f"{g.fp8_tflops:,.0f}" if g.fp8_tflops else "—",
            f"${g.price_per_hour:.2f}" if g.price_per_hour else "unknown",
        )
    if not rows:
        console.print("No GPU matches those filters.")
        return
    wide = console if console.is_terminal else Console(width=120)  # pipes get full names, not "Inferen…"
    wide.print(table)


@app.command()
def ui() -> None:
    """Serve the web app (same as `python ui.py`)."""
    from .web import serve

    serve(_assistant())


@app.command()
def slack(
    http: Annotated[
        bool, typer.Option("--http", help="Events API over HTTP instead of Socket Mode.")
    ] = False,
    port: Annotated[int, typer.Option("--port", help="HTTP port with --http.")] = 3000,
) -> None:
    """Run the Slack bot (Socket Mode by default)."""
    from .slack import run

    try:
        run(_assistant(), http=http, port=port)
    except (ValueError, ImportError) as exc:
        _fail(str(exc))


def main() -> None:
    """Console-script entry point."""
    app()
