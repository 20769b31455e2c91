"""The JSON API beside the web app: ``POST /api/ask`` with one error shape (RFC 9457 problem details).

Every failure — bad JSON, a missing field, a wrong content type, a body over the limit, a wrong
method, an unknown path, a refused question, a login or rate limit, a dependency that is down — is
answered with ``application/problem+json``: ``{"type", "title", "status", "detail"}``. Details never
echo more than a short excerpt of what was sent. ``stream=true`` answers with server-sent events.
"""

from __future__ import annotations

import json
import logging
import math
import secrets
from collections.abc import Iterator
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel, Field, ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant import MAX_QUESTION_CHARS, InvalidQuestion, ServiceUnavailable

from .._markdown import reply_fields
from ._limits import RateLimiter

__all__ = [
    "API_PATH",
    "MAX_BODY_BYTES",
    "MAX_OTHER_BODY_BYTES",
    "Answer",
    "BodyLimit",
    "Problem",
    "Question",
    "add_api",
    "excerpt",
    "problem",
]

log = logging.getLogger(__name__)

API_PATH = "/api/ask"
MAX_BODY_BYTES = 64 * 1024  # a 4,000-character question is at most ~24 KB of JSON, even all \u-escaped
MAX_OTHER_BODY_BYTES = 1024 * 1024  # the Gradio UI's own requests (no uploads in this app)
EXCERPT_CHARS = 60
_PROBLEM_TYPE = "urn:gpu-assistant:problem:"
_OTHER_METHODS = ["GET", "PUT", "PATCH", "DELETE"]


# --- schemas (also the OpenAPI document's) ----------------------------------------------------------


class Question(BaseModel):
    """A question for the assistant."""

    model_config = {"extra": "forbid"}

    question: str = Field(
        description=f"The question, at most {MAX_QUESTION_CHARS:,} characters.",
        examples=["Can I run Llama 3 8B on an L4?"],
    )
    conversation_id: str | None = Field(
        default=None, max_length=200, description="Follow-ups with the same id keep the context."
    )
    stream: bool = Field(default=False, description="Answer as server-sent events (also `?stream=true`).")


class SourceOut(BaseModel):
    title: str
    path: str = Field(description="A corpus path (`corpus/...`) or a URL.")
    snippet: str = ""
    url: str | None = Field(
        default=None, description="The source's web address (a datasheet, a config.json)."
    )


class Answer(BaseModel):
    """The assistant's reply; with `stream=true` the same object is the `done` event's data."""

    text: str = Field(description="Markdown answer: the short answer and its key numbers.")
    details: str = Field(
        default="",
        description="Markdown behind a 'details' fold: breakdown, assumptions, alternatives ('' if none).",
    )
    sources: list[SourceOut]
    gpus: list[str] = Field(description="GPUs recommended or discussed, best first.")
    memory_gb: float | None = Field(description="Memory the workload needs, if sized.")
    intent: str


class Problem(BaseModel):
    """RFC 9457 problem details: every error this API returns."""

    type: str = Field(description="A URI naming the kind of problem ('about:blank' for plain HTTP errors).")
    title: str
    status: int
    detail: str = Field(
        description="What went wrong and what to do; echoes at most a short excerpt of input."
    )


# --- the error shape ---------------------------------------------------------------------------------


class ProblemResponse(Response):
    """``application/problem+json``, ASCII-escaped so no input character can break the encoder."""

    media_type = "application/problem+json"

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=True, separators=(",", ":")).encode("ascii")


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """At most ``limit`` characters of ``text``, printable, with a note of how much was cut."""
    cleaned = "".join(
        ch if ch.isprintable() and not 0xD800 <= ord(ch) <= 0xDFFF else "\ufffd" for ch in text[:limit]
    )
    return cleaned + (f"… ({len(text):,} characters)" if len(text) > limit else "")


