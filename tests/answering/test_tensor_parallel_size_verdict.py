"""A tensor-parallel size that does not divide the model's attention heads is a No, whatever the memory: vLLM, SGLang
and TGI split the heads evenly across the ranks and stop at start-up ('tensor parallel 3 for Llama 3 8B' was
answered Yes from the memory fit). The sizes that work and pipeline parallelism for all the GPUs follow. Real
components; phrasings in no evaluation set."""

from __future__ import annotations


def test_a_size_that_does_not_divide_the_heads_is_no(ask):
    # Mistral 7B: 32 attention heads, 8 KV heads; 6 divides neither
    reply = ask("is tp=6 going to work for mistral 7b across six L4s in vllm?")
    assert reply.text.startswith("**No** — tensor parallelism splits the attention heads")
    assert "32, which 6 does not divide" in reply.text
    assert "--pipeline-parallel-size 6" in reply.text


def test_a_size_that_divides_them_keeps_the_memory_verdict(ask):
    reply = ask("can vllm run mistral 7b with --tensor-parallel-size 2 on two L4s?")
    assert reply.text.startswith("**Yes**")
