"""A vision-language family named without a size beside its language backbone with one ("LLaVA 1.5 ... the vicuna
13b backbone") is that VLM at the backbone's size, so its vision encoder and image tokens are sized; the backbone
alone left them out (session 20). Phrasings in no evaluation set."""

from __future__ import annotations


def test_a_vlm_family_with_its_backbone_size_is_the_vlm(read):
    details = read("LoRA on LLaVA 1.5 using the vicuna 13b weights, will one A6000 do?").details
    assert details.model == "LLaVA-1.5 13B"
    assert (
        read("fine-tuning llava-v1.5 (vicuna 7b language model) on a 4090, enough?").details.model
        == "LLaVA-1.5 7B"
    )


def test_a_plain_language_model_stays_itself(read):
    assert read("LoRA on vicuna 13b, will one A6000 do?").details.model == "LLaMA 13B"
    assert read("llava-v1.5-13b on an A6000 for LoRA?").details.model == "LLaVA-1.5 13B"
