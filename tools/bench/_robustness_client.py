"""The hostile-load generator, run as a child process: normal users (``_load_client.run_users``) asking
through ``POST /api/ask`` while hostile clients keep posting questions of 4,000 digits until they finish.

Reads a JSON job on stdin, prints a JSON result:

    {"url": "http://127.0.0.1:PORT", "questions": [[...], ...], "hostile": 4, "digits": 4000, "timeout": 60}
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import threading
import time
from collections import Counter

from ._load_client import run_users

__all__ = ["main", "run_with_hostile_clients"]


def _hostile(url: str, digits: int, timeout: float, stop: threading.Event, n: int, out: dict) -> None:
    import http.client
    from urllib.parse import urlsplit

    where = urlsplit(url)
    connection = http.client.HTTPConnection(where.hostname, where.port, timeout=timeout)
    sent = 0
    while not stop.is_set():
        question = str((n + sent) % 9 + 1) * digits
        body = json.dumps({"question": question, "conversation_id": f"hostile-{n}"})
        began = time.perf_counter()
        try:
            connection.request("POST", "/api/ask", body=body, headers={"Content-Type": "application/json"})
            response = connection.getresponse()
            response.read()
            status = str(response.status)
        except Exception as exc:
            status = type(exc).__name__
            connection.close()
        out["statuses"].append(status)
        out["latencies"].append(time.perf_counter() - began)
        sent += 1
    connection.close()


def run_with_hostile_clients(
    url: str, questions: list[list[str]], hostile: int, digits: int, timeout: float
) -> dict:
    """Start ``hostile`` clients, run the normal users to the end, then stop the hostile ones."""
    stop = threading.Event()
    bad: dict = {"statuses": [], "latencies": []}
    threads = [
        threading.Thread(target=_hostile, args=(url, digits, timeout, stop, n, bad), daemon=True)
        for n in range(hostile)
    ]
    for thread in threads:
        thread.start()
    time.sleep(0.2)  # the hostile clients are already sending when the users start
    try:
        normal = run_users(url, questions, timeout)
    finally:
        stop.set()
        for thread in threads:
            with contextlib.suppress(RuntimeError):
                thread.join(timeout=timeout + 5)
    return {
        "normal": normal,
        "hostile_requests": len(bad["statuses"]),
        "hostile_statuses": dict(Counter(bad["statuses"])),
        "hostile_latencies": bad["latencies"],
    }


def main() -> None:
    """Entry point for ``python -m tools.bench._robustness_client`` (job on stdin, result on stdout)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    job = json.loads(sys.stdin.read())
    result = run_with_hostile_clients(
        job["url"], job["questions"], int(job["hostile"]), int(job["digits"]), float(job["timeout"])
    )
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
