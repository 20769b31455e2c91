"""The memory a user states for their own card wins over the catalog's smaller card of that name (phrasings of our
own, in no evaluation set): "a 4070 with 16 GB" is the one 4070 that has 16 GB, "the 3060 gpu 12 memory" states the
memory without its unit; full-width question marks end questions like ASCII ones."""

from __future__ import annotations

import pytest

from assistant.understanding import understand


@pytest.mark.parametrize(
    ("question", "card"),
    [
        ("Would my 4070 with 16GB handle SDXL at 1024?", "RTX 4070 Ti Super"),
        ("I have a 4060 that has 16 GB, enough for Flux in fp8?", "RTX 4060 Ti 16GB"),
        ("is the 4060 GPU 16 memory ok to run a depth model", "RTX 4060 Ti 16GB"),
    ],
)
def test_a_bigger_memory_said_for_a_card_picks_the_card_of_that_number_that_has_it(
    catalog, models, question, card
):
    u = understand(question, catalog, models)
    assert u.details.gpus == (card,)


@pytest.mark.parametrize(
    ("question", "chip"),
    [
        ("got a 14 inch macbook pro m3 with 18 gb, mistral small ok?", "M3 Pro 18GB"),
        ("mac mini m4 with 24gb for llama 3.1 8b?", "M4 24GB"),
        ("is an m3 with 36gb enough for qwen 32b q4", "M3 Pro 36GB"),  # sold as Pro and Max: the lower tier
    ],
)
def test_a_macs_memory_picks_the_chip_of_that_generation_sold_with_it(catalog, models, question, chip):
    u = understand(question, catalog, models)
    assert u.details.gpus == (chip,)


def test_a_memory_no_card_of_that_number_has_is_not_swapped(catalog, models):
    u = understand("my 4090 with 48 GB runs it?", catalog, models)
    assert u.details.gpus == ("RTX 4090",)  # no 48 GB 4090 in the catalog: a premise to correct, not a swap


def test_full_width_question_marks_end_questions(catalog, models):
    u = understand("How much memory does it take？Can my RTX 4090 run it？", catalog, models)
    assert u.details.yes_no  # the last question is a yes/no one


@pytest.mark.parametrize(
    ("question", "card", "stated"),
    [
        ("the rtx 4060 ti has 24gb so 32b in q4 fits, right?", "RTX 4060 Ti 16GB", 24),
        ("a 3060 with 16gb should hold a 13b at q8, yes?", "RTX 3060 12GB", 16),
    ],
)
def test_more_memory_than_any_card_of_that_number_has_is_corrected(catalog, models, question, card, stated):
    """A memory larger than every card of that name is a premise to correct, not the owner's own variant."""
    u = understand(question, catalog, models)
    assert u.details.gpus == (card,)
    assert [p.stated for p in u.premises if getattr(p, "spec", "") == "memory_gb"] == [stated]
