"""A pre-training run asked without a deadline is sized to a month of wall clock (said first, with the GPU-days,
the FLOPs and the MFU, and counts for two other wall clocks), never the fewest GPUs that hold it for years; past
one server the GPUs come in whole 8-GPU servers. Real components; phrasings in no evaluation set."""

from __future__ import annotations

import re

from assistant.answering._numbers import unsupported_numbers


def _lead(reply) -> str:
    return reply.text.split("\n")[0]


def test_a_from_scratch_run_without_a_deadline_is_sized_to_a_month(ask):
    lead = _lead(ask("we'd like to train a 3B language model from scratch on 600B tokens — what hardware?"))
    count = int(re.match(r"\*\*(\d+) x ", lead).group(1))
    assert count % 8 == 0 and count > 8
    assert "no deadline was given" in lead and "30 days" in lead
    assert "GPU-days" in lead and "MFU" in lead and "FLOPs" in lead
    assert re.search(r"\d+ GPUs for 14 days, \d+ GPUs for 90 days", lead)
    assert "years" not in lead and not re.search(r"\b\d{3,},?\d* days\b", lead)


def test_a_stated_deadline_is_kept_and_not_called_assumed(ask):
    lead = _lead(ask("pretraining a 3B on 600B tokens, it must be finished inside 10 days; H100 count?"))
    assert "to finish within 10" in lead and "no deadline" not in lead


def test_a_small_run_that_one_setup_finishes_soon_keeps_its_time(ask):
    lead = _lead(ask("cost to pretrain a 125M model on 2B tokens from scratch?"))
    assert "no deadline was given" not in lead


def test_the_assumed_wall_clock_figures_come_from_the_facts(assistant):
    state = assistant._prepare("Roughly what GPU fleet to pre-train an 8B model on 3 trillion tokens?", None)
    shown = f"{state['draft']}\n\n{state['details']}"
    assert "no deadline was given" in state["draft"]
    assert unsupported_numbers(shown, state["facts"], state["passages"]) == set()


def test_a_multi_server_fine_tune_is_counted_in_whole_servers(ask):
    lead = _lead(ask("full-weight finetune of Llama 3.1 70B, how many H100 80GB cards should we book?"))
    match = re.match(r"\*\*(\d+) x H100[^*]*\*\* \((\d+) servers of 8", lead)
    assert match and int(match.group(1)) == 8 * int(match.group(2))


def test_a_method_count_past_one_server_says_what_the_memory_needs(assistant):
    state = assistant._prepare("how many 80GB A100 cards to finetune a 70B param model?", None)
    first = state["draft"]
    match = re.search(r"\*\*(\d+) x A100 80GB SXM\*\* \((\d+) servers of 8: the memory needs (\d+)", first)
    assert match
    count, servers, least = (int(g) for g in match.groups())
    assert count == 8 * servers and count - 8 < least < count
    shown = f"{state['draft']}\n\n{state['details']}"
    assert unsupported_numbers(shown, state["facts"], state["passages"]) == set()


def test_hardware_held_for_a_time_is_the_time_budget(ask):
    lead = _lead(ask("we've got 32 H100s reserved for 10 days; how many tokens of pretraining can a 3B get?"))
    assert re.match(r"About \*\*[\d.,]+[BT] tokens\*\* in 10", lead) and "32 x H100" in lead
