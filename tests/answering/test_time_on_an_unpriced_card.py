"""A run timed on a card nobody in the offerings table rents (a user's own desktop card) states no hourly rate:
it said "at unknown/hour" (issue 9, session 21). Real components; phrasings in no evaluation set."""

from __future__ import annotations

import uuid


def test_a_time_on_an_unrented_own_card_names_no_unknown_rate(assistant):
    reply = assistant.ask(
        "roughly how many hours to fine tune qwen2.5 7b on 30k samples with my rtx 3060?",
        conversation_id=f"unpriced-{uuid.uuid4().hex}",
    )
    first = reply.text.split("\n\n")[0]
    assert "RTX 3060" in first and "hour" in first
    assert "unknown" not in reply.text
