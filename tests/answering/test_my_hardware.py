"""'The GPU I have' mode: a user names their hardware; the answer lists models, quants, context, speed, training."""

from __future__ import annotations

import re

import pytest

from assistant.knowledge import load_catalog, load_models
from assistant.planning._owned import what_runs
from assistant.sizing import load_assumptions
from assistant.understanding import Intent, understand


@pytest.mark.parametrize(
    "question",
    [
        "which models can my rtx 3060 12gb handle?",
        "got a macbook air m2 16gb, what llms could it run",
        "what's the biggest model my 7900 xtx can load",
    ],
)
def test_what_runs_questions_are_recognised(question):
    assert understand(question, load_catalog(), load_models()).intent is Intent.MY_HARDWARE


def test_a_named_model_stays_a_sizing_question():
    u = understand("can my 3060 12gb run qwen2.5 14b?", load_catalog(), load_models())
    assert u.intent is not Intent.MY_HARDWARE


def test_24gb_runs_a_4bit_32b_and_qloras_a_32b_but_not_a_70b():
    report = what_runs(load_catalog().by_name("RTX 4090"), 1, load_models(), load_assumptions())
    rows = {r.model.name: r for r in report.runs}
    assert rows["Qwen2.5 32B"].quant in ("q4_k_m", "q5_k_m") and rows["Qwen2.5 32B"].memory_gb <= 24
    assert rows["Llama 3.1 8B"].quant == "q8_0" and rows["Llama 3.1 8B"].decode_tokens_per_s > 50
    qlora = next(t for t in report.trains if t.method == "QLoRA fine-tuning")
    assert qlora.model is not None and qlora.model.params_b < 40


def test_a_mac_answer_uses_its_gpu_share_and_says_training_is_not_sized(assistant):
    reply = assistant.ask("I own a Mac Studio M2 Ultra 192GB. What models would it run?")
    assert "M2 Ultra 192GB" in reply.text and "144 GB usable" in reply.text and "75%" in reply.text
    assert (
        "gpt-oss-120b" in reply.text and "MLX" in reply.text + reply.details
    )  # the training note is a detail


def test_a_laptop_answer_lists_quants_and_speeds(assistant):
    reply = assistant.ask("what can I do with an rtx 4070 laptop gpu?")
    assert "RTX 4070 Laptop" in reply.text and "8.0 GB usable" in reply.text
    assert "Q8_0" in reply.text and "generate t/s" in reply.text and "QLoRA" in reply.text + reply.details


def test_memory_alone_gets_the_what_runs_table_at_a_real_cards_speed(assistant):
    reply = assistant.ask("what is the largest llm that would run with sixteen gigs of vram?")
    assert reply.intent == "my_hardware"
    assert "16 GB GPU" in reply.text and "speeds as on the" in reply.text
    stand_in = reply.gpus[0]
    assert load_catalog().by_name(stand_in).memory_gb == 16  # a real card with that memory sets the speeds


def test_the_largest_model_named_first_runs_at_a_quant_worth_running(assistant):
    # on 8 GB a 14B loads only in Q2_K (llama.cpp's quantize table: several times the loss of Q3_K_M), so the lead
    # names the largest at Q3_K_M or better and mentions the 14B as the trade-off it is
    reply = assistant.ask("what models can my 8gb rtx 3070 handle locally?")
    lead = reply.text.split("\n\n")[0]
    largest = re.search(r"the largest model here that runs is \*\*(.+?)\*\* in (\w+)", lead)
    assert largest and largest.group(2) != "Q2_K"
    if "Q2_K" in reply.text.split("\n\n")[1]:
        assert "only in Q2_K" in lead


@pytest.mark.parametrize(
    "question",
    [
        "would qlora even work on a 2080 ti?",
        "full finetuning on one h100 80gb, doable?",
        "is it possible to do some training on an 8gb card?",
    ],
)
def test_a_method_on_hardware_without_a_model_asks_what_trains_there(question):
    assert understand(question, load_catalog(), load_models()).intent is Intent.MY_HARDWARE


def test_a_method_with_a_tool_named_stays_a_support_question():
    u = understand("does unsloth qlora work on a 2080 ti?", load_catalog(), load_models())
    assert u.intent is not Intent.MY_HARDWARE


def test_whether_a_method_fits_opens_with_the_verdict_and_the_largest_model(assistant):
    catalog, models = load_catalog(), load_models()
    report = what_runs(catalog.by_name("RTX 2080 Ti"), 1, models, load_assumptions())
    qlora = next(t for t in report.trains if t.method.lower().startswith("qlora"))
    reply = assistant.ask("would qlora even work on a 2080 ti?", conversation_id="method-on-hw-1")
    first = reply.text.split("\n", 1)[0]
    assert first.startswith("**Yes** — on your **RTX 2080 Ti**") and qlora.model is not None
    assert f"**{qlora.model.name}**" in first
    full = assistant.ask("full fine-tuning on a gtx 1650, doable?", conversation_id="method-on-hw-2")
    assert full.text.startswith("**No** — on your **GTX 1650**, none of the models I track fit for full")


def test_an_amd_card_gets_the_training_lead_without_qlora_when_bitsandbytes_is_limited(assistant):
    # the software table lists PyTorch as running on ROCm and bitsandbytes only "with limits" there
    reply = assistant.ask(
        "could a radeon rx 7900 xtx handle some llm fine-tuning?", conversation_id="rocm-train-1"
    )
    first = reply.text.split("\n", 1)[0]
    assert first.startswith("**Yes** — on your **RX 7900 XTX**, the largest model I track that fits for LoRA")
    assert "QLoRA" not in first


def test_the_biggest_of_a_family_that_runs_leads_with_the_largest_of_it_that_fits(assistant):
    """'The biggest qwen2.5 my 3090 can run': Qwen2.5 32B in Q4_K_M fits 24 GB, 72B does not."""
    reply = assistant.ask("what's the biggest qwen2.5 my 3090 can run?", conversation_id="family-ladder-3090")
    first = reply.text.split("\n\n")[0]
    assert "**Qwen2.5 32B**" in first and "Q4_K_M" in first, first
    assert not first.startswith("**Yes"), first
