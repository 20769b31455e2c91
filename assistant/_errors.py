"""The exception tree: every error the assistant raises on purpose derives from AssistantError."""

from __future__ import annotations

__all__ = ["AssistantError", "DataError", "InvalidQuestion", "ServiceUnavailable"]


class AssistantError(Exception):
    """Root of the assistant's own errors; front ends catch this, never a bare ``Exception``."""


class InvalidQuestion(AssistantError, ValueError):
    """The question is empty, blank or too long; the message says what to do instead."""


class DataError(AssistantError, ValueError):
    """A data file in ``corpus/`` is missing, malformed or has an invalid row."""


class ServiceUnavailable(AssistantError, RuntimeError):
    """An external service (vector store, LLM endpoint) cannot be reached or used; the message says which."""
