"""The ``gpu-assistant`` command: ask, chat, index, gpus, prices, ui, slack, doctor. A thin shell over ``Assistant``."""

from __future__ import annotations

import json
import os
import sys
import uuid
from contextlib import nullcontext
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console

from ._markdown import details_markdown, reply_fields, sources_markdown

__all__ = ["app", "main"]


def _data_dir_help() -> str:
    """Where the index lives unless ASSISTANT_DATA_DIR says otherwise (read without importing the assistant)."""
    if os.environ.get("ASSISTANT_DATA_DIR"):
        return f"Data directory (ASSISTANT_DATA_DIR): {os.environ['ASSISTANT_DATA_DIR']}"
    from platformdirs import user_data_path

    return f"Data directory: {user_data_path('gpu-assistant', appauthor=False)} (set ASSISTANT_DATA_DIR to move it)"


app = typer.Typer(
    help="Which GPU or AI accelerator to use, and why. Offline by default; no API key needed.\n\n"
    + _data_dir_help(),
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)
console = Console()
errors = Console(stderr=True)


GPU_CLASSES = ("training", "inference", "both", "consumer", "local")


class SortKey(StrEnum):
    price = "price"
    memory = "memory"
    bandwidth = "bandwidth"
    tflops = "tflops"
    name = "name"


def _assistant(**overrides):
    from assistant import Assistant, AssistantError, load_settings

    try:
        return Assistant(load_settings(**overrides))
    except (AssistantError, ValueError, ImportError, OSError) as exc:  # settings, corpus, a missing extra
        _fail(str(exc))


def _fail(message: str) -> None:
    errors.print(f"[red]error:[/red] {message}", soft_wrap=True)
    raise typer.Exit(code=1)


def _reply_json(question: str, reply) -> str:
    return json.dumps({"question": question, **reply_fields(reply)}, ensure_ascii=False)


def _preparing():
    """A transient spinner while the answer is prepared, only when a person watches a terminal."""
    if console.is_terminal and sys.stdout.isatty():
        return console.status("Preparing the answer…", spinner="dots")
    return nullcontext()


def _answer(
    bot,
    question: str,
    conversation_id: str | None,
    *,
    plain: bool,
    as_json: bool = False,
    verbose: bool = False,
    hint: str = "(breakdown, assumptions and alternatives: add --verbose)",
):
    """Print the answer to ``question`` and return its reply (the CLI's output shapes live here)."""
    from assistant import AssistantError, InvalidQuestion

    try:
        if as_json:
            reply = bot.ask(question, conversation_id=conversation_id)
            sys.stdout.write(_reply_json(question, reply) + "\n")
            return reply
        with _preparing():  # until the first words exist
            reply, chunks = bot.ask_streaming(question, conversation_id=conversation_id)
            first = next(chunks, "")
        details = details_markdown(reply.details) if verbose else ""
        if plain:
            sys.stdout.write(first)
            for chunk in chunks:
                sys.stdout.write(chunk)
            sys.stdout.write(details + sources_markdown(reply.sources) + "\n")
        else:
            from rich.markdown import Markdown

            console.print(Markdown(first + "".join(chunks) + details + sources_markdown(reply.sources)))
        if reply.details.strip() and not verbose:
            errors.print(f"[dim]{hint}[/dim]", soft_wrap=True)
        return reply
    except BrokenPipeError:  # output piped into `head` and closed early: not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        raise typer.Exit(code=0) from None
    except InvalidQuestion as exc:
        if as_json:
            sys.stdout.write(json.dumps({"question": question, "error": str(exc)}, ensure_ascii=False) + "\n")
        errors.print(f"[yellow]{exc}[/yellow]")
        raise typer.Exit(code=2) from None
    except AssistantError as exc:
        _fail(f"could not answer: {exc}")


_VERBOSE_HELP = "Also print the details: memory breakdown, every assumption, alternatives."


@app.command()
def ask(
    question: Annotated[
        list[str],
        typer.Argument(help="Your question; quotes are optional: gpu-assistant ask which gpu for 7b"),
    ],
    plain: Annotated[bool, typer.Option("--plain", help="Print raw Markdown as it streams.")] = False,
    as_json: Annotated[
        bool,
        typer.Option(
            "--json", help="Print one JSON object: text, details, sources, gpus, memory_gb, intent."
        ),
    ] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help=_VERBOSE_HELP)] = False,
) -> None:
    """Answer one question: the short answer and its sources (--verbose adds the details)."""
    text = " ".join(question)
    _answer(
        _assistant(), text, None, plain=plain or not sys.stdout.isatty(), as_json=as_json, verbose=verbose
    )


