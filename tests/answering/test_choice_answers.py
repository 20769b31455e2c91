"""'Which is better for X, A or B' names one for X, chosen by what limits X (issue 9 item 2): whether it holds the
work, compute for training, bandwidth for one stream, tokens/s per GPU at full load for many users.
Real components; phrasings in no evaluation set."""

from __future__ import annotations

import re

import pytest


def test_the_one_that_holds_the_model_wins(ask):
    reply = ask("to host Qwen2.5 32B in bf16 for our team, L40S or H100 — which would you pick?")
    assert reply.text.startswith("**The H100") and "does not" in reply.text.splitlines()[0]


def test_setups_of_different_sizes_are_compared_per_gpu(ask):
    reply = ask("to host Qwen2.5 72B in bf16 for our team, H200 or H100 — which would you pick?")
    first = reply.text.splitlines()[0]
    assert first.startswith("**The H200**") and "per GPU" in first


def test_training_is_decided_by_compute_not_price(ask):
    reply = ask("for a QLoRA run on Mistral 7B, RTX 3090 or L40S, which one is better?")
    first = reply.text.splitlines()[0]
    assert first.startswith("**The L40S**") and "compute" in first and "TFLOPS" in first


def test_one_stream_is_decided_by_bandwidth(ask):
    reply = ask("Qwen2.5 3B chat for myself: T4 or A10G, which is better?")
    first = reply.text.splitlines()[0]
    assert first.startswith("**The A10G**") and "bandwidth" in first


def test_many_users_are_decided_by_tokens_per_gpu_at_full_load(ask):
    reply = ask("Llama 3.1 8B for many users in production — A100 80GB or H100, which is better?")
    first = reply.text.splitlines()[0]
    assert first.startswith("**The H100") and "per GPU at full load" in first


def test_a_fine_tune_of_unsaid_method_is_chosen_and_each_method_placed_on_each_gpu(ask):
    """'A or B to fine-tune X' with no method said: a pick first, then every method on each of the two."""
    reply = ask("between an rtx a6000 and an a100 80gb, which would you pick to finetune llama 3.1 8b")
    first, second = reply.text.splitlines()[:2]
    assert first.startswith("**The ") and "TFLOPS" in first
    for method in ("Full fine-tuning (about", "LoRA fine-tuning (about", "QLoRA fine-tuning (about"):
        assert method in second
    assert "RTX A6000" in second and "A100 80GB SXM" in second  # full fine-tuning: each one's own setup


def test_when_neither_holds_a_full_fine_tune_the_pick_is_for_the_method_they_hold(ask):
    reply = ask("would a 3090 or an a100 40gb be the better choice to finetune qwen2.5 7b?")
    first, second = reply.text.splitlines()[:2]
    assert first.startswith("**The A100 40GB** for LoRA fine-tuning") and "312" in first
    assert second.startswith("Full fine-tuning (about") and "needs" in second.split(".")[0]


def test_when_neither_holds_16_bit_weights_the_pick_is_in_the_first_format_one_holds(ask):
    reply = ask("for running a 30b model, would you go with an l40s or an a100 40gb?")
    first, second = reply.text.splitlines()[:2]
    assert first.startswith("**The L40S** for inference in FP8")  # the A100 has no FP8; the L40S holds ~34 GB
    assert second.startswith("In bf16 (about") and "no FP8 support" in second and "In 4-bit (int4)" in second


def test_a_geforce_card_trains_at_its_bf16_rate_not_its_fp16_headline(ask, catalog):
    """A GeForce card's headline FP16 figure is with FP16 accumulate; BF16 and mixed-precision training run at the
    FP32-accumulate rate, half of it: that is the figure a training comparison uses."""
    reply = ask("for training, is an rtx 3090 or an rtx a5000 the stronger card?")
    geforce = catalog.by_name("RTX 3090")
    assert f"{geforce.fp16_fp32acc_tflops:,.0f} on the RTX 3090" in reply.text.splitlines()[0]
    assert "dense BF16 (FP32 accumulate)" in reply.text


