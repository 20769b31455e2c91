"""A full DreamBooth of SDXL with kohya: the run at the script's defaults leads (AdamW states for the whole U-Net),
never the leanest recipe as if it were the run asked; the recipes that fit follow (phrasings of our own)."""

from __future__ import annotations


def test_a_24gb_card_fits_only_the_documented_recipe_and_the_default_is_said(ask):
    reply = ask("kohya_ss dreambooth tab with sdxl base on my 3090, enough vram?")
    first = reply.text.split("\n\n")[0]
    assert not first.startswith("**Yes** on")  # no plain yes: the default run does not fit
    assert "other than the default" in first and "41.1 GB" in first
    assert "Adafactor" in first  # the recipe that fits names its levers


def test_the_memory_asked_with_no_card_is_the_default_runs(ask):
    reply = ask("what does a kohya dreambooth of sdxl need in gpu memory?")
    assert reply.memory_gb == 41.1
    assert "24.0 GB" in reply.text and "16.0 GB" in reply.text  # the recipes that bring it down, in the table
