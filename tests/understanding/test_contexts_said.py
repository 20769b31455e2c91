"""Every context length a question states is read (issue 9, local, session 16), so "num_ctx 16k and 8k: why is the
16k one bigger?" sets the two contexts side by side instead of the larger against the 2,048-token default."""

from __future__ import annotations

import pytest

from assistant.understanding._local import contexts_said


@pytest.mark.parametrize(
    ("question", "contexts"),
    [
        ("same gemma with n_ctx=4096 and then n_ctx=12288, the second eats way more", (4096, 12288)),
        ("llama-server -c 32768 vs -c 8192 on mistral nemo", (32768, 8192)),
        ("at 24k it spills, at 16k it doesn't", (24576, 16384)),
        ("phi-4 at 20000 tokens context then 6000 ctx", (20000, 6000)),
    ],
)
def test_each_context_said_is_read_in_order(question, contexts):
    assert contexts_said(question) == contexts


def test_money_and_counts_in_thousands_are_no_context():
    assert contexts_said("with $2k budget and 5k steps, which card?") == ()
