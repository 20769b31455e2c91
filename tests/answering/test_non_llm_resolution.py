"""A frame size said either way round ('1280x720' for a setting written '720x1280') or as a video height ('720p')
picks the setting measured at that size (phrasings of our own, in no evaluation set)."""

from __future__ import annotations

from assistant.answering._compose._non_llm import _terms


def test_a_frame_size_is_one_term_whichever_way_round_or_as_a_height():
    assert "720x1280" in _terms("render 1280x720 clips")
    assert "720x1280" in _terms("a 720x1280 video")
    assert "720x1280" in _terms("at 720p please")
    assert "544x960" in _terms("960x544, 129 frames")
    assert not any("x" in t and t[0].isdigit() for t in _terms("a 7B model in 4-bit"))


def test_the_setting_at_the_size_asked_leads(assistant):
    wide = assistant.ask("how much gpu memory does hunyuanvideo take for 1280x720 clips of 129 frames?")
    assert wide.memory_gb == 60
    tall = assistant.ask("hunyuanvideo, 720p, 129 frames: would 48 GB be enough?")
    assert tall.text.startswith("**No**") or tall.text.startswith("**Yes**, but only")
