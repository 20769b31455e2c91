"""A model asked about at home that no home PC's cards hold: the Mac whose unified memory holds it, the CPU route
and the rental, never "Yes — runs on 8x GH200" as if that were at home. Phrasings in no evaluation set."""

from __future__ import annotations

from assistant import load_catalog
from tests.support.checked_answers import checked_answer


def test_too_big_for_four_desktop_cards_names_the_mac_that_holds_it(assistant):
    answer = checked_answer(assistant, "could i run llama 3.1 405b on my own machine at home?")
    assert answer.first_line.startswith("**Only with a big-memory Mac")
    mac = next(g for g in load_catalog() if g.name in answer.first_line and g.vendor == "Apple")
    assert mac.memory_gb >= answer.facts.estimate.total_gb
    assert "To rent instead" in answer.first_line and "GH200" not in answer.first_line.split("To rent")[0]


def test_an_open_question_names_the_home_machine_first(assistant):
    answer = checked_answer(assistant, "what hardware for qwen3 235b locally, realistically?")
    assert answer.first_line.startswith("**Only with a big-memory Mac")


def test_a_model_a_few_desktop_cards_hold_is_priced_to_buy(assistant):
    answer = checked_answer(assistant, "is running llama 3.3 70b at home doable?")
    assert answer.first_line.startswith("**Yes** — to run it at home")
    assert "/hour" not in answer.first_line


def test_own_machine_is_home_and_any_format_is_weighed(assistant):
    answer = checked_answer(assistant, "mixtral 8x22b in fp16 on my own computer, doable?")
    assert answer.first_line.startswith("**Only with a big-memory Mac")
    assert "fp16" in answer.first_line
