"""'How many users can one <GPU> serve with <model> in <format>?' where the format said does not fit that one card:
the count on their card comes first (none), then the users on the fewest of that GPU that hold it — not a batch-1
speed on another setup with no user count. Phrasings here are in no evaluation set."""

from __future__ import annotations

import re

from tests.support.checked_answers import checked_answer


def answer(bot, *turns):
    a = checked_answer(bot, *turns)
    return a.facts, a.draft


def test_none_on_the_one_card_then_users_on_the_fewest_that_hold_it(assistant):
    _, text = answer(assistant, "roughly how many chat users fit on a single l40s with qwen2.5 32b at bf16?")
    first = text.split("\n")[0]
    assert first.startswith("**None** on one L40S")
    users = re.search(r"About \*\*(\d+) concurrent users\*\* at [\d.]+ tokens/s each on (\d+)x L40S", first)
    assert users and int(users.group(1)) > 0 and int(users.group(2)) >= 2
