"""'Do I need NVLink for <several cards> to run <model>?': the need of the link is what is asked, so a setup that
fits answers No (PCIe is enough, and why for the runtime), not the fit's Yes. Phrasings here are in no evaluation
set."""

from __future__ import annotations

import re


def _first(assistant, question):
    return re.sub(r"[*_`]", "", assistant.ask(question).text).split("\n")[0]


def test_a_layer_split_at_home_needs_no_nvlink(assistant):
    first = _first(assistant, "is NVLink necessary to split mixtral 8x7b q4 across two rtx 3090s at home?")
    assert first.startswith("No — NVLink is not needed") and "PCIe" in first


def test_a_card_without_nvlink_says_so(assistant):
    first = _first(assistant, "would we require nvlink for qwen2.5 72b in 4-bit on 2x rtx 4090?")
    assert first.startswith("No — NVLink is not needed") and "has no NVLink at all" in first


def test_tensor_parallel_serving_runs_over_pcie_only_slower(assistant):
    first = _first(assistant, "does vLLM need NVLink to serve llama 3.1 70b in bf16 on four L40S?")
    assert first.startswith("No — NVLink is not needed") and "slower" in first


def test_a_fit_with_a_context_limit_keeps_the_limit_after_the_links_verdict(assistant):
    # it fits on four L40S only below the model's full default context: the NVLink answer leads, the limit follows
    first = _first(
        assistant, "is an nvlink bridge required for vllm to host llama 3.1 70b bf16 over 4x l40s?"
    )
    assert first.startswith("No — NVLink is not needed") and "--max-model-len" in first


def test_a_pcie_generation_question_is_answered_by_the_pcie_section_not_the_nvlink_one(assistant):
    # both sections talk of PCIe; only the PCIe one is about the slot's speed for a model on one card
    first = _first(assistant, "does pcie 3.0 vs 4.0 matter much for inference on a single card?")
    assert first.startswith(("Barely", "No, barely", "No, not once the model is loaded")), first
    assert "two GPUs work together" not in first
