"""A run that already ran out of memory on the user's card, answered from another model's figures (a stand-in of
the same kind, the research releases of its kind): what the user saw wins, so the figure is more than that card;
and training a small model whose run on record takes more than its optimizer states. Phrasings of our own, in no
evaluation set."""

from __future__ import annotations

from assistant.answering._handlers.non_llm import larger_card_gb
from assistant.knowledge import load_catalog


def test_the_next_card_size_up_comes_from_the_catalog():
    catalog = load_catalog()
    assert larger_card_gb(catalog, 24.0) == 32.0  # RTX 5090 and the 32 GB data-center cards
    assert larger_card_gb(catalog, 6.0) == 8.0
    assert larger_card_gb(catalog, 12.0) == 16.0
    assert larger_card_gb(catalog, 80.0) > 80.0
    assert larger_card_gb(catalog, 10_000.0) == 10_000.0  # nothing larger: the card's own size


def test_a_kind_estimate_under_the_card_that_ran_out_becomes_the_next_size_up(assistant):
    reply = assistant.ask(
        "[PoseMover portrait animation] it goes out of memory on my 12GB card, how much VRAM does it need?"
    )
    assert reply.text.startswith("**Not without**")
    assert reply.memory_gb == 16.0  # the image-animation median (8 GB) fits 12 GB, but the user's run did not


def test_without_a_report_the_kind_estimate_stands(assistant):
    reply = assistant.ask("[PoseMover portrait animation] how much VRAM does it need on a 12GB card?")
    assert reply.text.startswith("**Yes**") and reply.memory_gb == 8.0


def test_a_stand_in_figure_that_fits_is_no_yes_for_a_run_that_ran_out(assistant):
    reply = assistant.ask(
        "My semantic segmentation network hits CUDA out of memory while training on a 6GB GTX 1060, how much "
        "memory does it need?"
    )
    assert reply.text.startswith("**Not without** lower settings")
    assert "going by the figures of" in reply.text  # whose figures they are is still said
    assert reply.memory_gb == 8.0


def test_training_a_small_video_model_needs_at_least_its_run(assistant):
    # Latte: 674M parameters, 10.8 GB of states by arithmetic, but its sampling run on record takes 21.9 GB
    reply = assistant.ask("how much vram to fully train Latte on my own clips?")
    assert reply.memory_gb == 21.9
    assert "nearer floor" in reply.text and "10.8 GB" in reply.text


def test_an_oom_on_a_card_every_model_of_its_kind_fits_with_room_points_at_a_setting(assistant):
    """A TTS not on record out of memory on a 24 GB card: every TTS on record fits it and a typical one takes under
    half, so the error is a setting (a long text, a web UI loading more models, another process), not its size."""
    reply = assistant.ask(
        "[EchoVox voice cloning] the gradio app crashes with CUDA OOM on my 24GB card, how much vram does it need?"
    )
    assert reply.text.startswith("**Yes**")
    assert "setting" in reply.text.split("\n")[0]
    assert reply.memory_gb is not None and reply.memory_gb < 8  # its kind's estimate, not the next card up


def test_an_oom_on_a_card_smaller_than_the_largest_of_its_kind_still_means_more(assistant):
    reply = assistant.ask(
        "[EchoVox voice cloning] out of memory on my 4GB laptop GPU, how much vram does it need?"
    )
    assert reply.text.startswith("**Not without**")
    assert reply.memory_gb is not None and reply.memory_gb > 4
