"""Test helpers: local STAND-INS for an OpenAI-compatible server and an Ollama server.

These are not language models. No hosted LLM is reachable where gpu-assistant is tested, so these small
HTTP servers speak the real wire formats (OpenAI's ``/v1/chat/completions`` with server-sent events,
Ollama's ``/api/chat`` with newline-delimited JSON) and let the real ``ChatOpenAI`` / ``ChatOllama``
client code run end to end, in the spirit of httpx's ``MockTransport``. Their reply is deterministic:
the FACTS section of the last user message, prefixed by ``"Stand-in LLM answer:\\n"``.

Modes, to exercise the fallbacks: ``"ok"``; ``"invent"`` (a fluent answer with numbers that are in no fact); ``"error"`` (HTTP 500); ``"hang"`` (no reply for
``hang_s`` seconds, longer than a client timeout); ``"break"`` (a couple of streamed chunks, then the
connection is closed mid-body); ``"trickle"`` (a slow trickle: the answer one chunk every ``chunk_delay_s``,
over and over, never finishing, so no single read ever times out); ``"flood"`` (a streamed answer of
``flood_chars`` characters, far past any sensible length).

    with OpenAIStandIn() as server:
        settings = load_settings(llm="openai:stand-in", openai_base_url=server.base_url)
"""

from __future__ import annotations

import contextlib
import json
import re
import socket
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar, Literal

from assistant.answering._llm import FACTS_HEADER, PASSAGES_HEADER

__all__ = ["ANSWER_PREFIX", "INVENTED_ANSWER", "Mode", "OllamaStandIn", "OpenAIStandIn", "stand_in_answer"]

Mode = Literal["ok", "error", "hang", "break", "invent", "trickle", "flood"]
ANSWER_PREFIX = "Stand-in LLM answer:\n"
_MODES = ("ok", "error", "hang", "break", "invent", "trickle", "flood")
INVENTED_ANSWER = ANSWER_PREFIX + "Use one L4: it needs about 987.6 GB and costs $12.34 per hour."


def _text_of(content: Any) -> str:
    """The text of a message's content, whether a string or a list of OpenAI content parts."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(part.get("text", "") for part in content if isinstance(part, dict))
    return ""


def stand_in_answer(messages: list[dict]) -> str:
    """The stand-ins' deterministic reply: the FACTS section of the last user message, prefixed."""
    user = [m for m in messages if isinstance(m, dict) and m.get("role") == "user"]
    text = _text_of(user[-1].get("content")) if user else ""
    marker = f"{FACTS_HEADER}\n"
    start = text.rfind(f"\n{marker}")  # the last one: a question quoting "FACTS:" comes earlier
    if start >= 0:
        start += 1 + len(marker)
    elif text.startswith(marker):
        start = len(marker)
    else:
        return ANSWER_PREFIX + text.strip()
    body = text[start:]
    end = body.find(f"\n{PASSAGES_HEADER}\n")
    facts = body[:end] if end >= 0 else body
    return ANSWER_PREFIX + facts.strip()


def _split(text: str, parts: int = 5) -> list[str]:
    """The text cut at word boundaries into about ``parts`` chunks that join back to it exactly."""
    words = re.findall(r"\s*\S+\s*", text) or [text]
    size = max(1, -(-len(words) // parts))
    return ["".join(words[i : i + size]) for i in range(0, len(words), size)]


class _QuietServer(ThreadingHTTPServer):
    """A threaded HTTP server that does not print tracebacks when a client drops its connection."""

    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], OSError):  # resets, broken pipes: clients giving up, by design
            return
        super().handle_error(request, client_address)


