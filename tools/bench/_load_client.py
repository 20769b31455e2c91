"""The load generator, run as a child process: N threads, each a user posting questions to the web
app's JSON API (``POST /api/ask``) over its own keep-alive HTTP connection. Reads a JSON job on stdin, prints a JSON result.

    {"url": "http://127.0.0.1:PORT", "users": 10, "questions": [[...], ...], "timeout": 60}
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import threading
import time

__all__ = ["main", "run_users"]


def _user(url: str, questions: list[str], timeout: float, start: threading.Barrier, out: dict) -> None:
    import http.client
    from urllib.parse import urlsplit

    where = urlsplit(url)
    connection = http.client.HTTPConnection(where.hostname, where.port, timeout=timeout)
    with contextlib.suppress(threading.BrokenBarrierError):
        start.wait(timeout=timeout)
    for question in questions:
        began = time.perf_counter()
        try:
            body = json.dumps({"question": question})
            connection.request("POST", "/api/ask", body=body, headers={"Content-Type": "application/json"})
            response = connection.getresponse()
            payload = json.loads(response.read())
        except Exception as exc:
            out["errors"].append(f"{type(exc).__name__}: {str(exc)[:200]}")
            connection.close()
            continue
        elapsed = time.perf_counter() - began
        answer = payload.get("text") if isinstance(payload, dict) else None
        if response.status != 200 or not isinstance(answer, str) or not answer.strip():
            out["errors"].append(f"HTTP {response.status}: {str(payload)[:200]!r}")
        else:
            out["latencies"].append(elapsed)
            out["finished"] = max(out["finished"] or 0.0, time.perf_counter())
    connection.close()


def run_users(url: str, questions: list[list[str]], timeout: float) -> dict:
    """Run one thread per entry of ``questions`` (that user's questions, asked in turn)."""
    out: dict = {"latencies": [], "errors": [], "finished": None}
    start = threading.Barrier(len(questions) + 1)
    threads = [
        threading.Thread(target=_user, args=(url, qs, timeout, start, out), name=f"user-{i}", daemon=True)
        for i, qs in enumerate(questions)
    ]
    for thread in threads:
        thread.start()
    with contextlib.suppress(threading.BrokenBarrierError):
        start.wait(timeout=timeout)
    began, cpu_began = time.perf_counter(), time.process_time()
    for thread in threads:
        thread.join(timeout=timeout * (len(questions[0]) if questions else 1) + 30)
    finished = out.pop("finished") or time.perf_counter()
    out["wall_s"] = max(finished - began, 1e-9)
    out["client_cpu_s"] = time.process_time() - cpu_began
    out["requests"] = sum(len(qs) for qs in questions)
    return out


def main() -> None:
    """Entry point for ``python -m tools.bench._load_client`` (job on stdin, result on stdout)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    job = json.loads(sys.stdin.read())
    result = run_users(job["url"], job["questions"], float(job["timeout"]))
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
