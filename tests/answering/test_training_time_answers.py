"""How long a fine-tune takes, asked the way people ask it: the dataset counted in examples (their length said in
a clause of its own, or not at all, when the answer assumes one and says so), on the one GPU they name even when
it does not hold the job (the time on as many of that GPU as do, and what fits on one). Every figure comes from
the facts. Real components; phrasings in no evaluation set."""

from __future__ import annotations

import re
import uuid

import pytest

from assistant.answering._numbers import unsupported_numbers


@pytest.fixture(scope="module")
def ask(assistant):
    def _ask(question):
        state = assistant._prepare(question, f"ttime-{uuid.uuid4().hex}")
        shown = f"{state['draft']}\n\n{state['details']}"
        assert unsupported_numbers(shown, state["facts"], state["passages"]) == set()
        return state

    return _ask


def test_the_named_gpu_is_timed_at_the_count_that_holds_the_job(ask):
    state = ask("how long to finetune qwen2.5 7b on one A100 80GB with 80k samples, around 600 tokens each?")
    first = state["draft"].splitlines()[0]
    fit = state["facts"].plan.lead
    assert "A100 80GB" in first and "H100" not in first  # their GPU, not another the question never named
    # the method unsaid and full fine-tuning too big for the one card: the fine-tune that fits there leads, timed on
    # it, and full fine-tuning is the aside with the count it would take
    assert first.startswith("About **") and "for LoRA fine-tuning of Qwen2.5 7B on 1x A100 80GB SXM" in first
    assert "full fine-tuning does not fit on one A100 80GB SXM" in first and "2 of them would take" in first
    assert state["facts"].workload.tokens == pytest.approx(80e3 * 600)
    assert fit is not None


def test_examples_of_an_unsaid_length_are_assumed_and_said(ask):
    state = ask("lora on llama 3 8b, 15k examples, 2 epochs — how many hours on an L40S?")
    first = state["draft"].splitlines()[0]
    assert "tokens per example" in first and "15,000 examples x 2 epochs" in first
    assert state["facts"].workload.tokens == pytest.approx(15e3 * 512 * 2)


def test_pretraining_without_a_token_budget_assumes_the_compute_optimal_one(ask):
    state = ask("how long would it take to train a 2B model from scratch on 16x H100?")
    first = state["draft"].splitlines()[0]
    assert state["facts"].workload.tokens == pytest.approx(20 * 2e9)
    assert "40B tokens (20 per parameter" in first and "Chinchilla" in first


def test_asking_for_the_token_budget_leads_with_it(ask):
    first = ask("what's the chinchilla-optimal number of tokens for a 500M model, and how long on one A100?")[
        "draft"
    ].splitlines()[0]
    assert first.startswith("About **10B training tokens**") and "A100" in first


def test_a_deadline_for_pretraining_gives_the_gpus_that_finish_in_time(ask):
    first = ask("we need to pretrain a 3b model from scratch within two weeks, how many A100s?")[
        "draft"
    ].splitlines()[0]
    assert "A100" in first and "60B tokens" in first and "14.0 days" in first


def test_a_flops_question_gets_the_compute(ask):
    first = ask("total training FLOPs and wall-clock for a 13B model on 1T tokens with 512 H100s?")[
        "draft"
    ].splitlines()[0]
    assert "7.8e22 FLOPs" in first  # 6 x 13B x 1T


def test_the_minimum_number_of_the_users_gpu_is_counted(ask):
    first = ask("minimum number of GPUs to fully fine-tune Qwen2.5 32B? our cards are H100 80GB")[
        "draft"
    ].splitlines()[0]
    assert first.startswith("**") and "x H100 SXM**" in first and "not 1" not in first


def test_a_time_seen_in_line_with_the_arithmetic_is_normal(ask):
    first = ask(
        "full FT of mistral 7b, 60k examples x 2 epochs, finished in 75 minutes on 8x H100 — does that sound normal?"
    )["draft"].splitlines()[0]
    assert first.startswith("**Yes** — 1.2 hours is in line")


