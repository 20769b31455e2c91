"""Logging: a request id per question on every record, JSON lines when asked, question text only at DEBUG.

``configure_logging(settings)`` is called by the long-running front ends (the Slack bot, the web app);
``ASSISTANT_LOG_FORMAT=json`` writes one JSON object per line with ``time``, ``level``, ``logger``,
``message``, ``request_id`` and any structured fields a record carries (``stages_ms``, ``intent`` ...).
"""

from __future__ import annotations

import contextvars
import datetime as dt
import json
import logging
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._settings import Settings

__all__ = ["JSONFormatter", "configure_logging", "current_request_id", "request_scope"]

_REQUEST_ID: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "request_id"}


def current_request_id() -> str | None:
    """The id of the question being answered in this context, if any."""
    return _REQUEST_ID.get()


@contextmanager
def request_scope() -> Iterator[str]:
    """A fresh request id for the records logged inside the block."""
    token = _REQUEST_ID.set(uuid.uuid4().hex[:12])
    try:
        yield _REQUEST_ID.get()
    finally:
        _REQUEST_ID.reset(token)


class _RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = _REQUEST_ID.get() or "-"
        return True


class JSONFormatter(logging.Formatter):
    """One JSON object per record, ASCII only (a line break in a message cannot split a record)."""

    def format(self, record: logging.LogRecord) -> str:
        data = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None) or _REQUEST_ID.get(),
        }
        data.update({k: v for k, v in vars(record).items() if k not in _STANDARD and not k.startswith("_")})
        if record.exc_info:
            data["exception"] = self.formatException(record.exc_info)
        return json.dumps(data, ensure_ascii=True, default=str)


def configure_logging(settings: Settings, *, level: int = logging.INFO) -> None:
    """Send the assistant's logs to stderr as text or JSON (``ASSISTANT_LOG_FORMAT``), each with its request id."""
    handler = logging.StreamHandler()
    handler.addFilter(_RequestIdFilter())
    if settings.log_format == "json":
        handler.setFormatter(JSONFormatter())
    else:
        handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(request_id)s]: %(message)s")
        )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
