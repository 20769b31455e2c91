"""`gpu-assistant doctor`: every dependency checked for real, secrets masked, non-zero exit when one is down."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

from tests.support.stand_ins import OpenAIStandIn

EXE = Path(sys.executable).parent / "gpu-assistant"
REPO = Path(__file__).resolve().parents[3]
SECRET = "sk-do-not-print-42"


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _doctor(**env: str) -> subprocess.CompletedProcess:
    full = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(REPO), "COLUMNS": "200", **env}
    return subprocess.run([str(EXE), "doctor"], capture_output=True, text=True, env=full, timeout=300)


def test_doctor_reports_a_healthy_setup_and_masks_secrets(assistant):
    with OpenAIStandIn("ok") as llm:
        result = _doctor(
            ASSISTANT_DATA_DIR=str(assistant.settings.data_dir),
            ASSISTANT_LLM="openai:stand-in",
            OPENAI_BASE_URL=llm.base_url,
            OPENAI_API_KEY=SECRET,
        )
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert SECRET not in out + result.stderr and "OPENAI_API_KEY" in out
    for line in ("corpus", "embedding model", "vector store and index", "conversations", "LLM"):
        assert line in out
    assert "complete" in out and "SQLite" in out and "answers" in out and "Ready." in out


def test_doctor_fails_naming_each_service_that_is_down(tmp_path):
    result = _doctor(
        ASSISTANT_DATA_DIR=str(tmp_path),
        CHROMA_HOST="127.0.0.1",
        CHROMA_PORT=str(_closed_port()),
        ASSISTANT_CONVERSATIONS_URL=f"redis://:hunter2@127.0.0.1:{_closed_port()}/0",
        ASSISTANT_LLM="openai:stand-in",
        OPENAI_BASE_URL=f"http://127.0.0.1:{_closed_port()}/v1",
    )
    assert result.returncode == 1
    assert "hunter2" not in result.stdout + result.stderr
    assert "not ready: vector store and index, conversations, LLM" in result.stderr.replace("\n", " ")
