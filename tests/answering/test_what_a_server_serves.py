"""Data-center cards asked what they serve (a batching engine named, serving words, a cloud instance): a serving
engine's formats (16-bit, 8-bit, 4-bit AWQ/GPTQ) with one stream's and the batched speed, on the fewest cards that
hold each model — not llama.cpp's GGUF files. Real components; phrasings in no evaluation set."""

from __future__ import annotations


def test_an_instance_asked_what_it_serves_gets_server_formats(ask):
    reply = ask("what models could a p4de.24xlarge host behind an API?")
    assert reply.intent == "my_hardware"
    assert "with a serving engine" in reply.text
    assert "GGUF" not in reply.text.split("|")[0]
    assert "t/s, batched" in reply.text


def test_a_batching_engine_named_sizes_in_its_formats(ask):
    reply = ask("which LLMs fit on 2x H100 under SGLang?")
    assert "with a serving engine" in reply.text
    # Llama 3.3 70B in bf16 (about 144 GB) is over the two cards' 144 GB usable; FP8 (H100 computes it) holds it
    row = next(line for line in reply.text.splitlines() if line.startswith("| Llama 3.3 70B"))
    assert "FP8 on 2" in row


def test_without_fp8_the_eight_bit_format_is_int8(ask):
    reply = ask("which LLMs fit on 2x A100 80GB under SGLang?")
    row = next(line for line in reply.text.splitlines() if line.startswith("| Llama 3.3 70B"))
    assert "INT8 on 2" in row


def test_own_run_on_the_same_cards_keeps_gguf(ask):
    reply = ask("what can I run on 2x H100?")
    assert "GGUF" in reply.text


def test_ollama_named_keeps_gguf_even_for_users(ask):
    reply = ask("what can 2x A100 80GB serve to 20 users with ollama?")
    assert "GGUF" in reply.text


def test_a_model_is_never_served_wider_than_it_ships(ask):
    # DeepSeek-R1 ships in FP8: eight MI300X hold it in FP8 (about 674 GB), never in 16-bit
    reply = ask("which LLMs could 8x MI300X host for our customers?")
    row = next(line for line in reply.text.splitlines() if line.startswith("| DeepSeek-R1"))
    assert "FP8" in row and "BF16" not in row


def test_a_four_bit_server_format_is_not_called_a_lossy_squeeze(ask):
    reply = ask("which models can a single L4 serve behind our API?")
    assert "in INT4" in reply.text.split("\n")[0]
    assert "loses much quality" not in reply.text.split("\n")[0]


def test_a_batching_engine_on_a_home_card_uses_its_formats(ask):
    reply = ask("sglang for 12 users on an RTX 3090, what can it serve?")
    assert "with a serving engine" in reply.text
    assert "t/s, batched" in reply.text
