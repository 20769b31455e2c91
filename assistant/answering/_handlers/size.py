"""Sizing questions (how much memory, does it fit on X, how many GPUs): the plan for the stated workload."""

from ...understanding import Intent
from ._registry import Handler, Retrieval, register


@register
class Size(Handler):
    intent = Intent.SIZE

    def retrieval(self, understanding):
        return Retrieval(kinds=("guide",))
