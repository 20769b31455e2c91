"""Answers for online RL fine-tuning (GRPO, PPO), parameter offload and cards the catalog lacks, told as a count and a
memory size. Every figure comes from the facts. Real components; phrasings in no evaluation set."""

from __future__ import annotations

import re
import uuid

import pytest

from assistant.answering._numbers import unsupported_numbers


@pytest.fixture(scope="module")
def ask(assistant):
    def _ask(question):
        state = assistant._prepare(question, f"rl-{uuid.uuid4().hex}")
        shown = f"{state['draft']}\n\n{state['details']}"
        assert unsupported_numbers(shown, state["facts"], state["passages"]) == set()
        return state

    return _ask


def _plain(text: str) -> str:
    return re.sub(r"[*_`]", "", text)


def test_grpo_is_named_and_its_reference_model_and_rollouts_are_itemised(ask):
    state = ask("thinking of doing GRPO on Qwen2.5 7B, full weights, how much gpu memory will that eat?")
    first = _plain(state["draft"]).splitlines()[0]
    assert "GRPO" in first
    assert "reference model" in state["details"] and "rollout KV cache" in state["details"]
    estimate = state["facts"].estimate
    assert estimate.item("reference model").gb == pytest.approx(estimate.workload.params * 2 / 1e9)


def test_ppo_counts_the_critic_and_the_reward_model(ask):
    state = ask("rlhf with ppo for a llama 3 8b policy, everything full-parameter — what hardware?")
    labels = {item.label for item in state["facts"].estimate.items}
    assert {"critic (value model)", "reward model", "reference model"} <= labels
    assert "PPO" in _plain(state["draft"]).splitlines()[0]


def test_zero3_with_offload_on_a_small_card_is_yes_given_the_cpu_ram(ask):
    state = ask("is it possible to do a full finetune of mistral 7b on my 4090 with zero3 and cpu offload?")
    first = _plain(state["draft"]).splitlines()[0]
    assert first.startswith("Yes, as long as")
    ram = dict(state["facts"].estimate.alternatives)[
        "CPU RAM for the offloaded parameters and optimizer states"
    ]
    assert f"{ram:,.0f} GB of CPU RAM" in first


def test_zero2_with_optimizer_offload_still_keeps_weights_on_the_gpu(ask):
    state = ask("with zero2 and optimizer offload could I full finetune llama 3 8b on a single 4090?")
    first = _plain(state["draft"]).splitlines()[0]
    assert first.startswith("No")
    assert not state["facts"].workload.param_offload


def test_several_cards_the_catalog_lacks_are_weighed_at_their_count(ask):
    state = ask("grpo of a 7b model, I have 4 MI100 (32GB) GPUs and it crashed, how many MI100 do I need?")
    first = _plain(state["draft"]).splitlines()
    assert "4 x 32 GB" in first[0]
    per_gpu = state["facts"].estimate.per_gpu_gb(4)
    assert f"{per_gpu:.1f} GB per GPU sharded over 4" in first[1]


def test_one_card_of_stated_memory_says_how_many_it_would_take(ask):
    state = ask("is 40gb enough to fine tune a 13b model?")
    lines = _plain(state["draft"]).splitlines()
    assert lines[0].startswith("Only with")
    estimate = next(o.estimate for o in state["facts"].options if o.label == "full fine-tuning")
    least = next(n for n in range(2, 65) if estimate.per_gpu_gb(n) <= 40)
    assert f"fits sharded over {least} cards of 40 GB" in lines[1]


def test_a_stated_method_too_big_for_one_card_says_how_many_cards_hold_it(ask):
    state = ask("would 48 gigs of vram be enough for a full finetune of a 7b?")
    first = _plain(state["draft"]).splitlines()[0]
    assert first.startswith("No")
    least = next(n for n in range(2, 65) if state["facts"].estimate.per_gpu_gb(n) <= 48)
    assert f"Sharded over {least} cards of 48 GB" in first


def test_the_biggest_model_to_qlora_on_owned_hardware_leads_with_fine_tuning(ask):
    state = ask("got a 4060 ti 16gb — biggest model i could qlora on it?")
    first = _plain(state["draft"]).splitlines()[0]
    qlora = next(t for t in state["facts"].owned.trains if t.method == "QLoRA fine-tuning")
    assert first.startswith("On your RTX 4060 Ti 16GB, the largest model I track that fits for QLoRA")
    assert qlora.model.name in first


def test_what_to_fine_tune_with_no_method_leads_with_the_method_that_fits_most(ask):
    state = ask("what could I finetune on my 3090?")
    first = _plain(state["draft"]).splitlines()[0]
    assert "for QLoRA fine-tuning is" in first
    assert "LoRA fine-tuning:" in first and "full fine-tuning:" in first


def test_gpu_hours_are_the_lead_figure_when_asked(ask):
    state = ask("roughly how many A100 hours for a full finetune of llama 3 8b on 500M tokens?")
    first = _plain(state["draft"]).splitlines()[0]
    t = state["facts"].plan.lead.training
    assert first.startswith(f"About {t.gpu_hours:,.0f} GPU-hours")


def test_gradient_checkpointing_turned_off_is_said_in_the_assumptions(ask):
    state = ask("lora of llama 3 8b with grad checkpointing disabled, does it fit a 24gb card?")
    assert "gradient checkpointing off, as you said" in state["draft"]
    assert not state["facts"].workload.gradient_checkpointing


