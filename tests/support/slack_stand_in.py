"""Test helpers: a loopback STAND-IN for Slack's Web API, and a sender that signs requests as Slack does."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import queue
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

__all__ = [
    "APP_TOKEN",
    "BOT_ID",
    "BOT_TOKEN",
    "BOT_USER",
    "SIGNING_SECRET",
    "TEAM",
    "Call",
    "Response",
    "SlackSender",
    "SlackWebAPIStandIn",
    "SocketModeStandIn",
    "event_callback",
]

SIGNING_SECRET = "test-secret"
BOT_TOKEN = "xoxb-test"
APP_TOKEN = "xapp-test"
TEAM = "T0STANDIN"
BOT_USER = "UBOT"
BOT_ID = "BBOT"
WAIT_S = 20.0


@dataclass
class Call:
    """One request the bot made to the stand-in: the API method (or response-URL path) and its body."""

    method: str
    body: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)


class SlackWebAPIStandIn:
    """A STAND-IN for Slack's Web API, not Slack: a threaded loopback HTTP server for tests.

    Slack cannot be reached where the tests run, so this implements just what the bot calls —
    ``auth.test``, ``chat.postMessage``, ``chat.update``, ``reactions.add`` and (for Socket Mode, with
    the app token) ``apps.connections.open`` under ``/api/``, and
    response URLs under ``/response/`` — answering like Slack does and recording every call's
    form or JSON body, for tests to poll with ``wait_for``.
    """

    def __init__(self, token: str = BOT_TOKEN):
        self.token = token
        self.socket_url: str | None = None  # what apps.connections.open hands out, set by a SocketModeStandIn
        self.calls: list[Call] = []
        self._cond = threading.Condition()
        self._ts = itertools.count(1)
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode("utf-8")
                if "json" in (self.headers.get("Content-Type") or ""):
                    body = json.loads(raw or "{}")
                else:
                    body = {k: v[-1] for k, v in urllib.parse.parse_qs(raw).items()}
                status, reply = stand_in._handle(self.path, body, dict(self.headers))
                data = json.dumps(reply).encode() if isinstance(reply, dict) else reply.encode()
                self.send_response(status)
                self.send_header(
                    "Content-Type", "application/json" if isinstance(reply, dict) else "text/plain"
                )
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.api_url = f"http://127.0.0.1:{self.port}/api/"
        self._thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def response_url(self, name: str) -> str:
        """A response URL (as Slack puts in slash commands and button clicks) that the stand-in records."""
        return f"http://127.0.0.1:{self.port}/response/{name}"

    def _handle(self, path: str, body: dict, headers: dict) -> tuple[int, dict | str]:
        if path.startswith("/response/"):
            self._record(Call(path, body, headers))
            return 200, "ok"
        method = path.removeprefix("/api/")
        auth = headers.get("Authorization") or ""
        token = auth.removeprefix("Bearer ") if auth else body.get("token", "")
        self._record(Call(method, body, headers))
        if method == "apps.connections.open":
            if token != APP_TOKEN or not self.socket_url:
                return 200, {"ok": False, "error": "invalid_auth"}
            return 200, {"ok": True, "url": self.socket_url}
        if token != self.token:
            return 200, {"ok": False, "error": "invalid_auth"}
        if method == "auth.test":
            return 200, {
                "ok": True,
                "url": "https://stand-in.example/",
                "team": "Stand-in",
                "user": "gpu-assistant",
                "team_id": TEAM,
                "user_id": BOT_USER,
                "bot_id": BOT_ID,
                "is_enterprise_install": False,
            }
        if method == "chat.postMessage":
            ts = f"{int(time.time())}.{next(self._ts):06d}"
            message = {"type": "message", "bot_id": BOT_ID, "user": BOT_USER, "ts": ts, **body}
            return 200, {"ok": True, "channel": body.get("channel"), "ts": ts, "message": message}
        if method == "chat.update":
            return 200, {
                "ok": True,
                "channel": body.get("channel"),
                "ts": body.get("ts"),
                "text": body.get("text"),
            }
        if method == "reactions.add":
            return 200, {"ok": True}
        return 200, {"ok": False, "error": "unknown_method"}

    def _record(self, call: Call) -> None:
        with self._cond:
            self.calls.append(call)
            self._cond.notify_all()

    def find(self, method: str, **match: Any) -> list[Call]:
        """Recorded calls of ``method`` whose body has every ``match`` value."""
        with self._cond:
            return [
                c
                for c in self.calls
                if c.method == method and all(c.body.get(k) == v for k, v in match.items())
            ]

    def wait_for(self, method: str, count: int = 1, timeout: float = WAIT_S, **match: Any) -> list[Call]:
        """Wait until at least ``count`` matching calls were made; fail with what was recorded otherwise."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                found = [
                    c
                    for c in self.calls
                    if c.method == method and all(c.body.get(k) == v for k, v in match.items())
                ]
                if len(found) >= count or time.monotonic() >= deadline:
                    break
                self._cond.wait(timeout=0.1)
        assert len(found) >= count, (
            f"expected {count} {method} {match}, got {len(found)}; calls: {[c.method for c in self.calls]}"
        )
        return found

    def __enter__(self) -> SlackWebAPIStandIn:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


