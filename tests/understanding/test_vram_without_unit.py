"""GPU memory said with the unit left out or run into the word ("8vram", "a 10gbvram card") is the user's card, as
"8 GB of VRAM" is; a card named beside it keeps its own memory, and a figure too small for a card is no card. A model
size inside an underscored checkpoint or script name ("i2v_14B") is read like one said on its own."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "gb"),
    [
        ("will stable video diffusion go on 6vram?", 6.0),
        ("is a 12gbvram laptop fine for sdxl loras", 12.0),
        ("whisper large v3 with 4 vram, doable?", 4.0),
    ],
)
def test_memory_glued_to_vram_is_the_users_card(read, question, gb):
    assert read(question).details.stated_memory_gb == gb


def test_a_named_card_keeps_its_own_memory(read):
    assert read("sdxl on my 3080 with 10 vram?").details.stated_memory_gb is None


def test_a_figure_too_small_for_a_card_is_not_one(read):
    assert read("can I run sd 1.5 with 1.5 vram").details.stated_memory_gb is None


@pytest.mark.parametrize(
    ("question", "params"),
    [
        ("does the t2v_14B checkpoint of wan 2.1 fit a 4090?", 14e9),
        ("running sample_1.3B_lowvram.py on a 3060, ok?", 1.3e9),
    ],
)
def test_a_size_inside_an_underscored_file_or_script_name_is_read(read, question, params):
    assert read(question).details.params == params
