"""The Slack Events API over HTTP: Bolt's maintained Starlette adapter behind uvicorn, with limits.

Requests are checked before Bolt sees them: a body larger than ``MAX_BODY_BYTES`` is refused with 413
while it is read (never read whole), a body not sent within ``BODY_TIMEOUT_S`` gets 408, a missing or
non-numeric timestamp or signature header gets 400, and a wrong signature 401. A rejected body is never
logged, only its size and the reason. uvicorn's event loop holds stalled connections without a thread
each; ``LIMIT_CONCURRENCY`` caps open connections (503 beyond) and idle keep-alives close after
``KEEP_ALIVE_S``. The bind address defaults to loopback (``ASSISTANT_SLACK_HOST``).
"""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
from typing import Any

__all__ = [
    "BODY_TIMEOUT_S",
    "KEEP_ALIVE_S",
    "LIMIT_CONCURRENCY",
    "MAX_BODY_BYTES",
    "SlackHTTPServer",
    "asgi_app",
]

MAX_BODY_BYTES = 1024 * 1024  # Slack's own payloads are a few kB; slash commands and actions well under this
BODY_TIMEOUT_S = 10.0
KEEP_ALIVE_S = 5
LIMIT_CONCURRENCY = 500

log = logging.getLogger("assistant.frontends.slack")


class _Rejected(Exception):
    def __init__(self, status: int, reason: str):
        super().__init__(reason)
        self.status = status
        self.reason = reason


def asgi_app(bolt_app: Any, *, events_path: str, signing_secret: str | None):
    """A Starlette app: POST ``events_path`` to Bolt (through its adapter), GET / and /healthz for health."""
    from slack_bolt.adapter.starlette.handler import to_bolt_request, to_starlette_response
    from slack_sdk.signature import SignatureVerifier
    from starlette.applications import Starlette
    from starlette.concurrency import run_in_threadpool
    from starlette.requests import Request
    from starlette.responses import PlainTextResponse, Response
    from starlette.routing import Route

    verifier = SignatureVerifier(signing_secret) if signing_secret else None

    async def health(request: Request) -> Response:
        return PlainTextResponse("ok")

    async def events(request: Request) -> Response:
        try:
            body = await asyncio.wait_for(_read_body(request), timeout=BODY_TIMEOUT_S)
            _check_headers(request, body, verifier)
        except TimeoutError:
            return _reject(request, 408, "the body was not sent in time", None)
        except _Rejected as exc:
            return _reject(request, exc.status, exc.reason, request.headers.get("content-length"))
        bolt_response = await run_in_threadpool(bolt_app.dispatch, to_bolt_request(request, body))
        return to_starlette_response(bolt_response)

    async def not_found(request: Request, exc: Exception) -> Response:
        return PlainTextResponse("not found", status_code=404)

    routes = [
        Route("/", health, methods=["GET"]),
        Route("/healthz", health, methods=["GET"]),
        Route(events_path, events, methods=["POST"]),
    ]
    return Starlette(routes=routes, exception_handlers={404: not_found, 405: not_found})


async def _read_body(request) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise _Rejected(400, "malformed Content-Length")
        if int(declared) > MAX_BODY_BYTES:
            raise _Rejected(413, f"body over {MAX_BODY_BYTES} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise _Rejected(413, f"body over {MAX_BODY_BYTES} bytes")
        chunks.append(chunk)
    body = b"".join(chunks)
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        raise _Rejected(400, "body is not UTF-8") from None
    return body


def _check_headers(request, body: bytes, verifier) -> None:
    timestamp = request.headers.get("x-slack-request-timestamp")
    signature = request.headers.get("x-slack-signature")
    if timestamp is None or signature is None:
        raise _Rejected(400, "missing X-Slack-Request-Timestamp or X-Slack-Signature")
    if not timestamp.isdigit() or len(timestamp) > 12:
        raise _Rejected(400, "malformed X-Slack-Request-Timestamp")
    if verifier is not None and not verifier.is_valid(body=body, timestamp=timestamp, signature=signature):
        raise _Rejected(401, "invalid signature or stale timestamp")
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("application/json"):
        import json

        try:
            json.loads(body)
        except ValueError:
            raise _Rejected(400, "body is not JSON") from None


def _reject(request, status: int, reason: str, size: str | None):
    from starlette.responses import JSONResponse

    client = request.client.host if request.client else "?"
    log.info("refused a Slack request from %s: %s (%s bytes; body not logged)", client, reason, size or "?")
    return JSONResponse({"error": reason}, status_code=status)


class SlackHTTPServer:
    """uvicorn serving the Slack app on a socket bound at construction (so port 0 picks a free port).

    ``serve_forever()`` blocks until ``shutdown()``; the names follow ``socketserver`` so callers that ran
    the old threaded server keep working.
    """

    def __init__(self, app: Any, *, host: str, port: int):
        import uvicorn

        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self._socket = socket.socket(family, socket.SOCK_STREAM)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind((host, port))
        self._socket.listen(2048)
        config = uvicorn.Config(
            app,
            log_level="warning",
            access_log=False,
            lifespan="off",
            timeout_keep_alive=KEEP_ALIVE_S,
            limit_concurrency=LIMIT_CONCURRENCY,
            h11_max_incomplete_event_size=16 * 1024,  # request line and headers
            server_header=False,
        )
        self._server = uvicorn.Server(config)
        self._stopped = threading.Event()

    @property
    def server_address(self) -> tuple[str, int]:
        return self._socket.getsockname()[:2]

    def serve_forever(self, poll_interval: float | None = None) -> None:
        try:
            self._server.run(sockets=[self._socket])
        finally:
            self._stopped.set()

    def shutdown(self) -> None:
        self._server.should_exit = True
        self._stopped.wait(timeout=10)

    def server_close(self) -> None:
        self._socket.close()
