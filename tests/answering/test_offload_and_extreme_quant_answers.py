"""A model too big for the user's card: when even VRAM and RAM together fall short, the RAM the split would take and
the largest quant the same machine holds; when nothing in the usual ladder fits one card, the bits per weight
that would (an EXL2 / IQ2 width), worked out from the card's memory. Phrasings in no evaluation set."""

from __future__ import annotations

import re


def test_vram_and_ram_both_short_names_the_ram_needed_and_a_quant_that_fits(converse):
    reply = converse("RAM: 16GB, VRAM: 8GB. Can I run a 70b in q4_k_m with llama.cpp?")
    first = reply.text.split("\n")[0]
    assert first.startswith("**No** — not even with partial offload")
    needed = float(re.search(r"That split takes about ([\d.]+) GB of RAM", first).group(1))
    assert needed > 16  # more than they have: the figure is what to buy, not what they own
    assert (
        "-ngl" in reply.text or "smaller quant" not in first
    )  # a quant that fits comes with its layer split


def test_when_the_split_fits_it_is_only_with_partial_offload(converse):
    reply = converse("VRAM: 12GB, RAM: 64GB. Can I run a 70b in q4_k_m with llama.cpp?")
    assert reply.text.startswith("**Only with partial offload**") or reply.text.startswith(
        "**Yes**, with partial"
    )


def test_a_70b_on_one_24_gb_card_gets_the_width_that_fits(converse):
    reply = converse("Can I run Qwen 2.5 72B on one L4?")
    text = reply.text
    assert text.startswith("**No**")
    bpw = float(re.search(r"about \*\*([\d.]+) bits per weight\*\*", text).group(1))
    assert 2.0 <= bpw < 3.0  # (24 GB - the context's share) x 8 / 72.7B parameters
    assert "EXL2" in text  # an IQ2 GGUF is named only when its width (2.38 bits and up) is within it


def test_a_model_that_fits_in_q2_k_or_better_gets_no_extreme_width(converse):
    reply = converse("can a 13b run on my 8gb card?")
    assert "bits per weight**" not in reply.text
