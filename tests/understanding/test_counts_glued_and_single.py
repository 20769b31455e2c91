"""Reading how many GPUs a question puts the work on when the count is glued to the card ("L40x2", "A100x8")
or is one card of no named kind ("on a single GPU", "rent a GPU"), reservation figures in a serving engine's
words ("grabs like 72 gigs"), and a Hugging Face organisation before a model id. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.understanding import asks_engine_memory


@pytest.mark.parametrize(
    ("question", "gpu", "count"),
    [
        ("serving mixtral on L40Sx2 with tgi, enough?", "L40S", 2),
        ("my box is A100x8 (80g), can it host deepseek r1 distill 70b", "A100 80GB SXM", 8),
        ("got a rtx4090x2 rig, llama 3 70b awq ok?", "RTX 4090", 2),
        ("qwen2.5 72b int4 on 3090x4?", "RTX 3090", 4),
        ("H100X4 for llama 3.1 405b fp8?", "H100 SXM", 4),
        # the count glued to the memory size written after the card
        ("kto on a node of A100-80Gx8, qwen2.5 14b full params?", "A100 80GB SXM", 8),
        ("V100-32GBx4 enough for a lora of llama 2 13b?", "V100 32GB", 4),
    ],
)
def test_a_count_glued_to_the_card_is_read(read, question, gpu, count):
    details = read(question).details
    assert details.gpus[0] == gpu
    assert details.gpu_count == count


@pytest.mark.parametrize(
    "question",
    ["mixtral 8x7b on a 4090?", "sdxl at 1024x768 on a 3060 12gb, how fast", "Mixtral-8x22B on four H100s"],
)
def test_expert_counts_and_resolutions_are_not_cards(read, question):
    details = read(question).details
    assert details.gpu_count in (None, 1, 4)
    if "8x22" in question:
        assert details.model == "Mixtral 8x22B" and details.gpu_count == 4
    if "8x7b" in question:
        assert details.model == "Mixtral 8x7B"


@pytest.mark.parametrize(
    "question",
    [
        "can i fit llama 3 70b on just one gpu",
        "is a single card enough for qwen2.5 72b in bf16?",
        "could I rent a GPU and run falcon 180b on it?",
        "llama 3.1 405b on 1 gpu, possible?",
    ],
)
def test_one_card_of_no_named_kind_is_a_count_of_one(read, question):
    assert read(question).details.gpu_count == 1


@pytest.mark.parametrize(
    "question",
    [
        "do I need a GPU for whisper small?",
        "multi-GPU serving of llama 70b, how many?",
        "cost per GPU for 8 H100s",
    ],
)
def test_other_uses_of_gpu_are_not_a_count_of_one(read, question):
    assert read(question).details.gpu_count != 1


@pytest.mark.parametrize(
    ("question", "seen"),
    [
        ("vllm grabs like 72 gigs on my A100 for an 8b model, normal?", 72),
        ("Mistral 7B takes up 69GBs of VRAM on an A100 under vllm", 69),
        ("sglang reserved 70gb for llama 3 8b, why", 70),
    ],
)
def test_the_memory_a_server_took_is_a_reading(read, question, seen):
    understanding = read(question)
    assert understanding.details.observed_gb == seen
    assert asks_engine_memory(understanding.question)


def test_a_why_need_figure_under_an_engine_is_what_it_took_not_the_card(read):
    understanding = read("why does vLLM need 70GB to load a 7b model?")
    assert understanding.details.observed_gb == 70
    assert understanding.details.stated_memory_gb is None


@pytest.mark.parametrize(
    ("question", "model"),
    [
        ("vllm serve Qwen/Qwen2.5-7B-Instruct on an L4", "Qwen2.5 7B"),
        ("LLM('Qwen/Qwen2.5-VL-7B-Instruct') on an A10G", "Qwen2.5-VL 7B"),
        ("--model mistralai/Mistral-7B-Instruct-v0.2 on a T4", "Mistral 7B"),
    ],
)
def test_a_hub_organisation_does_not_steer_the_model(read, question, model):
    assert read(question).details.model == model


@pytest.mark.parametrize(
    "question",
    [
        "can my rtx 6000 run llama 3 70b at 4bit?",
        "two RTX-6000 cards for mixtral, enough?",
        "is rtx6000 ok for sdxl",
    ],
)
def test_a_bare_rtx_6000_is_every_card_of_that_name(read, question):
    details = read(question).details
    assert set(details.gpus) >= {"RTX 6000 Ada", "RTX A6000", "RTX PRO 6000 Blackwell"}
    assert "Quadro RTX 6000 (24 GB)" in details.model_note


@pytest.mark.parametrize(
    ("question", "gpu"),
    [
        ("rtx 6000 ada for llama 3 8b", "RTX 6000 Ada"),
        ("an RTX A6000 for llama 3 8b", "RTX A6000"),
        ("rtx pro 6000 for llama 3 70b fp8", "RTX PRO 6000 Blackwell"),
    ],
)
def test_a_full_rtx_6000_name_is_that_card(read, question, gpu):
    details = read(question).details
    assert details.gpus == (gpu,)
    assert not details.model_note or "RTX 6000" not in details.model_note


@pytest.mark.parametrize(
    ("question", "own"),
    [
        ("what graphics card should i purchase for running codellama 34b", True),
        ("cheap build for a 13b chatbot, which gpu?", True),
        ("which gpu for llama 3 8b without breaking the bank?", True),
        ("which cloud gpu for llama 3 8b without breaking the bank?", False),
        ("cheapest gpu to rent on runpod for qwen2.5 32b", False),
        ("buy vs rent an H100 per month for fine-tuning?", False),
    ],
)
def test_a_card_to_buy_is_read_as_hardware_they_will_own(read, question, own):
    assert read(question).details.local is own


@pytest.mark.parametrize(
    ("text", "count", "size"),
    [
        ("would 3x 16GB GPUs hold a 30b coder model?", 3, 16),
        ("got 2 x 12gb cards, enough for a 20b?", 2, 12),
    ],
)
def test_cards_known_by_their_memory_counted_with_an_x(read, text, count, size):
    """'3x 16GB GPUs': three cards of 16 GB each, not one — the count goes with the memory."""
    details = read(text).details
    assert details.gpu_count == count and details.stated_memory_gb == size


@pytest.mark.parametrize(
    "text",
    [
        "will a 30gb model load on my pc?",
        "can I run a 20 GB VRAM model with ollama",
        "any 12gb gguf suggestions?",
    ],
)
def test_a_models_size_is_not_the_users_card(read, text):
    """'a 30gb model', 'a 20 GB VRAM model': the size of the model (what it needs), never the memory of the
    user's card."""
    assert read(text).details.stated_memory_gb is None


def test_a_card_size_labelled_before_the_model_line_stays_the_card(read):
    """'VRAM - 8GB Model size - 13b': the 8 GB ends the VRAM line; the model's line follows it."""
    assert read("specs: RAM - 16GB, VRAM - 8GB Model size - 13b q4").details.stated_memory_gb == 8
