"""Explanations (what is the KV cache, LoRA vs QLoRA): quoted from the guides, or "I don't know"."""

from ...understanding import Intent
from ._registry import Handler, Retrieval, register


@register
class Explain(Handler):
    intent = Intent.EXPLAIN
    plans_workloads = False

    def retrieval(self, understanding):
        return Retrieval(kinds=("guide",), must_cover=True)
