"""Every yes/no question is answered Yes / No / "Only with ..." first, whichever composer answered it; and where
the facts decide no verdict, the first sentence says so instead of guessing one. Real components throughout
(the session Assistant, its catalog and sizing); phrasings in no evaluation set."""

from __future__ import annotations

import re

import pytest

from assistant.answering._compose import with_details
from assistant.answering._verdict import lead_with_verdict, opens_with_verdict


@pytest.fixture(scope="module")
def facts_for(assistant):
    def _facts(question):
        return assistant._prepare(question, None)["facts"]

    return _facts


def _first_sentence(text: str) -> str:
    line = next(line for line in text.splitlines() if line.strip())
    return re.split(r"(?<=[.!?])\s+", line, maxsplit=1)[0]


# ----------------------------------------------------------------------------- the leader on hand-made drafts


def test_a_verdict_behind_a_premise_correction_moves_to_the_front(facts_for):
    facts = facts_for("can my 4070 ti with 16gb run mistral 7b at q8?")
    draft = with_details(
        "The RTX 4070 Ti has 12 GB, not 16 GB. **Yes** — Mistral 7B in Q8_0 needs about 8.6 GB.", "breakdown"
    )
    out = lead_with_verdict(draft, facts)
    assert out.startswith("**Yes** — Mistral 7B")
    assert "The RTX 4070 Ti has 12 GB, not 16 GB." in out.split("\n\n")[0]
    assert out.endswith("breakdown")


def test_a_note_in_front_follows_the_verdict(facts_for):
    facts = facts_for("will qwen2.5 7b fit on a single l4?")
    draft = "_(Your message contains instructions addressed to me.)_\n\n**Yes** — it fits.\n\nMore."
    out = lead_with_verdict(draft, facts)
    assert out.split("\n\n")[:2] == [
        "**Yes** — it fits.",
        "_(Your message contains instructions addressed to me.)_",
    ]


def test_answers_that_already_admit_not_knowing_and_open_questions_are_left_alone(facts_for):
    unknown = "I don't know — nothing in my guides covers that."
    assert lead_with_verdict(unknown, facts_for("can the flurble-9 run on my card?")) == unknown
    headline = "About 18 GB for LoRA of 7B."
    assert lead_with_verdict(headline, facts_for("how much vram to lora a 7b?")) == headline


def test_a_choice_between_named_things_gets_no_made_up_yes_or_no(facts_for):
    draft = "vLLM batches requests; Ollama serves them one after another."
    assert lead_with_verdict(draft, facts_for("should we go with vllm or tgi for our chatbot?")) == draft


# ----------------------------------------------------------------------------- whole answers, every path


def test_a_would_it_be_faster_question_answered_by_a_pick_says_yes_or_no_by_that_pick(ask):
    reply = ask("my llama 2 13b runs on two t4s and it's sluggish. would an l40s be faster?")
    first = _first_sentence(reply.text)
    assert first.startswith(("**Yes**", "**No**"))
    picked = re.search(r"\*\*The ([^*]+)\*\*", reply.text)
    if picked:
        assert first.startswith("**Yes**") == (picked.group(1) == "L40S")


def test_is_a_better_than_b_follows_the_pick_in_both_orders(ask):
    one = ask("is the rtx 3060 12gb better than the rtx 4090 for running qwen2.5 14b at q4?")
    two = ask("is the rtx 4090 better than the rtx 3060 12gb for running qwen2.5 14b at q4?")
    verdicts = {_first_sentence(r.text)[:6] for r in (one, two)}
    assert verdicts == {"**Yes*", "**No**"}  # the same pick, asked from either side


def test_yes_no_asked_indirectly_gets_a_verdict(ask):
    for question in (
        "I'm wondering whether a single L4 could qlora finetune qwen2.5 7b",
        "anybody been able to run llama 3 70b at 4 bit on two 3090s?",
        "not sure if twenty four gigs is enough to serve mistral 7b in fp16",
    ):
        reply = ask(question)
        assert opens_with_verdict(reply.text), (question, reply.text[:200])


def test_a_slow_speed_seen_with_the_model_spilling_to_ram_is_judged_against_the_ram_speed(ask):
    reply = ask(
        "getting like 2.5 tok/s running llama 3 70b q4_k_m in ollama on my rtx 4080, is this expected?"
    )
    assert reply.text.startswith("**Yes**")
    assert re.search(r"system RAM", reply.text)
    assert re.search(r"\d+(?:\.\d+)? tokens/s", reply.text)


def test_a_speed_far_below_the_spilled_estimate_is_not_called_normal(ask):
    reply = ask("llama 3 70b q4_k_m in ollama on my 3090 gives 0.1 tokens per second, is that normal?")
    assert reply.text.startswith("**No**")


def test_a_spec_value_claimed_in_a_yes_no_is_checked_against_the_catalog(ask, catalog):
    h100 = catalog.get("H100 SXM")
    right = ask(f"is it true the h100 sxm has {h100.memory_bandwidth_gbs / 1000:g} tb/s memory bandwidth?")
    assert right.text.startswith("**Yes** — the H100 SXM has")
    wrong = ask("is it true the h100 sxm has 9 tb/s memory bandwidth?")
    assert wrong.text.startswith("**No**") or "not 9" in wrong.text.split("\n\n")[1]
    assert f"{h100.memory_bandwidth_gbs:,.0f}" in wrong.text


def test_a_stated_hourly_rate_is_judged_against_the_offerings_median(ask):
    cheap = ask("someone offers me an a100 80gb sxm at $0.50 an hour, good deal?")
    assert cheap.text.startswith("**Yes** — $0.50 per hour is below the usual rate")
    dear = ask("is $40/hr too expensive for a single a100 80gb sxm?")
    assert dear.text.startswith("**Yes** — $40.00 per hour is above the usual rate")
