"""Serving settings a user states: an FP8 KV cache and the speed each user should get (issue 9 item 6)."""

from __future__ import annotations

import pytest

from assistant.understanding import understand


@pytest.mark.parametrize(
    "question",
    [
        "Serve Llama 3.1 8B on an L40S with the kv cache in fp8 — how many users?",
        "How many chats fit on one A100 for Qwen2.5 14B with an fp8 KV cache?",
        "vllm --kv-cache-dtype fp8_e5m2 with Mistral 7B on an L4, what concurrency?",
    ],
)
def test_an_fp8_kv_cache_is_the_cache_format_not_the_weights(read, question):
    details = read(question).details
    assert details.kv_precision == "fp8"
    assert details.precision is None  # the weights keep their default format


def test_fp8_weights_and_an_fp8_kv_cache_are_both_read(read):
    details = read("Llama 3.1 70B with fp8 weights and an fp8 kv cache on two H100s?").details
    assert details.kv_precision == "fp8" and details.precision == "fp8"


@pytest.mark.parametrize(
    ("question", "rate"),
    [
        ("How many people can use Llama 3.1 8B on one H100 at 25 tokens/s per user?", 25),
        ("Mistral 7B on an L4: how many clients if each client should get 12 tok/s?", 12),
        ("Qwen2.5 7B, 8k context, 40 tokens per second per request — capacity of an A10G?", 40),
    ],
)
def test_the_speed_each_user_should_get_is_read(read, question, rate):
    assert read(question).details.user_tokens_per_s == rate


@pytest.mark.parametrize(
    ("question", "users"),
    [
        ("serving mistral 7b to roughly 40 internal users, which gpu?", 40),
        ("llama 3 8b for 25 paying customers at once on one L4?", 25),
        ("what do I need for 12 concurrent remote users on qwen2.5 14b?", 12),
    ],
)
def test_users_described_with_a_word_between_are_still_counted(catalog, models, question, users):
    assert understand(question, catalog, models).details.batch == users


def test_a_token_count_before_sequences_is_no_user_count(catalog, models):
    assert understand("batching 4096 token sequences for llama 3 8b", catalog, models).details.batch is None


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("which gpu gives at least 50 tokens per second with qwen2.5 14b for a single user?", 50),
        ("I want 80 tok/s for one user on llama 3 8b", 80),
    ],
)
def test_a_speed_for_one_user_is_the_speed_per_user(read, text, rate):
    assert read(text).details.user_tokens_per_s == rate


@pytest.mark.parametrize(
    ("question", "count", "other"),
    [
        ("would 6 A100s take more simultaneous chats than 3 for Yi 34B?", 6, 3),
        ("moving from 2 to 4 H100s for llama 3 70b, do we get more parallel requests or only speed?", 4, 2),
        ("four L40S versus two for Qwen2.5 14B behind vLLM, which serves more users?", 4, 2),
        ("is 2 vs 8 A10G better to host mistral 7b for a call center?", 8, 2),
    ],
)
def test_two_counts_of_one_gpu_are_weighed_against_each_other(read, question, count, other):
    details = read(question).details
    assert details.gpu_count == count and details.counts_weighed == (other,)


@pytest.mark.parametrize(
    "question",
    [
        "going from 7B to 13B on 2 A100s, how many users?",  # model sizes, not GPU counts
        "serve llama 3 8b to 2 or 3 users on one L4?",  # user counts, not GPU counts
        "2 A100s or one H100 for llama 70b?",  # two GPUs, each with its own count
    ],
)
def test_other_numbers_are_not_read_as_a_second_gpu_count(read, question):
    assert read(question).details.counts_weighed == ()


@pytest.mark.parametrize(
    "question",
    [
        "if we enable an fp8 kv cache, how many more requests fit on the A10G with Llama 3.1 8B?",
        "Qwen2.5 7B on an L4: how many people can chat with it at once?",
        "do 4 H100s give us more concurrent users than 2 for Llama 3 70B?",
    ],
)
def test_how_many_more_and_at_once_ask_for_capacity(read, question):
    assert read(question).details.wants_capacity


def test_the_length_of_concurrent_requests_is_their_context(read):
    assert read("how many concurrent 16k requests fit for Mistral 7B on an A100?").details.context == 16384
    assert read("we expect 8k requests a day on Mistral 7B, which GPU?").details.context != 8192


def test_an_fp8_kv_cache_on_an_ampere_card_is_no_weight_format_premise(read):
    # the KV cache's storage format is not a claim that the card computes in FP8 (the answer adds its own caveat)
    assert not read("with --kv-cache-dtype fp8 how many users fit for Llama 3.1 8B on one A100?").premises
    assert read("can an A100 run Llama 3.1 8B in fp8?").premises


@pytest.mark.parametrize(
    "question",
    [
        "how do you work out the kv cache size for Gemma 2 9B?",
        "where does the 160 KiB per token come from for qwen 14b? the kv cache formula confuses me",
        "memory per token for phi-3 medium, how is that computed",
        "how much memory does the KV cache of Mistral Nemo take per request at 32k?",
    ],
)
def test_asking_for_the_kv_cache_arithmetic_is_read(read, question):
    assert read(question).details.wants_kv_math


