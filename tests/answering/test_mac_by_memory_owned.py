"""A Mac named by its memory alone ("a 128GB Mac Studio") is a Mac: what runs and what trains on it use the share of
unified memory macOS gives the GPU and a Mac's speed, not a data-center card's under a "128 GB GPU" label; fine-tuning
on it is sized (MLX) rather than reported as nothing fitting. Phrasings in no evaluation set."""

from __future__ import annotations


def test_what_runs_on_a_mac_known_by_its_memory_is_answered_for_a_mac(ask):
    reply = ask("which models would a 96gb macbook pro handle?")
    first = reply.text.splitlines()[0]
    assert "96 GB Mac" in first and "macOS lets the GPU use" in first, first
    assert "H100" not in first and "H200" not in first and "A40" not in first


def test_what_fine_tunes_on_a_mac_known_by_its_memory_is_sized(ask):
    reply = ask("biggest model i could lora train on a 128 gig mac studio?")
    assert "none of the models I track fit" not in reply.text
    assert "MLX" in reply.text
    assert reply.gpus and reply.gpus[0].startswith("M")  # a Mac configuration stands in, not a CUDA card


def test_a_fine_tune_on_a_mac_known_by_its_memory_is_set_against_the_gpu_share(ask):
    reply = ask("could i do a full finetune of qwen2.5 7b on a 192 gig mac studio?")
    assert "that macOS lets the GPU use by default" in reply.text.splitlines()[0]


def test_a_fine_tune_over_a_macs_gpu_share_is_judged_against_that_share_not_the_whole_memory(ask):
    reply = ask("is a full-parameter finetune of qwen2.5 1.5b doable on my 16 gig macbook air?")
    first = reply.text.splitlines()[0]
    assert first.startswith("**No**"), first
    assert "macOS lets the GPU use" in first and "the 16 GB you have" not in first, first
    # the lever named as fitting must fit the share, and a laptop has no second card to shard over
    assert "bf16 with an 8-bit optimizer" not in first and "Sharded over" not in reply.text, first


def test_a_fine_tune_too_big_for_a_mac_gets_mlx_levers_not_gpu_sharding(ask):
    reply = ask("lora training gemma 2 9b on a mac mini with 16 gigs, will that work?")
    assert reply.text.startswith("**No**"), reply.text[:200]
    assert "To make it fit on the Mac" in reply.details and "ZeRO-3" not in reply.details
