"""Short by default, never a silent assumption, home hardware for home use (issue 9 items 3, 6 and 8).

Real components (the shared index, the catalog, the planner); phrasings in no evaluation set.
"""

from __future__ import annotations

import re

import pytest


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def _tables(text: str) -> int:
    return len(re.findall(r"^\|(?: --- \|)+$", text, flags=re.M))


def test_the_text_is_short_and_the_rest_sits_in_details(ask):
    reply = ask("What should I rent to serve Gemma 2 27B?")
    assert re.search(r"\d", "\n".join(_lines(reply.text)[:3]))  # the key number up front
    assert _tables(reply.text) <= 1
    assert len(_lines(reply.text)) <= 12
    assert "Memory breakdown" not in reply.text and "Conventions" not in reply.text
    # nothing is lost: the breakdown, every fit, the conventions and caveats are behind the fold
    assert "Memory breakdown" in reply.details and "Conventions" in reply.details
    assert "Caveats" in reply.details


def test_only_defaults_that_shaped_the_answer_are_listed_in_the_text(ask):
    reply = ask("how many people can chat at once with Qwen2.5 7B on a single L40S?")
    assert "concurrent users" in _lines(reply.text)[0]
    assert "one sequence at a time" not in reply.text  # a capacity answer fills the KV cache
    assert "context of" in reply.text  # the context it assumed does change the user count


def test_unstated_weight_format_gets_one_line_per_format(ask):
    reply = ask("would a single L40S manage to serve Qwen2.5 32B?")
    first, second = _lines(reply.text)[:2]
    assert first.startswith("**Only with") and "bf16" in first
    assert re.search(r"bf16: no — about [\d.,]+ GB", second)
    assert re.search(r"4-bit \(int4\): yes — about [\d.,]+ GB", second)


def test_a_stated_weight_format_wins_over_the_options(ask):
    reply = ask("would a single L40S manage to serve Qwen2.5 32B in bf16?")
    assert reply.text.startswith("**No**")
    assert "4-bit (int4): yes" not in reply.text  # the format was said: no verdict per format


def test_home_use_gets_a_consumer_card_with_a_quantized_file(ask, catalog):
    reply = ask("Which graphics card should I get for my desktop at home to chat with Qwen2.5 14B?")
    assert catalog.by_name(reply.gpus[0]).gpu_class == "consumer"
    assert reply.text.startswith("To run it at home")
    assert "llama.cpp" in reply.text and "Q4_K_M" in reply.text  # the runtime and file it assumed
    assert reply.memory_gb < 14  # a 4-bit file, not 16-bit weights (about 30 GB)


def test_a_card_the_user_owns_is_checked_in_16_bit_with_the_smaller_formats_named(ask):
    reply = ask("I own an RTX 4080, will Qwen2.5 14B load on it?")
    first, second = _lines(reply.text)[:2]
    # their own card: "Yes, with <the largest GGUF that fits>" (a yes that names its condition), 16-bit beside it
    assert first.startswith("**Yes, with") and "RTX 4080" in first and "in 16-bit" in first
    assert "bf16: no" in second and "yes" in second


def test_a_stated_memory_with_no_weight_format_gets_a_verdict_per_format(ask):
    # a card known only by a desktop card's memory is a home card: the usual GGUF decides, with the next size up
    reply = ask("Does 23 GB of VRAM suffice to run Qwen2.5 32B?")
    first = _lines(reply.text)[0]
    assert first.startswith("**Yes, with 4-bit (GGUF Q4_K_M) weights**") and "23 GB you have" in first
    assert "5-bit (GGUF Q5_K_M), would not" in first
    # a server-sized memory keeps the 16-bit-first verdict per format
    reply = ask("Does 70 GB of VRAM suffice to run Qwen2.5 72B?")
    first, second = _lines(reply.text)[:2]
    assert first.startswith("**Only with 4-bit (int4) weights**") and "70 GB you have" in first
    assert "bf16: no" in second and "4-bit (int4): yes" in second


def test_a_card_that_needs_company_says_how_many(ask):
    reply = ask("Could Llama 3.1 405B in fp8 run on B200s?")
    first = _lines(reply.text)[0]
    assert re.match(r"\*\*Only with \d+ x B200\*\*", first)
    reply = ask("is the L4 able to serve Qwen2.5 72B in int4?")
    assert reply.text.startswith("**No**") and re.search(r"needs \d+ of them, not 1", _lines(reply.text)[0])


@pytest.mark.parametrize(
    "question",
    [
        "what do people pay per hour for an H100 these days?",  # price
        "put the L40S next to an A100 for me",  # compare
        "what runs on a Mac mini M4 with 16GB?",  # the hardware people own
    ],
)
def test_answers_without_their_own_break_are_short_too(ask, question):
    reply = ask(question)
    assert _tables(reply.text) <= 1
    assert len(_lines(reply.text)) <= 25  # one table at most, so the fold holds the rest


def test_the_generic_cut_keeps_the_first_table_and_moves_the_rest():
    from assistant.answering._compose import split_details

    draft = "Headline 1.\n\nIntro:\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\nMore prose.\n\n| c |\n| --- |"
    text, details = split_details(draft)
    assert text.endswith("| 1 | 2 |") and details == "More prose.\n\n| c |\n| --- |"
    prose = "\n\n".join(f"Paragraph {i}." for i in range(6))
    text, details = split_details(prose)
    assert text.count("Paragraph") == 3 and details.startswith("Paragraph 3.")
    assert split_details("Just one line.") == ("Just one line.", "")


@pytest.mark.parametrize(
    ("question", "expect"),
    [
        (
            "what hardware do i need for llama 6?",
            "I don't have the architecture of **Llama 6**",
        ),  # not "LLaMA 65B"
    ],
)
def test_an_unknown_version_is_not_offered_a_model_whose_size_merely_starts_with_its_digits(
    assistant, question, expect
):
    assert assistant.ask(question).text.startswith(expect)
