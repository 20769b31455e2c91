"""A vision-language model served with images said per request: the answer sizes the sequences with their visual
tokens and says how many it added. Phrasings here are in no evaluation set."""

from __future__ import annotations

from tests.support.checked_answers import checked_answer


def test_screenshots_per_request_lengthen_every_sequence(assistant):
    a = checked_answer(
        assistant,
        "qwen2-vl 7b behind vllm on an l40s, users send 2 screenshots per message at 1440p: how many at once?",
    )
    # 2560 x 1440 -> 92 x 52 = 4,784 visual tokens each
    assert "4,784 visual tokens" in a.draft
    assert a.facts.workload.context > 2 * 4784
