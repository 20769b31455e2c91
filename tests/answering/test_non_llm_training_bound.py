"""Running a model whose only figures on record are training ones, asked about a card: training holds the same
forward pass plus gradients, optimizer states and data, so the smallest training figure bounds a run from above and,
when the card holds it, answers Yes with that bound said. Phrasings of our own, in no evaluation set."""

from __future__ import annotations


def test_a_card_that_holds_the_training_figure_runs_it(assistant):
    reply = assistant.ask("would a 16 GB card be fine for rendering with 3D Gaussian Splatting?")
    first = reply.text.split("\n")[0]
    assert first.startswith("**Yes**")
    assert "training" in first and "9.1 GB" in first  # the bound and whose figure it is, in the same sentence


def test_a_card_below_every_training_figure_gets_no_yes_from_them(assistant):
    reply = assistant.ask("would a 6 GB card be fine for rendering with 3D Gaussian Splatting?")
    assert not reply.text.startswith("**Yes**")


def test_a_nerf_not_on_record_goes_by_the_reconstruction_method_on_record(assistant):
    """'[LumaNeRF] render on an 11 GB card?': a scene fitted from photos, so the reconstruction method on record
    (Gaussian splatting, its training figures bounding a run) answers, not the text-to-3D generators' median."""
    reply = assistant.ask("[LumaNeRF] would an 11GB 2080 Ti render my trained scenes?")
    first = reply.text.split("\n")[0]
    assert first.startswith("**Yes**")
    assert "Gaussian Splatting" in first and "generation research releases" not in first
