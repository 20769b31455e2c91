"""The gpu-assistant command, run as a real subprocess like a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant import load_catalog

EXE = Path(sys.executable).parent / "gpu-assistant"


@pytest.fixture(scope="module")
def run(indexed_data_dir):
    env = {
        **os.environ,
        "ASSISTANT_DATA_DIR": str(indexed_data_dir("cli-data")),  # a copy of the session's index
        "HF_HUB_OFFLINE": "1",
    }

    def _run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(EXE), *args], capture_output=True, text=True, env=env, input=stdin, timeout=300
        )

    return _run


def test_ask_answers_with_sources(run):
    result = run("ask", "Can I run Llama 3 8B on an L4?")
    assert result.returncode == 0, result.stderr
    assert "Yes" in result.stdout and "L4" in result.stdout and "Sources" in result.stdout


def test_ask_rejects_empty_question_politely(run):
    result = run("ask", "   ")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "type a question" in result.stderr


def test_index_is_incremental(run):
    for _ in range(2):  # the copied index is complete, and indexing again changes nothing
        result = run("index")
        assert result.returncode == 0 and "0 added, 0 updated, 0 removed" in result.stdout, result.stderr


def test_gpus_table_filters_and_sorts(run):
    result = run("gpus", "--min-memory", "24", "--class", "inference", "--sort", "price")
    assert result.returncode == 0
    names = [line.split("│")[1].strip() for line in result.stdout.splitlines() if line.startswith("│")]
    expected = [  # a 'both'-class GPU serves inference too
        g for g in load_catalog() if g.memory_gb >= 24 and g.gpu_class in ("inference", "both")
    ]  # fmt: skip
    expected.sort(key=lambda g: (g.price_per_hour is None, g.price_per_hour or 0))
    assert names == [g.name for g in expected] and "T4" not in names
    bad = run("gpus", "--class", "nonsense")
    assert bad.returncode != 0 and "Traceback" not in bad.stderr


def test_chat_keeps_the_conversation(run):
    result = run(
        "chat", stdin="Which GPU to fine-tune a 7B model with QLoRA?\nWhat about a 70B model?\nexit\n"
    )
    assert result.returncode == 0, result.stderr
    assert "QLoRA fine-tuning of a 70B" in result.stdout
