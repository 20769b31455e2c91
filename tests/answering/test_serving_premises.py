"""Serving verdicts that check what the question takes for granted (issue 9 items 5 and 6): a context the card
cannot hold when the weights fit ("yes, with a shorter context"), number formats the GPU cannot compute in, a
named instance priced per month, why a batching server is no faster for one request, and why a card without
tensor cores is slower. Real components; phrasings in no evaluation set."""

from __future__ import annotations

import re

from assistant.sizing import Task, Workload, context_room, estimate_memory


def test_weights_that_fit_with_a_shorter_context_are_a_yes_with_the_context(ask, assistant):
    reply = ask("Could a single 32GB V100 host Llama 2 13B for a chatbot?")
    m = re.match(r"\*\*Yes, with a context of up to about ([\d,]+) tokens\*\*", reply.text)
    assert m, reply.text
    room = int(m.group(1).replace(",", ""))
    plan = reply.plan
    services = assistant.services
    expected = context_room(plan.estimate, services.catalog.by_name("V100 32GB"), 1, services.assumptions)
    assert room == expected
    assert "max-model-len" in reply.text


def test_a_stated_context_is_never_shortened(ask):
    reply = ask("Could a single 32GB V100 host Llama 2 13B at 4096 tokens of context?")
    assert not reply.text.startswith("**Yes")


def test_nvfp4_on_a_card_without_fp4_tensor_cores_is_a_no(ask):
    reply = ask("we got an NVFP4 build of Qwen2.5 32B — will it start on a pair of L40S?")
    assert reply.text.startswith("**No, not natively**")
    first = reply.text.split("\n", 1)[0]
    assert "L40S (Ada Lovelace)" in first and "Blackwell" in first


def test_fp8_on_a_card_without_fp8_says_why_not_how_much(ask):
    reply = ask("is it possible to load an fp8 Llama 3.1 8B checkpoint on one A10G?")
    first = reply.text.split("\n", 1)[0]
    # no engine named: not natively (Transformers refuses FP8 below compute capability 9.0), and the way it does
    # load — vLLM's FP8 Marlin kernel, weight-only — in the same sentence
    assert first.startswith("**No, not natively** — the A10G (Ampere) has no FP8 support")
    assert "Marlin" in first
    assert "more than one A10G holds" not in reply.text


def test_bf16_on_a_card_without_it_is_a_note_after_the_verdict(ask):
    reply = ask("Can I run Qwen2.5 3B in bfloat16 on one T4?")
    assert reply.text.startswith("**Yes")
    assert "The T4 (Turing) has no bf16: load the 16-bit weights in fp16" in reply.text


def test_a_named_instance_is_priced_per_month_from_the_offerings_table(ask, assistant):
    reply = ask("roughly what does leaving a g6.xlarge on 24/7 for a month come to?")
    offer = min(
        (
            o
            for o in assistant.services.offerings
            if o.instance_type == "g6.xlarge" and o.on_demand_per_hour and not o.price_suspect
        ),
        key=lambda o: o.on_demand_per_hour,
    )
    monthly = offer.on_demand_per_hour * 730
    first = reply.text.split("\n", 1)[0]
    assert first.startswith("**aws g6.xlarge**")
    assert f"${monthly:,.0f}" in first or f"${monthly:,.2f}" in first


def test_a_batching_server_is_no_faster_for_one_request(ask):
    reply = ask(
        "switched from llama.cpp to vLLM on my L40S and one prompt at a time is no faster — expected?"
    )
    assert reply.text.startswith("**No, not for one request at a time**") or "about as fast" in reply.text
    assert re.search(r"continuous batching", reply.text)
    assert "864 GB/s" in reply.text  # the L40S's bandwidth, the single-stream ceiling


def test_a_card_without_tensor_cores_is_said_to_be_slower(ask):
    reply = ask("P100 vs V100 16GB for fp16 inference, why such a gap?")
    assert re.search(r"P100\*\* \(Pascal\) has no tensor cores", reply.text)