@pytest.mark.parametrize(
    "question",
    [
        "which GPU for Llama 3.1 8B with a 32k kv cache?",
        "I get a KV cache error when starting vLLM with Qwen2.5 7B on an L4",
        "how many tokens per second does Mistral 7B do on an A10G?",
    ],
)
def test_other_kv_cache_questions_are_not_arithmetic_questions(read, question):
    assert not read(question).details.wants_kv_math


@pytest.mark.parametrize(
    ("question", "served", "draft"),
    [
        (
            "serving Qwen2.5 72B with Qwen2.5 0.5B as the draft model on 4 L40S, does it fit?",
            "Qwen2.5 72B",
            "Qwen2.5 0.5B",
        ),
        (
            "Llama 3.2 1B drafting for Llama 3.1 70B (speculative decoding) on 2 H200s?",
            "Llama 3.1 70B",
            "Llama 3.2 1B",
        ),
    ],
)
def test_the_draft_model_is_read_beside_the_served_one(read, question, served, draft):
    details = read(question).details
    assert details.model == served and details.draft_model == draft and details.draft_kv_values


def test_a_draft_told_by_its_size_gets_a_shape(read):
    details = read("how much VRAM does a 3B draft add for speculative decoding of Yi 34B on an A100?").details
    assert details.model == "Yi 34B" and details.draft_params == 3e9 and details.draft_kv_values


def test_a_follow_up_setting_two_counts_against_each_other_is_read(read):
    details = read(
        "how many people can chat with Gemma 2 27B on one H100?",
        "would 3 of them instead of 1 serve more users?",
    ).details
    assert details.gpus == ("H100 SXM",) and details.gpu_count == 3 and details.counts_weighed == (1,)


def test_the_count_asked_about_is_the_one_set_against_the_other(read):
    details = read(
        "we run Phi-3 medium on two L4s; with 3 in total, would it serve more users than with 2?"
    ).details
    assert details.gpu_count == 3 and details.counts_weighed == (2,)


@pytest.mark.parametrize(
    ("question", "tokens"),
    [
        (
            "our RAG bot sends the same 3k-token system prompt with every call; does prefix caching help on an A10G?",
            3072,
        ),
        (
            "with prefix caching on, how much VRAM is saved for Gemma 2 9B if the shared prefix is 800 tokens?",
            800,
        ),
        ("is vllm prefix caching worth enabling for Mistral 7B on an L4?", 0),
    ],
)
def test_a_shared_prefix_is_read_with_its_length(read, question, tokens):
    assert read(question).details.shared_prefix_tokens == tokens


def test_no_prefix_question_reads_no_prefix(read):
    assert read("how many users can Mistral 7B serve on an L4?").details.shared_prefix_tokens is None


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("and suppose they each expect 35 tokens a second?", 35),
        ("deepseek r1 distill 14b, 30 users, each one wants about 18 tok/s", 18),
        ("need 45 tps per user for phi-3 medium", 45),
        ("22 tok/s/user with 64 users on qwen2.5 7b", 22),
        ("what per-user speed of 28 tokens/s costs on mistral nemo", 28),
    ],
)
def test_a_speed_each_is_read_however_it_is_said(read, text, rate):
    assert read(text).details.user_tokens_per_s == rate


@pytest.mark.parametrize(
    "text",
    [
        "each gpu does 40 tok/s on llama 3 8b, is that normal?",
        "on two cards each card gets 12 tokens/s with mixtral",
    ],
)
def test_a_speed_each_gpu_makes_is_no_speed_per_user(read, text):
    assert read(text).details.user_tokens_per_s is None


@pytest.mark.parametrize(
    ("question", "users"),
    [
        ("llama 3 8b for 70 concurent users", 70),
        ("qwen2.5 7b with 35 simultanious chats", 35),
        ("mistral 7b, 12 concurrant sessions on one L4?", 12),
    ],
)
def test_users_are_counted_through_a_misspelling(catalog, models, question, users):
    assert understand(question, catalog, models).details.batch == users


@pytest.mark.parametrize(
    ("question", "batch"),
    [
        # the pool over all requests at once, filled with sequences of the context said (or the serving default)
        ("tgi launcher --max-batch-total-tokens 64000 --max-total-tokens 8000 for Qwen2.5 7B, memory?", 8),
        ("falcon 7b on tgi, MAX_BATCH_TOTAL_TOKENS=32768, which GPU?", 8),
    ],
)
def test_a_servers_token_pool_is_that_many_sequences_held_at_once(read, question, batch):
    assert read(question).details.batch == batch


def test_a_pool_smaller_than_one_sequence_sets_no_batch(read):
    assert read("tgi with --max-batch-total-tokens 2048 for phi-3 mini at 4k context").details.batch is None
