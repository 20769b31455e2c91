"""Every yes/no gets its verdict word in the sense asked: a lead that states the fit against the user's own memory
("within the 40 GB you have", "more than the 12 GB you have") opens with the Yes / No it implies; a conditional fit
("Yes, with 4-bit weights") asked as a negative ("does that mean I can't …?") or as a shortfall ("is it too small?")
is turned round; no relation stated, no verdict made up. Phrasings here are in no evaluation set."""

from __future__ import annotations

import re

import pytest

from assistant.answering._verdict import _in_the_sense_asked, _relation_verdict
from tests.support.checked_answers import checked_answer


def _first_sentence(text: str) -> str:
    line = next(line for line in text.splitlines() if line.strip())
    return re.split(r"(?<=[.!?])\s+", line.replace("**", ""), maxsplit=1)[0]


@pytest.mark.parametrize(
    ("lead", "verdict"),
    [
        (
            "Inference of Phi-3 mini in fp16 needs about **9.6 GB** of GPU memory — within the 40 GB you have.",
            "Yes",
        ),
        (
            "QLoRA fine-tuning of Gemma 2 9B needs about 12.1 GB, within what training can use of the 16 GB you have.",
            "Yes",
        ),
        (
            "Full fine-tuning of Mistral 7B needs about **110 GB** of GPU memory — more than the 24 GB you have.",
            "No",
        ),
        ("Full fine-tuning of Qwen2.5 3B does not fit on your 12 GB.", "No"),
    ],
)
def test_a_stated_relation_gives_its_verdict(lead, verdict):
    turned = _relation_verdict(lead)
    assert turned is not None and turned.startswith(f"**{verdict}** — ")
    assert turned.endswith(lead[1:])  # the lead itself follows, unchanged past its first letter


@pytest.mark.parametrize(
    "lead",
    [
        "The RTX 3090 is an NVIDIA Ampere desktop graphics card, with 24 GB of GDDR6X.",
        "LTX-Video (video generation): from about 13.1 GB of GPU memory.",
        "Llama 2 13B needs about 26 GB in bf16.",
    ],
)
def test_no_relation_no_verdict(lead):
    assert _relation_verdict(lead) is None


def test_a_model_name_keeps_its_case_after_the_verdict():
    turned = _relation_verdict("Mistral 7B in q4 needs about 5.3 GB — within the 8 GB you have.")
    assert turned == "**Yes** — Mistral 7B in q4 needs about 5.3 GB — within the 8 GB you have."


def test_a_conditional_fit_asked_as_a_negative_is_no_it_can():
    lead = "**Yes, with 4-bit (GGUF Q4_K_M) weights** — inference of Yi 34B in q4_k_m needs about 21.0 GB, within the 24 GB you have."
    turned = _in_the_sense_asked(lead, "my rig has only one 24 GB card, does that mean I can't run Yi 34B")
    assert turned.startswith("**No** — it can, with 4-bit (GGUF Q4_K_M) weights: inference of Yi 34B")
    assert turned.count("**") % 2 == 0


def test_a_conditional_fit_asked_as_a_shortfall_is_no_it_is_enough():
    lead = "**Yes, with 8-bit weights** — inference of Qwen2.5 14B in int8 needs about 16.9 GB, within the 20 GB you have."
    turned = _in_the_sense_asked(lead, "Is 20GB too little for Qwen2.5 14B?")
    assert turned.startswith("**No**, it is enough with 8-bit weights — inference of Qwen2.5 14B")
    assert turned.count("**") % 2 == 0


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        # no question mark: the inverted clause it ends on asks
        (
            "Hi, thanks for the project. My office PC has a single 40G card, is that enough to run Mistral 7B in bf16",
            "Yes",
        ),
        ("[Phi-3 mini] works on a 4GB GTX 1650 in fp16?", "No"),
        ("Our lab has one 24 GB card. Does that mean we cannot run Llama 2 7B in fp16", "No"),
    ],
)
def test_a_yes_no_without_its_usual_shape_opens_with_its_verdict(assistant, question, verdict):
    checked = checked_answer(assistant, question)
    assert checked.understanding.details.yes_no
    assert _first_sentence(checked.draft).startswith(verdict), checked.draft[:300]


def test_an_oom_in_the_stated_full_fine_tune_is_expected(assistant):
    question = (
        "I fine-tune Qwen2.5 7B in full on a single RTX 4090 and it dies with CUDA OOM. Is this expected?"
    )
    lead = _first_sentence(checked_answer(assistant, question).draft)
    assert lead.startswith("Yes"), lead


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        (
            "my 4 x A4000 box OOMs in every process, same as on one card. is this expected?",
            "**Yes**, expected",
        ),
        ("would the job go through with 8 of these cards instead of 4? it OOMs now", "**No**, not as set up"),
        ("if I add two more 3060s, will it run out of memory anyway?", "**Yes** —"),
    ],
)
def test_an_expected_failure_lead_answers_the_yes_no_asked(question, verdict):
    from assistant.answering._verdict import expected_failure_verdict

    lead = "**Expected** — under plain data parallelism every GPU holds a whole copy of the model."
    assert expected_failure_verdict(lead, question).startswith(verdict)
    assert expected_failure_verdict("**Yes** — it fits.", question) is None


@pytest.mark.parametrize(
    ("question", "fits", "verdict"),
    [
        ("I have a single 16 GB card. Doesn't that rule out Yi 34B?", False, "**Yes**, it falls short"),
        ("Are three A5000s too few to serve Mixtral in fp16?", True, "**No**, it is enough"),
    ],
)
def test_rule_out_and_too_few_are_asked_as_a_shortfall(question, fits, verdict):
    lead = "**Yes** — it needs about 20 GB." if fits else "**No** — it needs about 40 GB."
    assert _in_the_sense_asked(lead, question).startswith(verdict)


def test_a_card_asked_as_required_that_does_not_hold_the_work_alone_is_no(assistant):
    # one H100 does not hold a full fine-tune of a 13B either: it is the memory, over several cards, that is needed
    checked = checked_answer(assistant, "would we need an H100 for a full finetune of Llama 2 13B?")
    assert checked.first_line.startswith("**No**, not an H100"), checked.first_line
    assert "several cards" in checked.first_line
