"""How owners type a GeForce card (round 6, local): the bare number ("my 3070"), a SUPER as "S" / "Ti S" /
"TiS", and a spelling never taken from another card. Real catalog; phrasings in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.knowledge import load_catalog


@pytest.mark.parametrize(
    ("text", "card"),
    [
        ("honestly my 3070 struggles with everything", "RTX 3070"),
        ("upgraded to a 4070tis last week", "RTX 4070 Ti Super"),
        ("is the 4070 ti s worth it over the plain ti", "RTX 4070 Ti Super"),
        ("got a 4080s for christmas", "RTX 4080 Super"),
        ("my old 1080 ti still works", "GTX 1080 Ti"),
        ("running it on a 2080 ti at home", "RTX 2080 Ti"),
        ("my 3060 has 12 gigs", "RTX 3060 12GB"),
        ("a 5070 ti arrives tomorrow", "RTX 5070 Ti"),
    ],
)
def test_a_geforce_card_is_found_however_it_is_typed(catalog, text, card):
    assert [g.name for g in catalog.find_in_text(text)][:1] == [card]


def test_a_ti_super_is_not_the_twelve_gigabyte_ti(catalog):
    super_ = catalog.find_in_text("4070 ti s")[0]
    assert super_.name == "RTX 4070 Ti Super" and super_.memory_gb == 16
    assert catalog.find_in_text("the 4070 ti")[0].memory_gb == 12


@pytest.mark.parametrize("text", ["we indexed 7600 documents", "about 3070 tokens per prompt"])
def test_a_number_alone_is_a_card_only_for_geforce_model_numbers(catalog, text):
    # an AMD RX number needs its "RX"; a GeForce number is read as the card (the price of the shorthand)
    names = [g.name for g in catalog.find_in_text(text)]
    assert "RX 7600" not in names


def test_every_super_card_answers_to_its_s_spelling(catalog):
    supers = [g for g in catalog if g.name.lower().endswith(" super") and g.name.split()[0] in ("RTX", "GTX")]
    assert supers, "the catalog lists SUPER cards"
    for g in supers:
        number_and_rest = " ".join(g.name.split()[1:])[: -len("super")] + "s"
        assert catalog.find_in_text(f"my {number_and_rest} is fine")[0].name == g.name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("bought a Max M3 with 128GB for local llms", "M3 Max 128GB"),
        ("the studio ultra m2 192gb box", "M2 Ultra 192GB"),
        ("macbook pro m3 max 64gb", "M3 Max 64GB"),
    ],
)
def test_an_apple_chip_with_its_tier_first_is_that_chip(text, name):
    """'Max M3', 'Ultra M2': the tier said before the generation still names the M3 Max / M2 Ultra, not the base
    chip; 'MacBook Pro M3' keeps its base M3 (Pro is the laptop there)."""
    assert [g.name for g in load_catalog().find_in_text(text)] == [name]


@pytest.mark.parametrize(
    ("text", "name", "memory"),
    [
        ("an rtx 2060 8gb from a friend", "RTX 2060 SUPER", 8),
        ("geforce 2060 super for a 7b", "RTX 2060 SUPER", 8),
        ("my rtx 2060 12 gb, enough for a 13b?", "RTX 2060 12GB", 12),
        ("just a plain rtx 2060", "RTX 2060", 6),
    ],
)
def test_the_rtx_2060_variants_are_each_their_own_card(text, name, memory):
    """The RTX 2060 came as 6 GB, 8 GB (the SUPER, the only 8 GB one) and 12 GB: the one said is the one sized."""
    found = load_catalog().find_in_text(text)
    assert [g.name for g in found][:1] == [name] and found[0].memory_gb == memory
