"""Run a child process and measure it: wall time and its own peak RSS (``os.wait4``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

__all__ = ["ChildRun", "child_env", "cli_command", "run_child"]


@dataclass(frozen=True)
class ChildRun:
    """One finished child process."""

    seconds: float
    max_rss_mb: float
    returncode: int
    stdout: str
    stderr: str
    cpu_s: float = 0.0  # user + system CPU of the child itself: what it cost, whatever else the machine ran

    @property
    def ok(self) -> bool:
        """True when it exited with status 0."""
        return self.returncode == 0


def child_env(data_dir: Path) -> dict[str, str]:
    """The environment for a child: our data dir, embedded store, offline writer, nothing fetched."""
    env = dict(os.environ)
    for name in ("ASSISTANT_LLM", "CHROMA_HOST", "CHROMA_PORT"):
        env.pop(name, None)
    env.update({
        "ASSISTANT_DATA_DIR": str(data_dir),
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "ANONYMIZED_TELEMETRY": "False",
        "GRADIO_ANALYTICS_ENABLED": "False",
    })  # fmt: skip
    return env


def cli_command() -> list[str]:
    """The installed ``gpu-assistant`` console script (or the same entry point through this Python)."""
    script = Path(sys.executable).parent / "gpu-assistant"
    if script.exists():
        return [str(script)]
    return [
        sys.executable,
        "-c",
        "import sys; from assistant.frontends.cli import main; sys.argv[0] = 'gpu-assistant'; main()",
    ]


_LAUNCHER = """
import json, os, subprocess, sys, threading, time
command, out_path, err_path, timeout = json.loads(sys.argv[1])
with open(out_path, "wb") as out, open(err_path, "wb") as err:
    start = time.perf_counter()
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
    timer = threading.Timer(timeout, process.kill)
    timer.start()
    _, status, usage = os.wait4(process.pid, 0)
    timer.cancel()
    seconds = time.perf_counter() - start
print(json.dumps([seconds, usage.ru_maxrss, os.waitstatus_to_exitcode(status), usage.ru_utime + usage.ru_stime]))
"""


def run_child(command: list[str], *, env: dict[str, str] | None = None, timeout: float = 600) -> ChildRun:
    """Run ``command`` to completion (killed after ``timeout`` s); its wall time and its own peak RSS.

    A small launcher process starts the command: Linux charges a child the resident size its parent had
    when it was forked, so measuring straight from this (large) process would overstate small children.
    """
    with tempfile.TemporaryDirectory(prefix="bench-child-") as tmp:
        out_path, err_path = Path(tmp) / "stdout", Path(tmp) / "stderr"
        job = json.dumps([command, str(out_path), str(err_path), timeout])
        done = subprocess.run(
            [sys.executable, "-c", _LAUNCHER, job],
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout + 60,
        )
        if done.returncode != 0:
            raise RuntimeError(f"could not launch {command[:2]}: {done.stderr[-2000:]}")
        seconds, max_rss_kib, returncode, cpu_s = json.loads(done.stdout.strip().splitlines()[-1])
        return ChildRun(
            seconds=seconds,
            max_rss_mb=max_rss_kib / 1024,  # KiB on Linux
            returncode=returncode,
            cpu_s=cpu_s,
            stdout=out_path.read_text(encoding="utf-8", errors="replace"),
            stderr=err_path.read_text(encoding="utf-8", errors="replace")[-4000:],
        )
