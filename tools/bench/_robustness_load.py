"""Normal users through the web JSON API while hostile clients post 4,000-digit questions (issue 12, finding 1).

The app is served in this process by uvicorn on a loopback port, as ``python ui.py`` serves it; the normal
users and the hostile clients are threads of one child process (``_robustness_client``).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from ._retrieval import forget_cached_queries
from ._stats import Latency

__all__ = ["HostileLoad", "run_hostile_load"]


@dataclass(frozen=True)
class HostileLoad:
    """One run: the normal users' answers and errors, and what the hostile clients got."""

    users: int
    requests: int
    answered: int
    errors: int
    error_samples: tuple[str, ...]
    wall_s: float
    latency: Latency
    hostile_clients: int
    digits: int
    hostile_requests: int
    hostile_statuses: dict[str, int]
    hostile_latency: Latency
    baseline: Latency  # the same users and questions just before, without the hostile clients
    baseline_errors: int


def run_hostile_load(
    assistant,
    *,
    users: int,
    per_user: int,
    questions: Sequence[str],
    hostile: int,
    digits: int = 4000,
    timeout: float = 60,
) -> HostileLoad:
    """Serve the app and run ``users`` x ``per_user`` normal questions beside ``hostile`` hostile clients."""
    from assistant.frontends.web import BackgroundServer

    plan = [[questions[(u * per_user + j) % len(questions)] for j in range(per_user)] for u in range(users)]
    with BackgroundServer(assistant) as server:
        embeddings = assistant.services.knowledge.retriever().store.embeddings
        forget_cached_queries(embeddings)
        alone = _client(server.url, plan, 0, digits, timeout)
        forget_cached_queries(embeddings)  # both runs start with the same empty query cache
        out = _client(server.url, plan, hostile, digits, timeout)
    normal = out["normal"]
    return HostileLoad(
        users=users,
        requests=normal["requests"],
        answered=len(normal["latencies"]),
        errors=len(normal["errors"]),
        error_samples=tuple(dict.fromkeys(normal["errors"]))[:5],
        wall_s=normal["wall_s"],
        latency=Latency.of(normal["latencies"]),
        hostile_clients=hostile,
        digits=digits,
        hostile_requests=out["hostile_requests"],
        hostile_statuses=out["hostile_statuses"],
        hostile_latency=Latency.of(out["hostile_latencies"]),
        baseline=Latency.of(alone["normal"]["latencies"]),
        baseline_errors=len(alone["normal"]["errors"]),
    )


def _client(url: str, plan: list[list[str]], hostile: int, digits: int, timeout: float) -> dict:
    job = json.dumps(
        {"url": url, "questions": plan, "hostile": hostile, "digits": digits, "timeout": timeout}
    )
    done = subprocess.run(
        [sys.executable, "-m", "tools.bench._robustness_client"],
        input=job,
        capture_output=True,
        text=True,
        timeout=timeout * len(plan[0]) + 180,
    )
    if done.returncode != 0:
        raise RuntimeError(f"hostile load client failed: {done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])
