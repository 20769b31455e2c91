"""'Does <tool> support my <card the catalog lacks>?' is answered for that card — not on the tool's list — and not
with the platform's general Yes. Phrasings here are in no evaluation set."""

from __future__ import annotations

from tests.support.checked_answers import checked_answer


def test_an_old_radeon_is_answered_for_itself(assistant):
    checked = checked_answer(assistant, "hi, can vllm use my old radeon rx 570?")
    assert checked.first_line.startswith("**No** — vLLM does not support the RX 570"), checked.first_line
    assert "not on its ROCm list" in checked.first_line
