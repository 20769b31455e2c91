"""SGLang reserves a share of each GPU at start-up by default (--mem-fraction-static, about 0.85: worked out from the
card in recent versions, 0.9 in older ones), as vLLM does: asked how much it will use on a card, the answer is that
share, not the model's need (it said 'most of each GPU' and gave the 16.7 GB need). Real components; phrasings in no
evaluation set."""

from __future__ import annotations

import pytest


def test_sglang_on_a_card_takes_its_default_share(ask):
    reply = ask("how much vram is sglang going to take for mistral 7b instruct on an A100 80GB?")
    assert reply.memory_gb == pytest.approx(0.85 * 80, abs=0.1)
    assert "SGLang takes 0.85 of each GPU" in reply.text


def test_the_default_share_is_said_with_both_decimals(ask):
    reply = ask("sglang serving llama 3 8b on my 4090 shows 20GB in nvidia-smi, why?")
    assert "`--mem-fraction-static` 0.85 by default" in reply.text