def test_which_is_better_is_not_answered_with_yes(ask):
    reply = ask("is an L4 or an A10G better for serving?")
    assert not reply.text.startswith("**Yes")
    assert reply.text.startswith("For inference, the **")


def test_the_room_matches_the_sizing_engine_for_the_default_context(assistant):
    """The shorter-context figure is the planner's arithmetic, not a fixed number."""
    services = assistant.services
    spec = services.models.by_name("Llama 2 13B")
    work = Workload(task=Task.INFERENCE, shape=spec, params=spec.params, precision="bf16", context=4096)
    estimate = estimate_memory(work, services.assumptions)
    room = context_room(estimate, services.catalog.by_name("Inferentia2"), 1, services.assumptions)
    assert 1024 <= room < 4096


def test_the_smaller_memory_size_that_holds_the_work_is_named(ask):
    reply = ask("For QLoRA on Llama 3.1 8B, do I really need the 80GB A100 or does the 40GB do?")
    assert reply.text.startswith("**No** — the A100 40GB is enough")
    assert reply.gpus[0] == "A100 40GB"


def test_the_bigger_size_when_the_smaller_cannot_hold_it(ask):
    reply = ask("Mistral 7B in fp16 for inference: is a V100 with 16GB enough, or do I need the 32GB one?")
    first = reply.text.split("\n", 1)[0]
    assert first.startswith("**No** — you need the V100 32GB"), first
    assert reply.gpus[0] == "V100 32GB"


def test_one_card_against_several_names_the_setup_and_what_splitting_costs(ask):
    reply = ask("For Llama 3.1 8B in fp16, one L4 or a pair of T4s — which would you take?")
    first = reply.text.split("\n", 1)[0]
    assert re.match(r"\*\*(?:One L4|2 x T4)", first), first
    assert "2 x 16 = 32 GB" in first  # memory of several cards is counted as their sum…
    assert "pool their memory only by splitting the model" in first  # …which they reach only by sharding
    assert reply.gpus[0] in first


def test_a_setup_that_cannot_hold_it_says_by_how_much(ask):
    reply = ask("one A100 80GB or two L4s for Qwen2.5 32B in bf16?")
    first = reply.text.split("\n", 1)[0]
    assert first.startswith("**One A100 80GB SXM (80 GB)**") or "needs about" in first
    assert re.search(r"2 x L4 \(2 x 24 = 48 GB\) \(needs about [\d.]+ GB per GPU on 2\) does not", first)
    assert reply.gpus[0] == "A100 80GB SXM"


def test_cheaper_per_token_is_chosen_by_cost_per_token_not_by_the_hourly_rate(ask):
    reply = ask("for Llama 3.1 8B, which costs less to serve: L4 or A10G?")
    first = reply.text.split("\n", 1)[0]
    m = re.match(r"\*\*The (.+?)\*\* is the cheapest per token", first)
    assert m, first
    plan = reply.plan
    per_token = {
        c.gpu.name: c.serving.cost_per_million_tokens for c in plan.checks if getattr(c, "serving", None)
    }
    assert per_token[m.group(1)] == min(per_token.values())
    assert reply.gpus[0] == m.group(1)  # the GPU the answer names comes first


def test_the_answer_says_which_variant_a_stated_memory_names(ask):
    reply = ask("our H100 PCIe with 94GB: can it hold Llama 3.1 70B in fp8 at 8k context?")
    assert "The answer uses the H100 NVL: 94 GB is its memory (the H100 PCIe has 80 GB)." in reply.text
    assert reply.gpus[0] == "H100 NVL"


def test_a_model_released_in_fp8_on_a_card_without_fp8_leads_with_the_format_that_runs(ask):
    # the user named no format: DeepSeek's own FP8 cannot run on Ampere, but 4-bit weights fit eight of them
    reply = ask("any chance deepseek v3 works on a node of eight A100 80GB cards?")
    first = reply.text.split("\n", 1)[0]
    assert first.startswith("**Only with 4-bit")
    assert "no FP8 support" in first