class _StandIn:
    """Shared machinery of the stand-ins: a threaded ``http.server`` on 127.0.0.1 and a free port."""

    _routes: ClassVar[dict[tuple[str, str], str]] = {}

    flood_chars = 2_000_000

    def __init__(self, mode: Mode = "ok", *, hang_s: float = 30.0, chunk_delay_s: float = 0.02) -> None:
        if mode not in _MODES:
            raise ValueError(f"mode must be one of {_MODES}, not {mode!r}")
        self.mode: Mode = mode
        self.hang_s = hang_s
        self.chunk_delay_s = chunk_delay_s
        self.requests: list[dict] = []
        self.headers: list[dict[str, str]] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -----------------------------------------------------------------------------------
    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def start(self) -> None:
        """Start serving on a free port of 127.0.0.1."""
        if self._server is not None:
            return
        self._stop.clear()
        server = _QuietServer(("127.0.0.1", 0), self._handler_class())
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, name=type(self).__name__, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop serving; requests still hanging are released."""
        self._stop.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = self._thread = None

    @property
    def port(self) -> int:
        """The port the stand-in listens on."""
        if self._server is None:
            raise RuntimeError("the stand-in is not running; use it as a context manager")
        return self._server.server_address[1]

    # -- request handling ----------------------------------------------------------------------------
    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                stand_in._dispatch(self, "GET")

            def do_HEAD(self) -> None:
                stand_in._dispatch(self, "HEAD")

            def do_POST(self) -> None:
                stand_in._dispatch(self, "POST")

        return Handler

    def _dispatch(self, handler: BaseHTTPRequestHandler, method: str) -> None:
        path = handler.path.split("?", 1)[0].rstrip("/") or "/"
        length = int(handler.headers.get("Content-Length") or 0)
        raw = handler.rfile.read(length) if length else b""
        route = self._routes.get((method, path))
        if route is None:
            self._send_json(handler, 404, {"error": f"{method} {path} is not served by this stand-in"})
            return
        body: dict = {}
        if raw:
            try:
                body = json.loads(raw)
            except ValueError:
                self._send_json(handler, 400, {"error": "the request body is not JSON"})
                return
        try:
            getattr(self, route)(handler, body)
        except (BrokenPipeError, ConnectionResetError):
            handler.close_connection = True  # the client gave up (e.g. its timeout in "hang" mode)

    def _record(self, handler: BaseHTTPRequestHandler, body: dict) -> None:
        with self._lock:
            self.requests.append(body)
            self.headers.append({k.lower(): v for k, v in handler.headers.items()})

    def _chat(self, handler: BaseHTTPRequestHandler, body: dict) -> None:
        self._record(handler, body)
        if self.mode == "error":
            self._send_error(handler)
            return
        if self.mode == "hang":
            self._stop.wait(self.hang_s)
            handler.close_connection = True
            return
        answer = INVENTED_ANSWER if self.mode == "invent" else stand_in_answer(body.get("messages") or [])
        if not self._wants_stream(body):
            if self.mode == "break":  # promise a body, send half of it, hang up
                payload = json.dumps(self._complete(body, answer)).encode()
                self._start(handler, 200, "application/json", length=len(payload))
                handler.wfile.write(payload[: len(payload) // 2])
                self._hang_up(handler)
                return
            self._send_json(handler, 200, self._complete(body, answer))
            return
        pieces = _split(answer)
        break_at = min(2, len(pieces) - 1) if self.mode == "break" else -1
        self._start(handler, 200, self._stream_type, chunked=True)
        if self.mode == "trickle":  # never finishes; each chunk comes well within any read timeout
            index = 0
            while not self._stop.is_set():
                self._write_chunk(
                    handler, self._stream_piece(body, pieces[index % len(pieces)], first=index == 0)
                )
                index += 1
                self._stop.wait(self.chunk_delay_s)
            self._hang_up(handler)
            return
        if self.mode == "flood":  # the same answer again and again, flood_chars in all, quickly
            pieces = [answer] * max(1, self.flood_chars // max(1, len(answer)))
        for index, piece in enumerate(pieces):
            if index == break_at:
                self._hang_up(handler)
                return
            self._write_chunk(handler, self._stream_piece(body, piece, first=index == 0))
            if self.mode != "flood":
                time.sleep(self.chunk_delay_s)
        for event in self._stream_end(body, answer):
            self._write_chunk(handler, event)
        handler.wfile.write(b"0\r\n\r\n")
        handler.wfile.flush()

    # -- HTTP helpers --------------------------------------------------------------------------------
    @staticmethod
    def _start(
        handler: BaseHTTPRequestHandler,
        status: int,
        content_type: str,
        *,
        length: int | None = None,
        chunked: bool = False,
    ) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        # One request per connection: clients keep no idle sockets to a stand-in that will soon stop.
        handler.send_header("Connection", "close")
        if chunked:
            handler.send_header("Transfer-Encoding", "chunked")
            handler.send_header("Cache-Control", "no-cache")
        else:
            handler.send_header("Content-Length", str(length or 0))
        handler.end_headers()

    @classmethod
    def _send_json(cls, handler: BaseHTTPRequestHandler, status: int, payload: Any) -> None:
        data = json.dumps(payload).encode()
        cls._start(handler, status, "application/json", length=len(data))
        if handler.command != "HEAD":
            handler.wfile.write(data)
        handler.wfile.flush()

    @staticmethod
    def _write_chunk(handler: BaseHTTPRequestHandler, data: bytes) -> None:
        handler.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
        handler.wfile.flush()

    @staticmethod
    def _hang_up(handler: BaseHTTPRequestHandler) -> None:
        """Close the connection abruptly, in the middle of a response body."""
        handler.wfile.flush()
        handler.close_connection = True
        with contextlib.suppress(OSError):
            handler.connection.shutdown(socket.SHUT_RDWR)

    # -- wire format, per server ---------------------------------------------------------------------
    _stream_type = "application/octet-stream"

    def _wants_stream(self, body: dict) -> bool:
        raise NotImplementedError

    def _complete(self, body: dict, answer: str) -> dict:
        raise NotImplementedError

    def _stream_piece(self, body: dict, piece: str, *, first: bool) -> bytes:
        raise NotImplementedError

    def _stream_end(self, body: dict, answer: str) -> list[bytes]:
        raise NotImplementedError

    def _send_error(self, handler: BaseHTTPRequestHandler) -> None:
        raise NotImplementedError


class OpenAIStandIn(_StandIn):
    """A STAND-IN for an OpenAI-compatible server (not a language model), for tests without a hosted LLM.

    Serves ``POST /v1/chat/completions`` (streaming server-sent events ending in ``data: [DONE]``, or one
    JSON completion) and ``GET /v1/models``. ``requests`` holds the parsed JSON body of every chat request
    and ``headers`` its headers (lower-cased names); ``base_url`` is the value for ``OPENAI_BASE_URL``.
    """

    _routes: ClassVar[dict[tuple[str, str], str]] = {
        ("POST", "/v1/chat/completions"): "_chat",
        ("GET", "/v1/models"): "_models",
    }
    _stream_type = "text/event-stream"

    def __init__(self, mode: Mode = "ok", *, hang_s: float = 30.0, chunk_delay_s: float = 0.02) -> None:
        super().__init__(mode, hang_s=hang_s, chunk_delay_s=chunk_delay_s)
        self._id = f"chatcmpl-standin-{uuid.uuid4().hex[:12]}"

    @property
    def base_url(self) -> str:
        """The OpenAI-style base URL, ``http://127.0.0.1:PORT/v1``."""
        return f"http://127.0.0.1:{self.port}/v1"

    def _models(self, handler: BaseHTTPRequestHandler, body: dict) -> None:
        model = {"id": "stand-in", "object": "model", "created": 0, "owned_by": "gpu-assistant-tests"}
        self._send_json(handler, 200, {"object": "list", "data": [model]})

    def _wants_stream(self, body: dict) -> bool:
        return bool(body.get("stream"))

    @staticmethod
    def _usage(body: dict, answer: str) -> dict:
        prompt = sum(len(_text_of(m.get("content")).split()) for m in body.get("messages") or [])
        completion = len(answer.split())
        return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}

    def _base(self, body: dict, kind: str) -> dict:
        return {
            "id": self._id,
            "object": kind,
            "created": int(time.time()),
            "model": body.get("model", "stand-in"),
            "system_fingerprint": "stand-in",
        }

    def _complete(self, body: dict, answer: str) -> dict:
        choice = {
            "index": 0,
            "message": {"role": "assistant", "content": answer, "refusal": None},
            "logprobs": None,
            "finish_reason": "stop",
        }
        return {
            **self._base(body, "chat.completion"),
            "choices": [choice],
            "usage": self._usage(body, answer),
        }

    def _event(self, payload: dict) -> bytes:
        return f"data: {json.dumps(payload)}\n\n".encode()

    def _stream_piece(self, body: dict, piece: str, *, first: bool) -> bytes:
        delta = {"role": "assistant", "content": piece} if first else {"content": piece}
        choice = {"index": 0, "delta": delta, "logprobs": None, "finish_reason": None}
        return self._event({**self._base(body, "chat.completion.chunk"), "choices": [choice]})

    def _stream_end(self, body: dict, answer: str) -> list[bytes]:
        base = self._base(body, "chat.completion.chunk")
        stop = {"index": 0, "delta": {}, "logprobs": None, "finish_reason": "stop"}
        events = [self._event({**base, "choices": [stop]})]
        if (body.get("stream_options") or {}).get("include_usage"):
            events.append(self._event({**base, "choices": [], "usage": self._usage(body, answer)}))
        events.append(b"data: [DONE]\n\n")
        return events

    def _send_error(self, handler: BaseHTTPRequestHandler) -> None:
        error = {
            "message": "The stand-in server failed (mode='error').",
            "type": "server_error",
            "code": None,
        }
        self._send_json(handler, 500, {"error": error})


