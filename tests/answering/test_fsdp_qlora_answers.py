"""An adapter fine-tune that sharding alone does not fit on the user's several GPUs, but FSDP with CPU offload
does (answer.ai's fsdp_qlora, which fine-tunes a 70B on two 24 GB cards): "Yes, with FSDP and CPU offload",
with the memory per GPU and the CPU RAM it takes. Real components; phrasings in no evaluation set."""

from __future__ import annotations

import re
import uuid

import pytest

from assistant.answering._numbers import unsupported_numbers


@pytest.fixture(scope="module")
def ask(assistant):
    def _ask(question):
        state = assistant._prepare(question, f"fsdpq-{uuid.uuid4().hex}")
        shown = f"{state['draft']}\n\n{state['details']}"
        assert unsupported_numbers(shown, state["facts"], state["passages"]) == set()
        return state["draft"]

    return _ask


def _gb(text: str) -> list[float]:
    return [float(x.replace(",", "")) for x in re.findall(r"([\d,.]+) GB", text)]


def test_qlora_of_a_70b_on_two_24gb_cards_is_yes_with_offload(ask):
    first = ask("qlora finetune of llama 3.1 70b across my two rtx 4090s with fsdp, doable?").splitlines()[0]
    assert first.startswith("**Yes, with** FSDP and CPU offload")
    per_gpu, ram, sharded, usable = _gb(first)[:4]
    assert per_gpu < usable < sharded  # too big sharded, fits offloaded
    assert 35 < ram < 50  # the 4-bit 70B base and the adapters


def test_an_unsaid_method_names_qlora_with_offload_as_the_way(ask):
    text = ask("I've got 2x 3090 (24gb each). any way to fine tune a 72B model on them?")
    lead = text.splitlines()[0]
    assert lead.startswith("**Only with QLoRA with FSDP and CPU offload")
    assert re.search(r"QLoRA fine-tuning: yes — [\d.]+ GB per GPU with FSDP and CPU offload", text)


def test_cards_that_hold_the_sharded_adapters_get_a_plain_yes(ask):
    first = ask("QLoRA on Llama 2 70B with 2 x A6000 48GB, will it fit?").splitlines()[0]
    assert first.startswith("**Yes** —") and "offload" not in first


def test_one_card_is_not_answered_with_the_multi_gpu_recipe(ask):
    first = ask("can a single RTX 3090 qlora a 70b?").splitlines()[0]
    assert "FSDP" not in first


def test_the_machines_ram_decides_a_fully_offloaded_run(ask):
    short = ask(
        "full finetune of a 13b with zero-3 offload (params + optimizer on cpu) on 2x 4090, box has 96GB RAM, ok?"
    )
    assert short.startswith("**No** — with the model offloaded") and "96 GB the machine has" in short
    roomy = ask("full finetune of a 7b with zero-3 param offload on 2x 4090 and 256 GB of system RAM, ok?")
    assert roomy.startswith("**Yes** —") and "of the 256 GB of CPU RAM" in roomy


def test_gpus_without_bf16_are_not_offered_the_pure_bf16_recipe(ask):
    first = ask("can 8 V100 16GB do a full fine-tune of a 7B model?").splitlines()[0]
    assert "pure bf16" not in first
