"""Training answers in the shape asked (issue 9, finetune): "how long" leads with the time (and the range
typical utilisation gives) on the user's whole cluster; "what would it cost" leads with dollars from the
offerings table; "max batch size" leads with the batch; an OOM at a batch that does not fit gets the batch
that does; "how much memory" against memory the user says is too small leads with the figure and the methods
that fit. Every figure comes from the facts. Real components; phrasings in no evaluation set."""

from __future__ import annotations

import re
import uuid

import pytest

from assistant.answering._numbers import unsupported_numbers


@pytest.fixture(scope="module")
def ask(assistant):
    def _ask(question):
        state = assistant._prepare(question, f"train-{uuid.uuid4().hex}")
        shown = f"{state['draft']}\n\n{state['details']}"
        assert unsupported_numbers(shown, state["facts"], state["passages"]) == set()
        return state

    return _ask


def _days(line: str) -> list[float]:
    return [float(x.replace(",", "")) for x in re.findall(r"([\d,.]+) days", line)]


def test_how_long_on_a_cluster_of_servers_uses_every_gpu_and_leads_with_the_time(ask):
    state = ask("Roughly how many days to pretrain a 70B model on 1.4T tokens using 128 DGX A100 (8x80GB)?")
    first = state["draft"].splitlines()[0]
    assert first.startswith("About **") and "days" in first
    assert "1024x A100 80GB SXM" in first
    central, fast, slow = _days(first)[:3]
    # 6 x 70B x 1.4T / (1024 x 312 TFLOPS x 40% MFU), in days
    assert central == pytest.approx(6 * 70e9 * 1.4e12 / (1024 * 312e12 * 0.4) / 86400, rel=0.02)
    assert fast < central < slow
    assert "MFU" in first


def test_what_a_fine_tune_costs_leads_with_dollars_and_its_token_assumption(ask):
    state = ask("what's the price of finetuning StarCoder for my company's code base?")
    first = state["draft"].splitlines()[0]
    assert re.match(r"About \*\*\$[\d,.]+\*\*", first)
    assert "training tokens" in first  # the dataset size it assumed, said in the same line


def test_a_dataset_in_examples_changes_the_time(ask):
    small = ask("How long to fine-tune Mistral 7B on 10k examples of 512 tokens on 4x A100 80GB?")
    large = ask("How long to fine-tune Mistral 7B on 100k examples of 512 tokens on 4x A100 80GB?")
    t_small = small["facts"].plan.lead.training.hours
    t_large = large["facts"].plan.lead.training.hours
    assert t_large == pytest.approx(10 * t_small)


def test_the_largest_batch_is_the_answer(ask):
    state = ask("What's the largest batch I can fit for LoRA on Llama 3.1 8B at 2k context on a 48GB A6000?")
    first = state["draft"].splitlines()[0]
    most = state["facts"].plan.batch_room[2]
    assert most > 1
    assert first.startswith(f"**Batch {most}**")


def test_an_oom_at_a_batch_that_does_not_fit_gets_the_batch_that_does(ask):
    state = ask("LoRA of Qwen2.5 14B keeps OOMing at batch size 16 with 4096 seq len on one L40S. What now?")
    draft = state["draft"]
    most = state["facts"].plan.batch_room[2]
    assert 0 < most < 16
    assert f"**batch {most}**" in draft and "gradient accumulation" in draft


def test_memory_asked_beyond_what_the_user_has_leads_with_the_figure_and_what_fits(ask):
    state = ask(
        "How much vram do I need to fully finetune Qwen-VL-Chat? only 40 GB here and it runs out of memory"
    )
    first = state["draft"].splitlines()[0]
    total = state["facts"].estimate.total_gb
    assert total > 40
    assert first.startswith("Full fine-tuning of Qwen-VL needs about **")
    assert "more than the 40 GB you have" in first and "LoRA" in first


