"""3D Gaussian Splatting training: a measured run of the official code on a real capture (gsplat's comparison) beside
the README's 24 GB for paper quality, so a 10-12 GB card gets the Yes that users report rather than a flat No.
Phrasings of our own, in no evaluation set."""

from __future__ import annotations


def test_a_ten_gb_card_trains_a_typical_capture(assistant):
    reply = assistant.ask("could a 10gb 3080 train a gaussian splatting scene from my phone photos?")
    assert reply.text.startswith("**Yes**") and reply.memory_gb == 9.11


def test_the_paper_quality_figure_is_still_on_record(assistant):
    reply = assistant.ask("how much vram does 3dgs training need?")
    assert "24.0 GB" in f"{reply.text}\n{reply.details}"


def test_running_splatting_on_ones_photos_is_answered_by_the_training_figures(assistant):
    # no train word: fitting the splats to one's photos is the run, so the training figures answer, with a verdict
    reply = assistant.ask("is 12gb of vram enough to do gaussian splatting of my backyard?")
    assert reply.text.startswith("**Yes**") and reply.memory_gb is not None
    assert "no sourced inference figure" not in reply.text