@app.command()
def chat(verbose: Annotated[bool, typer.Option("--verbose", "-v", help=_VERBOSE_HELP)] = False) -> None:
    """Talk interactively; follow-up questions keep the context. Ctrl-D or 'exit' to leave, 'details' for more."""
    bot = _assistant()
    conversation = uuid.uuid4().hex
    last_details = ""
    console.print(
        "[bold]gpu-assistant[/bold] — ask about GPUs for training and inference. 'exit' to quit, 'new' to start "
        "over, 'details' for the last answer's breakdown and assumptions."
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
        if question.strip().lower() == "details":
            _print_markdown(last_details or "No details for the last answer.", plain=not sys.stdout.isatty())
            continue
        try:
            reply = _answer(
                bot,
                question,
                conversation,
                plain=not sys.stdout.isatty(),
                verbose=verbose,
                hint="(type 'details' for the breakdown, assumptions and alternatives)",
            )
        except typer.Exit:
            continue
        last_details = reply.details.strip() if reply is not None else ""


def _print_markdown(markdown: str, *, plain: bool) -> None:
    if plain:
        sys.stdout.write(markdown + "\n")
    else:
        from rich.markdown import Markdown

        console.print(Markdown(markdown))


@app.command()
def index(
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Drop the index and embed everything again.")
    ] = False,
) -> None:
    """Build or update the search index of corpus/ (only changed documents are embedded)."""
    from assistant import AssistantError

    bot = _assistant()
    errors.print(
        f"[dim]Search index in {bot.settings.data_dir}{' (rebuilding)' if rebuild else ''}…[/dim]",
        soft_wrap=True,
    )
    try:
        stats = bot.services.knowledge.sync(rebuild=rebuild)
    except AssistantError as exc:
        _fail(str(exc))
    if stats.changed:
        console.print(f"Index updated: {stats}", soft_wrap=True)
    else:
        console.print(f"Index already up to date, nothing to embed: {stats}", soft_wrap=True)


def _suggest(value: str, choices: list[str], option: str) -> str:
    """The choice ``value`` names (any case), or exit with the nearest choices as a suggestion."""
    by_lower = {c.lower(): c for c in choices}
    if value.lower() in by_lower:
        return by_lower[value.lower()]
    from rapidfuzz import fuzz, process

    near = [c for c, score, _ in process.extract(value, choices, scorer=fuzz.WRatio, processor=str.lower, limit=2)
            if score >= 60]  # fmt: skip
    hint = f" Did you mean {' or '.join(near)}?" if near else ""
    _fail(f"unknown {option} {value!r}.{hint} Choose from: {', '.join(choices)}.")
    raise AssertionError  # unreachable: _fail exits


def _gpu_record(g) -> dict:
    record = g.model_dump(mode="json", exclude={"aliases", "notes"})
    record["price_per_hour"] = g.price_per_hour
    return record


