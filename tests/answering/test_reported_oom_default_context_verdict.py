"""A yes/no about a model that fits the card, asked with an out-of-memory reported, whose likely cause is the serving
engine's default context (vLLM / SGLang size for the model's whole trained context): the verdict carries the flag
as its condition ('Yes, with --max-model-len N'), as it does when no failure is reported — it was a plain 'Yes'
beside a 'Likely cause' saying it will not start. 'OOMs' and 'OOMed' are failures like 'OOM'. Real components;
phrasings in no evaluation set."""

from __future__ import annotations


def test_a_reported_oom_from_the_default_context_makes_the_flag_the_condition(ask):
    # Llama 3.1 8B: 16 GB of weights on a 24 GB card, 128 KiB/token, far from its 131,072-token default context
    reply = ask(
        "does vllm serve llama 3.1 8b instruct on one RTX 3090? mine runs out of memory when it starts"
    )
    assert reply.text.startswith("**Yes, with** `--max-model-len ")
    assert "**Likely cause:** with no `--max-model-len`" in reply.text


def test_ooms_is_read_as_a_failure(ask):
    reply = ask("can vllm run llama 3.1 8b instruct on an L4? it OOMed on startup")
    assert reply.text.startswith("**Yes, with** `--max-model-len ")
    assert "**Likely cause:**" in reply.text
