"""Follow-ups answered in the shape they ask for: a bare "and on an H100?" keeps the earlier question's shape
(tokens/s, $ per million tokens), "why?" shows the working, a number alone changes the count, and "would it
work on a Mac?" weighs every Mac (real components; phrasings in no evaluation set)."""

from __future__ import annotations

import re

import pytest


def _first_line(reply) -> str:
    return next(line for line in reply.text.splitlines() if line.strip())


def test_a_speed_question_on_another_gpu_is_answered_with_a_speed(ask):
    a10g = ask("roughly how many tok/s does mistral 7b generate on one A10G?")
    h100 = ask("roughly how many tok/s does mistral 7b generate on one A10G?", "and on an H100?")
    assert "H100" in _first_line(h100) and re.search(r"\*\*[\d,]+ tokens/s\*\*", _first_line(h100))
    speed = lambda r: float(re.search(r"\*\*([\d,]+) tokens/s", r.text).group(1).replace(",", ""))  # noqa: E731
    assert speed(h100) > speed(a10g)  # more memory bandwidth, more tokens per second


def test_a_cost_per_token_question_on_another_gpu_stays_per_token(ask):
    reply = ask("what would serving gemma 2 9b cost per million tokens on an L4?", "and on an A100?")
    assert "per million generated tokens" in _first_line(reply) and "A100" in _first_line(reply)
    assert "per month" not in _first_line(reply)


def test_why_shows_the_memory_breakdown_in_the_answer(ask):
    reply = ask("Can Qwen2.5 72B run on a single H100?", "how come?")
    assert reply.memory_gb and reply.memory_gb > 80
    assert "Memory breakdown" in reply.text and "weights" in reply.text
    assert "Memory breakdown" not in (reply.details or "")  # moved up, not repeated


def test_a_number_alone_changes_the_user_count(ask):
    twelve = ask("can one L4 serve llama 3 8b to 12 users at once?")
    forty = ask("can one L4 serve llama 3 8b to 12 users at once?", "what about 40?")
    assert "40 sequences" in forty.text and "12 sequences" not in forty.text
    assert forty.memory_gb > twelve.memory_gb  # more users, more KV cache


def test_would_it_run_on_a_mac_names_the_least_memory_that_holds_it(ask, catalog):
    reply = ask("What GPU would I need to run Qwen2.5 32B?", "would that work on a mac?")
    first = _first_line(reply)
    m = re.match(r"\*\*Yes, with a Mac of at least (\d+) GB of unified memory\*\*", first)
    assert m, first
    least = int(m.group(1))
    macs = [g for g in catalog if g.vendor == "Apple"]
    assert reply.gpus[0] in {g.name for g in macs if g.memory_gb == least}
    assert reply.memory_gb < least  # the GGUF Q4_K_M file and its cache fit in that much
    assert any(g.memory_gb < least for g in macs) and "do not hold it" in first
    assert "$/hour" not in reply.text  # Macs are bought, not rented: no rental table


def test_a_model_too_big_for_any_mac_gets_a_no(ask):
    reply = ask("could a mac run llama 3.1 405b at 16-bit?")
    assert _first_line(reply).startswith("**No**")


def test_fine_tuning_on_a_mac_gives_the_memory_for_each_method(ask):
    reply = ask("I want to fine tune llama 3 8b", "would a mac do?")
    text = reply.text
    assert re.search(r"LoRA fine-tuning: about [\d.]+ GB, a Mac with at least \d+ GB", text)
    assert re.search(r"Full fine-tuning: about \d+ GB", text)


def test_a_correction_to_inference_sizes_the_same_model_for_serving(ask):
    reply = ask(
        "minimum gpu memory to run a fine-tuned codellama 34b?",
    )
    assert reply.memory_gb is not None and 55 <= reply.memory_gb <= 100  # 16-bit weights, not a training run
    reply = ask(
        "how much memory does codellama 34b fine-tuning need?",
        "I asked about inference, you answered with training.",
    )
    assert reply.memory_gb is not None and 55 <= reply.memory_gb <= 100


@pytest.mark.parametrize("follow_up", ["cheaper?", "any cheaper option??", "something less expensive?"])
def test_a_bare_cheaper_after_a_monthly_bill_is_a_cheaper_monthly_bill(ask, follow_up):
    first = ask("how much per month to keep qwen2.5 7b served on an A10G around the clock")
    cheaper = ask("how much per month to keep qwen2.5 7b served on an A10G around the clock", follow_up)
    month = lambda r: float(re.search(r"\$([\d,.]+) per month", r.text).group(1).replace(",", ""))  # noqa: E731
    assert "per month" in _first_line(cheaper), cheaper.text[:200]
    assert month(cheaper) < month(first)


def test_what_the_pick_runs_someone_in_a_follow_up_is_its_monthly_bill(assistant):
    """'what would that run us a month?' after a rental pick asks that pick's bill, not what the card runs."""
    first = assistant.ask(
        "which gpu should i rent to serve mistral 7b for about 25 users?", conversation_id="run-us"
    )
    later = assistant.ask("and what would that run us a month?", conversation_id="run-us")
    lead = later.text.split("\n")[0]
    assert later.intent == "recommend"
    assert "per month" in lead and first.gpus[0] in lead


def test_a_count_of_them_after_a_pick_counts_the_card_picked(assistant):
    """'on 2 of them?' after a pick and a time asked: two of the picked card, not another card."""
    cid = "two-of-them"
    first = assistant.ask("lora on qwen2.5 7b, what gpu should i rent?", conversation_id=cid)
    assistant.ask("how long would 20k examples take?", conversation_id=cid)
    later = assistant.ask("and on 2 of them?", conversation_id=cid)
    assert f"2x {first.gpus[0]}" in later.text.split("\n")[0]
