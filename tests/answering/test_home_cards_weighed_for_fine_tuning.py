"""Two home cards weighed for a fine-tune whose method is unsaid, neither holding a full fine-tune alone: the pick is
for the fullest method one card holds (LoRA, QLoRA) — by whether each holds it, then by compute — not a full
fine-tune spread over a dozen desktop cards. Phrasings in no evaluation set."""

from __future__ import annotations


def test_the_card_that_alone_holds_a_lora_is_picked_for_it(ask):
    first = ask("for training llama 3.1 8b at home - rtx 3090 or rtx 4080, which one?").text.splitlines()[0]
    assert first.startswith("**The RTX 3090** for LoRA fine-tuning"), first
    assert "one RTX 4080 (16 GB) does not" in first and "x RTX" not in first


def test_when_both_hold_only_qlora_compute_decides(ask):
    first = ask("rtx 4060 ti 16gb or rtx 3060 12gb to finetune mistral 7b?").text.splitlines()[0]
    assert first.startswith("**The RTX 4060 Ti 16GB** for QLoRA fine-tuning"), first
    assert "which each holds" in first and "TFLOPS" in first