def test_cards_counted_on_one_side_add_up_but_do_not_pool_their_memory(ask):
    reply = ask("for inference: 2x rtx 4090, or a single l40s?")
    first = reply.text.splitlines()[0]
    assert first.startswith("For inference, **2 x RTX 4090**") and "together" in first
    assert "not one 48 GB card" in first and "split across the cards" in first


@pytest.mark.parametrize(
    ("question", "verdict", "figure"),
    [
        ("would an a10g be as quick as an l40s for serving a chatbot?", "No", "600 GB/s"),  # 600 vs 864 GB/s
        ("is the h200 as good as an h100 for inference or not", "Yes", "4,800 GB/s"),
    ],
)
def test_is_a_as_fast_as_b_gets_yes_or_no_from_the_figure_that_decides_the_use(
    ask, question, verdict, figure
):
    first = ask(question).text.splitlines()[0]
    assert (
        first.startswith(f"**{verdict}** — generating tokens is bound by memory bandwidth")
        and figure in first
    )


# ----------------------------------------------------------------------------- "is A worth the extra cost?"


def _work_per_dollar_verdict(reply):
    import re

    m = re.match(
        r"\*\*(Yes|No)\*\* — for (?:training|generating tokens) \(\w+-bound\), the (.+?) has ([\d.]+)x the .+? "
        r"for ([\d.]+)x the median hourly price",
        reply.text,
    )
    assert m, reply.text[:300]
    return m.group(1), float(m.group(3)), float(m.group(4))


def test_worth_the_extra_cost_is_decided_by_work_per_dollar_for_the_use(ask):
    for question in (
        "thinking of renting h100s instead of a100 80gb for pretraining runs. worth the premium?",
        "for token generation is an l40s worth it over an a40 or nah",
    ):
        word, speed, price = _work_per_dollar_verdict(ask(question))
        assert (word == "Yes") == (speed > price), question


def test_worth_the_money_with_a_model_named_is_decided_by_the_cost_per_token(ask):
    reply = ask("would an h100 be worth the money over an l4 to serve mistral 7b to lots of users?")
    assert reply.text.startswith(("**Yes**:", "**No** — not the H100 SXM:"))
    assert "per million generated tokens" in reply.text.split("\n\n")[0]


def test_two_setups_neither_holding_16_bit_weights_are_weighed_in_a_smaller_format(assistant):
    # no format said: "neither" in bf16 is no answer for a 48 GB choice and a 70B model; the first smaller format
    # one of them holds is (4-bit, ~43 GB by the estimate), with the setup that holds it named
    reply = assistant.ask(
        "thinking of buying either one rtx a6000 or a pair of 3090s to serve a 70b model, which?",
        conversation_id="setups-smaller-format",
    )
    assert reply.text.startswith("**One RTX A6000 (48 GB), in int4**"), reply.text[:200]
    assert "in int4 it needs about" in reply.text
    assert not reply.text.startswith("**Neither**")


def test_a_card_weighed_over_another_is_a_choice_with_a_verdict(assistant):
    def first(question):
        reply = assistant.ask(question, conversation_id=f"pick-verdict-{hash(question)}")
        return reply.text.split("\n", 1)[0]

    # training is bound by compute: the H100 is the pick, so the claim about it earns a Yes, about the A100 a No
    assert first("for a lora run on llama 3 8b, is the h100 worth it over the a100 80gb?").startswith(
        "**Yes**: **The H100 SXM**"
    )
    assert first("for a lora run on llama 3 8b, is the a100 80gb worth it over the h100?").startswith(
        "**No** — not the A100 80GB SXM: **The H100 SXM**"
    )


def test_a_relative_which_about_a_second_card_is_no_choice(assistant):
    import uuid as _uuid

    reply = assistant.ask(
        "Anyone running qwen2.5 72b on 4 x L40S? The readme says A100 works, which has only 80G.",
        conversation_id=f"choice-{_uuid.uuid4().hex}",
    )
    assert reply.text.startswith(("**Yes**", "**No**", "**Only"))
    assert not reply.text.startswith("**The ")


