"""A pipeline is sized whole (text encoders and VAE with the transformer), and a card that holds only the
transformer gets a conditional yes, not a plain one."""

from __future__ import annotations


def test_the_need_for_an_image_pipeline_counts_its_text_encoders(ask):
    from assistant.knowledge import load_catalog

    reply = ask("roughly what card would i want for stable diffusion 3.5 large")
    assert reply.memory_gb is not None and reply.memory_gb > 24
    catalog = load_catalog()
    assert reply.gpus and all(catalog.get(name).gpu_memory_gb >= reply.memory_gb for name in reply.gpus)


def test_a_card_holding_only_the_transformer_is_a_conditional_yes(ask):
    reply = ask("is a 24gb rtx 3090 going to run sd3.5 large ok?")
    lead = reply.text.split("\n\n")[0]
    assert lead.startswith("**Yes**, but only with part of it off the GPU")
    assert "27.2 GB" in lead


def test_a_card_holding_the_whole_pipeline_is_a_plain_yes(ask):
    reply = ask("is an a6000 going to run sd3.5 large ok?")
    assert reply.text.startswith("**Yes** on the RTX A6000")