@dataclass
class Response:
    """The bot's HTTP response to one request, and how long it took."""

    status: int
    body: str
    seconds: float


class SlackSender:
    """Sends requests to the bot the way Slack does: signed with ``v0=`` HMAC-SHA256 over ``v0:ts:body``."""

    def __init__(self, url: str, secret: str = SIGNING_SECRET):
        self.url = url
        self.secret = secret
        self._ts = itertools.count(1)

    def new_ts(self) -> str:
        """A message timestamp no earlier test used."""
        return f"{time.time():.0f}.{next(self._ts):06d}"

    def signature(self, body: bytes, timestamp: int | str) -> str:
        base = b"v0:" + str(timestamp).encode() + b":" + body
        return "v0=" + hmac.new(self.secret.encode(), base, hashlib.sha256).hexdigest()

    def post(
        self,
        body: bytes,
        content_type: str,
        *,
        timestamp: int | None = None,
        signature: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> Response:
        timestamp = int(time.time()) if timestamp is None else timestamp
        request = urllib.request.Request(self.url, data=body, method="POST")
        request.add_header("Content-Type", content_type)
        request.add_header("X-Slack-Request-Timestamp", str(timestamp))
        request.add_header("X-Slack-Signature", signature or self.signature(body, timestamp))
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        start = time.monotonic()
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return Response(response.status, response.read().decode(), time.monotonic() - start)
        except urllib.error.HTTPError as error:
            return Response(error.code, error.read().decode(), time.monotonic() - start)

    def event(self, event: dict, **kwargs: Any) -> Response:
        """POST an Events API ``event_callback`` wrapping ``event``."""
        return self.post(json.dumps(event_callback(event)).encode(), "application/json", **kwargs)

    def json(self, payload: dict, **kwargs: Any) -> Response:
        return self.post(json.dumps(payload).encode(), "application/json", **kwargs)

    def form(self, fields: dict[str, str], **kwargs: Any) -> Response:
        """POST a form-encoded body (slash commands; interactivity as ``payload=<json>``)."""
        return self.post(
            urllib.parse.urlencode(fields).encode(), "application/x-www-form-urlencoded", **kwargs
        )


def event_callback(event: dict, team: str = TEAM) -> dict:
    """The envelope Slack wraps an event in."""
    return {
        "token": "legacy-verification-token",
        "team_id": team,
        "api_app_id": "A0STANDIN",
        "event": {"event_ts": event.get("ts"), **event},
        "type": "event_callback",
        "event_id": f"Ev{time.time_ns()}",
        "event_time": int(time.time()),
        "authorizations": [
            {
                "enterprise_id": None,
                "team_id": team,
                "user_id": BOT_USER,
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ],
        "is_ext_shared_channel": False,
    }


class SocketModeStandIn:
    """A STAND-IN for Slack's Socket Mode endpoint, not Slack: a loopback WebSocket server for tests.

    The bot's Socket Mode client asks the Web API stand-in for a URL (``apps.connections.open``) and
    connects here; the server says ``hello`` as Slack does, sends each envelope given to ``send`` and
    records the envelope ids the client acknowledges.
    """

    def __init__(self, web_api: SlackWebAPIStandIn):
        from websockets.sync.server import serve

        self.acks: list[dict] = []
        self._outbox: queue.Queue[str] = queue.Queue()
        self._cond = threading.Condition()
        self._closing = threading.Event()
        self.server = serve(self._session, "127.0.0.1", 0, compression=None)
        port = self.server.socket.getsockname()[1]
        self.url = f"ws://127.0.0.1:{port}/link/?ticket=stand-in"
        web_api.socket_url = self.url
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def _session(self, connection) -> None:
        from websockets.exceptions import ConnectionClosed

        hello = {
            "type": "hello",
            "num_connections": 1,
            "connection_info": {"app_id": "A0STANDIN"},
            "debug_info": {"host": "stand-in", "approximate_connection_time": 3600},
        }
        try:
            connection.send(json.dumps(hello))
            while not self._closing.is_set():
                try:
                    received = connection.recv(timeout=0.05)
                except TimeoutError:
                    received = None
                if received:
                    with self._cond:
                        self.acks.append(json.loads(received))
                        self._cond.notify_all()
                while not self._outbox.empty():
                    connection.send(self._outbox.get_nowait())
        except ConnectionClosed:
            return

    def send(self, envelope: dict) -> None:
        """Deliver an envelope (``events_api``, ``slash_commands``, ``interactive``) to the connected bot."""
        self._outbox.put(json.dumps(envelope))

    def wait_for_ack(self, envelope_id: str, timeout: float = WAIT_S) -> dict:
        """The client's acknowledgement of ``envelope_id``."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while time.monotonic() < deadline:
                found = [a for a in self.acks if a.get("envelope_id") == envelope_id]
                if found:
                    return found[0]
                self._cond.wait(timeout=0.1)
        raise AssertionError(f"envelope {envelope_id} was not acknowledged; acks: {self.acks}")

    def __enter__(self) -> SocketModeStandIn:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._closing.set()
        self.server.shutdown()
