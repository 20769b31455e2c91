"""Questions outside GPUs for machine learning: say so and show what the assistant can do."""

from ...understanding import Intent
from .._compose import HELP_TEXT
from .._facts import Facts
from ._registry import Handler, Retrieval, register


@register
class OutOfScope(Handler):
    intent = Intent.OUT_OF_SCOPE

    def retrieval(self, understanding):
        return Retrieval(wanted=False)

    def gather(self, understanding, knowledge):
        return Facts(understanding)

    def compose(self, facts, passages):
        return "That is outside what I can help with. " + HELP_TEXT
