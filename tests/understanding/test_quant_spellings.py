"""GGUF quant types however they are typed (round 6, local): glued or split ("q4ks", "Q4-K-M", "q2k"), i-quants
("IQ2_XS", "iq3m"), legacy types ("Q5_1", "Q4_0"), llama.cpp's older "2Q", and the last one named when several
are. Each is a row of corpus/assumptions.yaml with its bits per weight. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "quant"),
    [
        ("gemma 2 27b q4ks on a 4070 ti super?", "q4_k_s"),
        ("does Q4-K-M of qwen2.5 14b fit 12gb", "q4_k_m"),
        ("can i fit 70b q2k on 24 gigs", "q2_k"),
        ("llama 3.1 70b IQ2_XS on a single 3090?", "iq2_xs"),
        ("mistral small iq3m on my 4060 ti 16gb", "iq3_m"),
        ("an old Q5_1 of llama 2 13b on 12gb", "q5_1"),
        ("is the 2Q of mixtral ok on a 16gb card", "q2_k"),
        ("qwen 7b Q8 on a 4060", "q8_0"),
        ("llama 3 8b in q6 on my 3060", "q6_k"),
        ("phi 3 mini Q4_K on a raspberry pi", "q4_k_m"),
    ],
)
def test_a_quant_is_read_however_it_is_typed(read, question, quant):
    assert read(question).details.precision == quant


def test_the_last_quant_named_is_the_one_asked_about(read):
    d = read("the 4Q of llama 2 70b loads fine on my mac but when I tried the 2Q variant it crashes").details
    assert d.precision == "q2_k"


@pytest.mark.parametrize(
    "question",
    [
        "llama 3 8b q4_k_m with a q8_0 kv cache on an 8gb card",
        "running llama-2-13b-chat.ggmlv3.q4_0.bin with -ctk q4_0 on my laptop",
    ],
)
def test_a_kv_cache_type_is_not_the_weights_quant(read, question):
    d = read(question).details
    assert d.precision in ("q4_k_m", "q4_0")
    assert d.kv_precision in ("q8_0", "q4_0")


def test_every_quant_read_has_its_bits_per_weight_in_the_corpus(read):
    from assistant.sizing import load_assumptions

    bits = load_assumptions()["gguf_bits_per_weight"].value
    for question in ("iq1_s of deepseek", "iq4_nl gemma", "q2_k_s llama", "q4_1 mistral", "q5_0 mistral"):
        precision = read(question + " on a 3090").details.precision
        assert precision in bits and 1.5 < float(bits[precision]) < 8.6


@pytest.mark.parametrize(
    "question",
    [
        "my laptop has a 4gb rtx 3050, will phi 3 mini run?",
        "my laptop 3050 with 4gb vram, mistral 7b q4 ok?",
        "got a 6gb rtx 3050 in my gaming pc, qwen 7b?",
    ],
)
def test_an_owners_smaller_variant_is_their_card_not_a_figure_to_correct(read, question):
    u = read(question)
    assert u.details.stated_memory_gb in (4.0, 6.0)
    assert not u.premises  # no "the RTX 3050 has 8 GB" correction of what they own


def test_a_bigger_figure_for_an_owned_card_is_still_checked(read):
    u = read("my 3070 with 16gb, can it run a 13b?")
    assert u.premises and u.details.stated_memory_gb is None


@pytest.mark.parametrize("text", ["got 7q of it going", "a 1q file?", "q7 vs q1 on my 3060"])
def test_a_bit_width_with_no_usual_gguf_type_is_no_quant_and_no_error(read, text):
    # the fuzz benchmark found "7q" raising a KeyError: 7-bit has no usual llama.cpp type to map it to
    assert read(text).details.precision is None
