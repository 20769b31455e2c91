"""A Mac question that asks how fast (or whether it is usable) gets the speed, not only the memory verdict."""

from __future__ import annotations

import re


def test_over_the_gpu_share_but_asked_how_fast_gets_the_speed_once_the_limit_is_raised(assistant):
    reply = assistant.ask("my m2 max 32gb, how many tok/s would codellama 34b q5_k_m do?")
    first = reply.text.split("\n")[0]
    assert first.startswith("**Only if you raise macOS's GPU memory limit**"), reply.text
    m = re.search(r"about \*\*(\d+) tokens/s\*\* on the M2 Max 32GB \(400 GB/s\)", first)
    # 34B in Q5_K_M is ~24 GB read per token; the Max chips' Metal decode reaches ~50% of 400 GB/s: ~8 tokens/s
    assert m and 5 <= int(m.group(1)) <= 12


def test_asked_whether_it_is_usable_is_a_speed_question_too(assistant):
    reply = assistant.ask("I have an M1 Pro with 32 gigs. Would mixtral be usable?")
    assert re.search(r"\*\*\d+ tokens/s\*\*", reply.text.split("\n")[0]), reply.text
