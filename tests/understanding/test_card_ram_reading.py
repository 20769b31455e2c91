"""RAM said of the card ("my card has 12GB of RAM", "a gpu with 6gb of ram") is the card's memory, not the system's;
RAM said of the machine beside a card stays system RAM. Phrasings here are in no evaluation set."""

from __future__ import annotations


def test_ram_said_of_the_card_is_its_memory(read):
    d = read("the graphics card i have comes with 12gb of ram, does gemma 2 9b fit?").details
    assert d.stated_memory_gb == 12 and d.ram_gb is None and d.host_ram_gb is None
    d = read("my gpu has 6gb of ram, will a 7b model run in 4bit?").details
    assert d.stated_memory_gb == 6 and d.ram_gb is None


def test_ram_of_the_machine_beside_a_card_stays_system_ram(read):
    d = read("32gb of ram plus a 3060, can llama 13b run?").details
    assert d.stated_memory_gb is None and d.host_ram_gb == 32
