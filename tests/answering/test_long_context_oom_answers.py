"""A served model that runs out of memory at a long context: when the weights fit and the KV cache of that context
is what overflows, the cause is the context and the fix a context cap with the server's flag (the longest that
fits), not more cards; when it fits on paper, the server settings beyond the estimate are named, context first.
Phrasings in no evaluation set."""

from __future__ import annotations

import re

from tests.support.checked_answers import checked_answer


def _lead(reply) -> str:
    return reply.text.split("\n")[0]


def test_a_context_that_overflows_is_the_cause_and_capping_it_the_fix(assistant):
    checked = checked_answer(
        assistant, "SGLang dies with OOM serving Llama 3.1 8B at 128k context on a single RTX 4090"
    )
    lead = checked.first_line  # every figure it prints (the room, the cap) is one the facts hold
    assert lead.startswith("**Why it runs out of memory:** the context, not the model"), lead
    setting = int(re.search(r"`--context-length (\d+)`", lead).group(1))
    assert 8192 <= setting < 131072
    assert "no server setting fixes that" not in lead


def test_weights_that_do_not_fit_stay_the_cause(assistant):
    lead = _lead(assistant.ask("vLLM OOM with Qwen2.5 7B in fp16 at 32k context on one 16GB T4"))
    assert "the model itself does not fit" in lead, lead


def test_an_oom_that_fits_on_paper_names_the_server_settings(assistant):
    reply = assistant.ask(
        "Gemma 2 9B GPTQ runs out of memory in vllm on 2x L40S once I use its long context window, is that expected?"
    )
    lead = _lead(reply)
    assert lead.startswith("**No**, not on paper"), lead
    assert "--max-model-len" in lead and "--gpu-memory-utilization" in lead
