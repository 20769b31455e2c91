"""The context a server or runtime is started with, written as its own setting: Ollama's OLLAMA_CONTEXT_LENGTH,
SGLang's --context-length, llama.cpp's --ctx-size / -c, TGI's --max-total-tokens. Phrasings in no evaluation
set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "context"),
    [
        ("phi-4 via ollama, OLLAMA_CONTEXT_LENGTH=24576, on a 4070 ti: ok?", 24576),
        ("mistral nemo on sglang with --context-length 20000 on an L40S", 20000),
        ("llama-server -m qwen2.5-14b-q4_k_m.gguf -c 12288 -ngl 99 on a 4060 ti 16gb", 12288),
        ("llama.cpp --ctx-size 32k for gemma 2 9b on my 3080", 32768),
        ("text-generation-inference --max-total-tokens 6000 for llama 3 8b on an A10G", 6000),
    ],
)
def test_a_runtime_context_setting_is_the_context(read, question, context):
    assert read(question).details.context == context


@pytest.mark.parametrize(
    ("question", "batch", "context"),
    [
        # llama-server's -c is the total context, shared by the -np slots
        ("llama-server with mistral 7b q5_k_m, -c 24576 -np 6, how much vram?", 6, 4096),
        ("running llama.cpp server --ctx-size 8192 --parallel 2 for phi-3 mini on a 3050", 2, 4096),
    ],
)
def test_llamacpp_slots_share_the_context_set(read, question, batch, context):
    details = read(question).details
    assert (details.batch, details.context) == (batch, context)


def test_one_slot_keeps_the_whole_context(read):
    details = read("llama-server -c 16384 -np 1 with qwen2.5 7b q4_k_m").details
    assert details.context == 16384 and details.batch in (None, 1)


@pytest.mark.parametrize(
    ("question", "context"),
    [
        ("qwen2.5 14b under vllm at a 16k max model len, how much vram?", 16384),
        ("mistral nemo, 8192 max-seq-len, lora, memory?", 8192),
        ("phi-3 mini with max sequence length of 2k, full finetune memory", 2048),
    ],
)
def test_a_length_said_beside_the_setting_name_in_words(read, question, context):
    u = read(question)
    assert u.details.context == context
    assert not u.details.longest_context  # a length said is a setting, not the longest context asked


def test_a_short_flag_length_is_still_read_beside_a_length_said_before_a_name(read):
    # the trainer-argument reading keeps short flag values ("--max_seq_len 128") whatever else reads lengths
    assert (
        read("llama 2 7b, torchrun with --max_seq_len 96 --max_batch_size 2, oom on my 3060").details.context
        == 96
    )


@pytest.mark.parametrize(
    ("question", "context"),
    [
        ("qlora gemma 2 9b at 6k seq on my 4070 ti super, fits?", 6144),
        ("a 12k sequence length full finetune of qwen2.5 0.5b", 12288),
    ],
)
def test_a_length_said_before_seq(read, question, context):
    assert read(question).details.context == context


def test_a_count_of_sequences_is_no_length(read):
    assert read("we batch 2048 sequences of llama 3 8b on vllm").details.context is None
