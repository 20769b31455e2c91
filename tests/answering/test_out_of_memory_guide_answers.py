"""An open 'what happens when it runs out of memory' question is answered from the troubleshooting guide's section
(issue 9, local, session 16): the error of PyTorch-based tools, the CPU split of Ollama / LM Studio / llama.cpp,
and the Windows shared-memory fallback — not a spec sheet. Real components; phrasings in no evaluation set."""

from __future__ import annotations

import re

from tests.support.checked_answers import checked_answer


def test_out_of_vram_on_a_named_card_gets_what_the_software_does(assistant):
    answer = checked_answer(
        assistant, "my 4070 ti - what happens when the vram is full during generation in ollama?"
    )
    text = answer.draft
    assert "| spec |" not in text
    assert re.search(r"out of memory", text, re.I)
    assert re.search(r"CPU", text) and re.search(r"slow", text, re.I)


def test_a_model_larger_than_vram_names_the_windows_fallback_somewhere(assistant):
    answer = checked_answer(assistant, "what happens when a model is larger than the VRAM on my card?")
    assert re.search(r"out of memory", answer.draft, re.I)
    assert re.search(r"shared GPU memory|Sysmem Fallback", answer.full)