class OllamaStandIn(_StandIn):
    """A STAND-IN for an Ollama server (not a language model), for tests without a local Ollama.

    Serves ``POST /api/chat`` (newline-delimited JSON when streaming, the default, or one JSON reply), and
    the endpoints clients probe: ``GET /api/tags`` (``ChatOllama(validate_model_on_init=True)``),
    ``POST /api/show``, ``GET /api/version`` and ``GET /``. ``requests`` holds the parsed JSON body of every
    chat request and ``headers`` its headers; ``base_url`` is the value for ``OLLAMA_BASE_URL``.
    """

    _routes: ClassVar[dict[tuple[str, str], str]] = {
        ("POST", "/api/chat"): "_chat",
        ("GET", "/api/tags"): "_tags",
        ("POST", "/api/show"): "_show",
        ("GET", "/api/version"): "_version",
        ("GET", "/"): "_root",
        ("HEAD", "/"): "_root",
    }
    _stream_type = "application/x-ndjson"

    def __init__(
        self,
        mode: Mode = "ok",
        *,
        models: tuple[str, ...] = ("stand-in:latest",),
        hang_s: float = 30.0,
        chunk_delay_s: float = 0.02,
    ) -> None:
        super().__init__(mode, hang_s=hang_s, chunk_delay_s=chunk_delay_s)
        self.models = models

    @property
    def base_url(self) -> str:
        """The Ollama base URL, ``http://127.0.0.1:PORT``."""
        return f"http://127.0.0.1:{self.port}"

    def _root(self, handler: BaseHTTPRequestHandler, body: dict) -> None:
        data = b"Ollama is running"
        self._start(handler, 200, "text/plain; charset=utf-8", length=len(data))
        if handler.command != "HEAD":
            handler.wfile.write(data)

    def _version(self, handler: BaseHTTPRequestHandler, body: dict) -> None:
        self._send_json(handler, 200, {"version": "0.0.0-stand-in"})

    def _details(self) -> dict:
        return {"format": "gguf", "family": "stand-in", "parameter_size": "0B", "quantization_level": "none"}

    def _tags(self, handler: BaseHTTPRequestHandler, body: dict) -> None:
        models = [
            {
                "name": name,
                "model": name,
                "modified_at": "2025-01-01T00:00:00Z",
                "size": 0,
                "digest": "0" * 64,
                "details": self._details(),
            }
            for name in self.models
        ]
        self._send_json(handler, 200, {"models": models})

    def _show(self, handler: BaseHTTPRequestHandler, body: dict) -> None:
        name = body.get("model") or body.get("name") or ""
        if not any(name == m or m.startswith(f"{name}:") for m in self.models):
            self._send_json(handler, 404, {"error": f"model '{name}' not found"})
            return
        self._send_json(
            handler,
            200,
            {
                "modelfile": "",
                "parameters": "",
                "template": "{{ .Prompt }}",
                "details": self._details(),
                "capabilities": ["completion"],
            },
        )

    def _wants_stream(self, body: dict) -> bool:
        return body.get("stream", True) is not False

    @staticmethod
    def _now() -> str:
        return time.strftime("%Y-%m-%dT%H:%M:%S.000000Z", time.gmtime())

    def _final(self, body: dict, answer: str, content: str) -> dict:
        prompt = sum(len(_text_of(m.get("content")).split()) for m in body.get("messages") or [])
        return {
            "model": body.get("model", "stand-in"),
            "created_at": self._now(),
            "message": {"role": "assistant", "content": content},
            "done": True,
            "done_reason": "stop",
            "total_duration": 1_000_000,
            "load_duration": 100_000,
            "prompt_eval_count": prompt,
            "prompt_eval_duration": 200_000,
            "eval_count": len(answer.split()),
            "eval_duration": 700_000,
        }

    def _complete(self, body: dict, answer: str) -> dict:
        return self._final(body, answer, answer)

    def _stream_piece(self, body: dict, piece: str, *, first: bool) -> bytes:
        part = {
            "model": body.get("model", "stand-in"),
            "created_at": self._now(),
            "message": {"role": "assistant", "content": piece},
            "done": False,
        }
        return (json.dumps(part) + "\n").encode()

    def _stream_end(self, body: dict, answer: str) -> list[bytes]:
        return [(json.dumps(self._final(body, answer, "")) + "\n").encode()]

    def _send_error(self, handler: BaseHTTPRequestHandler) -> None:
        self._send_json(handler, 500, {"error": "the stand-in server failed (mode='error')"})