def test_an_oom_asked_about_as_expected_gets_yes_when_it_does_not_fit(ask):
    state = ask("lora on llama 2 13b, one 4090, batch 4 — getting cuda out of memory, is that expected?")
    assert _plain(state["draft"]).startswith("Yes, running out of memory is expected there")


def test_an_oom_asked_about_as_normal_gets_no_when_it_fits_on_paper(ask):
    state = ask("my a6000 runs out of memory doing qlora on mistral 7b, is this normal?")
    first = _plain(state["draft"]).splitlines()[0]
    assert first.startswith("No, not on paper")
    assert "settings beyond that" in first


def test_several_cards_the_catalog_lacks_told_as_a_count_and_size(ask):
    state = ask("we've got 8x MI100 32GB. lora of qwen2.5 72b — how much memory?")
    first = _plain(state["draft"]).splitlines()[0]
    per = state["facts"].estimate.per_gpu_gb(8)
    assert f"{per:.1f} GB per GPU sharded (FSDP or ZeRO-3) over your 8 x 32 GB" in first
    assert "it fits" in first


def test_estimated_training_time_is_a_time_question(ask):
    state = ask("estimated finetuning time for qlora of mistral 7b on 20k samples with one L4?")
    assert _plain(state["draft"]).startswith("About ")
    assert state["facts"].understanding.details.wants_time


def test_ddp_named_beside_fsdp_gets_both_per_gpu_figures(ask):
    state = ask("ddp vs fsdp for a full finetune of mistral 7b on 4x A100 40GB — memory per gpu for each?")
    estimate = state["facts"].estimate
    text = _plain(state["draft"])
    # each strategy's memory per GPU, side by side: DDP keeps the whole model on every GPU, FSDP shards it
    assert f"DDP about {estimate.total_gb:,.0f} GB" in text
    assert f"FSDP about {estimate.per_gpu_gb(4):.1f} GB" in text


def test_an_oom_on_a_card_that_holds_it_lists_the_usual_fixes(ask):
    state = ask("qlora on llama 2 13b OOMs on my 16gb card, what can I do?")
    assert "settings beyond the estimate" in state["draft"].splitlines()[0]
    assert "gradient-accumulation" in state["details"] and "expandable_segments" in state["details"]


def test_an_oom_with_a_yes_no_about_its_cause_is_not_answered_yes_it_fits(ask):
    state = ask("full dpo of mistral 7b OOMs on 4x A100 80GB — is the reference model to blame?")
    first = _plain(state["draft"]).splitlines()[0]
    assert first.startswith("On paper")
    assert "reference model" in state["details"]


def test_how_much_ram_for_an_offloaded_run_leads_with_the_cpu_ram(ask):
    state = ask("how much system ram would I need to full finetune a 34b with deepspeed zero3 offload?")
    first = _plain(state["draft"]).splitlines()[0]
    ram = dict(state["facts"].estimate.alternatives)[
        "CPU RAM for the offloaded parameters and optimizer states"
    ]
    assert first.startswith(f"About {ram:,.0f} GB of CPU RAM")


def test_stated_memory_with_parameter_offload_is_yes_given_the_ram(ask):
    state = ask("is 12gb of vram enough to full finetune qwen2.5 7b with zero-infinity offload?")
    assert _plain(state["draft"]).startswith("Yes, as long as the machine has about")


def test_an_oom_that_only_fits_with_checkpointing_is_expected_if_it_is_off(ask):
    state = ask(
        "lora on mistral 7b at 32k tokens dies with OOM on an A100 80GB but 8k is fine — is that expected?"
    )
    first = _plain(state["draft"]).splitlines()[0]
    assert first.startswith("Yes, if gradient checkpointing is off")
    assert state["facts"].workload.context == 32 * 1024  # a training sequence is sized as asked, not capped


def test_should_i_try_another_setting_after_an_oom_is_answered_on_the_fit(ask):
    state = ask("qlora of llama 2 13b still OOMs on my 3090 at batch 16. should I try batch 1 instead?")
    assert not _plain(state["draft"]).startswith("On paper")


def test_how_many_cards_per_method_names_the_rl_method(ask):
    # the count per method for an RL run says it is that run's, not a plain fine-tune's
    first = _plain(ask("how many L40S would a PPO run on Qwen2.5 3B take?")["draft"]).splitlines()[0]
    assert first.startswith("It depends on the method — PPO fine-tuning Qwen2.5 3B takes"), first


def test_what_trains_on_owned_cards_for_an_rl_method_is_sized_as_that_run(ask):
    state = ask("planning some GRPO with qlora on my rtx 3090, what's the largest model that works?")
    first = _plain(state["draft"]).splitlines()[0]
    assert "the largest model I track that fits for GRPO QLoRA fine-tuning" in first
    assert "completions per prompt" in first and "sequence 2,048" not in first


@pytest.mark.parametrize(
    "question",
    [
        "The README used 8 H100s. Is it runnable on 4 A100 40GB with ZeRO-3? [Acme-RLHF, PPO]",
        "[TinyReasoner, GRPO] what GPU memory does training need, would two L40S do?",
    ],
)
def test_an_rl_method_with_no_model_is_no_research_release_of_generators(ask, question):
    text = _plain(ask(question)["draft"])
    assert "research releases" not in text and "image, video" not in text
