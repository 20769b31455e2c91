"""A batching server (vLLM, TGI, SGLang) loads the 16-bit checkpoint it is given: when a named model does not fit
the memory the user states, the reply's memory figure is the 16-bit need its text leads with, not the 4-bit
figure of a format nobody asked for. Without a server named, the 4-bit figure stays the deciding one. Real
components; phrasings in no evaluation set."""

from __future__ import annotations


def test_a_served_70b_on_a_48gb_card_reports_the_16_bit_need(ask):
    reply = ask("trying to serve Llama 3.1 70B Instruct with vLLM on a 48GB GPU, no quantization flags")
    assert reply.memory_gb is not None and reply.memory_gb > 130  # 70.6B x 2 bytes = 141 GB of weights
    assert "141" in reply.details or "14" in reply.text


def test_a_tgi_deployment_of_qwen_72b_on_a_40gb_card_reports_the_16_bit_need(ask):
    reply = ask("deploying Qwen2.5 72B Instruct with TGI on a 40GB GPU")
    assert reply.memory_gb is not None and reply.memory_gb > 140  # 72.7B x 2 bytes = 145 GB of weights


def test_what_runs_on_several_cards_says_how_one_model_is_split(ask):
    reply = ask("what models could I run on my 2x RTX 3090 rig?")
    said = reply.text + reply.details  # the how-to sits with the table's notes
    assert "--tensor-parallel-size 2" in said and "--tensor-split" in said


def test_what_runs_on_one_card_says_nothing_of_splitting(ask):
    reply = ask("what models could I run on my single RTX 3090?")
    assert "--tensor-parallel-size" not in reply.text + reply.details
