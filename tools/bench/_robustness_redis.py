"""A follow-up answered across two processes through a real ``redis-server`` (issue 12, finding 8).

Process 1 asks a question with a conversation id; process 2, a fresh Python process sharing only the Redis
URL, answers a follow-up that names no model — only the stored conversation can supply it. A third process
asks the same follow-up under a conversation id never used, to show the context came from Redis.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from ._children import child_env
from ._paths import REPO_ROOT

__all__ = ["FIRST", "FOLLOW_UP", "RedisFollowUp", "run_redis_follow_up"]

FIRST = "How much memory do I need to fine-tune Llama 3 8B with QLoRA?"
FOLLOW_UP = "and with full fine-tuning?"

_ASK = (
    "import json, sys, time\n"
    "from assistant import Assistant\n"
    "began = time.perf_counter()\n"
    "bot = Assistant()\n"
    "reply = bot.ask(sys.argv[1], conversation_id=sys.argv[2])\n"
    "print(json.dumps({'memory_gb': reply.memory_gb, 'store': bot.services.conversations.description,\n"
    "                  'seconds': time.perf_counter() - began, 'first_line': reply.text.splitlines()[0]}))\n"
)


@dataclass(frozen=True)
class RedisFollowUp:
    """What the two processes (and the control) answered; ``skipped`` says why nothing ran."""

    skipped: str = ""
    store: str = ""
    first_gb: float | None = None
    follow_up_gb: float | None = None
    control_gb: float | None = None
    follow_up_line: str = ""
    first_s: float = 0.0
    follow_up_s: float = 0.0

    @property
    def carried(self) -> bool:
        """Process 2 sized the model process 1 was asked about (more memory for full fine-tuning), and the
        same follow-up without the conversation had nothing to size."""
        return (
            not self.skipped
            and self.first_gb is not None
            and self.follow_up_gb is not None
            and self.follow_up_gb > self.first_gb
            and self.control_gb is None
        )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start_redis(root: Path, port: int) -> subprocess.Popen:
    command = [shutil.which("redis-server"), "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]  # fmt: skip
    process = subprocess.Popen(command, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 20
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                sock.sendall(b"PING\r\n")
                if sock.recv(16).startswith(b"+PONG"):
                    return process
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError("redis-server did not start")
        time.sleep(0.1)


def _ask(env: dict[str, str], question: str, conversation: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", _ASK, question, conversation],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"the asking process failed: {done.stderr[-1500:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def run_redis_follow_up(data_dir: Path, root: Path) -> RedisFollowUp:
    """Start redis-server, ask in process 1, follow up in process 2, and the control in process 3."""
    if shutil.which("redis-server") is None:
        return RedisFollowUp(skipped="redis-server is not installed (Debian's redis-server package)")
    root.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    process = _start_redis(root, port)
    try:
        env = child_env(data_dir)
        env.update(
            {"ASSISTANT_CONVERSATIONS_URL": f"redis://127.0.0.1:{port}/0", "PYTHONPATH": str(REPO_ROOT)}
        )
        first = _ask(env, FIRST, "bench-redis-1")
        follow_up = _ask(env, FOLLOW_UP, "bench-redis-1")
        control = _ask(env, FOLLOW_UP, "bench-redis-never-asked")
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return RedisFollowUp(
        store=follow_up["store"],
        first_gb=first["memory_gb"],
        follow_up_gb=follow_up["memory_gb"],
        control_gb=control["memory_gb"],
        follow_up_line=follow_up["first_line"][:160],
        first_s=first["seconds"],
        follow_up_s=follow_up["seconds"],
    )
