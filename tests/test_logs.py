"""Structured logs: a request id per question, the time per stage, JSON when asked, no question text above DEBUG."""

from __future__ import annotations

import io
import json
import logging

import pytest

from assistant import InvalidQuestion, configure_logging, load_settings

QUESTION = "Which GPU should I use to serve Llama 3 8B to 20 users? secret-project-zebra"


@pytest.fixture
def json_logs():
    """Root logging as configure_logging sets it up, in JSON, into a buffer; restored afterwards."""
    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    configure_logging(load_settings(log_format="json"), level=logging.INFO)
    buffer = io.StringIO()
    root.handlers[0].setStream(buffer)
    try:
        yield buffer
    finally:
        root.handlers[:], _ = saved
        root.setLevel(saved[1])


def _records(buffer: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in buffer.getvalue().splitlines() if line.strip()]


def test_each_question_logs_its_request_id_and_stage_times_in_json(assistant, json_logs):
    reply = assistant.ask(QUESTION)
    records = _records(json_logs)
    mine = [r for r in records if r["request_id"] == reply.request_id]
    assert reply.request_id and mine
    prepared = next(r for r in mine if r["message"] == "question prepared")
    assert {"understand", "handler", "facts", "retrieve", "compose"} <= set(prepared["stages_ms"])
    assert all(isinstance(ms, int | float) and ms >= 0 for ms in prepared["stages_ms"].values())
    assert prepared["intent"] and prepared["chars"] == len(QUESTION)
    assert any(r["message"] == "answer written" for r in mine)
    other = assistant.ask("Compare the L4 and the T4")
    assert other.request_id != reply.request_id


def test_question_text_is_not_logged_above_debug(assistant, json_logs):
    assistant.ask(QUESTION)
    with pytest.raises(InvalidQuestion):
        assistant.ask("secret-project-zebra for " + "9" * 40 + " users")
    assert "zebra" not in json_logs.getvalue()


def test_question_text_is_logged_at_debug(assistant, json_logs):
    logging.getLogger().setLevel(logging.DEBUG)
    assistant.ask(QUESTION)
    assert "zebra" in json_logs.getvalue()


def test_text_logs_carry_the_request_id(assistant):
    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    configure_logging(load_settings(), level=logging.INFO)
    buffer = io.StringIO()
    root.handlers[0].setStream(buffer)
    try:
        reply = assistant.ask(QUESTION)
    finally:
        root.handlers[:], _ = saved
        root.setLevel(saved[1])
    assert f"[{reply.request_id}]: question prepared" in buffer.getvalue()
