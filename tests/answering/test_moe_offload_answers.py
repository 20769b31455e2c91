"""Mixture-of-experts models at home: each token reads only the routed experts, so with the experts that do not fit
the card in system RAM (llama.cpp --n-cpu-moe) they stay usable. The speed is the RAM-bound read of the active
share, calibrated on published llama.cpp measurements; the RAM beside a desktop card makes it a home run."""

from __future__ import annotations

import re

import pytest

from assistant.knowledge import load_catalog, load_models
from assistant.sizing import Task, Workload, estimate_memory, load_assumptions
from assistant.sizing._runtime import offload


def _first(reply) -> str:
    return re.sub(r"[*_`]", "", reply.text).split("\n")[0]


@pytest.mark.parametrize(
    ("model", "measured"),
    [
        # llmfit community benchmark on an RTX 2080 8 GB, llama.cpp, Q4_K_M, experts offloaded to RAM:
        # https://github.com/AlexsJones/llmfit/pull/755 (Qwen3-30B-A3B-Instruct-2507, -ngl 99 --n-cpu-moe 36:
        # 36.7 tok/s generation measured by the server)
        ("Qwen3 30B-A3B", 36.7),
    ],
)
def test_moe_offload_speed_matches_published_measurements(model, measured):
    catalog, models, assumptions = load_catalog(), load_models(), load_assumptions()
    spec = models.by_name(model)
    work = Workload(Task.INFERENCE, spec, spec.params, precision="q4_k_m", runtime="llama.cpp", context=4096)
    estimate = estimate_memory(work, assumptions)
    weights = estimate.item("weights").gb
    split = offload(
        weights,
        estimate.total_gb - weights,
        spec.layers,
        catalog.by_name("RTX 2080"),
        assumptions,
        active_share=spec.active_params / spec.params,
    )
    assert 0 < split.gpu_layers < split.layers
    assert split.decode_tokens_per_s == pytest.approx(measured, rel=0.3)
    # a dense model of that size offloaded the same way is several times slower: all of it is read per token
    dense = offload(
        weights, estimate.total_gb - weights, spec.layers, catalog.by_name("RTX 2080"), assumptions
    )
    assert dense.decode_tokens_per_s < split.decode_tokens_per_s / 4


def test_moe_too_big_for_a_card_known_by_memory_also_gets_the_expert_offload(assistant):
    reply = assistant.ask("does qwen3 30b a3b fit a 12 gb graphics card?")
    assert "--n-cpu-moe" in reply.text and "mixture-of-experts" in reply.text, reply.text
    assert re.search(r"about \**\d+ tokens/s", reply.text)


def test_a_desktop_card_with_its_ram_runs_a_big_moe_split_at_home(assistant):
    reply = assistant.ask("got a 5090 and 96gb ddr5, what speed would gpt-oss-120b do?")
    first = _first(reply)
    assert first.startswith("Only with partial offload"), reply.text
    assert "mixture-of-experts" in first and "--n-cpu-moe" in first
    speed = float(re.search(r"about ([\d.]+) tokens/s", first).group(1))
    assert 15 <= speed <= 60  # RAM-bound read of ~5B active parameters, not the ~1 tok/s of a dense 120B


@pytest.mark.parametrize(
    "question",
    [
        "would 32gb of ram be enough to offload a 34b with a 12gb gpu?",
        "is 96 gigs of ddr5 sufficient for llama 3 70b if my card is a 3090",
    ],
)
def test_ram_said_first_or_asked_about_is_the_offload_split(assistant, question):
    reply = assistant.ask(question)
    first = _first(reply)
    assert first.startswith("Yes, with partial offload"), reply.text
    assert re.search(r"-ngl \d+", first)


def test_batching_on_a_card_known_by_memory_stays_a_serving_question(assistant):
    # "what batch fits a 24gb card?" is asked of a serving engine, in 16-bit: not the home GGUF reading
    reply = assistant.ask("how big a batch can mistral 7b take on a 24gb card?")
    assert "bf16" in _first(reply) and "q4_k_m" not in _first(reply), reply.text
