"""Memory the user has, said in a follow-up to a sizing question ("and if I only have 20gb?"), asks whether the
model fits there: the answer opens with the verdict over the formats, not the 16-bit figure and a rental. Real
Assistant; phrasings in no evaluation set."""

from __future__ import annotations

import re


def test_memory_said_after_a_sizing_question_gets_a_verdict(converse):
    reply = converse("vram needed for llama 3.1 70b?", "what if my setup only has 40 gb?")
    first = reply.text.split("\n", 1)[0]
    assert re.match(r"\*\*(?:Yes|No|Only with)", first), first
    assert "40 GB" in first


def test_a_follow_up_with_no_memory_keeps_the_earlier_shape(converse):
    # "and in 8-bit?" states no memory: the earlier figure question stays a figure question
    reply = converse("vram needed for llama 3.1 8b?", "and in 8-bit?")
    assert not re.match(r"\*\*(?:Yes|No)\b", reply.text)