def test_a_single_named_gpu_gets_no_yes_for_a_method_that_needs_several(ask):
    state = ask("would one L40S do for fine-tuning Llama 3.1 8B?")
    first = state["draft"].splitlines()[0]
    assert first.startswith("**Only with LoRA or QLoRA**")
    assert "Full fine-tuning: no" in state["draft"]


def test_offload_answers_size_gpu_and_cpu_memory_separately(ask):
    state = ask("ZeRO-3 with optimizer offload: can I fully finetune Qwen2.5 14B on 2x A100 80GB?")
    draft = state["draft"]
    assert draft.startswith("**Yes**")
    assert "GB of CPU RAM" in draft


def test_a_question_asked_in_the_negative_gets_yes_when_it_does_not_fit(ask):
    state = ask("Full fine-tune of Qwen2.5 14B on one RTX 4090 - is 24GB simply too small?")
    assert state["draft"].startswith("**Yes**, it is not enough")


def test_a_cluster_where_only_the_sharded_low_memory_full_fine_tune_fits_says_so(ask):
    state = ask("Could our 2x8xA100 (40G) cluster fine-tune Qwen2.5 72B?")
    draft = state["draft"]
    assert draft.startswith("**Yes, with LoRA or QLoRA** on 16 x A100 40GB")
    full_line = draft.split("Full fine-tuning:")[1].split("LoRA fine-tuning:")[0]
    assert "8-bit AdamW" in full_line and "does not fit" in full_line


def test_a_gpu_count_without_a_gpu_gets_the_figure_per_gpu_at_that_count(ask):
    state = ask("full finetuning Gemma 2 9B sharded over 4 GPUs with FSDP - memory needed on each one?")
    estimate = state["facts"].estimate
    first = state["draft"].splitlines()[0]
    assert f"**{estimate.per_gpu_gb(4):.1f} GB per GPU**" in first
    unstated = ask("SFT Gemma 2 9B over 8 GPUs using FSDP, how much memory on every GPU?")
    assert "per GPU** on 8 GPUs" in unstated["draft"].splitlines()[0]
    assert "LoRA fine-tuning: about" in unstated["draft"] and "per GPU on 8" in unstated["draft"]


def test_several_gpus_that_hold_a_full_fine_tune_only_together_say_it_is_sharded(ask):
    draft = ask("Is 4x L40S enough to fine-tune Llama 3 8B?")["draft"]
    full_line = draft.split("Full fine-tuning:")[1].split("LoRA fine-tuning:")[0]
    # about 129 GB in all does not fit one 48 GB card: it fits on four only split across them
    assert full_line.startswith(" yes") and "FSDP or ZeRO-3 sharding" in full_line


def test_when_only_the_lean_full_fine_tune_fits_the_lead_names_the_methods_that_fit(ask):
    draft = ask("four RTX 3090s: can they fine-tune a 13B model?")["draft"]
    lead = draft.splitlines()[0]
    assert lead.startswith("**Yes, with LoRA or QLoRA** on 4 x RTX 3090")
    assert "with any method" not in lead and "not with standard mixed-precision AdamW" in lead


def test_a_run_seen_using_about_the_estimate_is_called_normal_first(ask):
    draft = ask("is it normal that LoRA of Llama 3 8B takes 21 GB on my A100 40GB at batch 1?")["draft"]
    lead = draft.splitlines()[0]
    assert lead.startswith("**Yes** — the 21 GB you see is in line with the estimate of about ")


def test_asked_whether_something_is_wrong_the_same_reading_answers_no(ask):
    draft = ask("full FT of Qwen2.5 1.5B uses 27 GB on one H100 — is something wrong with my setup?")["draft"]
    assert draft.splitlines()[0].startswith("**No** — the 27 GB you see is in line with the estimate")


def test_far_more_than_the_estimate_names_what_raises_it_and_no_verdict(ask):
    draft = ask("QLoRA of Mistral 7B is using 40GB on an A100 80GB at 1k context, is that expected?")["draft"]
    lead = draft.splitlines()[0]
    assert lead.startswith("The 40 GB you see is well above the estimate of about ")
    assert "caching allocator" in lead and "gradient checkpointing" in lead


