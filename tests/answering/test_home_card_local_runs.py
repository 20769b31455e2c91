"""Home cards and local runs (round 6, local): a desktop card named with no serving engine is answered as the
GGUF run its owner makes, whatever its memory or count; a speed seen beside one reached elsewhere is judged
against the estimate; a GGUF run that needs a shorter context names llama.cpp's knob; a pasted model URL does
not turn running an adapter into training it; "is it possible to run <an app> on my card" gets what runs
there. Real components; phrasings in no evaluation set."""

from __future__ import annotations


def _first(reply) -> str:
    return reply.text.split("\n")[0]


def test_two_home_cards_hold_a_70b_as_a_split_gguf(ask):
    reply = ask("could me and my two 3090s run llama 3.3 70b")
    first = _first(reply)
    assert first.startswith("**Yes**") and "q4_k_m" in first.lower()
    assert "--tensor-split" in first
    assert 40 < reply.memory_gb < 48  # Q4_K_M: 70.6B x 4.89 bits = 43 GB, plus a 4k-token KV cache


def test_a_home_card_of_an_unlisted_memory_is_sized_as_a_gguf_run(ask):
    reply = ask("would an 8 gig rtx 3060 manage a 13b model?")
    assert _first(reply).startswith("**No**")
    assert "GGUF Q4_K_M" in reply.details  # the weights line is the GGUF, not 16-bit weights
    assert 10 < reply.memory_gb < 13


def test_a_rented_card_stays_on_the_serving_path(ask):
    reply = ask("renting a 4090 on runpod to host llama 3 8b, does it fit?")
    assert "GGUF" not in _first(reply)


def test_a_speed_seen_beside_one_reached_elsewhere_is_judged(ask):
    reply = ask(
        "my rx 7600 only gives me 2 tokens/s on mistral 7b q4_k_m while koboldcpp can reach 40 t/s, what gives?"
    )
    first = _first(reply)
    assert first.startswith("**No**")
    assert "2 tokens/s" in first or "2.0 tokens/s" in first


def test_a_gguf_run_that_needs_a_shorter_context_names_llamacpp_knob(ask):
    reply = ask("llama 2 13b Q5_1 on my 12gb 3060, will it fit?")
    first = _first(reply)
    # 13.0B x 6.0 bits = 9.8 GB of weights; Llama 2 13B's 800 KiB/token leave room for about 2k tokens of 12 GB
    assert first.startswith("**Yes, with a context of up to about")
    assert "num_ctx" in first and "--max-model-len" not in first


def test_an_adapter_run_with_a_pasted_model_url_is_answered(ask):
    reply = ask(
        "I am doing inference with https://huggingface.co/someone/Mistral-7B-v0.1-finetuned.v2 plus a lora adapter "
        "on vLLM and my 4060 ti 16gb keeps running out of memory"
    )
    assert reply.text and reply.memory_gb and 13 < reply.memory_gb < 20  # 7B in bf16, not a fine-tune's total


def test_running_an_app_on_a_home_card_lists_what_runs_there(ask):
    reply = ask("i only have a 2070 with 8 gigs, is it even possible to run koboldai with that gpu?")
    assert "best quant that fits" in reply.text