def test_a_time_far_beyond_the_arithmetic_is_not_normal_and_the_causes_follow(ask):
    first = ask(
        "qlora of llama 3 8b on 20k samples takes 40 hours per epoch on one A100 80GB, is that expected?"
    )["draft"].splitlines()[0]
    assert first.startswith("**No** —") and "padding" in first


def test_too_slow_asks_the_other_way_round(ask):
    first = ask("my lora run of qwen2.5 7b over 100M tokens needs 2 days on a 4090, is that too slow?")[
        "draft"
    ].splitlines()[0]
    assert first.startswith("**No** —") and "in line" in first


def test_training_throughput_is_tokens_per_second_per_gpu(ask):
    state = ask(
        "roughly how many tokens per second per GPU should I get when fine-tuning qwen2.5 7b on H100s?"
    )
    first = state["draft"].splitlines()[0]
    fit = state["facts"].plan.lead
    assert first.startswith(f"About **{fit.training.tokens_per_s_per_gpu:,.0f} tokens/s per GPU**")
    # 989 TFLOPS x 40% MFU / ((6 + 2 recomputed with gradient checkpointing) FLOPs x 7.6B parameters): ~6,500/s
    assert 6000 < fit.training.tokens_per_s_per_gpu < 7000


def test_how_many_gpus_with_the_method_unsaid_gives_a_count_per_method(ask):
    text = ask("how many H100s does it take to finetune qwen2.5 72b?")["draft"]
    lead, lines = text.splitlines()[:2]
    assert lead.startswith("It depends on the method")
    counts = [int(n) for n in re.findall(r"\*\*(\d+) x H100 SXM\*\*", lines)]
    assert len(counts) == 3 and counts[0] > counts[1] > counts[2]  # full, LoRA, QLoRA


def test_a_dataset_told_by_its_file_size_is_read_as_tokens_and_said(ask):
    state = ask("how long would a lora of mistral 7b take on one L40S with a 800MB jsonl dataset?")
    first = state["draft"].splitlines()[0]
    assert state["facts"].workload.tokens == pytest.approx(800e6 / 4)
    assert "taking the 800 MB dataset as about 200M tokens" in first


def test_the_time_of_an_offloaded_fsdp_qlora_is_on_the_users_own_gpus(assistant):
    conversation = f"ttime-{uuid.uuid4().hex}"
    assistant.ask("planning qlora of a 70b llama on 2x rtx 3090 with fsdp", conversation_id=conversation)
    reply = assistant.ask("how long would 20k samples take?", conversation_id=conversation)
    first = reply.text.splitlines()[0]
    assert "2x RTX 3090" in first and "with FSDP and CPU offload" in first


def test_own_card_then_time_times_the_fine_tune_that_fits_it(converse):
    reply = converse("my rig has a single rtx 4090", "roughly how many hours to tune qwen2.5 7b on 30k rows?")
    first = reply.text.splitlines()[0]
    assert "on 1x RTX 4090" in first and "LoRA" in first, first
    assert "full fine-tuning does not fit on one RTX 4090" in first


def test_a_duration_asked_in_hours_leads_in_hours_even_under_one():
    from assistant.answering._compose._format import hours_as_asked

    assert hours_as_asked(0.5, "hours") == "0.5 hours (30 minutes)"
    assert hours_as_asked(60, "hours") == "60 hours (2.5 days)"
    assert hours_as_asked(30, "days") == "1.2 days (30.0 hours)"
    assert hours_as_asked(2, "minutes") == "120 minutes (2.0 hours)"
    assert hours_as_asked(0.5, None) == "30 minutes"


@pytest.mark.parametrize(
    "question",
    [
        "how many hours would a lora of mistral 7b on 10M tokens take on one H100?",
        "how many days to fully fine-tune a 70b on 8 h100s with 500M tokens?",
    ],
)
def test_a_duration_opens_in_the_unit_asked_and_every_figure_is_supported(ask, question):
    first = ask(question)["draft"].splitlines()[0]
    unit = "hours" if "hours" in question else "days"
    assert first.startswith("About **") and f" {unit}" in first.split("**")[1]
