"""The JSON API while the Chroma server is unreachable (issue 12, finding 4: it was a bare 500, even for
questions the catalog alone answers). Over real HTTP, against a port nothing listens on."""

from __future__ import annotations

import http.client
import json
import socket
import urllib.parse

import pytest

from assistant import Assistant, load_settings
from assistant._assistant import GUIDES_UNAVAILABLE_NOTE

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def down_url(tmp_path_factory):
    from assistant.frontends.web import BackgroundServer

    settings = load_settings(
        data_dir=tmp_path_factory.mktemp("chroma-down"),
        chroma_host="127.0.0.1",
        chroma_port=_free_port(),  # nothing listens there
        chroma_retries=0,
        api_rate_limit=0,
    )
    with BackgroundServer(Assistant(settings)) as server:
        yield server.url


def _post(url: str, path: str, payload: dict) -> tuple[int, str, bytes]:
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    try:
        body = json.dumps(payload).encode()
        connection.request("POST", path, body=body, headers={"Content-Type": "application/json"})
        response = connection.getresponse()
        return response.status, response.getheader("Content-Type", ""), response.read()
    finally:
        connection.close()


@pytest.mark.parametrize(
    ("question", "expect"),
    [
        ("Compare the L4 and the T4", ["L4", "T4"]),
        ("What is NVLink?", []),
        ("Can I serve Llama 3 8B on an L4?", ["GB"]),
    ],
)
def test_answers_come_from_the_catalog_and_say_the_guides_are_unavailable(down_url, question, expect):
    status, kind, body = _post(down_url, "/api/ask", {"question": question})
    assert status == 200 and kind.startswith("application/json"), body[:300]
    reply = json.loads(body)
    assert GUIDES_UNAVAILABLE_NOTE in reply["text"]
    assert all(word in reply["text"] for word in expect)


def test_a_streamed_answer_says_so_too_and_ends_without_an_error_event(down_url):
    status, kind, body = _post(down_url, "/api/ask?stream=true", {"question": "Compare the L4 and the T4"})
    assert status == 200 and kind.startswith("text/event-stream")
    lines = body.decode().splitlines()
    events = [line.split(": ", 1)[1] for line in lines if line.startswith("event: ")]
    assert events[0] == "meta" and events[-1] == "done" and "error" not in events
    data = [json.loads(line.split(": ", 1)[1]) for line in lines if line.startswith("data: ")]
    streamed = "".join(d["text"] for event, d in zip(events, data, strict=True) if event == "chunk")
    assert GUIDES_UNAVAILABLE_NOTE in streamed and data[-1]["text"] == streamed
