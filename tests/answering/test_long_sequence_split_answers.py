"""A long-sequence fine-tune on several GPUs: ZeRO-3 / FSDP shard the model states, not a sequence's activations,
so the answer names sequence parallelism when the activations are a large share of each GPU; a memory 'cost'
given as '> 40g' is memory, not money. Real components; phrasings in no evaluation set."""

from __future__ import annotations


def test_long_sequences_over_several_gpus_name_sequence_parallelism(ask):
    reply = ask("lora on qwen2.5 7b with 16k-long samples over 4x L40S with deepspeed zero3, enough memory?")
    text = reply.text + (reply.details or "")
    assert "Sequence parallelism" in text and "16,384 tokens" in text


def test_short_sequences_do_not(ask):
    reply = ask("lora on qwen2.5 7b with 1k samples over 4x L40S with deepspeed zero3, enough memory?")
    assert "Sequence parallelism" not in reply.text + (reply.details or "")


def test_a_gpu_that_could_cost_over_40g_is_memory(ask):
    reply = ask(
        "training mistral 7b lora with zero3 on 2x a100, one gpu could cost > 40g while the other sits at 20g, "
        "how do I balance it?"
    )
    assert "$" not in reply.text.split("\n")[0]
