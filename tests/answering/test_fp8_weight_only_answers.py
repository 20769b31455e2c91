"""FP8 checkpoints on Ampere: no FP8 compute, but vLLM (SGLang, TGI) serve them weight-only through the FP8 Marlin
kernel (vllm-project/vllm#5975), so the answer sizes them at 1 byte per weight and says how; TensorRT-LLM has no
such path. Phrasings here are in no evaluation set."""

from __future__ import annotations

from tests.support.checked_answers import checked_answer


def test_an_fp8_build_serves_on_an_a6000_weight_only(assistant):
    a = checked_answer(assistant, "will an rtx a6000 serve mistral small 24b in fp8 under sglang?")
    assert not a.first_line.startswith("**No"), a.first_line
    assert "Marlin" in a.draft and "weight-only" in a.draft
    assert a.facts.workload.precision == "fp8"


def test_the_gpu_spec_answer_says_not_natively_but_still_serves(assistant):
    a = checked_answer(assistant, "is fp8 supported on the rtx 3090?")
    assert a.first_line.startswith("**Not natively**"), a.first_line
    assert "Marlin" in a.draft


def test_tensorrt_llm_has_no_weight_only_fp8_on_ampere(assistant):
    a = checked_answer(assistant, "can tensorrt-llm run qwen2.5 14b fp8 on one a100 40gb?")
    assert a.first_line.startswith("**No, not in TensorRT-LLM**"), a.first_line


def test_training_in_fp8_on_ampere_is_still_no(assistant):
    a = checked_answer(assistant, "fp8 training of llama 3.1 8b on an a100 80gb, does that work?")
    assert "Marlin" not in a.draft


def test_no_engine_named_is_not_natively_with_the_weight_only_way(assistant):
    a = checked_answer(assistant, "any way to get qwen2.5 72b fp8 going on a pair of a100 80gb?")
    assert a.first_line.startswith("**No, not natively**"), a.first_line
    assert "Marlin" in a.first_line


def test_another_gpu_named_in_passing_does_not_hide_the_verdict(assistant):
    a = checked_answer(
        assistant,
        "i only have 4 a100 80gb, not the h100s the readme wants: will qwen2.5 72b fp8 run on them?",
    )
    assert a.first_line.startswith("**No, not natively** — the A100 80GB SXM"), a.first_line
