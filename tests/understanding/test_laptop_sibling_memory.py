"""A desktop card name said with memory only the laptop card of that name has ("my 16 GB RTX 3080": no desktop 3080 has
16 GB, the laptop 3080 does) is the owner's laptop card, not a figure to correct; a figure no card of the name has is
still corrected. Phrasings here are in no evaluation set."""

from __future__ import annotations


def test_a_desktop_name_with_the_laptop_memory_is_the_laptop_card(read):
    u = read("I've got a 16gb rtx 3080 in my gaming laptop, will mistral 7b run in fp16?")
    assert u.details.gpus == ("RTX 3080 Laptop",)
    assert not any(getattr(p, "spec", "") == "memory_gb" for p in u.premises)


def test_a_memory_no_card_of_the_name_has_is_still_corrected(read):
    u = read("my rtx 3080 has 20 GB, can it run a 13b model in 8-bit?")
    assert u.details.gpus == ("RTX 3080",)
    assert any(getattr(p, "spec", "") == "memory_gb" for p in u.premises)


def test_the_laptop_card_is_read_by_its_own_name(read):
    assert read("can a 3080 laptop run llama 3 8b?").details.gpus == ("RTX 3080 Laptop",)
