"""'How much RAM (not VRAM)?' for a training run is answered with system RAM first: what loading the 16-bit
checkpoint holds in CPU memory (once per process of a multi-GPU launch), a 4-bit base quantized shard by shard, the
16-bit base an adapter merge needs, and an offloaded run's CPU memory as DeepSpeed's own estimator counts it (16 or
18 bytes per parameter x 1.5), with Yes / No against the RAM the user has. Real components; phrasings in no
evaluation set."""

from __future__ import annotations

import re


def _lead_gb(text: str) -> float:
    first = text.split("\n")[0]
    return float(re.search(r"\*\*([\d,.]+) GB of (?:system|CPU) RAM\*\*", first).group(1).replace(",", ""))


def test_ram_not_vram_for_a_lora_is_the_16_bit_checkpoint(ask):
    reply = ask("how much ram (not vram!) will i need to lora fine tune gemma 2 9b?")
    assert "system RAM" in reply.text.split("\n")[0]
    assert 16 <= _lead_gb(reply.text) <= 21  # 9.2B parameters x 2 bytes


def test_several_gpus_load_one_copy_per_process(ask):
    reply = ask("whats the system memory requirement to full finetune llama 3.2 3b on 8x A10G with fsdp?")
    first = reply.text.split("\n")[0]
    assert "8 processes" in first and "cpu_ram_efficient_loading" in first
    assert 45 <= _lead_gb(reply.text) <= 60  # 3.2B x 2 bytes x 8 copies


def test_a_4bit_base_is_not_limited_by_ram(ask):
    reply = ask("my box has 32gb ram and a 3090, is that enough system memory to qlora qwen2.5 32b?")
    first = reply.text.split("\n")[0]
    assert first.startswith("System RAM is not what limits") and "shard" in first


def test_merging_an_adapter_needs_the_16_bit_base(ask):
    reply = ask(
        "merge_and_unload of my llama 2 13b lora keeps getting killed, how much ram do i need to merge?"
    )
    assert "merge" in reply.text.split("\n")[0]
    assert 24 <= _lead_gb(reply.text) <= 28  # 13B x 2 bytes


def test_offloaded_optimizer_ram_is_deepspeeds_estimate_with_a_verdict(ask):
    reply = ask(
        "We plan zero2 cpu offload to finetune mistral 7b on a single L40S, the server has 128GB of RAM. "
        "how much cpu ram does the offload need, is 128 enough?"
    )
    first = reply.text.split("\n")[0]
    assert first.startswith("**No**")
    assert 150 <= _lead_gb(reply.text) <= 190  # 7.2B x 16 bytes x 1.5
