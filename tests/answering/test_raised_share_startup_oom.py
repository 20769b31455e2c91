"""A server that runs out of memory where the model fits only once the server takes more of the card: the
answer opens "Yes, with <that server's share flag>" and does not then say no setting fixes it. Real components;
phrasings in no evaluation set."""

from __future__ import annotations


def test_the_share_flag_is_the_named_servers_and_no_contradiction(ask):
    reply = ask(
        "sglang keeps crashing with OOM for Qwen2.5 32B AWQ on my single RTX 4090, can it work at all?"
    )
    first = reply.text.splitlines()[0]
    assert first.startswith("**Yes, with** `--mem-fraction-static 0.95`")
    assert "no server setting fixes that" not in reply.text


def test_vllm_keeps_its_own_flag(ask):
    reply = ask("vllm OOMs loading Qwen2.5 32B AWQ on one RTX 4090, is there any way?")
    assert reply.text.startswith("**Yes, with** `--gpu-memory-utilization 0.95`")
