"""A card below the smallest setting on record: 'Only with' memory savings when the settings on record for models of
that kind span enough to bring it within the card, a plain No when the setting has spent its levers already or is
a research release's own script (no memory options), and the lever verdict never sits beside another fitting
setting."""

from __future__ import annotations

import re

from tests.support.checked_answers import checked_answer


def test_sam_fine_tune_on_a_small_laptop_card_leads_only_with_and_names_the_levers(assistant):
    got = checked_answer(assistant, "Could I fine-tune Segment Anything on a laptop GPU with 6 GB?")
    assert got.first_line.startswith("**Only with**"), got.first_line
    assert "YOLOv8s" in got.first_line  # the span it rests on is said
    assert re.search(r"smaller batch", got.full)


def test_a_setting_that_already_uses_its_levers_stays_a_plain_no(assistant):
    # SDXL's full fine-tune figure is already with precomputed latents and Adafactor: nothing is left to cut
    got = checked_answer(assistant, "would a 16gb card be enough to do a full finetune of sdxl?")
    assert got.first_line.startswith("**No**"), got.first_line


def test_a_research_release_below_its_own_figure_stays_a_plain_no(assistant):
    # DGE's maintainers give one figure for their own script; no tool with memory options is on record for it
    got = checked_answer(assistant, "[DGE 3D editing] will the default edit fit in a 16 GB RTX 4080?")
    assert got.first_line.startswith("**No**"), got.first_line


def test_a_readme_flag_that_moves_a_model_between_stages_is_not_a_spent_offload(assistant):
    # Wan2.1's 80 GB single-GPU command already passes --offload_model, yet offloading tools and fewer-bit weights
    # are left (the row is not a CPU-offload setting): the 3090 gets the conditional verdict, the H100 its Yes
    got = checked_answer(
        assistant,
        "Does the i2v_14B single-GPU script of Wan2.1 work on an RTX 3090, or does it need an H100?",
    )
    assert got.first_line.startswith("**Only with**"), got.first_line
    assert "**Yes** on the H100" in got.first_line


def test_a_classic_cnn_asked_by_name_is_answered_as_vision_training(assistant):
    got = checked_answer(assistant, "Will training SegNet at batch size 4 fit in an 8GB GTX 1070?")
    assert "vision training" in got.first_line and "fine-tuning" not in got.first_line, got.first_line
