"""Understanding: a question (and the conversation so far) into an intent and the details it states."""

from ._market import Market, read_market
from ._understand import Details, Intent, Understanding, understand

__all__ = ["Details", "Intent", "Market", "Understanding", "read_market", "understand"]
