"""Reading serving-engine memory questions: a pasted vLLM KV-cache error, "why does the server take all my
VRAM", a pre-quantized checkpoint run with a compute dtype, and a model's file size that is not the card's
memory. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.understanding import asks_engine_memory, kv_cache_error


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mistral 7B on my L4 crashes: ValueError: The model's max seq len (32768) is larger than the maximum "
            "number of tokens that can be stored in KV cache (12,208). Try increasing `gpu_memory_utilization`",
            (32768, 12208),
        ),
        (
            "ValueError: To serve at least one request with the models's max seq len (65536), (8.00 GiB KV cache is "
            "needed, which is larger than the available KV cache memory (3.10 GiB). Based on the available memory, "
            "the estimated maximum model length is 25360. Try increasing `gpu_memory_utilization`",
            (65536, 25360),
        ),
        ("how long a context can Qwen2.5 7B take on an A10G?", None),
    ],
)
def test_a_pasted_kv_cache_error_gives_the_context_and_what_fits(text, expected):
    assert kv_cache_error(text) == expected


def test_the_error_sets_the_context_it_was_started_with(read):
    details = read(
        "qwen2.5 7b instruct on one A10G with vllm: The model's max seq len (32768) is larger than the maximum "
        "number of tokens that can be stored in KV cache (9000). what do I do"
    ).details
    assert details.context == 32768


@pytest.mark.parametrize(
    "text",
    [
        "Why does vLLM grab 22GB on my 3090 when the AWQ model is only 5GB?",
        "sglang is using almost all the VRAM of my A100 for an 8B model, is that normal?",
        "I deployed a 13B GPTQ model on a 48GB card and nvidia-smi shows 43GB used; it's supposed to need 8GB. why?",
    ],
)
def test_asking_why_a_server_takes_so_much_memory(text):
    assert asks_engine_memory(text)


@pytest.mark.parametrize(
    "text",
    [
        "How much VRAM does vLLM need for Llama 3.1 8B?",  # a sizing question, not an observed reservation
        "Ollama uses 6GB for llama3 8b q4, is that right?",  # llama.cpp-style runtimes do not reserve up front
        "Can I fine-tune Mistral 7B on a 24GB card?",
    ],
)
def test_other_memory_questions_are_not_read_as_the_reservation(text):
    assert not asks_engine_memory(text)


def test_a_gptq_checkpoint_run_in_float16_is_4_bit_weights(read):
    details = read(
        "Serving TheBloke/Llama-2-13B-chat-GPTQ with torch_dtype=float16 on a T4, how much memory?"
    ).details
    assert details.precision == "int4"


def test_a_plain_float16_model_stays_16_bit(read):
    assert (
        read("Serving Llama 2 13B with dtype=float16 on an A100, how much memory?").details.precision
        == "fp16"
    )


@pytest.mark.parametrize(
    "text",
    [
        "the awq file size is 4GB but vllm takes 20GB, why?",
        "my model is 5gb on disk yet sglang eats 30GB",
    ],
)
def test_a_model_file_size_is_not_the_users_gpu_memory(read, text):
    assert read(text).details.stated_memory_gb is None


def test_a_card_with_a_size_is_still_read(read):
    assert read("I have a GPU with 12GB, can it run Llama 3 8B in 4-bit?").details.stated_memory_gb == 12


@pytest.mark.parametrize(
    ("text", "share"),
    [
        ("vllm serve Qwen2.5 7B on an L4 --gpu-memory-utilization 0.75, how many users?", 0.75),
        ("Llama 3.1 8B, gpu_memory_utilization=0.95, A10G: does 16k context fit?", 0.95),
        ("sglang --mem-fraction-static 0.8 with Mistral 7B on one L40S", 0.8),
        ("I set the GPU memory utilization to 60% for Phi-3 mini on a T4", 0.6),
    ],
)
def test_a_stated_engine_reserve_is_read(read, text, share):
    assert read(text).details.memory_fraction == pytest.approx(share)


def test_no_reserve_said_keeps_the_default(read):
    assert read("Serve Llama 3.1 8B on an L4 with vLLM").details.memory_fraction is None


@pytest.mark.parametrize(
    "text",
    [
        "Llama 3.1 8B on one L4 with vLLM: how long can the context be?",
        "what's the longest context that fits for Qwen2.5 7B on an A10G?",
        "Gemma 2 9B on a 4090, how many tokens of context can I get?",
    ],
)
def test_asking_for_the_longest_context_is_not_a_time_question(read, text):
    details = read(text).details
    assert details.longest_context and not details.wants_time


def test_how_long_a_job_takes_is_still_time(read):
    details = read(
        "how long does it take to fine-tune Llama 3 8B with LoRA on 10M tokens on an A100?"
    ).details
    assert details.wants_time and not details.longest_context


@pytest.mark.parametrize(
    ("text", "batch"),
    [
        ("vllm --max-num-seqs 64 for Mistral 7B on an L40S at 8k", 64),
        ("max_num_seqs=128, Qwen2.5 7B, one A100 40GB: enough KV cache?", 128),
        ("TGI --max-concurrent-requests 32 with Llama 3.1 8B on an L4", 32),
    ],
)
def test_an_engine_cap_on_sequences_is_the_batch(read, text, batch):
    assert read(text).details.batch == batch


@pytest.mark.parametrize(
    ("text", "gpu", "count"),
    [
        ("we run 4*A100 40G, can vllm serve Qwen2.5 72B in fp8?", "A100 40GB", 4),
        ("H100 80G x 2 for Llama 3.1 70B at 16k?", "H100 SXM", 2),
        ("2 x L40S 48G enough for Mixtral 8x7B?", "L40S", 2),
    ],
)
def test_a_count_with_a_memory_size_written_without_the_b(read, text, gpu, count):
    details = read(text).details
    assert details.gpus[0] == gpu and details.gpu_count == count


def test_setups_and_serving_settings_survive_the_conversation_store(read):
    """A turn naming setups ('a second 4090 or a pair of 3090s') is stored and read back whole: each setup is
    a (GPU, count) pair, which the store once failed to decode, so the next turn started afresh."""
    from assistant.understanding._codec import to_json, understanding_from_json

    u = read("Mistral 7B: one L40S or two L4s, with --gpu-memory-utilization 0.8 and --max-num-seqs 32?")
    assert u.details.setups and u.details.memory_fraction == 0.8
    assert understanding_from_json(to_json(u)) == u


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("vllm says max seq len 32768 larger than kv cache 19000, help", (32768, 19000)),
        (
            "max_model_len (16384) is bigger than what fits in the KV cache (9,800 tokens) on my A10G",
            (16384, 9800),
        ),
    ],
)
def test_the_kv_cache_error_told_in_the_users_words_is_read(text, expected):
    assert kv_cache_error(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Excessive use of VRAM with TGI for a 3B model on an L4",
        "text generation inference eating all 80 gigs of my A100 for mistral",
        "my vllm box: GPU memory usage is way too high for phi-3",
        "sglang hogging 70GB on the H100 when the model is 16GB",
        "vllm filling the whole card with a tiny model, why",
    ],
)
def test_more_ways_of_saying_a_server_takes_too_much_memory(text):
    assert asks_engine_memory(text)


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("set OLLAMA_NUM_PARALLEL=6 and ollama crawls now", 6),
        ("with num_parallel 3 my 3060 runs out of vram in ollama", 3),
        ("what does OLLAMA_NUM_PARALLEL do to memory?", 0),
        ("how many parallel requests can vllm take?", None),
    ],
)
def test_ollama_parallel_slots_are_read(text, slots):
    from assistant.understanding._engines import ollama_parallel

    assert ollama_parallel(text) == slots


def test_ollama_parallel_slots_are_concurrent_sequences_under_ollama(read):
    details = read("llama 3.1 8b q4 in ollama with OLLAMA_NUM_PARALLEL=4 on a 12gb 3060").details
    assert details.batch == 4
    assert details.runtime == "llama.cpp"  # an OLLAMA_ setting names the runtime too


@pytest.mark.parametrize(
    "text",
    [
        "vllm serving phi-3 mini on my 4090, nvtop says 21.5GB, is something off?",
        "Started SGLang with Qwen2.5 3B and the dashboard reports 38 GB on the A40, why?",
        "TGI with mistral 7b: nvidia-smi shows 22GB used per card",
        "once vllm is up with gemma 2 9b the VRAM shoots up to 42GB on the A6000",
    ],
)
def test_a_tools_reading_of_memory_in_use_is_an_engine_memory_question(text):
    assert asks_engine_memory(text)


@pytest.mark.parametrize(
    ("text", "seen"),
    [
        ("vllm serving phi-3 mini on my 4090, nvtop says 21.5GB, is something off?", 21.5),
        ("Started SGLang with Qwen2.5 3B and the dashboard reports 38 GB on the A40, why?", 38),
        ("TGI with mistral 7b: nvidia-smi shows 22GB used per card", 22),
        ("lmdeploy serving internlm2 7b on an A100 40GB, memory climbs to 35 GB right away", 35),
        ("once vllm is up with gemma 2 9b the VRAM shoots up to 42GB on the A6000", 42),
    ],
)
def test_the_figure_a_tool_reads_is_the_memory_seen(read, text, seen):
    assert read(text).details.observed_gb == seen


def test_what_a_page_says_is_not_a_reading(read):
    details = read("the readme says 24GB for qwen2.5 14b with vllm, will my 3090 do?").details
    assert details.observed_gb is None


@pytest.mark.parametrize(
    "text",
    [
        # an engine that reserves nothing up front is named: no batching server's reservation is asked about
        "Running Phi-3 on the server with llama.cpp, it uses 9 GB, is that expected?",
        # the size of the machine used, not memory in use; the complaint is speed
        "I am using a MacBook with 16 GB and a model server, tokens come 5x slower than expected",
    ],
)
def test_no_reservation_without_a_batching_server_or_memory_in_use(text):
    assert not asks_engine_memory(text)


def test_a_deployment_taking_more_than_expected_is_still_read_with_no_engine_named():
    assert asks_engine_memory("our inference server takes 70 GB for a 7B model, more than expected?")
