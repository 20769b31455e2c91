"""'InfiniBand or Ethernet?' for a training run over several servers: the per-step traffic of full sharding
(3 x the 16-bit weights per GPU) or, for adapters under DDP, their gradients only, against the step's compute,
over the Ethernet figure the user names and over InfiniBand. Real components; phrasings in no evaluation set."""

from __future__ import annotations

import re

from assistant.answering._numbers import unsupported_numbers


def _lead(reply) -> str:
    return reply.text.split("\n")[0]


def test_shared_ethernet_is_too_slow_for_a_sharded_full_fine_tune(ask):
    lead = _lead(ask("3 servers of 8 H100 on 50Gbps ethernet, full finetune of Qwen2.5 32B — do we need IB?"))
    assert lead.startswith("**Yes**") and "too slow" in lead
    assert "3 servers" in lead and "ZeRO-3 / FSDP" in lead
    link, compute = (
        float(x)
        for x in re.search(r"about ([\d.,]+) s of traffic per step against about ([\d.,]+) s", lead).groups()
    )
    assert link > compute


def test_is_it_enough_is_answered_no_when_the_link_falls_short(ask):
    lead = _lead(
        ask("is plain 10 gigabit ethernet (10GbE) enough between two 8xA100 nodes to full-finetune a 7B?")
    )
    assert lead.startswith("**No**")


def test_adapters_under_ddp_only_send_their_gradients(ask):
    lead = _lead(
        ask("LoRA on Mistral 7B over 2 machines of 8 L40S linked by 100GbE — will the network bottleneck it?")
    )
    assert lead.startswith("**No**") and "keeps up" in lead and "adapters' gradients" in lead


def test_network_figures_come_from_the_facts(assistant):
    state = assistant._prepare(
        "do we need InfiniBand for full fine-tuning a 34B across 4 nodes on 100G ethernet?", None
    )
    shown = f"{state['draft']}\n\n{state['details']}"
    assert "Gb/s Ethernet" in state["draft"]
    assert unsupported_numbers(shown, state["facts"], state["passages"]) == set()
