"""Slack HTTP mode under careless or hostile clients (issue 12, finding 3), over real sockets.

The old hand-written server read whole bodies before checking the signature, had no socket timeout,
logged rejected bodies in full at INFO, answered a non-numeric timestamp with a 500 and dropped the
connection on invalid JSON.
"""

from __future__ import annotations

import json
import logging
import socket
import time
import urllib.parse

import pytest

import assistant.frontends.slack._http as slack_http
from assistant import load_settings
from tests.support.slack_stand_in import event_callback


def _address(bot_url: str) -> tuple[str, int]:
    parsed = urllib.parse.urlsplit(bot_url)
    return parsed.hostname, parsed.port


def _raw(bot_url: str, head: bytes, body: bytes = b"", *, wait_s: float = 5.0) -> bytes:
    """Send ``head`` and ``body`` on a fresh connection and return what the server answers."""
    with socket.create_connection(_address(bot_url), timeout=wait_s) as sock:
        sock.sendall(head + body)
        data = b""
        try:
            while chunk := sock.recv(65536):
                data += chunk
                if b"\r\n\r\n" in data and data.split(b"\r\n\r\n", 1)[1]:
                    break
        except TimeoutError:
            pass
    return data


def _status(response: bytes) -> int:
    return int(response.split(b" ", 2)[1]) if response else 0


def test_a_non_numeric_timestamp_is_a_400_not_a_500(slack):
    body = json.dumps({"type": "url_verification", "challenge": "c"}).encode()
    response = slack.post(body, "application/json", timestamp="yesterday", signature="v0=" + "0" * 64)
    assert response.status == 400 and "timestamp" in response.body.lower()


def test_signed_invalid_json_is_a_400_not_a_dropped_connection(slack):
    response = slack.post(b'{"type": "event_callback", ', "application/json")
    assert response.status == 400 and "JSON" in response.body


def test_a_huge_body_is_refused_before_it_is_read(bot_url):
    path = urllib.parse.urlsplit(bot_url).path
    head = (
        f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        f"X-Slack-Request-Timestamp: {int(time.time())}\r\nX-Slack-Signature: v0=00\r\n"
        f"Content-Length: {300 * 1024 * 1024}\r\n\r\n"
    ).encode()
    start = time.monotonic()
    response = _raw(bot_url, head, b"{" * 1000)  # 300 MB promised, 1 kB sent
    assert _status(response) == 413
    assert time.monotonic() - start < 3


def test_a_body_sent_too_slowly_times_out(bot_url, monkeypatch):
    monkeypatch.setattr(slack_http, "BODY_TIMEOUT_S", 0.5)
    path = urllib.parse.urlsplit(bot_url).path
    head = (
        f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        f"X-Slack-Request-Timestamp: {int(time.time())}\r\nX-Slack-Signature: v0=00\r\n"
        "Content-Length: 100\r\n\r\n"
    ).encode()
    assert _status(_raw(bot_url, head, b'{"a": ')) == 408


def test_rejected_bodies_are_never_logged(slack, caplog):
    marker = "FORGED-LOG-LINE\nINFO fake: admin logged in " + "x" * 10_000
    body = json.dumps(event_callback({"type": "app_mention", "text": marker})).encode()
    with caplog.at_level(logging.DEBUG):
        assert slack.post(body, "application/json", signature="v0=" + "0" * 64).status == 401
        assert slack.post(body, "application/json", timestamp="nan").status == 400
    assert "FORGED-LOG-LINE" not in caplog.text and "x" * 100 not in caplog.text
    assert "refused a Slack request" in caplog.text  # the reason and the size are


def test_stalled_connections_do_not_stop_real_requests(bot_url, slack):
    host, port = _address(bot_url)
    stalled = []
    try:
        for _ in range(200):
            sock = socket.create_connection((host, port), timeout=5)
            sock.sendall(b"POST /slack/events HTTP/1.1\r\nHost: x\r\n")  # headers never finished
            stalled.append(sock)
        start = time.monotonic()
        response = slack.json({"token": "legacy", "challenge": "c-9", "type": "url_verification"})
        assert response.status == 200 and json.loads(response.body) == {"challenge": "c-9"}
        assert time.monotonic() - start < 3
    finally:
        for sock in stalled:
            sock.close()


def test_the_http_mode_binds_to_loopback_unless_told_otherwise(monkeypatch):
    assert load_settings().slack_host == "127.0.0.1"
    monkeypatch.setenv("ASSISTANT_SLACK_HOST", "0.0.0.0")
    assert load_settings().slack_host == "0.0.0.0"


@pytest.mark.parametrize("path", ["/", "/healthz"])
def test_health_checks_still_answer(bot_url, path):
    host, port = _address(bot_url)
    response = _raw(bot_url, f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\n\r\n".encode())
    assert _status(response) == 200 and response.endswith(b"ok")
