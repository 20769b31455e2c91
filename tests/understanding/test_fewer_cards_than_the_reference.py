"""A reference run's GPUs (the paper's, the README's 8 cards) beside a smaller count asked about ("on fewer, say
2?", "perhaps 1 or 2", "on just 2 H100s"): the smaller count is the setup weighed, not the reference (session 20).
Phrasings in no evaluation set."""

from __future__ import annotations


def test_the_count_asked_beside_a_reference_run_is_weighed(read):
    assert (
        read(
            "They pretrained on 16x H100. Could we continue pretraining Qwen2.5 3B on just 4 H100s?"
        ).details.gpu_count
        == 4
    )
    assert (
        read(
            "the repo uses 8 L40S for full finetuning of mistral 7b; is it doable with fewer, e.g. 2 L40S?"
        ).details.gpu_count
        == 2
    )
    assert (
        read("README trains on 8 x A100 80GB. Any chance on less A100 80GB, maybe one?").details.gpu_count
        == 1
    )


def test_a_lone_count_and_other_numbers_are_kept(read):
    assert read("full finetuning of mistral 7b on 8 L40S, does it fit?").details.gpu_count == 8
    assert (
        read("serve llama 3 8b on 2 L4 with fewer than 4k tokens of context, say 2048?").details.gpu_count
        == 2
    )


def test_a_smaller_count_told_as_of_them_or_a_single_card_asked_is_weighed(read):
    # "with just 2 of them" after the reference's cards; "will a single GPU run work?" asked after them
    assert (
        read(
            "The authors used 8 H100s. Can I redo the Qwen2.5 7B finetune with only 2 of them?"
        ).details.gpu_count
        == 2
    )
    assert (
        read(
            "Their docs say training used 4 A6000 GPUs. Would a single GPU setup be enough for a lora of llama 3 8b?"
        ).details.gpu_count
        == 1
    )


def test_a_single_card_told_not_asked_keeps_the_count(read):
    # a statement about one card ("we use a single GPU for vLLM") is no count asked
    assert (
        read("We run vLLM on a single GPU and train on 4 A100s. Does qwen2.5 7b grpo fit?").details.gpu_count
        != 1
    )
