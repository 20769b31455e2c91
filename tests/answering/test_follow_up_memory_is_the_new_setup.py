"""The memory figure describes the setup the last turn asks about: another model on the same card (what runs
there, not the model that did not), a fine-tune asked as a route ("any way to…") on the user's memory (the method
that fits, not the full fine-tune that does not), and the training figure of "what can I fine-tune on…"
(real components; phrasings in no evaluation set)."""

from __future__ import annotations


def test_another_model_on_the_same_card_carries_what_runs_there(ask):
    first = ask("Will Qwen2.5 72B run on my RTX 4080 16GB?")
    assert first.memory_gb is not None and first.memory_gb > 16
    reply = ask("Will Qwen2.5 72B run on my RTX 4080 16GB?", "ok, so what would run on it?")
    assert "RTX 4080" in reply.text
    assert reply.memory_gb is not None and reply.memory_gb <= 16  # a model that fits, not the 72B again


def test_another_model_to_train_carries_the_training_figure(ask):
    reply = ask("Could I QLoRA Qwen2.5 72B on one RTX 3090?", "which smaller models could I train that way?")
    assert "QLoRA" in reply.text
    assert reply.memory_gb is not None and reply.memory_gb <= 24


def test_what_trains_on_several_cards_counts_every_card(ask):
    one = ask("What's the largest model I could LoRA fine-tune on an RTX 4090?")
    two = ask("What's the largest model I could LoRA fine-tune on two RTX 4090s?")
    assert one.memory_gb is not None and one.memory_gb <= 24
    assert two.memory_gb is not None and one.memory_gb < two.memory_gb <= 48


def test_a_route_asked_on_the_users_memory_carries_the_method_that_fits(ask):
    route = ask("My card has 40 GB. Is there any way to fine-tune Qwen2.5 14B on it?")
    assert route.text.startswith("**Only with")
    assert route.memory_gb is not None and route.memory_gb <= 40
    full = ask("Can I do a full fine-tune of Qwen2.5 14B on 40 GB?")
    assert full.memory_gb is not None and full.memory_gb > 40  # the method said is the one sized


def test_a_route_asked_as_a_follow_up_carries_the_method_that_fits(ask):
    reply = ask(
        "How much VRAM does fine-tuning Qwen2.5 14B take?",
        "I only have 40 GB on my card, could I do it somehow?",
    )
    assert reply.memory_gb is not None and reply.memory_gb <= 40


def test_ram_said_after_the_users_card_is_answered_as_partial_offload_on_it(ask):
    reply = ask("Will Qwen2.5 72B run on my RTX 4070 Ti?", "there's 64GB of system RAM as well")
    assert "partial offload" in reply.text and "RTX 4070 Ti" in reply.text
    assert reply.gpus and reply.gpus[0] == "RTX 4070 Ti"