def problem(
    status: int, detail: str, *, kind: str | None = None, headers: dict | None = None
) -> ProblemResponse:
    """A problem-details response; ``kind`` names our own problem types, else ``about:blank``."""
    phrase = HTTPStatus(status).phrase
    body = {
        "type": f"{_PROBLEM_TYPE}{kind}" if kind else "about:blank",
        "title": kind.replace("-", " ").capitalize() if kind else phrase,
        "status": status,
        "detail": detail,
    }
    return ProblemResponse(body, status_code=status, headers=headers)


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


class _Refused(Exception):
    def __init__(self, response: ProblemResponse):
        self.response = response


# --- body limit for every request, before anything reads it ---------------------------------------


class BodyLimit:
    """ASGI middleware: 413 when a body is (or turns out to be) over the limit, without reading it whole."""

    def __init__(self, app, *, api_limit: int = MAX_BODY_BYTES, other_limit: int = MAX_OTHER_BODY_BYTES):
        self.app = app
        self.api_limit = api_limit
        self.other_limit = other_limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        limit = self.api_limit if scope["path"].startswith("/api/") else self.other_limit
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > limit):
            return await self._too_large(scope, receive, send, limit)
        seen = 0

        async def limited_receive():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise _BodyTooLarge
            return message

        try:
            await self.app(scope, limited_receive, send)
        except _BodyTooLarge:
            await self._too_large(scope, receive, send, limit)

    @staticmethod
    async def _too_large(scope, receive, send, limit: int):
        response = problem(413, f"The request body is over {limit:,} bytes.", kind="body-too-large")
        response.headers["Connection"] = "close"
        await response(scope, receive, send)


class _BodyTooLarge(Exception):
    pass


class LoginLimit:
    """ASGI middleware: at most N web-app login attempts per client and minute (429 past that)."""

    def __init__(self, app, *, limiter: RateLimiter, paths=("/login", "/login/")):
        self.app = app
        self.limiter = limiter
        self.paths = set(paths)

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["method"] == "POST" and scope["path"] in self.paths:
            client = (scope.get("client") or ("unknown", 0))[0]
            wait = self.limiter.take(client)
            if wait:
                return await _slow_down(wait, "login attempts")(scope, receive, send)
        return await self.app(scope, receive, send)


def _slow_down(wait: float, what: str) -> ProblemResponse:
    seconds = max(1, math.ceil(wait))
    return problem(
        429,
        f"Too many {what} from your address; slow down and try again in {seconds} s.",
        kind="rate-limited",
        headers={"Retry-After": str(seconds)},
    )


# --- the API ------------------------------------------------------------------------------------------


