"""Not a stand-in: starts the real ``redis-server`` (Debian's package, installed by ``.ci/run``) on a free
loopback port, for the conversation and feedback stores' tests."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tools.bench._robustness_redis import _free_port, _start_redis

__all__ = ["free_port", "require_redis", "start_redis", "stop"]


def free_port() -> int:
    return _free_port()


def require_redis() -> str:
    """The redis-server binary, or skip the test."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed (.ci/run installs Debian's redis-server package)")
    return binary


def start_redis(tmp_path: Path, port: int) -> subprocess.Popen:
    """Start redis-server (no persistence) and wait for its PONG."""
    require_redis()
    try:
        return _start_redis(tmp_path, port)
    except RuntimeError as exc:
        pytest.fail(str(exc))


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
