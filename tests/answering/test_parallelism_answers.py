"""Memory per GPU under the parallelism strategies a question sets side by side (DDP copies everything to each
GPU; ZeRO-1, -2 and -3 shard the optimizer states, then the gradients, then the weights; FSDP full-shards like
ZeRO-3), judged on the user's GPUs, with a verdict for the one a yes/no question asks about. Real components;
phrasings in no evaluation set."""

from __future__ import annotations

import re
import uuid

import pytest

from assistant.answering._numbers import unsupported_numbers


@pytest.fixture(scope="module")
def ask(assistant):
    def _ask(question):
        state = assistant._prepare(question, f"par-{uuid.uuid4().hex}")
        shown = f"{state['draft']}\n\n{state['details']}"
        assert unsupported_numbers(shown, state["facts"], state["passages"]) == set()
        return state["draft"].splitlines()[0]

    return _ask


def _per_gpu(first: str) -> dict[str, float]:
    return {
        k: float(v.replace(",", "")) for k, v in re.findall(r"(DDP|ZeRO-\d|FSDP) about ([\d,.]+) GB", first)
    }


def test_each_stage_shards_more(ask):
    first = ask(
        "for a full finetune of llama 3 8b on 8x L40S, how much vram per gpu under zero-1 vs zero-2 vs zero-3?"
    )
    per_gpu = _per_gpu(first)
    assert per_gpu["ZeRO-1"] > per_gpu["ZeRO-2"] > per_gpu["ZeRO-3"]
    assert "too much" in first and "fits" in first


def test_a_yes_no_about_ddp_is_answered_for_ddp(ask):
    first = ask("would plain DDP work for full finetuning qwen2.5 7b on 4x A100 40GB, or do I need FSDP?")
    assert first.startswith("**No** with DDP")
    assert _per_gpu(first)["DDP"] > _per_gpu(first)["FSDP"] * 3


def test_the_fix_asked_about_gets_the_verdict(ask):
    first = ask("my 2.7B full finetune OOMs with DDP on 4 RTX 4090s; would switching to FSDP help?")
    assert first.startswith("**Yes** with FSDP")


def test_when_no_stage_fits_the_low_memory_recipe_is_named(ask):
    first = ask("Llama 3 70B full finetune OOMs with ZeRO-2 on 8x H100 but zero-3 runs, why is that?")
    assert "ZeRO-2 about" in first and "8-bit AdamW" in first
