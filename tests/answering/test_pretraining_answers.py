"""'How many GPU-hours did it take to train X?' for a model whose card reports it: the makers' figure, on their
GPU, with the 6 x parameters x tokens check — not a fine-tuning estimate. A fine-tune's GPU-hours stay the
arithmetic. Real components; phrasings in no evaluation set."""

from __future__ import annotations


def test_gpu_hours_meta_used_for_a_model_come_from_its_card(ask):
    reply = ask("roughly how many h100 hours went into pretraining llama 3.1 70b?")
    first = reply.text.split("\n")[0]
    assert first.startswith("About **7.00 million GPU-hours**")
    assert "H100" in first and "15 trillion tokens" in first and "MFU" in first


def test_compute_for_an_older_model_on_its_own_gpu(ask):
    reply = ask("how much compute was used to train llama 2 13b originally?")
    first = reply.text.split("\n")[0]
    assert "368,640" in first and "A100" in first


def test_a_fine_tune_gpu_hours_stay_the_arithmetic(ask):
    reply = ask("how many gpu hours to lora fine tune llama 3 70b on 20M tokens with 4 h100s?")
    assert "model card" not in reply.text
