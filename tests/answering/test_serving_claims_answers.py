"""Serving answers (round 4): a claimed spec corrected before the answer, a speed the user expects answered Yes or
No with the estimate, time to first token as the lead figure, self-hosting set against an API's price per million
tokens, a vLLM out-of-memory log with no model named, tensor parallelism wider than the model's heads, a month
"24/7" priced for one GPU, and follow-ups that keep the earlier figure. Real components; phrasings in no
evaluation set."""

from __future__ import annotations

import re

import pytest


def _lead(fit):
    return fit.serving


def test_a_wrong_bandwidth_is_corrected_and_the_expected_speed_gets_a_no(ask, assistant):
    reply = ask("our A10G has 1.5 TB/s so mistral 7b should push like 90 tok/s on it, yes?")
    a10g = assistant.services.catalog.by_name("A10G")
    verdict, correction = reply.text.split("\n\n")[:2]
    assert verdict.startswith("**No**")  # the verdict stays first; the correction follows it
    assert correction.startswith(
        f"The A10G has {a10g.memory_bandwidth_gbs:,.0f} GB/s of memory bandwidth, not 1.5"
    )
    fit = next(c for c in reply.plan.checks if c.gpu.name == "A10G")
    assert f"{fit.serving.decode_tokens_per_s:,.0f} tokens/s" in verdict


def test_an_expected_speed_within_the_estimate_is_a_yes(ask):
    reply = ask("can an RTX 4090 give about 40 tok/s with llama 3.1 8b in fp16?")
    assert reply.text.startswith("**Yes**"), reply.text
    assert "tokens/s" in reply.text.split("\n", 1)[0]


def test_a_claimed_memory_type_is_corrected_explicitly(ask):
    reply = ask("since the L40S has HBM3 it should be as fast as an H100 for inference, no?")
    verdict, correction = reply.text.split("\n\n")[:2]
    assert verdict.startswith("**No**"), reply.text
    assert correction.startswith("The L40S has GDDR6") and "not HBM3" in correction


def test_nvlink_claimed_on_cards_without_it_is_corrected(ask):
    reply = ask("two RTX 4090 cards over nvlink, can they serve qwen2.5 32b in 4-bit?")
    verdict, correction = reply.text.split("\n\n")[:2]
    assert verdict.startswith(("**Yes", "**No", "**Only")), reply.text
    assert correction.startswith("The RTX 4090 has no NVLink"), reply.text


def test_a_claim_without_a_verdict_is_corrected_before_the_answer(ask):
    reply = ask("how many tokens/s does llama 3.1 8b get on an L4 with its 900 GB/s?")
    assert reply.text.startswith("The L4 has 300 GB/s of memory bandwidth, not 900 GB/s."), reply.text


def test_time_to_first_token_leads_with_the_prefill_time(ask):
    reply = ask("what TTFT should I expect for a 16k-token prompt to llama 3.1 8b on one L4?")
    fit = next(c for c in reply.plan.checks if c.gpu.name == "L4")
    ttft = fit.serving.time_to_first_token_s
    shown = f"{ttft * 1000:,.0f} ms" if ttft < 1 else f"{ttft:,.1f} s"
    assert reply.text.startswith(f"About **{shown}** to the first token for a 16,384-token prompt"), (
        reply.text
    )


def test_self_hosting_is_set_against_the_quoted_api_price(ask):
    reply = ask(
        "is running llama 3.1 8b on one H100 cheaper than an API charging $0.50 per million output tokens?"
    )
    per_token = reply.plan.lead.serving.cost_per_million_tokens
    m = re.search(r"About \*\*\$([\d.,]+) per million generated tokens\*\*", reply.text)
    assert m, reply.text
    assert f"{0.5 / per_token:.1f}x below the $0.50 per million tokens" in reply.text or (
        f"{per_token / 0.5:.1f}x the $0.50" in reply.text
    )
    assert "per GPU-hour" not in reply.details.split("**GPUs that fit**", 1)[-1].split("\n", 1)[0]


def test_a_vllm_oom_log_without_a_model_explains_cuda_graphs_and_the_knobs(ask):
    reply = ask(
        "vllm serve crashes: torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 20.00 MiB. "
        "It works with --enforce-eager but that is slow. what else can I do?"
    )
    assert reply.intent == "explain"
    assert "CUDA graphs" in reply.text
    assert "--max-num-seqs" in reply.text and "--max-model-len" in reply.text
    assert not reply.gpus


def test_tensor_parallel_wider_than_the_kv_heads_says_the_size_that_works(ask, assistant):
    reply = ask("how do I serve Llama 3.1 70B across 16 A100 40GB with vllm tensor parallel?")
    shape = reply.plan.workload.shape
    assert shape.kv_heads == 8
    assert "--tensor-parallel-size 8" in reply.text and "--pipeline-parallel-size 2" in reply.text


