"""A number format asked for a home card with no model ('can I use 16-bit or 32-bit on my 4070?'): Yes with the
largest model each format holds there, and 8-bit or 4-bit weights for larger ones. Phrasings in no evaluation set."""

from __future__ import annotations

import re


def test_a_format_asked_for_a_home_card_says_what_size_of_model_it_holds(ask):
    reply = ask("is running things in half precision or full fp32 ok on my rtx 4070?")
    head = reply.text.split("\n")[0]
    assert head.startswith("**Yes**")
    assert re.search(r"up to about 6B parameters fit in 16-bit", head)  # 12 GB / 2 bytes
    assert re.search(r"8-bit", head) and re.search(r"4-bit", head)


def test_a_data_center_card_gets_no_home_sizes(ask):
    reply = ask("does the h100 sxm support fp16?")
    assert "weights alone of a model" not in reply.text
