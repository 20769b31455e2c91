"""Number formats a named GPU cannot compute in (read from the catalog's capability fields), and questions that
compare a batching server's speed with a one-request-at-a-time engine. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.understanding import Intent
from assistant.understanding._engines import asks_engine_speed, engines_named
from assistant.understanding._premises import read_format_premises


def _formats(read, question):
    return {(p.gpu, p.fmt) for p in read(question).premises if p.spec == "format"}


def test_fp4_on_cards_before_blackwell_is_a_premise(read):
    assert _formats(read, "would an NVFP4 quant of Qwen2.5 32B load on two L40S?") == {("L40S", "fp4")}
    assert _formats(read, "fp4 checkpoint of Llama 3.1 8B on an H100, fine?") == {("H100 SXM", "fp4")}
    assert _formats(read, "NVFP4 Llama 3.1 8B on an RTX 5090?") == set()  # Blackwell has FP4 tensor cores
    # MXFP4 weights are unpacked by engines on older GPUs (gpt-oss on Hopper): not a hardware premise
    assert _formats(read, "gpt-oss 20b in mxfp4 on an H100?") == set()


def test_fp8_and_bf16_premises_follow_the_catalog_flags(read):
    assert _formats(read, "serve Mistral 7B with fp8 weights on one A10G") == {("A10G", "fp8")}
    assert _formats(read, "serve Mistral 7B with fp8 weights on one L4") == set()
    assert _formats(read, "Llama 3.1 8B in bfloat16 on a T4") == {("T4", "bf16")}


def test_the_architectures_that_have_a_format_come_from_the_catalog(catalog):
    (premise,) = read_format_premises("an nvfp4 build", [catalog.by_name("RTX 4090")], catalog)
    assert premise.architecture == "Ada Lovelace"
    assert "Blackwell" in premise.supported_by and "Hopper" not in premise.supported_by


def test_engines_named_in_order():
    assert engines_named("TGI or llama.cpp for my chatbot?") == ("TGI", "llama.cpp")
    assert engines_named("text-generation-inference and Ollama") == ("TGI", "Ollama")


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("Is vLLM quicker than llama.cpp on a 3090?", True),
        ("ollama gives me the same tokens/s as vllm, why?", True),
        ("Is SGLang faster than vLLM?", False),  # both batch requests: no single-stream contrast to explain
        ("How do I install vLLM next to Ollama?", False),  # no speed asked
    ],
)
def test_engine_speed_questions(question, asks):
    assert asks_engine_speed(question) is asks


def test_an_engine_speed_question_is_an_explanation_not_a_spec(read):
    assert (
        read("my RTX 4090 runs Ollama as fast as vLLM — is vLLM supposed to be faster?").intent
        is Intent.EXPLAIN
    )


@pytest.mark.parametrize(
    ("question", "sizes"),
    [
        (
            "For LoRA on Qwen2.5 7B, would I have to rent the 80GB version of the A100?",
            ("A100 40GB", "A100 80GB SXM"),
        ),
        ("H100 with 80gb or 94 gb for Llama 3 70B in fp8?", None),  # the H100 NVL is its own product row
        ("V100: the 16GB one or the 32GB one for Mistral 7B inference?", ("V100 16GB", "V100 32GB")),
        ("Can I serve Llama 3 8B on an A100 80GB?", None),  # one size stated as the card they have: no choice
    ],
)
def test_which_memory_size_of_a_product(read, question, sizes):
    gpus = read(question).details.gpus
    if sizes is None:
        assert len(gpus) <= 1 or len(set(gpus)) == len(gpus)
        assert gpus != ("A100 40GB", "A100 80GB SXM")
    else:
        assert gpus == sizes


@pytest.mark.parametrize(
    ("question", "setups"),
    [
        ("a single L40S or four T4s to serve Qwen2.5 7B?", (("L40S", 1), ("T4", 4))),
        (
            "Is 2x RTX 4090 better than 1x A100 80GB for Mixtral in 4-bit?",
            (("RTX 4090", 2), ("A100 80GB SXM", 1)),
        ),
        ("two A100s vs two H100s for Llama 3 70B", ()),  # one count for both: gpu_count, not setups
        # what is said of the cards between the count and the name does not hide the count
        (
            "should i grab 2 used 3090s or a brand new 4090 for mistral large at home?",
            (("RTX 3090", 2), ("RTX 4090", 1)),
        ),
    ],
)
def test_one_card_against_several(read, question, setups):
    u = read(question)
    assert u.details.setups == setups
    if setups:
        assert u.intent is Intent.COMPARE and u.details.gpu_count is None


@pytest.mark.parametrize(
    "question",
    [
        "Is a 24 GB card (RTX 3090) enough to serve Llama 3.1 8B in bf16?",
        "one 80gb GPU like the H100 — can it hold Llama 3 70B in 8-bit?",
    ],
)
def test_a_card_spoken_of_by_its_memory_is_one_card(read, question):
    assert read(question).details.gpu_count == 1


@pytest.mark.parametrize(
    ("question", "precision"),
    [
        ("serving qwen2.5 7b in int4 off a single t4, ok?", "int4"),
        ("mistral 7b int8 on an l4 - fits?", "int8"),
        ("llama 3 8b int4 across 2xa100 80gb", "int4"),
    ],
)
def test_a_card_name_inside_a_format_word_leaves_the_format(read, question, precision):
    # "int4" holds the letters of the T4: only whole names are blanked before formats and sizes are read
    assert read(question).details.precision == precision
