"""The usual download leads on one's own card (round 11, local): when 16-bit does not fit a home card, laptop GPU
or Jetson and the usual Q4_K_M (Ollama's default tag) does, the answer leads with it — what the owner runs and
measures — and its figure is the reply's memory; the larger formats that also fit stay on their lines. Real
components; phrasings in no evaluation set."""

from __future__ import annotations

import uuid


def _ask(assistant, q):
    return assistant.ask(q, conversation_id=f"usual-{uuid.uuid4().hex}")


def test_the_usual_quant_leads_when_better_ones_also_fit(assistant):
    reply = _ask(assistant, "would qwen2.5 7b work on my rtx 3060 12gb at home?")
    first, second = reply.text.split("\n")[:2]
    assert first.startswith("**Yes, with 4-bit (GGUF Q4_K_M) weights**")
    assert "8-bit (GGUF Q8_0): yes" in second  # the better fit is still said
    q4 = float(second.split("4-bit (GGUF Q4_K_M): yes — about ")[1].split(" GB")[0])
    assert abs(reply.memory_gb - q4) < 0.06


def test_when_the_usual_quant_does_not_fit_the_largest_that_does_leads(assistant):
    reply = _ask(assistant, "can my rtx 4060 laptop handle mistral nemo 12b?")
    assert reply.text.startswith("**Yes, with 3-bit (GGUF Q3_K_M) weights**")
