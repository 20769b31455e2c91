"""Reading the user's machine as several cards: counted or not, a card to add, two cards told by their memory.
Phrasings in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.understanding._several_cards import adds_card, card_memories, several_cards


@pytest.mark.parametrize(
    "question",
    [
        "can both cards share the model in ollama",
        "i run multiple gpus (4060 ti), will kobold spread a 34b over them",
        "thinking of a pair of 3060s for mistral small",
        "my rig: 16gb + 12gb, is that enough for a 30b at q4",
        "dual 4070 supers for local coding models?",
    ],
)
def test_several_cards_are_read_without_a_named_count(question):
    assert several_cards(question)


@pytest.mark.parametrize(
    "question",
    [
        "is a 4090 enough for a 30b at q4",
        "two models on one gpu: whisper and llama 8b?",
        "what does 16gb get me",
    ],
)
def test_one_card_is_not_several(question):
    assert not several_cards(question)


@pytest.mark.parametrize(
    ("question", "adds"),
    [
        ("worth adding another 3060 so qwen 32b fits?", True),
        ("if i buy an extra card, does sdxl get faster", True),
        ("my 3060 is fine, i just want a faster one", False),
    ],
)
def test_a_card_to_add_is_read(question, adds):
    assert adds_card(question) is adds


@pytest.mark.parametrize(
    ("question", "memories"),
    [
        ("I have one 24gb card and one 12gb card, 70b q4 in llama.cpp?", (24.0, 12.0)),
        ("20gb+16gb for gemma 27b", (20.0, 16.0)),
        ("a 3090 has 24gb and costs 700", ()),
        ("1gb + 2gb of swap", ()),  # too small to be cards
    ],
)
def test_two_cards_told_by_their_memory(question, memories):
    assert card_memories(question) == memories


def test_the_reading_is_this_turns_own(read):
    """A follow-up about one card does not keep the earlier turn's 'both cards' or the card to add."""
    first = read("worth adding another 3090 to run llama 3 70b in ollama?").details
    assert first.adds_card and first.several_cards
    later = read(
        "worth adding another 3090 to run llama 3 70b in ollama?", "and mistral 7b on just the one?"
    ).details
    assert not later.adds_card
    told = read("one 16gb and one 8gb gpu: can llama.cpp run qwen2.5 14b q8").details
    assert told.card_memories == (16.0, 8.0) and told.several_cards


@pytest.mark.parametrize(
    ("question", "setups"),
    [
        (
            "is it smarter to add a second 3090 or just get a 5090 for 70b q4 at home?",
            (("RTX 3090", 2), ("RTX 5090", 1)),
        ),
        (
            "one more 4060 ti 16gb, or a single 3090, for qwen 32b?",
            (("RTX 4060 Ti 16GB", 2), ("RTX 3090", 1)),
        ),
    ],
)
def test_a_card_added_is_weighed_as_two_against_the_other(read, question, setups):
    assert read(question).details.setups == setups


def test_a_hyphenated_card_count_is_several_cards(read):
    # "my 4-GPU box", "a 2-card rig": the count glued to the word by a hyphen
    assert read("my 4-GPU box keeps running out of memory with deepspeed, what now?").details.several_cards
    assert read("is a 2-card rig of 3060s any use for stable diffusion training?").details.several_cards


def test_a_lone_card_against_a_pair_is_one_against_two(read):
    assert read("a sole 4080 or a pair of 3060 12gb cards for gemma 2 9b?").details.setups == (
        ("RTX 4080", 1),
        ("RTX 3060 12GB", 2),
    )
