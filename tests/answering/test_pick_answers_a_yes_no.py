"""A yes/no answered by a pick — "is one card enough? if not, how many?" answered with a count, "does it fit at 16-bit?
otherwise which quant?" answered with the least compressed format that fits — leads with the verdict the pick
decides, then the pick. Phrasings here are in no evaluation set."""

from __future__ import annotations

from tests.support.checked_answers import checked_answer


def test_one_card_asked_and_more_picked_is_no(assistant):
    checked = checked_answer(
        assistant, "Would just one L4 be enough to serve Qwen2.5 14B in bf16? If not, how many would it take?"
    )
    assert checked.first_line.startswith("**No** — one L4 is not enough"), checked.first_line
    assert "x L4**" in checked.first_line


def test_a_format_asked_above_the_one_that_fits_is_no(assistant):
    checked = checked_answer(
        assistant,
        "does llama 3 70b fit on a single h100 at 16-bit? otherwise which quantization should I use?",
    )
    assert checked.first_line.startswith("**No**, not at 16-bit"), checked.first_line
    assert "least compressed format" in checked.first_line
