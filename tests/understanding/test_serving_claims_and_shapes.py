"""Serving questions read right (round 4): claimed specs other than memory size checked against the catalog, an
API's price per million tokens that is not a budget, "24/7" that is not a GPU count, a speed the user expects,
time to first token, the longest context phrased casually, a speed "each" of several users, and a bare follow-up
that keeps the earlier figure. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.understanding._premises import read_spec_premises


def _claims(catalog, text, *names):
    return read_spec_premises(text.lower(), [catalog.by_name(n) for n in names], catalog)


@pytest.mark.parametrize(
    ("text", "gpu", "spec", "fact"),
    [
        ("the L40S has HBM3 so it should fly", "L40S", "memory_type", "GDDR6"),
        ("A10G with 1.5 TB/s of bandwidth", "A10G", "memory_bandwidth_gbs", "600 GB/s"),
        ("my 4090s linked with nvlink", "RTX 4090", "nvlink", "no NVLink"),
        ("the T4 does 300 tflops right?", "T4", "tflops", "TFLOPS"),
    ],
)
def test_a_claimed_spec_the_catalog_contradicts_is_a_premise(catalog, text, gpu, spec, fact):
    (premise,) = _claims(catalog, text, gpu)
    assert (premise.gpu, premise.spec) == (gpu, spec)
    assert fact in premise.fact


@pytest.mark.parametrize(
    ("text", "gpu"),
    [
        ("the H100 SXM has 3.35 TB/s and 989 TFLOPS", "H100 SXM"),  # right, in TB/s
        ("an A100 80GB SXM with HBM2e", "A100 80GB SXM"),
        ("two 3090s with an nvlink bridge", "RTX 3090"),  # the 3090 has one
        ("the L4 sits on PCIe at 64 GB/s", "L4"),  # a link's speed, not memory bandwidth
        ("the L40S (GDDR6) vs", "L40S"),
        ("the H200 has HBM3", "H200"),  # HBM3e is HBM3
    ],
)
def test_a_claimed_spec_the_catalog_agrees_with_is_no_premise(catalog, text, gpu):
    assert _claims(catalog, text, gpu) == ()


def test_a_claim_is_about_the_gpu_named_just_before_it(catalog):
    premises = _claims(catalog, "the H100 SXM has HBM3 while the L40S has 864 GB/s", "H100 SXM", "L40S")
    assert premises == ()


def test_an_api_price_per_million_tokens_is_not_a_gpu_hour_budget(read):
    details = read(
        "llama 3 8b on one H100 vs an api at $0.60 per million output tokens, which is cheaper?"
    ).details
    assert details.budget_per_hour is None
    assert details.api_price_per_million == pytest.approx(0.6)
    assert details.wants_cost


@pytest.mark.parametrize(
    ("question", "price"),
    [
        ("self host mistral 7b on an L4 or pay $0.25/M tokens?", 0.25),
        ("our api costs $0.002 per 1k tokens, would a 4090 running qwen2.5 7b beat it", 2.0),
        ("is 15 cents per million tokens cheaper than running llama 3.1 8b on an A10G", 0.15),
    ],
)
def test_api_prices_in_other_units(read, question, price):
    details = read(question).details
    assert details.api_price_per_million == pytest.approx(price)
    assert details.budget_per_hour is None


def test_a_budget_per_hour_is_still_a_budget(read):
    details = read("which GPU for llama 3 8b under $1 per hour?").details
    assert details.budget_per_hour == 1.0 and details.api_price_per_million is None


@pytest.mark.parametrize(
    "question",
    [
        "how much per month for a 24/7 A100 80GB, on demand vs spot",
        "an H100 running 24/7 for a year, what's the bill",
    ],
)
def test_round_the_clock_is_not_a_gpu_count(read, question):
    assert read(question).details.gpu_count in (None, 1)


def test_a_size_after_a_verb_is_not_a_model_name(read):
    understanding = read("the H100 has 94GB, can I fit llama 70b fp16 on one?")
    assert (
        not understanding.details.model_note
        or "is not in my model specs" not in understanding.details.model_note
    )


@pytest.mark.parametrize(
    ("question", "speed"),
    [
        ("the A10G should do like 100 tok/s with llama 3 8b right?", 100),
        ("I expect ~60 tokens/s from mistral 7b on an L4, realistic?", 60),
        ("will a 3090 hit 45 t/s with qwen2.5 7b in fp16?", 45),
    ],
)
def test_a_speed_the_user_expects_is_not_one_they_see(read, question, speed):
    details = read(question).details
    assert details.expected_tokens_per_s == speed
    assert details.observed_tokens_per_s is None


@pytest.mark.parametrize(
    "question",
    [
        "what's the TTFT for a 16k prompt with llama 3.1 8b on an L4?",
        "time to first token on an H100 for qwen2.5 14b at 32k context",
        "how long until the first token if I send 20k tokens to mistral 7b on an A10G",
    ],
)
def test_time_to_first_token_is_its_own_shape(read, question):
    assert read(question).details.wants_first_token


@pytest.mark.parametrize(
    "question",
    [
        "we run qwen2.5 32b awq on two A6000s, whats the max context we can get?",
        "maximum context possible for llama 3.1 8b on one L4?",
        "longest context length i can use with mistral 7b on a T4",
        "max context for qwen 2.5 14b on one l40s?",
        "largest ctx phi-4 can handle on my 4080",
    ],
)
def test_the_longest_context_asked_casually(read, question):
    assert read(question).details.longest_context


@pytest.mark.parametrize(
    "question",
    [
        "with a max context of 8k on an A10G, how many users for llama 3 8b?",
        "the longest context we ever send is 12k tokens, which gpu for mistral 7b?",
        "max ctx 16384 with llama 3.1 8b, does it fit my 3090?",
    ],
)
def test_a_stated_context_is_not_a_question_about_the_longest(read, question):
    assert not read(question).details.longest_context


def test_a_speed_each_of_several_users_gets(read):
    details = read("how many users can one L40S serve with qwen2.5 14b at 12 tok/s each?").details
    assert details.user_tokens_per_s == 12 and details.wants_capacity


def test_the_users_speed_carries_into_a_follow_up(read):
    details = read(
        "how many people can a single A100 80GB serve with llama 3.1 70b awq at 20 tokens/s each?",
        "what about with two of them?",
    ).details
    assert details.user_tokens_per_s == 20 and details.wants_capacity and details.gpu_count == 2


@pytest.mark.parametrize(
    "follow_up",
    ["and if I add a second one?", "what if i use fp8 on two of them?", "and with 4-bit weights?"],
)
def test_a_bare_follow_up_keeps_the_earlier_figure(read, follow_up):
    first = "what does a million tokens cost serving llama 3.1 8b on one L4?"
    understanding = read(first, follow_up)
    assert understanding.details.asked_as == first
    assert not understanding.details.yes_no


def test_a_follow_up_asking_its_own_yes_or_no_gets_a_verdict(read):
    understanding = read(
        "what does a million tokens cost serving llama 3.1 8b on one L4?", "would it fit on a T4?"
    )
    assert understanding.details.yes_no


@pytest.mark.parametrize(
    ("question", "count"),
    [
        ("we want 12 lora adapters on qwen2.5 7b, one L4, vllm ok?", 12),
        ("multi-lora serving of mistral 7b on an A10G, how much memory?", 1),
        ("can TGI host 30 different loras over llama 3.1 8b on one A100?", 30),
    ],
)
def test_lora_adapters_served_on_one_model_are_a_serving_question(read, question, count):
    details = read(question).details
    assert details.task.value == "inference"
    assert details.lora_adapters == count


def test_training_a_lora_is_still_training(read):
    assert (
        read("train 3 lora adapters on llama 3 8b with one A100, how long?").details.task.value != "inference"
    )
