"""Memory said in French octets ("4Go", "16 Go de VRAM", "8 gigaoctets") is read in gigabytes like any other size;
"go" apart from a number stays a word (phrasings of our own, in no evaluation set)."""

from __future__ import annotations

import pytest

from assistant.understanding._units import plain_units


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ma carte a 6Go de VRAM", "ma carte a 6 gb de VRAM"),
        ("une RTX 3060 avec 12 Go", "une RTX 3060 avec 12 gb"),
        ("32 gigaoctets de RAM", "32 gb de RAM"),
        ("24 Gio", "24 gb"),
        ("we have 2 go-karts and 3 go players", "we have 2 go-karts and 3 go players"),
    ],
)
def test_octets_are_said_in_gigabytes(text, expected):
    assert plain_units(text) == expected
