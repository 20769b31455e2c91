"""A yes/no question answered from the guides leads with a passage that answers Yes or No outright, when one is
among those retrieved, rather than with the one that ranked first. Real components; phrasings in no evaluation
set."""

from __future__ import annotations

import re
import uuid


def test_serving_several_users_at_once_opens_with_yes(assistant):
    reply = assistant.ask(
        "is it true that two H100s can answer 8 users at the same time?", conversation_id=uuid.uuid4().hex
    )
    assert re.match(r"\W*Yes\b", reply.text)
