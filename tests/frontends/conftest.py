"""Front-end fixtures shared by the CLI, web and Slack tests.

``set_details`` gives the real Assistant's replies a fixed ``Reply.details``. It is a labelled stand-in: what
goes into ``details`` is the answering layer's business (breakdown, assumptions and alternatives moved out
of ``text``); these tests are about how each front end shows whatever ``details`` holds -- a fold, a flag, a
thread reply -- and that nothing is drawn when it is empty. Every other part of the reply is the real one.
"""

from __future__ import annotations

import dataclasses
import time

import pytest

from tests.frontends.stand_ins import STAND_IN_DETAILS


@pytest.fixture
def set_details(monkeypatch):
    """``set_details(target, details)``: ``target.ask`` and ``target.ask_streaming`` (an Assistant, or the
    Assistant class for code that builds its own) return the real reply with ``details`` replaced."""

    def apply(target, details: str = STAND_IN_DETAILS) -> None:
        for name in ("ask", "ask_streaming"):
            original = getattr(target, name)

            def wrapped(*args, _original=original, _streaming=name == "ask_streaming", **kwargs):
                result = _original(*args, **kwargs)
                if _streaming:
                    reply, chunks = result
                    return dataclasses.replace(reply, details=details), chunks
                return dataclasses.replace(result, details=details)

            monkeypatch.setattr(target, name, wrapped)

    return apply


@pytest.fixture
def slow_stream(monkeypatch):
    """``slow_stream(assistant)``: the answer text arrives in 40-character pieces 30 ms apart, as a hosted
    LLM writer would stream it (a stand-in for the LLM's pace; the text is the real answer's)."""

    def apply(assistant, piece: int = 40, pause_s: float = 0.03) -> None:
        original = assistant.ask_streaming

        def ask_streaming(*args, **kwargs):
            reply, chunks = original(*args, **kwargs)

            def slowly():
                for chunk in chunks:
                    for start in range(0, len(chunk), piece):
                        time.sleep(pause_s)
                        yield chunk[start : start + piece]

            return reply, slowly()

        monkeypatch.setattr(assistant, "ask_streaming", ask_streaming)

    return apply
