"""Answers name the optimizer and preference method sized: an Adafactor full fine-tune is sized with Adafactor's
states (less than AdamW's) and says so; KTO is labelled KTO with one unpaired answer per example. Real
components; phrasings in no evaluation set."""

from __future__ import annotations

import re


def _gb(text: str) -> float:
    return float(re.search(r"about \*{0,2}([\d.]+) GB", text).group(1))


def test_an_adafactor_full_finetune_is_named_and_smaller_than_adamw(ask):
    adafactor = ask("gpu memory for a full-weight tune of qwen2.5 7b, optimizer adafactor?")
    adamw = ask("gpu memory for a full-weight tune of qwen2.5 7b, optimizer adamw?")
    first = adafactor.text.split("\n")[0]
    assert "Adafactor" in first
    assert _gb(first) < _gb(adamw.text.split("\n")[0])


def test_kto_is_labelled_kto_not_dpo(ask):
    reply = ask("planning a KTO run with lora adapters on mistral 7b — vram estimate?")
    first = reply.text.split("\n")[0]
    assert "KTO" in first and "DPO" not in first
    assert "no pairs" in reply.text


def test_the_saving_of_an_8bit_optimizer_asked_leads_with_the_number(ask):
    reply = ask("what would switching to bnb 8-bit adam save on a full-parameter tune of llama 3.1 8b?")
    first = reply.text.split("\n")[0]
    assert first.startswith("Against mixed-precision AdamW")
    saved = float(re.search(r"saves about \*\*([\d.]+) GB", first).group(1))
    assert 40 < saved < 55  # 6 bytes/param on about 8B parameters


def test_an_optimizer_weighed_against_adamw_gets_both_figures(ask):
    reply = ask("gemma 2 9b full-weight tuning — adafactor compared to adamw, gpu memory?")
    assert "Adafactor saves about" in reply.text