def test_a_reading_given_with_a_fit_question_leaves_the_fit_verdict_first(ask):
    draft = ask("LoRA of Llama 3 8B uses 30 GB on my A100 80GB; will it fit on one RTX 4090 instead?")[
        "draft"
    ]
    lines = draft.splitlines()
    assert lines[0].startswith("**")  # the verdict on the RTX 4090 leads
    assert any(line.startswith("The 30 GB you see") for line in lines[1:])


def test_zero_2_that_only_fits_at_zero_3_says_only_with_zero_3(ask):
    draft = ask("Does a full fine-tune of Mistral 7B with DeepSpeed ZeRO stage 2 fit on 4 x A100 40GB?")[
        "draft"
    ]
    lead = draft.splitlines()[0]
    assert lead.startswith("**Only with ZeRO-3**")
    assert "at ZeRO stage 2 every GPU keeps the whole 16-bit weights" in lead


def test_a_mac_within_its_gpu_share_but_over_the_training_headroom_says_the_smaller_figure(ask):
    """26.0 GB is within the 27 GB macOS lets an M3 Max 36GB's GPU use, but over the 95% a training run may fill:
    the verdict names the 25.6 GB it can fill, never 'more than the 27.0 GB' (which 26.0 is not)."""
    state = ask("full finetune of a 1.35b on an m3 max 36gb macbook, doable?")
    first = state["draft"].split("\n")[0]
    assert first.startswith("**No**") and "more than the 27.0 GB" not in first
    assert "25.6 GB it can fill of the 27.0 GB" in first


def test_fully_after_a_versioned_name_gets_the_full_fine_tune_verdict(ask):
    state = ask("Can I fine-tune Llama 3.2 1B fully on an M2 MacBook Air with 16GB?")
    assert state["draft"].startswith("**No** — full fine-tuning of Llama 3.2 1B")


def test_a_yes_no_deadline_on_one_card_that_cannot_hold_the_job_is_no_first(ask):
    state = ask("can I full finetune llama 3 8b on 100M tokens in under a day on one H100?")
    assert state["draft"].startswith("**No** — full fine-tuning of Llama 3 8B")
    assert "to finish within" in state["draft"]  # the GPUs that would, after the verdict


def test_a_yes_no_deadline_on_a_card_that_holds_the_job_is_decided_by_the_time(ask):
    quick = ask("can I qlora llama 3 8b on 100M tokens in under a day on one 4090?")["draft"]
    assert quick.startswith("**Yes** — on 1x RTX 4090 it takes about") and "one GPU takes" in quick
    slow = ask("can I lora mistral 7b on 500M tokens within 10 hours on my rtx 3090?")["draft"]
    assert slow.startswith("**No** — on 1x RTX 3090 it takes about") and "more than the 10.0 hours" in slow


def test_a_budget_word_names_the_cheapest_rate_that_holds_the_job_with_its_time_and_cost(ask):
    """The job's cheapest run can be on fast cards at a high rate; a user on a budget also gets the lowest hourly
    rate that holds it, with how long it takes there and what the job then costs."""
    draft = ask("on a tight budget, what would a full finetune of llama 3 8b on 100M tokens cost?")["draft"]
    first = draft.split("\n")[0]
    assert first.startswith("About **$") and "The cheapest per hour that holds it:" in first
    cheapest = re.search(
        r"holds it: (\d+)x ([^$]+) at \$([\d.]+)/hour, about [\d.]+ hours and \$([\d.]+)", first
    )
    lead_rate = float(re.search(r"\(\$([\d.]+)/hour\)", first).group(1))
    assert cheapest and float(cheapest.group(3)) < lead_rate
    plain = ask("what would a full finetune of llama 3 8b on 100M tokens cost?")["draft"]
    assert "cheapest per hour" not in plain  # no budget said: the job's cost alone
