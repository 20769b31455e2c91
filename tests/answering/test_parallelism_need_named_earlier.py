"""'What is tensor parallelism, and do I need it for X?': the need is asked of "it", the parallelism named earlier
in the sentence, so the verdict is the GPU count the job takes (No when one card holds it), not a plain "Yes, it
runs". Real Assistant; phrasings in no evaluation set."""

from __future__ import annotations

import pytest


def lead(reply) -> str:
    return reply.text.strip().splitlines()[0]


@pytest.mark.parametrize(
    "question",
    [
        "new to this: what's tensor parallelism and do we need it for mistral 7b?",
        "read about model parallel inference, is that really needed for a 14b model?",
    ],
)
def test_one_card_holds_it_so_no(converse, question):
    assert lead(converse(question)).startswith("**No** — one GPU is enough")


def test_a_model_no_card_holds_needs_it(converse):
    first = lead(
        converse("someone mentioned tensor parallel - would I need it to serve llama 3.1 405b in bf16?")
    )
    assert first.startswith("**Yes** —")
