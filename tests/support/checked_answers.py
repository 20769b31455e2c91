"""One conversation's turns prepared by a real Assistant, with every number of the last answer checked against its
facts and passages — the short text and what sits behind its fold — before a test reads it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from assistant.answering._numbers import unsupported_numbers

__all__ = ["Checked", "checked_answer"]


@dataclass(frozen=True)
class Checked:
    """The last turn's understanding, facts, short text (``draft``) and short text plus details (``full``)."""

    understanding: Any
    facts: Any
    draft: str
    full: str

    @property
    def first_line(self) -> str:
        return self.draft.split("\n")[0]


def checked_answer(bot, *turns: str) -> Checked:
    """Ask ``turns`` in a fresh conversation; fail if the last answer prints a number nothing supports."""
    conversation = f"checked-{uuid.uuid4().hex}"
    for turn in turns:
        state = bot._prepare(turn, conversation)
    full = f"{state['draft']}\n\n{state['details']}"
    assert unsupported_numbers(full, state["facts"], state["passages"]) == set(), turns
    return Checked(state["understanding"], state["facts"], state["draft"], full)
