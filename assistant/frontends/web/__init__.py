"""The web app: Chat, GPU explorer and Sizing tabs over one Assistant, and a JSON API (a thin front end)."""

import os

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"  # before gradio is imported: no telemetry, no version check

import logging
import threading

import gradio as gr

from assistant import InvalidQuestion, open_feedback_store

from .._markdown import details_markdown, sources_markdown
from ._chat import (
    CONCURRENCY,
    EXAMPLE_QUESTIONS,
    FeedbackLog,
    answer_stream,
    chat_tab,
    details_block,
    sources_block,
)
from ._explorer import catalog_table, explorer_charts, explorer_tab, filter_table, price_view
from ._links import chat_link, read_link, sizing_link
from ._page import CSS, HEAD
from ._sections import GuideSections, section_panel
from ._sizing import CUSTOM_SIZE, SizingView, size_workload, sizing_from_link, sizing_tab

__all__ = [
    "CUSTOM_SIZE",
    "EXAMPLE_QUESTIONS",
    "BackgroundServer",
    "FeedbackLog",
    "GuideSections",
    "SizingView",
    "answer_stream",
    "build_app",
    "build_server",
    "catalog_table",
    "chat_link",
    "details_block",
    "explorer_charts",
    "filter_table",
    "launch_options",
    "price_view",
    "read_link",
    "serve",
    "size_workload",
    "sizing_from_link",
    "sizing_link",
    "sources_block",
]


log = logging.getLogger(__name__)


def build_app(assistant, *, concurrency: int = CONCURRENCY) -> gr.Blocks:
    """The Gradio app (not launched): Chat, GPU explorer and Sizing tabs, the guide-section panel, share
    links read on load (``?q=``, ``?tab=sizing&…``, ``?section=``), and the `/ask` API."""
    services = assistant.services
    feedback = FeedbackLog(open_feedback_store(assistant.settings))
    sections = GuideSections(assistant)
    with gr.Blocks(title="gpu-assistant", analytics_enabled=False) as app:
        gr.Markdown(
            "## gpu-assistant\nWhich GPU or AI accelerator to use, and why: answers from a catalog of "
            f"{len(services.catalog)} GPUs with dated prices, explainer guides and shown arithmetic."
        )
        status = gr.Markdown(visible=False, elem_id="index-status")
        status_timer = gr.Timer(2, active=False)
        panel, section_text, open_section = section_panel(sections)
        with gr.Tabs(selected="chat", elem_id="tabs") as tabs:
            with gr.Tab("Chat", id="chat", elem_id="tab-chat"):
                chat = chat_tab(assistant, feedback)
            with gr.Tab("GPU explorer", id="explorer", elem_id="tab-explorer"):
                explorer_tab(services.catalog, services.offerings)
            with gr.Tab("Sizing", id="sizing", elem_id="tab-sizing"):
                sizing = sizing_tab(assistant)

        def ask(question: str) -> str:
            """Answer one question (no conversation memory); returns the answer Markdown, its details and sources."""
            try:
                reply = assistant.ask(question)
            except InvalidQuestion as exc:
                return f"⚠️ {exc}"
            return reply.text + details_markdown(reply.details) + sources_markdown(reply.sources)

        linked_question = gr.State("")

        def open_link(request: gr.Request):
            """What the page's link asks for: a question, a guide section, Sizing inputs."""
            link = read_link(dict(request.query_params) if request is not None else {})
            updates = [link.question, *open_section(link.section)]
            if link.wants_sizing:
                updates += [gr.Tabs(selected="sizing"), *sizing.from_link(link.sizing)]
            else:
                updates += [gr.Tabs(), *[gr.skip() for _ in sizing.inputs + sizing.outputs]]
            return updates

        def ask_linked(question, history, conversation_id, answers):
            if question:
                yield from chat.respond(question, history, conversation_id, answers)
            else:
                yield gr.skip(), gr.skip(), gr.skip(), gr.skip()

        def index_status():
            """While the search index is being built or opened: a line saying so, checked again every 2 s."""
            message = _index_message(assistant)
            if message is None:
                return gr.Markdown(value="", visible=False), gr.Timer(active=False)
            return gr.Markdown(value=message, visible=True), gr.Timer(active=True)

        gr.api(ask, api_name="ask", concurrency_limit=concurrency, concurrency_id="chat")
        app.load(index_status, None, [status, status_timer], api_visibility="private")
        status_timer.tick(index_status, None, [status, status_timer], api_visibility="private")
        app.load(
            open_link,
            None,
            [linked_question, panel, section_text, tabs, *sizing.inputs, *sizing.outputs],
            api_visibility="private",
        ).then(
            ask_linked,
            [linked_question, chat.chatbot, chat.conversation, chat.given],
            [chat.chatbot, chat.message, chat.given, chat.conversation],
            api_visibility="private",
            concurrency_id="chat",
        )
    app.queue(default_concurrency_limit=concurrency)
    return app


def _index_message(assistant) -> str | None:
    """What the page says while the search index is not ready yet, or None once it is."""
    if assistant.services.knowledge.last_sync is not None:
        return None
    return (
        "⏳ Building the search index (first run, about a minute; later starts take seconds). "
        "Questions are answered as soon as it is ready."
    )


def launch_options() -> dict:
    """Keyword arguments for ``Blocks.launch`` shared by ``serve`` and the tests: theme, footer, no run history."""
    font = gr.themes.LocalFont(
        "Source Sans Pro", weights=(400, 600, 700)
    )  # bundled with gradio; bold included
    return {
        "theme": gr.themes.Default(font=[font, "ui-sans-serif", "system-ui", "sans-serif"]),
        "footer_links": ["api", "settings"],
        "run_history": False,
        "share": False,
        "show_error": False,
        "css": CSS,
        "head": HEAD,
    }


def _auth(settings) -> tuple[str, str] | None:
    if settings.ui_username and settings.ui_password:
        return (settings.ui_username, settings.ui_password.get_secret_value())
    return None


def build_server(assistant):
    """The ASGI app: the JSON API (``POST /api/ask``, ``/openapi.json``) beside the Gradio UI at ``/``.

    The API's errors are RFC 9457 problem details; bodies are limited (413), clients rate-limited
    (429) and, when a login is configured, the API and its OpenAPI document ask for it (HTTP Basic).
    See ``_api.py``.
    """
    from fastapi import FastAPI

    from ._api import add_api

    auth = _auth(assistant.settings)
    server = FastAPI(title="gpu-assistant", docs_url=None, redoc_url=None, openapi_url=None)
    add_api(server, assistant, auth=auth)
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

    from .._ports import ensure_port_free

    settings = assistant.settings
    ensure_port_free(settings.ui_host, settings.ui_port)  # PortInUse: one clear line, not uvicorn's trace
    threading.Thread(target=_warm_up, args=(assistant,), name="warm-up", daemon=True).start()
    print(f"gpu-assistant web app on http://{settings.ui_host}:{settings.ui_port}", flush=True)
    uvicorn.run(build_server(assistant), host=settings.ui_host, port=settings.ui_port, log_level="warning")


def _warm_up(assistant) -> None:
    try:
        assistant.warm_up()
    except Exception:
        log.exception("warm-up failed; the index will be built on the first question")
