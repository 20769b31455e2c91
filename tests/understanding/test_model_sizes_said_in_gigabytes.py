"""A model known only by its size in GB, however it is said ("a 30GB VRAM model", "its weights are 18GB", "a 45 GB
gguf"), is that model's size — never a claim about the GPU's memory — and 16-bit weights stay 16-bit under a
local runtime; a statement asked with a question mark ("so we could fit a bigger model?") is a yes/no question.
Phrasings in no evaluation set."""

from __future__ import annotations

import pytest

from assistant import Task


@pytest.mark.parametrize(
    "question",
    [
        "do three 16GB cards hold a 30GB VRAM model between them?",
        "a model whose weights are 18GB, on two 12GB cards: possible?",
    ],
)
def test_a_model_said_by_its_size_in_gb_is_16_bit_weights(read, question):
    d = read(question).details
    assert d.weights_gb and d.params == pytest.approx(d.weights_gb * 1e9 / 2)
    assert d.precision == "bf16"  # the size is of the weights they hold, not of the runtime's usual quant


def test_a_gguf_said_by_its_size_is_a_model_file_not_the_cards_memory(read):
    d = read("two 4090s here. would a 45 GB gguf load across them in llama.cpp?").details
    assert d.weights_gb is None and d.params and d.params > 60e9  # 45 GB at ~4.9 bits per weight
    assert d.stated_memory_gb in (None, 24)


@pytest.mark.parametrize(
    "question",
    [
        "with a second A6000 we could serve a 70b in 8-bit?",
        "So if I add another card I can run bigger models?",
    ],
)
def test_a_statement_asked_with_a_question_mark_is_yes_no(read, question):
    assert read(question).details.yes_no


def test_a_wh_question_with_can_stays_open(read):
    assert not read("which model i can run on a 3060?").details.yes_no


@pytest.mark.parametrize(
    "question",
    [
        "sglang runs out of memory loading someorg/chatbot-34b-sft, how many A100s do I need to serve it?",
        "serving OpenOrg/Mixer-13B-DPO with vllm on one L40S, enough memory?",
    ],
)
def test_a_training_method_in_a_checkpoints_name_is_not_the_job(read, question):
    assert read(question).details.task is Task.INFERENCE


def test_the_method_said_as_the_job_still_is(read):
    assert read("can I do dpo training of a 7b on one 4090?").details.task is not Task.INFERENCE