def test_a_month_round_the_clock_is_priced_for_one_gpu(ask):
    reply = ask("what's it cost per month to keep one H100 up 24/7, on demand vs spot?")
    assert "7x" not in reply.text and "7 GPUs" not in reply.text
    assert "per month" in reply.text


def test_a_capacity_follow_up_keeps_the_users_speed(ask):
    reply = ask(
        "how many users can one A100 80GB serve with llama 3.1 70b awq at 20 tok/s each?",
        "and with two of them?",
    )
    assert re.search(r"concurrent users\*\* at 20 tokens/s each on 2x A100", reply.text), reply.text


def test_a_cost_follow_up_keeps_the_cost_per_million_tokens(ask):
    reply = ask(
        "what does a million tokens cost serving qwen2.5 14b on one L40S?",
        "and if I add a second one?",
    )
    assert "per million generated tokens** on 2x L40S" in reply.text, reply.text


def test_a_speed_follow_up_keeps_the_speed(ask):
    reply = ask("how many tokens per second does mistral 7b get on one L4?", "and on a 4090 instead?")
    assert re.search(r"\*\*\d[\d,]* tokens/s\*\*", reply.text.split("\n", 1)[0]), reply.text


def test_lora_adapters_served_together_are_sized_beside_the_base_model(ask, assistant):
    from assistant.sizing import lora_adapter_params

    reply = ask("we want a dozen customers' loras - 12 lora adapters on qwen2.5 7b, one L4, vllm ok?")
    each = lora_adapter_params(reply.plan.workload, assistant.services.assumptions) * 2 / 1e9
    assert each < 0.05 * reply.plan.estimate.item("weights").gb  # an adapter is small beside the model
    assert "--enable-lora" in reply.text and "12 of them" in reply.text


def test_a_team_size_gets_the_speed_each_member_sees(ask):
    reply = ask(
        "for a team of 12 people hitting llama 3.1 8b at once on one L40S, how many tokens/s does each get?"
    )
    s = reply.plan.checks[0].serving
    assert s.batch == 12 and s.batch_tokens_per_s < s.decode_tokens_per_s
    assert f"with 12 at once, about **{s.batch_tokens_per_s:,.0f} tokens/s each**" in reply.text, reply.text


def test_neither_setup_says_the_usable_memory_not_only_the_raw_total(ask):
    reply = ask("for qwen2.5 72b in bf16, two A100 80GB or one H200 - which is cheaper per month?")
    first = reply.text.split("\n", 1)[0]
    if first.startswith("**Neither**"):
        assert "usable on 2 x A100 80GB" in first


def test_users_at_a_speed_each_are_served_by_replicas_sized_for_that_speed(ask, assistant):
    from assistant.sizing import replicas_for

    reply = ask("we expect 300 simultaneous users, 25 tok/s each, llama 3.1 8b — how many A10Gs?")
    services = assistant.services
    plan = replicas_for(reply.plan.estimate, services.catalog.by_name("A10G"), 300, services.assumptions)
    assert plan is not None and plan.users_each * plan.replicas >= 300
    assert reply.text.startswith(f"**{plan.gpus} x A10G** for 300 concurrent users at 25 tokens/s each"), (
        reply.text
    )


def test_a_monthly_bill_is_for_the_users_setup_in_a_format_it_holds(ask):
    reply = ask("what's a g5.12xlarge per month, and can it serve llama 3.1 70b?")
    assert reply.text.startswith("**Only with"), reply.text
    assert re.search(r"per month\*\* running around the clock on 4x A10G", reply.text), reply.text
    assert "A100" not in reply.text.split("per month", 1)[0]


def test_buy_or_rent_at_hours_a_day_gives_the_break_even_in_days(ask):
    reply = ask("buy an RTX 4090 or rent one, if I only use it 6 hours a day?")
    m = re.search(r"pays for about \*\*([\d,]+) hours\*\*", reply.text)
    if m is None:
        pytest.skip("no purchase price or rental for the card in this corpus")
    hours = int(m.group(1).replace(",", ""))
    assert f"At the 6 hours a day you said, that is about **{hours / 6:,.0f} days**" in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "the L40S is basically an H100 for serving llama 3.1 8b, right?",
        "is an RTX 4090 as fast as an H100 for running qwen2.5 7b inference?",
    ],
)
def test_as_fast_as_for_a_named_model_answers_from_both_speeds(ask, question):
    reply = ask(question)
    a, b = reply.plan.checks[:2]
    first = reply.text.split("\n", 1)[0]
    expected = "**Yes**" if a.serving.decode_tokens_per_s >= 0.9 * b.serving.decode_tokens_per_s else "**No**"
    assert first.startswith(expected), reply.text
    assert f"{a.serving.decode_tokens_per_s:,.0f} tokens/s" in first