def add_api(server: FastAPI, assistant, *, auth: tuple[str, str] | None) -> None:
    """Add ``POST /api/ask``, ``/openapi.json`` and the problem-details handlers to ``server``."""
    settings = assistant.settings
    asks = RateLimiter(settings.api_rate_limit)
    logins = RateLimiter(settings.login_rate_limit, burst=max(1, int(settings.login_rate_limit // 2) or 1))
    server.add_middleware(LoginLimit, limiter=logins)
    server.add_middleware(BodyLimit)

    def check_login(request: Request) -> None:
        if auth is None:
            return
        client = _client(request)
        wait = logins.blocked(client)
        if wait:
            raise _Refused(_slow_down(wait, "failed logins"))
        header = request.headers.get("authorization", "")
        if not _basic_matches(header, auth):
            if header:  # a wrong login counts against the client; no login at all is just a 401
                logins.take(client)
            raise _Refused(
                problem(
                    401,
                    "This server needs a login: send the web app's user and password (HTTP Basic).",
                    kind="login-required",
                    headers={"WWW-Authenticate": 'Basic realm="gpu-assistant"'},
                )
            )

    @server.exception_handler(_Refused)
    async def refused(request: Request, exc: _Refused):
        return exc.response

    @server.exception_handler(StarletteHTTPException)
    async def http_problem(request: Request, exc: StarletteHTTPException):
        headers = dict(exc.headers or {})
        detail = (
            exc.detail
            if isinstance(exc.detail, str) and exc.detail != HTTPStatus(exc.status_code).phrase
            else ""
        )
        if exc.status_code == 405:
            headers.setdefault("Allow", "POST")
            detail = detail or f"{request.method} is not allowed here; use POST."
        if exc.status_code == 404:
            detail = detail or f"There is nothing at {excerpt(request.url.path)}; the API is POST {API_PATH}."
        return problem(exc.status_code, detail or HTTPStatus(exc.status_code).phrase, headers=headers)

    @server.exception_handler(RequestValidationError)
    async def validation_problem(request: Request, exc: RequestValidationError):
        return problem(422, _validation_detail(exc.errors()), kind="invalid-request")

    @server.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):
        log.exception("unexpected error answering %s", request.url.path)
        return problem(500, "Something went wrong on the server; it has been logged.")

    @server.post(
        API_PATH,
        summary="Ask the assistant a question",
        description="Answers one question (with `conversation_id`, follow-ups keep the context). "
        "Every error is `application/problem+json`. With `stream=true` (in the body or the query) "
        "the answer is `text/event-stream`: a `meta` event (details, sources, gpus, memory_gb, intent), `chunk` "
        "events with the text as it is written, then `done` with the whole answer.",
        response_model=Answer,
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Question"}}},
            }
        },
        responses={
            200: {"content": {"text/event-stream": {"schema": {"type": "string"}}}},
            **{
                code: {"model": Problem, "description": HTTPStatus(code).phrase}
                for code in (400, 401, 405, 413, 415, 422, 429, 503)
            },
        },
    )
    async def api_ask(request: Request, stream: bool = False):
        try:
            check_login(request)
            wait = asks.take(_client(request))
            if wait:
                return _slow_down(wait, "questions")
            body = await _read_question(request)
        except _Refused as refusal:
            return refusal.response
        wants_stream = stream or body.stream
        try:
            if wants_stream:
                reply, chunks = await run_in_threadpool(
                    assistant.ask_streaming, body.question, conversation_id=body.conversation_id
                )
                return StreamingResponse(
                    _events(reply, chunks),
                    media_type="text/event-stream",
                    headers={"Cache-Control": "no-store"},
                )
            reply = await run_in_threadpool(
                assistant.ask, body.question, conversation_id=body.conversation_id
            )
        except InvalidQuestion as exc:
            return problem(422, str(exc), kind="invalid-question")
        except ServiceUnavailable as exc:
            log.warning("dependency unavailable: %s", exc)
            return problem(
                503, "A service the assistant needs is unavailable; try again shortly.", kind="unavailable"
            )
        return reply_fields(reply, reply.text)

    @server.api_route(API_PATH, methods=_OTHER_METHODS, include_in_schema=False)
    async def api_wrong_method(request: Request):
        return problem(405, f"{request.method} is not allowed here; use POST.", headers={"Allow": "POST"})

    @server.api_route(
        "/api/{rest:path}", methods=["GET", "POST", *_OTHER_METHODS[1:]], include_in_schema=False
    )
    async def api_unknown(request: Request, rest: str):
        return problem(404, f"There is nothing at /api/{excerpt(rest)}; the API is POST {API_PATH}.")

    api_routes = [route for route in server.routes if getattr(route, "path", "") == API_PATH]

    @server.get("/openapi.json", include_in_schema=False)
    async def openapi(request: Request):
        try:
            check_login(request)
        except _Refused as refusal:
            return refusal.response
        document = get_openapi(
            title="gpu-assistant",
            version="1",
            description="Which GPU or AI accelerator to use, and why. Errors are RFC 9457 problem details.",
            routes=api_routes,
        )
        document.setdefault("components", {}).setdefault("schemas", {})["Question"] = (
            Question.model_json_schema(ref_template="#/components/schemas/{model}")
        )
        return Response(json.dumps(document), media_type="application/json")


