"""Short by default: `ask` and `chat` print the answer and its sources; `--verbose` adds the reply's details,
`--json` carries them, and a hint says they exist. Run in-process through Typer's runner on a real Assistant
(a copy of the session's index); ``set_details`` gives its replies fixed details (see tests/frontends/conftest.py).
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from assistant import Assistant
from assistant.frontends.cli import app
from tests.frontends.stand_ins import DETAILS_MARKER

QUESTION = ["Can", "I", "run", "Llama", "3", "8B", "on", "an", "L4?"]


@pytest.fixture
def cli(indexed_data_dir, monkeypatch):
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(indexed_data_dir("cli-details")))
    runner = CliRunner()

    def run(*args: str, stdin: str | None = None):
        return runner.invoke(app, list(args), input=stdin, catch_exceptions=False)

    return run


def test_ask_prints_only_the_answer_by_default_and_the_details_with_verbose(cli, set_details):
    set_details(Assistant)
    short = cli("ask", *QUESTION)
    assert short.exit_code == 0, short.output
    assert "L4" in short.stdout and "Sources" in short.stdout
    assert DETAILS_MARKER not in short.stdout
    assert "--verbose" in short.stderr  # a one-line hint that there is more
    for flag in ("--verbose", "-v"):
        full = cli("ask", flag, *QUESTION)
        assert full.exit_code == 0, full.output
        assert DETAILS_MARKER in full.stdout and "**Details**" in full.stdout
        answer, rest = full.stdout.split("**Details**", 1)
        assert "L4" in answer and "Sources" in rest, "the answer, then its details, then the sources"
        assert "--verbose" not in full.stderr


def test_ask_without_details_prints_no_empty_heading_or_hint(cli, set_details):
    set_details(Assistant, "")
    result = cli("ask", "--verbose", *QUESTION)
    assert result.exit_code == 0, result.output
    assert "Details" not in result.stdout and "--verbose" not in result.stderr
    assert "L4" in result.stdout


def test_ask_json_carries_the_details_and_source_urls(cli, set_details):
    set_details(Assistant)
    record = json.loads(cli("ask", "--json", *QUESTION).stdout)
    assert DETAILS_MARKER in record["details"] and DETAILS_MARKER not in record["text"]
    l4 = next(s for s in record["sources"] if s["path"] == "corpus/gpus.yaml#l4")
    assert l4["url"].startswith("https://")
    set_details(Assistant, "")
    assert json.loads(cli("ask", "--json", *QUESTION).stdout)["details"] == ""


def test_sources_print_their_web_addresses(cli):
    result = cli("ask", *QUESTION)
    line = next(line for line in result.stdout.splitlines() if "corpus/gpus.yaml#l4" in line)
    assert "https://" in line


def test_chat_verbose_prints_details_and_plain_chat_shows_them_on_request(cli, set_details):
    set_details(Assistant)
    question = " ".join(QUESTION)
    verbose = cli("chat", "--verbose", stdin=f"{question}\nexit\n")
    assert verbose.exit_code == 0, verbose.output
    assert DETAILS_MARKER in verbose.stdout
    plain = cli("chat", stdin=f"{question}\ndetails\nexit\n")
    assert plain.exit_code == 0, plain.output
    answer, after = plain.stdout.split("Sources", 1)
    assert DETAILS_MARKER not in answer and DETAILS_MARKER in after  # printed only when asked for
    assert "'details'" in plain.stderr
