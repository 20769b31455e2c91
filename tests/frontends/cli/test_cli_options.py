"""The friendlier CLI: unquoted questions, --json, progress and spinner, suggestions, flags, ports, completion.

Every test runs the real `gpu-assistant` in a subprocess (a pseudo-terminal where a terminal matters).
"""

from __future__ import annotations

import json
import os
import pty
import select
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from assistant import load_catalog

EXE = Path(sys.executable).parent / "gpu-assistant"


def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, "HF_HUB_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False", **extra}


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("cli-options-data")


@pytest.fixture(scope="module")
def first_build(data_dir) -> subprocess.CompletedProcess:
    """The first `index` in a fresh data directory, piped (what a script or CI log sees)."""
    return subprocess.run(
        [str(EXE), "index"],
        capture_output=True,
        text=True,
        env=_env(ASSISTANT_DATA_DIR=str(data_dir)),
        timeout=600,
    )


@pytest.fixture(scope="module")
def run(data_dir, first_build):
    def _run(*args: str, **env: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(EXE), *args],
            capture_output=True,
            text=True,
            env=_env(ASSISTANT_DATA_DIR=str(data_dir), **env),
            timeout=300,
        )

    return _run


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_first_index_build_reports_progress_even_when_piped_and_says_when_nothing_changed(first_build, run):
    assert first_build.returncode == 0, first_build.stderr
    assert "Building the search index: embedding" in first_build.stderr
    assert "Saving the query model (ONNX, once)" in first_build.stderr
    assert "Search index ready." in first_build.stderr
    assert "Index updated:" in first_build.stdout and " added" in first_build.stdout
    again = run("index")
    assert again.returncode == 0
    assert "Index already up to date, nothing to embed" in again.stdout
    assert "Building the search index" not in again.stderr


def test_ask_takes_an_unquoted_question(run):
    result = run("ask", "Can", "I", "run", "Llama", "3", "8B", "on", "an", "L4?")
    assert result.returncode == 0, result.stderr
    assert "Yes" in result.stdout and "L4" in result.stdout and "Sources" in result.stdout


def test_ask_json_is_one_object_with_the_reply(run):
    result = run("ask", "--json", "which", "gpu", "to", "fine-tune", "a", "7b", "model")
    assert result.returncode == 0, result.stderr
    reply = json.loads(result.stdout)
    assert reply["question"] == "which gpu to fine-tune a 7b model"
    assert reply["text"] and reply["gpus"] and reply["memory_gb"] > 0
    assert {"title", "path", "snippet"} <= set(reply["sources"][0])
    assert reply["intent"]


def test_ask_json_reports_a_refused_question_as_json(run):
    result = run("ask", "--json", "   ")
    assert result.returncode == 2
    assert "type a question" in json.loads(result.stdout)["error"]


def test_gpus_json_lists_the_filtered_catalog_with_both_class_cards_as_inference(run):
    result = run("gpus", "--min-memory", "48", "--class", "inference", "--sort", "price", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    expected = [g.name for g in load_catalog() if g.memory_gb >= 48 and g.gpu_class in ("inference", "both")]
    assert sorted(r["name"] for r in rows) == sorted(expected) and rows
    prices = [r["price_per_hour"] for r in rows if r["price_per_hour"] is not None]
    assert prices == sorted(prices)
    assert {"vendor", "memory_gb", "memory_bandwidth_gbs", "gpu_class", "spec_source", "as_of"} <= set(
        rows[0]
    )


@pytest.mark.parametrize(
    ("option", "typed", "suggested"),
    [("--vendor", "nvidai", "NVIDIA"), ("--vendor", "amdd", "AMD"), ("--class", "trainig", "training")],
)
def test_misspelt_filter_values_get_a_suggestion(run, option, typed, suggested):
    result = run("gpus", option, typed)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"Did you mean {suggested}" in result.stderr
    assert "No GPU matches" not in result.stdout


def test_filter_values_are_case_insensitive(run):
    result = run("gpus", "--vendor", "nvidia", "--json")
    assert result.returncode == 0 and {r["vendor"] for r in json.loads(result.stdout)} == {"NVIDIA"}


def test_help_shows_the_data_directory(tmp_path):
    custom = subprocess.run(
        [str(EXE), "--help"],
        capture_output=True,
        text=True,
        env=_env(ASSISTANT_DATA_DIR=str(tmp_path)),
        timeout=60,
    )
    assert str(tmp_path) in custom.stdout.replace("\n", "").replace(" ", "") or str(tmp_path) in custom.stdout
    env = _env(HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "xdg"))
    env.pop("ASSISTANT_DATA_DIR", None)
    default = subprocess.run([str(EXE), "--help"], capture_output=True, text=True, env=env, timeout=60)
    flat = default.stdout.replace("\n", "").replace("│", "").replace(" ", "")
    assert str(tmp_path / "xdg" / "gpu-assistant").replace(" ", "") in flat
    assert "ASSISTANT_DATA_DIR" in default.stdout