def _basic_matches(header: str, auth: tuple[str, str]) -> bool:
    import base64
    import binascii

    scheme, _, token = header.partition(" ")
    if scheme.lower() != "basic" or not token:
        return False
    try:
        user, sep, password = base64.b64decode(token, validate=True).decode("utf-8").partition(":")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return False
    given = (user.encode(), password.encode())
    wanted = (auth[0].encode(), auth[1].encode())
    return bool(sep) and all(secrets.compare_digest(g, w) for g, w in zip(given, wanted, strict=True))


async def _read_question(request: Request) -> Question:
    """The body as a Question, or a problem: wrong type, too large, not UTF-8/JSON, bad fields, too long."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/json" and not content_type.endswith("+json"):
        raise _Refused(
            problem(
                415,
                f"Send the question as JSON (Content-Type: application/json), not {excerpt(content_type or 'nothing', 40)}.",
                kind="unsupported-media-type",
            )
        )
    raw = await request.body()  # BodyLimit has already refused anything over MAX_BODY_BYTES
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise _Refused(problem(400, "The body is not UTF-8 text.", kind="invalid-json")) from None
    except json.JSONDecodeError as exc:
        raise _Refused(
            problem(
                400,
                f"The body is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}).",
                kind="invalid-json",
            )
        ) from None
    if not isinstance(data, dict):
        raise _Refused(
            problem(422, 'The body must be a JSON object like {"question": "..."}.', kind="invalid-request")
        )
    question = data.get("question")
    if isinstance(question, str) and len(question.strip()) > MAX_QUESTION_CHARS:  # before any parsing
        raise _Refused(
            problem(
                422,
                f"That question is {len(question.strip()):,} characters long; please keep it under "
                f"{MAX_QUESTION_CHARS:,} characters (ask about one workload at a time).",
                kind="invalid-question",
            )
        )
    for field in (data.get("question"), data.get("conversation_id")):
        if not isinstance(field, str):
            continue
        try:
            field.encode("utf-8")
        except UnicodeEncodeError:
            raise _Refused(
                problem(
                    422,
                    "The text contains a lone surrogate (an invalid \\ud800-\\udfff escape); send valid Unicode.",
                    kind="invalid-request",
                )
            ) from None
    try:
        body = Question.model_validate(data)
    except ValidationError as exc:
        raise _Refused(problem(422, _validation_detail(exc.errors()), kind="invalid-request")) from None
    return body


def _validation_detail(errors: list[dict]) -> str:
    """Each field's problem in words, never the input itself."""
    parts = []
    for error in errors[:5]:
        location = ".".join(str(p) for p in error.get("loc", ()) if p != "body") or "(body)"
        message = str(error.get("msg", "invalid"))
        if error.get("type") == "extra_forbidden":
            message = "unknown field; send question, conversation_id and stream only"
        parts.append(f"{excerpt(location, 40)}: {excerpt(message, 120)}")
    return "; ".join(parts) or "The request is not valid."


def _sse(event: str, data: dict) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=True)}\n\n"


def _events(reply, chunks: Iterator[str]) -> Iterator[str]:
    """meta, then chunk events as the text is written, then done (or a problem as an error event)."""
    meta = reply_fields(reply, "")
    del meta["text"]
    yield _sse("meta", meta)
    parts: list[str] = []
    try:
        for chunk in chunks:
            parts.append(chunk)
            yield _sse("chunk", {"text": chunk})
    except Exception:
        log.exception("streamed answer failed")
        yield _sse(
            "error",
            {
                "type": "about:blank",
                "title": "Internal Server Error",
                "status": 500,
                "detail": "The answer failed.",
            },
        )
        return
    yield _sse("done", reply_fields(reply, "".join(parts)))
