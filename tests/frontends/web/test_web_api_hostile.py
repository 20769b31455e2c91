"""Questions of thousands of digits over HTTP, beside a normal user (issue 12, finding 1: each cost 11–13 s
of CPU in the parser, and four of them took the JSON API from ~100 req/s to under 1 req/s with
connections reset). Real HTTP against the app as `python ui.py` serves it; the benchmark's robustness
section measures the same at 20 users."""

from __future__ import annotations

import http.client
import json
import threading
import time
import urllib.parse

import pytest

pytestmark = pytest.mark.slow

HOSTILE_CLIENTS = 4
EACH = 5
BOUND_S = 3.0  # a refused question on a busy shared CI machine (it was 11–13 s of CPU each)


def _post(url: str, question: str) -> tuple[int, dict, float]:
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    began = time.monotonic()
    try:
        body = json.dumps({"question": question}).encode()
        connection.request("POST", "/api/ask", body=body, headers={"Content-Type": "application/json"})
        response = connection.getresponse()
        return response.status, json.loads(response.read()), time.monotonic() - began
    finally:
        connection.close()


def test_hostile_digit_runs_are_refused_fast_while_a_normal_user_is_answered(web_url):
    hostile: list[tuple[int, dict, float]] = []
    lock = threading.Lock()

    def attack(n: int) -> None:
        for i in range(EACH):
            result = _post(web_url, str((n + i) % 9 + 1) * 4000)
            with lock:
                hostile.append(result)

    threads = [threading.Thread(target=attack, args=(n,)) for n in range(HOSTILE_CLIENTS)]
    for thread in threads:
        thread.start()
    normal = [_post(web_url, q) for q in ("Compare the L4 and the T4", "Can I serve Llama 3 8B on an L4?")]
    for thread in threads:
        thread.join(timeout=120)
    assert len(hostile) == HOSTILE_CLIENTS * EACH
    for status, body, seconds in hostile:
        assert status == 422 and "digits" in body["detail"], body
        assert len(body["detail"]) < 400  # the 4,000 digits are not echoed back
        assert seconds < BOUND_S
    for status, body, _ in normal:
        assert status == 200 and body["text"].strip(), body
