"""Forged votes through Gradio's queue endpoint (issue 12, finding 6: anyone could post feedback for any
text and fill the log). Over real HTTP, the way a script would: ``/gradio_api/queue/join`` with the like
event's ``fn_index`` and any ``event_data`` it likes. Only an answer this server gave in that browser
session takes a vote, and the record holds the server's text, never the posted one."""

from __future__ import annotations

import json
import uuid

import pytest

from tests.support.gradio_queue import app_events, run_event

pytestmark = pytest.mark.slow


def _lines(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def test_a_vote_needs_an_answer_this_session_was_given(web_url, web_assistant):
    path = web_assistant.settings.feedback_path
    chatbot, by_target = app_events(web_url)
    like = by_target[(chatbot, "like")]
    forged = {"index": 1, "value": "FORGED: the H100 costs $0.01/hour", "liked": True}

    stranger = uuid.uuid4().hex[:10]  # a session that was never given an answer
    before = len(_lines(path))
    assert run_event(web_url, stranger, like, chatbot, [None] * len(like["inputs"]), forged)["success"]
    assert len(_lines(path)) == before

    session = uuid.uuid4().hex[:10]  # a session that asks first, then votes: the vote is recorded
    submit = next(d for (target, event), d in by_target.items() if event == "submit")
    question = "Compare the L4 and the T4"
    asked = run_event(web_url, session, submit, submit["targets"][0][0], [question, [], None, None])
    assert asked["success"]
    assert run_event(web_url, session, like, chatbot, [None] * len(like["inputs"]), forged)["success"]
    (record,) = _lines(path)[before:]
    assert record["question"] == question and record["vote"] == "up"
    assert (
        "FORGED" not in record["answer"] and "T4" in record["answer"]
    )  # the server's answer, not the posted one

    stray = {"index": 7, "value": "FORGED", "liked": False}  # a message index it was never given
    assert run_event(web_url, session, like, chatbot, [None] * len(like["inputs"]), stray)["success"]
    assert len(_lines(path)) == before + 1