@app.command()
def gpus(
    min_memory: Annotated[float | None, typer.Option("--min-memory", help="Minimum memory, GB.")] = None,
    gpu_class: Annotated[
        str | None,
        typer.Option(
            "--class",
            help="training, inference, both or consumer ('both' cards count as training and inference).",
            autocompletion=lambda: list(GPU_CLASSES),
        ),
    ] = None,
    vendor: Annotated[
        str | None,
        typer.Option(
            "--vendor",
            help="NVIDIA, AMD, Intel, Google or AWS.",
            autocompletion=lambda: ["NVIDIA", "AMD", "Intel", "Google", "AWS"],
        ),
    ] = None,
    max_price: Annotated[
        float | None, typer.Option("--max-price", help="Maximum typical $/GPU-hour.")
    ] = None,
    sort: Annotated[
        SortKey, typer.Option("--sort", help="Sort by price, memory, bandwidth, tflops or name.")
    ] = SortKey.name,
    as_json: Annotated[bool, typer.Option("--json", help="Print the matching GPUs as a JSON list.")] = False,
) -> None:
    """List the GPU catalog as a table, with filters."""
    from assistant import CatalogFilter, DataError, filter_catalog, load_catalog, load_settings

    try:
        catalog = load_catalog(load_settings().corpus_dir / "gpus.yaml")
    except DataError as exc:
        _fail(str(exc))
    if vendor:
        vendor = _suggest(vendor, sorted({g.vendor for g in catalog}), "vendor")
    if gpu_class:
        gpu_class = _suggest(gpu_class, list(GPU_CLASSES), "class")
    constraints = CatalogFilter(
        vendors=(vendor,) if vendor else (),
        classes=(gpu_class,) if gpu_class else (),
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
    if as_json:
        sys.stdout.write(json.dumps([_gpu_record(g) for g in rows], ensure_ascii=False) + "\n")
        return
    if not rows:
        console.print(f"No GPU matches those filters ({', '.join(constraints.describe())}).")
        return
    from rich.table import Table

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
    wide = console if console.is_terminal else Console(width=120)  # pipes get full names, not "Inferen…"
    wide.print(table)


prices_app = typer.Typer(
    help="Cloud GPU prices: the offerings table and its live update.", no_args_is_help=True
)
app.add_typer(prices_app, name="prices")


@prices_app.command("update")
def prices_update() -> None:
    """Fetch the live SkyPilot catalog files (ASSISTANT_PRICE_CLOUDS) into the data directory."""
    from assistant import AssistantError, load_settings, update_prices

    try:
        settings = load_settings()
        result = update_prices(settings)
    except (AssistantError, ValueError, OSError) as exc:
        _fail(str(exc))
    if result.offline:
        errors.print(
            f"No network: could not reach {settings.price_catalog_url}; keeping the offerings data already here.",
            soft_wrap=True,
        )
        raise typer.Exit(code=1)
    for cloud in result.clouds:
        if cloud.status == "updated":
            console.print(
                f"{cloud.cloud}: {cloud.offerings} offerings, fetched {cloud.fetched_at:%Y-%m-%d %H:%M} UTC"
            )
        else:
            console.print(
                f"{cloud.cloud}: {cloud.status} ({cloud.detail}); kept the previous data", soft_wrap=True
            )
    if len(result.updated) < len(result.clouds):
        raise typer.Exit(code=1)


@app.command()
def ui(
    host: Annotated[
        str | None, typer.Option("--host", help="Bind address (default ASSISTANT_UI_HOST, 127.0.0.1).")
    ] = None,
    port: Annotated[
        int | None, typer.Option("--port", min=0, max=65535, help="Port (default ASSISTANT_UI_PORT, 7860).")
    ] = None,
    share: Annotated[
        bool,
        typer.Option(
            "--share",
            help="Listen on every interface (0.0.0.0) so others on your network can open it; "
            "set ASSISTANT_UI_USERNAME/PASSWORD first. Nothing is tunnelled through the internet.",
        ),
    ] = False,
) -> None:
    """Serve the web app (same as `python ui.py`)."""
    from ._ports import PortInUse, ensure_port_free

    overrides = {"ui_host": "0.0.0.0" if share and host is None else host, "ui_port": port}
    overrides = {k: v for k, v in overrides.items() if v is not None}
    from assistant import load_settings

    settings = load_settings(**overrides)
    try:
        ensure_port_free(settings.ui_host, settings.ui_port)
    except PortInUse as exc:
        _fail(str(exc))
    if share and not (settings.ui_username and settings.ui_password):
        errors.print("[yellow]warning:[/yellow] --share without a login: anyone on your network can use it.")
    from .web import serve

    try:
        serve(_assistant(**overrides))
    except PortInUse as exc:
        _fail(str(exc))


@app.command()
def slack(
    http: Annotated[
        bool, typer.Option("--http", help="Events API over HTTP instead of Socket Mode.")
    ] = False,
    port: Annotated[
        int | None, typer.Option("--port", min=0, max=65535, help="HTTP port with --http (default 3000).")
    ] = None,
    host: Annotated[
        str | None,
        typer.Option("--host", help="Bind address with --http (default ASSISTANT_SLACK_HOST, 127.0.0.1)."),
    ] = None,
) -> None:
    """Run the Slack bot (Socket Mode by default)."""
    from ._ports import PortInUse, ensure_port_free
    from .slack import run

    options = {"port": port} if port is not None else {}
    try:
        if http:
            ensure_port_free(host or "127.0.0.1", port if port is not None else 3000)
        run(_assistant(), http=http, host=host, **options)
    except PortInUse as exc:
        _fail(str(exc))
    except (ValueError, ImportError) as exc:
        _fail(str(exc))


@app.command()
def doctor() -> None:
    """Check settings (secrets masked), data directory, corpus, index, embedder, Chroma, Redis and the LLM.

    Exits 1 when something the configuration needs is down."""
    from rich.table import Table

    from assistant import diagnose, load_settings, masked_settings

    try:
        settings = load_settings()
    except ValueError as exc:
        _fail(str(exc))
    shown = Table("setting", "value", title="Settings")
    for name, value in masked_settings(settings).items():
        shown.add_row(name, value)
    console.print(shown)
    checks = diagnose(settings)
    marks = {"ok": "[green]ok[/green]", "warn": "[yellow]warn[/yellow]", "fail": "[red]FAIL[/red]"}
    report = Table("check", "status", "detail", title="Checks")
    for check in checks:
        report.add_row(check.name, marks.get(check.status, check.status), check.detail)
    console.print(report)
    failed = [check.name for check in checks if check.failed]
    if failed:
        _fail(f"not ready: {', '.join(failed)}")
    console.print("Ready.")


def main() -> None:
    """Console-script entry point."""
    app()