@pytest.mark.parametrize(
    ("question", "pick", "unit"),
    [
        (
            "a100 or h100 — which is the better value for pretraining?",
            "H100 SXM",
            "dense BF16 TFLOPS per $/hour",
        ),
        (
            "for serving llms, is the l4 or the t4 more bang for your buck?",
            "L4",
            "GB/s of memory bandwidth per $/hour",
        ),
    ],
)
def test_value_asked_picks_by_what_a_dollar_buys_of_the_bound_resource(assistant, question, pick, unit):
    # training is bound by compute, generating tokens by memory bandwidth: value is that per dollar an hour
    first = assistant.ask(question).text.split("\n\n")[0]
    assert f"per dollar, the **{pick}**" in first
    assert unit in first
    assert not first.startswith("**No**") and not first.startswith("**Yes**")


def test_for_training_at_par_compute_the_card_with_far_more_memory_is_named(ask):
    # RTX A6000 (48 GB, 155 TFLOPS) against the RTX 4090 (24 GB, 165): about as fast, twice the room
    first = ask("for fine-tuning models, would you pick a 4090 or an a6000?").text.split("\n")[0]
    assert first.startswith("For training, the **RTX A6000**")
    assert "48 GB holds what 24 GB cannot" in first


def test_for_inference_at_par_bandwidth_the_card_with_far_more_memory_is_named(ask):
    # L4 (24 GB, 300 GB/s) against the T4 (16 GB, 320 GB/s): tokens come about as fast, and 1.5x the room
    first = ask("for running inference, do I want a T4 or an L4?").text.split("\n")[0]
    assert first.startswith("For inference, the **L4**"), first
    assert "24 GB holds what 16 GB cannot" in first


def test_for_inference_much_more_bandwidth_still_wins(ask):
    first = ask("for inference: an A100 80GB or an L40S?").text.split("\n")[0]
    assert first.startswith("For inference, the **A100 80GB"), first


def test_for_training_a_much_faster_card_still_wins_at_equal_memory(ask):
    first = ask("training: rtx 3090 or rtx 4090, which one?").text.split("\n")[0]
    assert first.startswith("For training, the **RTX 4090**")


def test_cost_effectiveness_between_two_cards_is_work_per_dollar_not_the_lower_rate(ask):
    first = ask("for pretraining, is the h100 or the a100 80gb more cost-efficient?").text.split("\n")[0]
    assert first.startswith("For training per dollar, the **H100 SXM**")
    assert "TFLOPS per $/hour" in first


def test_a_format_only_one_setup_holds_is_a_trade_in_a_which_and_a_partial_yes_in_a_can(assistant):
    # 8-bit only the big-memory Mac holds, 4-bit both: "which?" names each side of the trade, "can either?" says yes
    # for the format both hold before the one only one holds ("Only in 8-bit" would deny the 4-bit yes)
    which = assistant.ask(
        "an m2 ultra with 192gb or a pair of 4090s for 70b models, what would you pick?",
        conversation_id="setups-trade-which",
    ).text
    assert re.match(r"\*\*One M2 Ultra 192GB for q8_0, 2 x RTX 4090 \([^)]*\) for speed in q4_k_m\*\*", which)
    can = assistant.ask(
        "could either an m2 ultra 192gb or a pair of 4090s run a 70b?", conversation_id="setups-trade-can"
    ).text
    assert can.startswith("**Yes, in q4_k_m on either; in q8_0 only on one M2 Ultra 192GB**"), can[:200]
    better = assistant.ask(
        "is it better to host a 70b on an m2 ultra 192gb or on a pair of 4090s?",
        conversation_id="setups-trade-better",
    ).text
    assert better.startswith("**One M2 Ultra 192GB for q8_0, 2 x RTX 4090"), better[
        :200
    ]  # a choice, not a yes/no
