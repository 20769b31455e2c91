"""What the assistant returns: a reply with its sources, and the error for unusable questions."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ._errors import InvalidQuestion

if TYPE_CHECKING:
    from .planning import Plan

__all__ = ["MAX_NUMBER_DIGITS", "MAX_QUESTION_CHARS", "InvalidQuestion", "Reply", "Source", "check_question"]

MAX_QUESTION_CHARS = 4000
# No quantity the assistant reasons about (parameters, tokens, users, dollars, GPUs) needs more digits than
# this; longer runs are refused before any pattern reads the question, which keeps parsing linear in length.
MAX_NUMBER_DIGITS = 15

_DIGIT_RUN = re.compile(rf"\d{{{MAX_NUMBER_DIGITS + 1},}}")
# An error code or id pasted from a log ("Error 18446744072635812000", a 64-bit value): up to 40 digits and not
# followed by a unit, it is a label rather than an amount, and is read as words.
_IDENTIFIER_DIGITS = 40
_AMOUNT_AFTER = re.compile(r"\s*(?:[kmbt%$x]|gb|mb|tb|gib|users?|tokens?|params?|parameters?|gpus?)\b", re.I)
_LINE_BREAKS = {"\u0085", "\u2028", "\u2029", "\r", "\x0b", "\x0c"}


@dataclass(frozen=True)
class Source:
    """Where a claim comes from: a guide section, a catalog row or a model spec."""

    title: str
    path: str
    snippet: str = ""


@dataclass(frozen=True)
class Reply:
    """An answer: Markdown text (the answer only), its sources, the GPUs it discusses (best first), the
    memory the workload needs and, for workload questions, the plan behind every number. Front ends
    format the sources their own way.

    ``text`` is short: the answer and its key number first, then at most one compact table. ``details``
    holds the rest (memory breakdown, every assumption, alternatives) as Markdown; front ends show it
    folded (web), on request (CLI ``--verbose``) or as a thread reply (Slack)."""

    text: str
    sources: list[Source] = field(default_factory=list)
    gpus: list[str] = field(default_factory=list)
    memory_gb: float | None = None
    intent: str = ""
    conversation_id: str | None = None
    plan: Plan | None = None
    request_id: str | None = None  # the id on this question's log records
    details: str = ""  # Markdown behind a "details" fold: breakdown, assumptions, alternatives


def check_question(question: object) -> str:
    """The question cleaned and stripped of surrounding blanks, or InvalidQuestion saying what is wrong.

    Control characters become blanks (line separators become newlines); text that is not valid Unicode
    (a lone surrogate) and amounts longer than ``MAX_NUMBER_DIGITS`` digits are refused, so every later
    stage sees well-formed text whose numbers fit a float; a long code pasted from a log is read as words.
    """
    if not isinstance(question, str):
        raise InvalidQuestion("Please ask your question as text.")
    if len(question) > 4 * MAX_QUESTION_CHARS:  # checked first: the cleaning below is linear, but not free
        raise _too_long(len(question.strip()))
    text = _clean(question).strip()
    if not text:
        raise InvalidQuestion(
            "Please type a question, e.g. 'Which GPU should I use to fine-tune a 7B model?'"
        )
    if len(text) > MAX_QUESTION_CHARS:
        raise _too_long(len(text))
    text = _DIGIT_RUN.sub(_as_label, text)
    run = _DIGIT_RUN.search(text)
    if run:
        raise InvalidQuestion(
            f"That question has a number {len(run.group()):,} digits long ({run.group()[:12]}…); numbers of up "
            f"to {MAX_NUMBER_DIGITS} digits are understood. Please write the amount you mean, e.g. "
            "'70B parameters', '32k context' or '20 users'."
        )
    return text


def _as_label(run: re.Match) -> str:
    """A long digit run that names something (an error code, an id) as words; an amount is kept, and refused."""
    digits = run.group()
    dollars = run.string[max(run.start() - 1, 0) : run.start()] == "$"
    if len(digits) > _IDENTIFIER_DIGITS or dollars or _AMOUNT_AFTER.match(run.string, run.end()):
        return digits
    return f"(a {len(digits)}-digit code)"


def _too_long(length: int) -> InvalidQuestion:
    return InvalidQuestion(
        f"That question is {length:,} characters long; please keep it under {MAX_QUESTION_CHARS:,} "
        "characters (ask about one workload at a time)."
    )


def _clean(text: str) -> str:
    """Control characters as blanks, line separators as newlines; InvalidQuestion for lone surrogates."""
    if text.isprintable():  # the common case: nothing to do
        return text
    out = []
    for char in text:
        if char in _LINE_BREAKS:
            out.append("\n")
        elif char in "\n\t" or char.isprintable() or char == " ":
            out.append(char)
        else:
            category = unicodedata.category(char)
            if category == "Cs":
                raise InvalidQuestion(
                    f"That question contains a character that is not valid text (U+{ord(char):04X}, a lone "
                    "surrogate); please retype it or paste it as plain text."
                )
            # Cc (control) characters become blanks; Cf (format), Zs and others are kept as written.
            out.append(" " if category == "Cc" else char)
    return "".join(out)
