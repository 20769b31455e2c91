"""Greetings and requests for help: say what the assistant does, with example questions."""

from ...understanding import Intent
from .._compose import HELP_TEXT
from .._facts import Facts
from ._registry import Handler, Retrieval, register


@register
class Greeting(Handler):
    intent = Intent.GREETING

    def retrieval(self, understanding):
        return Retrieval(wanted=False)

    def gather(self, understanding, knowledge):
        return Facts(understanding)

    def compose(self, facts, passages):
        return "Hi! " + HELP_TEXT
