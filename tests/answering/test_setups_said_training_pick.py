"""'Faster to train on 8x A100 or 4x H100?': the pick weighs the setups at the counts the user said, not the fewest
of each that hold the run. Real components; phrasings in no evaluation set."""

from __future__ import annotations


def test_a_training_pick_uses_the_counts_said(ask):
    lead = ask("for a full finetune of a 13B model, what trains quicker: 4x H100 80GB or 8x A100 40GB?").text
    first = lead.split("\n")[0]
    assert "H100" in first.split("**")[1]
    assert "3,958" in first and "2,496" in first  # 4 x 989 and 8 x 312 dense BF16 TFLOPS
    assert "3x H100" not in first and "6x A100" not in first


def test_several_cards_in_training_are_data_parallel_not_a_split_model(ask):
    text = ask("QLoRA of Mistral 7B: is one L40S or 2 x RTX 3090 the better training box?").text
    first = text.split("\n")[0]
    assert "data parallelism" in first
    assert "pool their memory only by splitting" not in text
