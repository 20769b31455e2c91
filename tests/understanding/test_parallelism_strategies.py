"""Parallelism strategies named side by side ("DDP vs FSDP", "zero-1 vs zero-2 vs zero-3", "zero 2/3") and the
ZeRO stage a question is about when it says another one works ("OOMs at stage 2, stage 3 is fine"). Phrasings
here are in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "strategies"),
    [
        ("plain DDP or FSDP for full-finetuning Qwen2.5 14B on 8 L40S, which fits?", ("DDP", "FSDP")),
        (
            "per-gpu vram of zero1, zero2 and zero3 for a 13b full finetune on 8 gpus",
            ("ZeRO-1", "ZeRO-2", "ZeRO-3"),
        ),
        ("ZeRO stage 2/3 memory for llama 3 8b on 4 A10G?", ("ZeRO-2", "ZeRO-3")),
        ("full finetune of a 7B with zero3 on 4 GPUs", ()),  # one strategy: nothing to set side by side
        ("fully sharded data parallel (fsdp) for a 13B on 8 GPUs", ()),  # FSDP's long name is no DDP
    ],
)
def test_strategies_named_side_by_side_are_read_in_order(read, question, strategies):
    assert read(question).details.strategies == strategies


@pytest.mark.parametrize(
    ("question", "stage"),
    [
        ("full fine-tune of Llama 2 13B OOMs on 4x A100 with zero-2 but works with zero-3, why?", 2),
        ("zero3 works fine, zero1 runs out of memory, 8 x V100, 6B model full finetune", 1),
        ("it OOMs at zero2/zero3 on 8 A100 for a 20B full finetune", 3),  # both fail: the highest tried
    ],
)
def test_the_stage_asked_about_is_the_one_that_failed(read, question, stage):
    assert read(question).details.zero_stage == stage


@pytest.mark.parametrize(
    ("question", "ram"),
    [
        ("zero3 offload of a 13b on 2x 3090, my machine has 64GB RAM", 64),
        ("4 A100s and 1TB of system memory, full finetune 70B with offload?", 1000),
        ("2x 4090, RAM: 128 GB, fsdp cpu offload for llama 3 8b", 128),
        ("can a 7b full finetune run on 2x 4090 with offload?", None),
    ],
)
def test_the_machines_ram_is_read_beside_its_gpus(read, question, ram):
    assert read(question).details.host_ram_gb == ram


@pytest.mark.parametrize(
    ("question", "how"),
    [
        ("lora of llama 3 8b on 2 x 3090 with fsdp, fits?", "split"),
        ("qlora on 4 A10G using deepspeed, enough memory?", "split"),
        ("mistral 7b lora across two T4s with device_map auto", "split"),
        ("tensor parallel training of a 13b lora on 2 L4s?", "split"),
        ("ddp lora run of qwen2.5 7b on 2 4090s, will it OOM?", "copy"),
        (
            "lora of llama 2 13b with zero2 on two 3090s",
            "copy",
        ),  # ZeRO-2 keeps the 16-bit weights on every GPU
        ("plain data parallel lora of gemma 2 9b on 2 3090s", "copy"),
        ("lora of llama 3 8b on two 3090s, will it fit?", None),
    ],
)
def test_how_the_gpus_share_the_run_is_read_once_in_understanding(read, question, how):
    assert read(question).details.multi_gpu == how


def test_a_full_shard_named_beside_a_lower_stage_is_read(read):
    assert read("lora on 2 A100s: oom at zero2, zero3 works").details.full_shard_named
    assert not read("lora on 2 A100s with zero2").details.full_shard_named
