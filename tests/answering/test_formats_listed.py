"""'How much VRAM at 4-bit, 8-bit and fp16?' asks every format it lists: a line right after the lead gives each
format's total (it answered fp16 alone). Phrasings in no evaluation set."""

from __future__ import annotations


def test_each_format_is_sized(assistant):
    reply = assistant.ask("mistral 7b memory in fp16 vs int4?", conversation_id="formats-listed")
    lines = [line for line in reply.text.splitlines() if line.strip()]
    line = next(line for line in lines[:3] if line.startswith("By weight format:"))
    assert "bf16: about" in line and "4-bit (int4): about" in line
