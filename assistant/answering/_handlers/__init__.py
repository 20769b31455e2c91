"""Intent handlers: one module per intent, each registering itself. Adding an intent is adding one module here
(and teaching ``understanding`` to recognise it)."""

from . import (  # noqa: F401 (registers)
    compare,
    explain,
    greeting,
    my_hardware,
    non_llm,
    out_of_scope,
    price,
    recommend,
    size,
    spec,
)
from ._registry import Handler, Knowledge, Retrieval, handler_for, register, registered

__all__ = ["Handler", "Knowledge", "Retrieval", "handler_for", "register", "registered"]
