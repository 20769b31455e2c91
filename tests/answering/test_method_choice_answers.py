"""'LoRA or QLoRA, which?' is answered with one of the two: the most exact method that fits the user's card, with
both figures and why in one sentence; Reply.memory_gb is the chosen method's. Phrasings here are in no evaluation
set."""

from __future__ import annotations

import re


def _lead(reply) -> str:
    return reply.text.split("\n")[0]


def test_when_both_fit_the_more_exact_method_is_picked(converse):
    reply = converse("qlora vs lora on a 48gb rtx a6000 for llama 3.1 8b, which do you recommend?")
    lead = _lead(reply)
    assert lead.startswith("**LoRA**") and "both fit" in lead
    assert re.search(r"LoRA [\d.]+ GB", lead) and re.search(r"QLoRA [\d.]+ GB", lead)
    lora = float(re.search(r"LoRA ([\d.]+) GB", lead).group(1))
    assert reply.memory_gb is not None and abs(reply.memory_gb - lora) < 0.1


def test_when_only_the_leaner_method_fits_it_is_picked_and_said_so(converse):
    reply = converse("full fine-tuning or lora for llama 3.1 8b on one l4 - which should i go with?")
    lead = _lead(reply)
    assert lead.startswith("**LoRA**") and "only it fits" in lead
    assert not lead.startswith(("**Yes", "**No"))


def test_without_hardware_both_are_sized_and_the_rule_given(converse):
    reply = converse("better to do a full finetune or qlora of mistral 7b?")
    lead = _lead(reply)
    assert lead.startswith("**Full fine-tuning** where your GPU holds it, else **QLoRA**")
    assert re.search(r"Full fine-tuning about [\d,.]+ GB", lead) and re.search(r"QLoRA about [\d.]+ GB", lead)