def test_shell_completion_offers_commands_and_filter_values(run):
    commands = run("", _GPU_ASSISTANT_COMPLETE="complete_bash", COMP_WORDS="gpu-assistant g", COMP_CWORD="1")
    assert commands.stdout.split() == ["gpus"]
    classes = run(
        "", _GPU_ASSISTANT_COMPLETE="complete_bash", COMP_WORDS="gpu-assistant gpus --class ", COMP_CWORD="3"
    )
    assert classes.stdout.split() == ["training", "inference", "both", "consumer", "local"]


def test_a_terminal_sees_a_spinner_while_the_answer_is_prepared(data_dir):
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [str(EXE), "ask", "which", "gpu", "for", "a", "13b", "model"],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=_env(ASSISTANT_DATA_DIR=str(data_dir), COLUMNS="100", TERM="xterm"),
    )
    os.close(follower)
    output = b""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 1)
        if ready:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            output += chunk
        elif process.poll() is not None:
            break
    process.wait(timeout=30)
    os.close(leader)
    text = output.decode("utf-8", "replace")
    assert process.returncode == 0, text[-2000:]
    assert "Preparing the answer" in text
    assert "13B" in text or "13b" in text.lower()


def test_a_busy_port_is_one_clear_line(run):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run("ui", "--port", str(port), ASSISTANT_UI_HOST="127.0.0.1")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "uvicorn" not in result.stderr.lower()
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and f"port {port} on 127.0.0.1 is already in use" in lines[0]
    assert "--port" in lines[0]


def test_slack_port_flag_is_checked_before_starting(run):
    with socket.socket() as busy:
        busy.bind(("0.0.0.0", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run("slack", "--http", "--port", str(port))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"port {port}" in result.stderr and "already in use" in result.stderr


def _serve_until_up(args: list[str], env: dict[str, str], port: int) -> str:
    """Start ``gpu-assistant <args>``, wait until it answers on ``port``, stop it; return its output."""
    process = subprocess.Popen([str(EXE), *args], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                    assert response.status == 200
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"{args[0]} did not start: {process.stdout.read().decode()[-2000:]}")
                time.sleep(0.5)
    finally:
        process.terminate()
        try:
            output = process.communicate(timeout=20)[0].decode()
        except subprocess.TimeoutExpired:
            process.kill()
            output = process.communicate()[0].decode()
    return output


def test_ui_host_and_port_flags_override_the_settings(data_dir):
    port = _free_port()
    env = _env(ASSISTANT_DATA_DIR=str(data_dir), ASSISTANT_UI_PORT="1", ASSISTANT_UI_HOST="192.0.2.1")
    _serve_until_up(["ui", "--host", "127.0.0.1", "--port", str(port)], env, port)


def test_ui_share_listens_on_every_interface_and_warns_without_a_login(data_dir):
    port = _free_port()
    env = _env(ASSISTANT_DATA_DIR=str(data_dir))
    env.pop("ASSISTANT_UI_USERNAME", None)
    env.pop("ASSISTANT_UI_PASSWORD", None)
    output = _serve_until_up(["ui", "--share", "--port", str(port)], env, port)
    assert f"http://0.0.0.0:{port}" in output  # every interface, not a tunnel
    assert "--share without a login" in output and "Traceback" not in output
