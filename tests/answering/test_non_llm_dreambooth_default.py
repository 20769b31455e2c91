"""A full DreamBooth of SDXL with kohya: the run at the script's defaults leads (AdamW states for the whole U-Net),
a No where it does not fit, never the leanest recipe as if it were the run asked; the recipes that fit follow
(phrasings of our own)."""

from __future__ import annotations


def test_a_24gb_card_is_no_at_the_defaults_with_the_recipe_that_fits_after(ask):
    reply = ask("kohya_ss dreambooth tab with sdxl base on my 3090, enough vram?")
    first = reply.text.split("\n\n")[0]
    assert first.startswith("**No**, not at its defaults") and reply.memory_gb == 41.1
    assert first.index("41.1 GB") < first.index(
        "Adafactor"
    )  # the default's figure, then the recipe that fits


def test_the_memory_asked_with_no_card_is_the_default_runs(ask):
    reply = ask("what does a kohya dreambooth of sdxl need in gpu memory?")
    assert reply.memory_gb == 41.1
    assert "24.0 GB" in reply.text and "16.0 GB" in reply.text  # the recipes that bring it down, in the table


def test_an_out_of_memory_report_gets_the_lean_recipe_that_fits_not_a_plain_yes(ask):
    reply = ask("full sdxl dreambooth with kohya keeps hitting CUDA out of memory on my 16 gb 4060 ti")
    first = reply.text.split("\n\n")[0]
    assert not first.startswith("**Yes** on")  # it ran out: only a leaner recipe fits
    assert "Adafactor" in first and reply.memory_gb == 16
