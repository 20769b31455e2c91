"""Two contexts said for the same model (issue 9, local, session 16): "why is my 24k-context setup bigger than the
12k one?" sets those two side by side — the KV cache gap between them — not the larger against the default.
Real components; phrasings in no evaluation set."""

from __future__ import annotations

from tests.support.checked_answers import checked_answer


def test_the_two_contexts_said_are_compared(assistant):
    answer = checked_answer(
        assistant,
        "mistral nemo in ollama: the 24k num_ctx version is much larger than the 12k one, why is that?",
    )
    contrast = answer.facts.contrast
    assert contrast is not None
    assert {answer.facts.plan.workload.context, contrast.workload.context} == {24576, 12288}
    assert "KV cache" in answer.first_line and "12,288" in answer.first_line
