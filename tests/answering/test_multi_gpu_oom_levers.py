"""An out-of-memory report on the user's several cards of one kind is answered with their settings: what fills
each card (weights kept whole at ZeRO-1/2, the sharded states, the activations of their micro-batch) and each
lever sized again on each card, the ZeRO explainer after. Real components; phrasings in no evaluation set."""

from __future__ import annotations

import re


def test_a_zero2_oom_on_two_cards_is_explained_per_card_with_the_levers_first(ask):
    reply = ask(
        "2 x RTX 4090, deepspeed stage 2, full finetune of Qwen2.5 7B at micro batch 6 and 4096 max len "
        "-> CUDA out of memory on both cards. what now?"
    )
    text = reply.text
    assert "What fills each RTX 4090" in text
    assert "on each of the 2 cards" in text
    assert re.search(r"ZeRO-3 with optimizer and weights offloaded to CPU RAM[^\n]*fits", text)
    fills = text.index("What fills each RTX 4090")
    explainer = text.find("ZeRO shards")
    assert explainer == -1 or explainer > fills


def test_plain_ddp_oom_on_four_cards_names_full_sharding_as_the_fix(ask):
    reply = ask(
        "OOM with torchrun DDP (no FSDP) on 4x A100 40GB, full fine-tune Llama 2 7B, batch 2 per gpu, 2k seq"
    )
    assert re.search(r"(?:ZeRO-3 / )?FSDP[^\n]*— fits", reply.text)
