"""Greetings and requests for help: say what the assistant does, with example questions."""

import re

from ...understanding import Intent
from .._compose import HELP_TEXT
from .._facts import Facts
from ._registry import Handler, Retrieval, register

# "thanks!", "thank you so much", "cheers", "ty": said after an answer, not a request for help
_THANKS = re.compile(
    r"^\W*(?:thanks?\b|thank (?:you|u)\b|thx\b|ty\b|cheers\b|much appreciated\b|many thanks\b)", re.I
)


@register
class Greeting(Handler):
    intent = Intent.GREETING

    def retrieval(self, understanding):
        return Retrieval(wanted=False)

    def gather(self, understanding, knowledge):
        return Facts(understanding)

    def compose(self, facts, passages):
        if _THANKS.match(facts.understanding.question):
            return (
                "You're welcome! Ask a follow-up any time — another GPU, precision, context length or number of "
                "users — and I'll keep the rest of this conversation."
            )
        return "Hi! " + HELP_TEXT
