"""Understanding: a question (and the conversation so far) into an intent and the details it states."""

from ._understand import Details, Intent, Understanding, understand

__all__ = ["Details", "Intent", "Understanding", "understand"]
