"""Intent handlers: one module per intent, each registering itself. Adding an intent is adding one module here
(and teaching ``understanding`` to recognise it)."""

from . import compare, explain, greeting, non_llm, out_of_scope, price, recommend, size, spec  # noqa: F401 (registers)
from ._registry import Handler, Knowledge, Retrieval, handler_for, register, registered

__all__ = ["Handler", "Knowledge", "Retrieval", "handler_for", "register", "registered"]
