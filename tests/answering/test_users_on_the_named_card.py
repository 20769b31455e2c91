"""'Can one <card> serve N users?' is answered for that card: No with the users it holds when N is more (never a Yes
taken from the larger setup that holds them, nor 'Yes — None'); a Yes that needs a leaner format says so.
Phrasings in no evaluation set."""

from __future__ import annotations

import re


def test_more_users_than_the_card_holds_is_no_with_what_it_holds(converse):
    reply = converse("can a lone L40S serve 90 concurrent users of llama 3.1 8b?")
    assert reply.text.startswith("**No** — one L40S holds about"), reply.text[:200]
    assert "None" not in reply.text.split("\n", 1)[0]
    held = int(re.search(r"holds about \*\*(\d+) concurrent users", reply.text).group(1))
    assert held < 90


def test_more_users_said_otherwise_is_never_a_yes(converse):
    reply = converse("could a lone L40S keep up with 90 people chatting at once on llama 3.1 8b?")
    assert re.match(r"\*\*(No|Only with 2 x L40S)\b", reply.text), reply.text[:200]


def test_fewer_users_than_the_card_holds_is_yes(converse):
    reply = converse("is one H100 enough for 15 simultaneous users of mistral 7b?")
    assert reply.text.startswith("**Yes**"), reply.text[:200]


def test_a_yes_only_in_a_leaner_format_says_which(converse):
    reply = converse("can a single A100 80GB handle 30 users at once on qwen2.5 32b?")
    first = reply.text.split("\n", 1)[0]
    assert re.match(r"\*\*(Yes, with (int8|int4|fp8) weights|No)\*\*", first), first
