"""Understanding: a question (and the conversation so far) into an intent and the details it states."""

from ._market import Market, read_market
from ._understand import Details, Intent, Understanding, plain_question, understand

__all__ = ["Details", "Intent", "Market", "Understanding", "plain_question", "read_market", "understand"]
