"""A yes/no whose last sentence lost its question mark ("... Can this run on a 2080 [SomeRepo]"), and a tool's support
asked in a later sentence ("ollama on my box. Is it possible to run ollama with an AMD card?"). Phrasings in no
evaluation set."""

from __future__ import annotations

import pytest

from assistant.understanding._software import asks_support


@pytest.mark.parametrize(
    "question",
    [
        "Thanks for releasing this. Can it be run on a GTX 1080 Ti [MeshWeaver]",
        "I only have a laptop. Does this work with 8 GB",
        "Would my 3060 do",
    ],
)
def test_an_inverted_last_sentence_without_its_mark_is_a_yes_no(read, question):
    assert read(question).details.yes_no


@pytest.mark.parametrize(
    "question",
    ["I want to learn more about your method. How does this work on an A100", "Thanks for the great work."],
)
def test_open_questions_and_statements_are_no_yes_no(read, question):
    assert not read(question).details.yes_no


@pytest.mark.parametrize(
    "question",
    [
        "vllm on ubuntu with an rx 7900 xtx. Is it possible to run vllm on an amd gpu?",
        "I use windows. Can I use llama.cpp with my arc a770?",
    ],
)
def test_support_asked_in_a_later_sentence(question):
    assert asks_support(question, tools_named=True, hardware_named=True, workload_named=False)


def test_an_if_clause_is_still_no_support_question():
    assert not asks_support(
        "if we run TGI on 6 A10Gs, how many users fit?",
        tools_named=True,
        hardware_named=True,
        workload_named=False,
    )


def test_an_older_radeon_is_read_as_a_card_not_listed(read):
    details = read("does llama.cpp support my radeon r9 290x?").details
    assert details.unlisted_gpu == "R9 290X"


@pytest.mark.parametrize(
    "question",
    ["what hardware is required for this codebase?", "Any sense of the hardware requirements here?"],
)
def test_hardware_requirements_are_in_the_domain(read, question):
    from assistant.understanding import Intent

    assert read(question).intent is not Intent.OUT_OF_SCOPE
