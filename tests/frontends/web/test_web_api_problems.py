"""The JSON API over real HTTP: one error shape (RFC 9457), limits, OpenAPI, server-sent events."""

from __future__ import annotations

import base64
import http.client
import json
import socket
import urllib.parse
from dataclasses import replace

import pytest

from assistant import Assistant, load_settings
from tests.frontends.stand_ins import DETAILS_MARKER

pytestmark = pytest.mark.slow

PROBLEM_KEYS = {"type", "title", "status", "detail"}


def _request(url: str, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
    """(status, headers, body bytes) — http.client, so any method, body and header can be sent as is."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def _post_json(url: str, payload, *, headers: dict | None = None, path: str = "/api/ask"):
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    return _request(url, "POST", path, body, {"Content-Type": "application/json", **(headers or {})})


def _problem(status: int, headers: dict, body: bytes, expected: int) -> dict:
    assert status == expected, body[:300]
    assert headers.get("content-type", headers.get("Content-Type", "")).startswith("application/problem+json")
    data = json.loads(body)
    assert set(data) == PROBLEM_KEYS and data["status"] == expected
    assert data["type"] and data["title"] and data["detail"]
    return data


def test_a_good_question_still_gets_the_structured_reply(web_url):
    status, _, body = _post_json(web_url, {"question": "Can I run Llama 3 8B on an L4?"})
    reply = json.loads(body)
    assert (
        status == 200
        and reply["gpus"][0] == "L4"
        and set(reply) == {"text", "details", "sources", "gpus", "memory_gb", "intent"}
    )


@pytest.mark.parametrize(
    ("payload", "content_type", "expected", "says"),
    [
        (b'{"question": "which gpu', "application/json", 400, "not valid JSON"),
        (b"\xff\xfe not utf-8", "application/json", 400, "UTF-8"),
        (b'{"no": "question"}', "application/json", 422, "question"),
        (b'{"question": 7}', "application/json", 422, "question"),
        (b'["which gpu"]', "application/json", 422, "JSON object"),
        (b'{"question": "   "}', "application/json", 422, "type a question"),
        (b"question=which+gpu", "application/x-www-form-urlencoded", 415, "application/json"),
        (b'{"question": "which gpu"}', "text/plain", 415, "application/json"),
        (b'{"question": "\\ud800 H100 price"}', "application/json", 422, "surrogate"),
        (b'{"question": "H100 \\udfff", "conversation_id": "\\ud800"}', "application/json", 422, "surrogate"),
    ],
)
def test_every_bad_request_is_a_problem_document(web_url, payload, content_type, expected, says):
    status, headers, body = _request(web_url, "POST", "/api/ask", payload, {"Content-Type": content_type})
    data = _problem(status, headers, body, expected)
    assert says in data["detail"]


def test_a_missing_content_type_is_415(web_url):
    status, headers, body = _request(web_url, "POST", "/api/ask", b'{"question": "H100 price"}')
    _problem(status, headers, body, 415)


def test_a_long_question_is_refused_before_parsing_and_not_echoed(web_url):
    question = "7" * 20_000  # the digits that made the parser backtrack (issue 12)
    status, headers, body = _post_json(web_url, {"question": question})
    data = _problem(status, headers, body, 422)
    assert "20,000 characters" in data["detail"] and "7777777777" not in body.decode()
    assert len(body) < 600


def test_errors_echo_at_most_a_short_excerpt(web_url):
    status, headers, body = _request(web_url, "GET", "/api/" + "x" * 5000)
    data = _problem(status, headers, body, 404)
    assert len(data["detail"]) < 200 and "x" * 100 not in data["detail"]
    status, headers, body = _request(
        web_url, "POST", "/api/ask", b"{}", {"Content-Type": "text/" + "y" * 3000}
    )
    assert len(_problem(status, headers, body, 415)["detail"]) < 200


def test_a_body_over_the_limit_is_413_without_reading_it(web_url):
    big = json.dumps({"question": "a" * 70_000}).encode()
    status, headers, body = _post_json(web_url, big)
    _problem(status, headers, body, 413)
    # chunked, with no Content-Length: refused once the bytes read pass the limit
    host, port = urllib.parse.urlsplit(web_url).hostname, urllib.parse.urlsplit(web_url).port
    with socket.create_connection((host, port), timeout=30) as sock:
        sock.sendall(
            b"POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        )
        chunk = b"a" * 16384
        try:
            for _ in range(10):
                sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            sock.sendall(b"0\r\n\r\n")
        except OSError:
            pass  # the server may close the connection as soon as it has answered
        answer = sock.recv(4096).decode("latin-1")
    assert answer.startswith("HTTP/1.1 413") and "application/problem+json" in answer


@pytest.mark.parametrize("method", ["GET", "PUT", "PATCH", "DELETE"])
def test_wrong_methods_are_405_with_allow(web_url, method):
    status, headers, body = _request(web_url, method, "/api/ask")
    _problem(status, headers, body, 405)
    assert headers.get("allow", headers.get("Allow")) == "POST"


def test_unknown_api_paths_are_404_problems(web_url):
    status, headers, body = _request(
        web_url, "POST", "/api/nothing", b"{}", {"Content-Type": "application/json"}
    )
    assert "POST /api/ask" in _problem(status, headers, body, 404)["detail"]


def test_the_openapi_document_describes_the_endpoint_and_its_schemas(web_url):
    status, _, body = _request(web_url, "GET", "/openapi.json")
    assert status == 200
    document = json.loads(body)
    operation = document["paths"]["/api/ask"]["post"]
    assert operation["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith("/Question")
    schemas = document["components"]["schemas"]
    assert {"question", "conversation_id", "stream"} <= set(schemas["Question"]["properties"])
    assert {"text", "details", "sources", "gpus", "memory_gb", "intent"} <= set(
        schemas["Answer"]["properties"]
    )
    assert set(schemas["Problem"]["properties"]) == PROBLEM_KEYS
    assert {"400", "405", "413", "415", "422", "429"} <= set(operation["responses"])
    assert "text/event-stream" in operation["responses"]["200"]["content"]
    assert list(document["paths"]) == ["/api/ask"]  # only the API, not Gradio's internals


def _events(body: bytes) -> list[tuple[str, dict]]:
    events = []
    for block in body.decode().strip().split("\n\n"):
        fields = dict(line.split(": ", 1) for line in block.splitlines())
        events.append((fields["event"], json.loads(fields["data"])))
    return events


@pytest.mark.parametrize("how", ["query", "body"])
def test_stream_true_answers_with_server_sent_events(web_url, how, web_assistant, set_details):
    set_details(web_assistant)
    payload = {"question": "Which GPU should I use to fine-tune a 7B model?"}
    path = "/api/ask"
    if how == "query":
        path += "?stream=true"
    else:
        payload["stream"] = True
    status, headers, body = _post_json(web_url, payload, path=path)
    assert status == 200 and headers.get("content-type", "").startswith("text/event-stream")
    events = _events(body)
    names = [name for name, _ in events]
    assert names[0] == "meta" and names[-1] == "done" and "chunk" in names
    assert set(names) == {"meta", "chunk", "done"}
    done = events[-1][1]
    assert done["text"] == "".join(data["text"] for name, data in events if name == "chunk")
    assert done["gpus"] == events[0][1]["gpus"] and done["memory_gb"] > 0
    assert DETAILS_MARKER in events[0][1]["details"] and done["details"] == events[0][1]["details"]


def test_stream_errors_before_the_first_chunk_are_still_problems(web_url):
    status, headers, body = _post_json(web_url, {"question": "  ", "stream": True})
    _problem(status, headers, body, 422)


@pytest.fixture
def serve_with(web_assistant):
    from assistant.frontends.web import BackgroundServer

    def _serve(**settings):
        configured = load_settings(data_dir=web_assistant.settings.data_dir, **settings)
        return BackgroundServer(Assistant(services=replace(web_assistant.services, settings=configured)))

    return _serve


def test_each_client_is_rate_limited_with_retry_after(serve_with):
    with serve_with(api_rate_limit=6) as server:  # 6 a minute, bursts of 1
        first = _post_json(server.url, {"question": "  "})
        assert first[0] == 422  # allowed through (and refused for its content)
        status, headers, body = _post_json(server.url, {"question": "H100 price"})
        data = _problem(status, headers, body, 429)
        assert "slow down" in data["detail"] and int(headers["retry-after"]) >= 1


def _basic(user: str, password: str) -> dict:
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


def test_with_a_login_the_api_and_openapi_need_it_and_failed_logins_are_limited(serve_with):
    with serve_with(ui_username="ada", ui_password="s3cret", login_rate_limit=4) as server:  # bursts of 2
        assert _request(server.url, "GET", "/openapi.json")[0] == 401
        status, headers, body = _request(server.url, "GET", "/openapi.json", headers=_basic("ada", "s3cret"))
        assert status == 200 and "/api/ask" in json.loads(body)["paths"]
        status, headers, body = _post_json(server.url, {"question": "H100 price"})
        _problem(status, headers, body, 401)
        assert headers["www-authenticate"].startswith("Basic")
        status, _, body = _post_json(server.url, {"question": "H100 price"}, headers=_basic("ada", "s3cret"))
        assert status == 200 and json.loads(body)["gpus"] == ["H100 SXM"]
        for _ in range(2):  # the burst of failed logins...
            _post_json(server.url, {"question": "x"}, headers=_basic("ada", "guess"))
        status, headers, body = _post_json(server.url, {"question": "x"}, headers=_basic("ada", "guess"))
        _problem(status, headers, body, 429)  # ...then even the right password waits
        assert _post_json(server.url, {"question": "x"}, headers=_basic("ada", "s3cret"))[0] == 429


def test_web_login_attempts_are_rate_limited(serve_with):
    with serve_with(ui_username="ada", ui_password="s3cret", login_rate_limit=4) as server:
        form = {"Content-Type": "application/x-www-form-urlencoded"}
        codes = [
            _request(server.url, "POST", "/login", b"username=ada&password=guess", form)[0] for _ in range(4)
        ]
        assert codes[:2] == [400, 400] and codes[-1] == 429
        status, headers, body = _request(server.url, "POST", "/login", b"username=ada&password=s3cret", form)
        _problem(status, headers, body, 429)
