"""F5-TTS is on record (its maintainer's figure): asked by name, its own small figure answers rather than Bark's,
and a TTS model not on record still gets the typical one's figures, labelled (phrasings of our own)."""

from __future__ import annotations


def test_f5_tts_answers_with_its_own_figure(assistant):
    reply = assistant.ask("would an old 4gb gtx 1650 be able to run F5 TTS voice cloning?")
    assert reply.text.startswith("**Yes**") and reply.memory_gb == 2
    assert "SWivid/F5-TTS" in reply.details


def test_a_research_tts_release_does_not_become_the_stand_in_for_others(assistant):
    reply = assistant.ask("how much vram for openvoice v2 voice cloning?")
    assert "F5-TTS" not in reply.text
