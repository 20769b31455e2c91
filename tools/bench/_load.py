"""Load: N concurrent users asking through the web app's JSON API (``POST /api/ask``).

The app is served in this process on a loopback port; the users run as threads of a child process
so that their client-side work does not compete with the server for this process's interpreter.
"""

from __future__ import annotations

import json
import resource
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass

from ._retrieval import forget_cached_queries
from ._stats import Latency

__all__ = ["LoadResult", "run_load"]


@dataclass(frozen=True)
class LoadResult:
    """One load run."""

    users: int
    requests: int
    answered: int
    errors: int
    error_samples: tuple[str, ...]
    wall_s: float
    latency: Latency
    in_ask: Latency
    server_cpu_s: float
    client_cpu_s: float

    @property
    def throughput(self) -> float:
        """Answers per second over the run."""
        return self.answered / self.wall_s if self.wall_s else 0.0


class _TimedAssistant:
    """The assistant with the time spent inside each ``ask`` recorded (everything else delegated)."""

    def __init__(self, inner):
        self._inner = inner
        self._lock = threading.Lock()
        self.seconds: list[float] = []

    def __getattr__(self, name: str):
        return getattr(self._inner, name)

    def ask(self, *args, **kwargs):
        start = time.perf_counter()
        try:
            return self._inner.ask(*args, **kwargs)
        finally:
            with self._lock:
                self.seconds.append(time.perf_counter() - start)

    def take(self) -> list[float]:
        with self._lock:
            taken, self.seconds = self.seconds, []
        return taken


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _one_run(
    url: str, timed: _TimedAssistant, users: int, per_user: int, questions: Sequence[str], timeout: float
) -> LoadResult:
    plan = [[questions[(u * per_user + j) % len(questions)] for j in range(per_user)] for u in range(users)]
    job = json.dumps({"url": url, "questions": plan, "timeout": timeout})
    limit = timeout * per_user + 120
    timed.take()
    cpu = _cpu_seconds()
    done = subprocess.run(
        [sys.executable, "-m", "tools.bench._load_client"],
        input=job,
        capture_output=True,
        text=True,
        timeout=limit,
    )
    server_cpu = _cpu_seconds() - cpu  # this process's CPU while the child ran (its start-up included)
    if done.returncode != 0:
        raise RuntimeError(f"load client failed: {done.stderr[-2000:]}")
    out = json.loads(done.stdout.strip().splitlines()[-1])
    return LoadResult(
        users=users,
        requests=out["requests"],
        answered=len(out["latencies"]),
        errors=len(out["errors"]),
        error_samples=tuple(dict.fromkeys(out["errors"]))[:5],
        wall_s=out["wall_s"],
        latency=Latency.of(out["latencies"]),
        in_ask=Latency.of(timed.take()),
        server_cpu_s=server_cpu,
        client_cpu_s=out["client_cpu_s"],
    )


def run_load(
    assistant, users: Sequence[int], per_user: int, questions: Sequence[str], *, timeout: float = 60
) -> list[LoadResult]:
    """Serve the app on 127.0.0.1 as `python ui.py` does and run each user count in turn (query cache emptied before each)."""
    from assistant.frontends.web import BackgroundServer

    timed = _TimedAssistant(assistant)
    embeddings = assistant.services.knowledge.retriever().store.embeddings
    with BackgroundServer(timed) as server:
        results = []
        for n in users:
            forget_cached_queries(embeddings)
            results.append(_one_run(server.url, timed, n, per_user, questions, timeout))
        return results
