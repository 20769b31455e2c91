"""A Hugging Face id whose config.json cannot be read offline is sized from the parameter count in its name (with a
stand-in layout for the KV cache), not as the stand-in model's own size; a 4-bit build named in it (NVFP4, FP4)
is sized in 4-bit. Real components; phrasings in no evaluation set."""

from __future__ import annotations

import uuid


def test_an_uncached_id_keeps_the_size_in_its_name(assistant):
    reply = assistant.ask(
        "how much vram for someorg/Nimbus-27B-Instruct under vllm?", conversation_id=f"hf-{uuid.uuid4().hex}"
    )
    assert "27B-parameter model" in reply.text
    assert "sized from the 27B parameters in its name" in reply.text + reply.details
    assert 50 < reply.memory_gb < 62  # 27B x 2 bytes + KV cache and overhead, not a 32B stand-in's 66 GB


def test_an_nvfp4_build_is_sized_in_four_bit(assistant):
    reply = assistant.ask(
        "will someorg/Nimbus-27B-NVFP4 load on a 32GB RTX 5090?", conversation_id=f"hf-{uuid.uuid4().hex}"
    )
    assert reply.memory_gb < 24  # 4-bit weights (~14 GB) plus KV cache, not 16-bit (~54 GB)
