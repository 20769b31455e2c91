"""A sizing question that names a tool (or a tool's kernel) keeps the oldest NVIDIA generation it runs on, for the
planner to weigh only such cards; follow-ups keep it; a support question does not set it."""

from __future__ import annotations

from assistant.understanding import Intent


def test_an_awq_model_under_vllm_sets_compute_capability_7_5(read):
    u = read("what's the cheapest card to host a 14b awq model with vllm for our team?")
    assert u.intent is not Intent.SPEC
    assert (u.details.min_compute_capability, u.details.compute_floor_by) == (7.5, "AWQ in vLLM")


def test_a_follow_up_keeps_the_floor(read):
    u = read("which gpu would serve qwen2.5 7b awq through vllm", "and cheaper than that?")
    assert u.details.min_compute_capability == 7.5


def test_no_tool_no_floor(read):
    assert read("which gpu to serve a 13b model for five people?").details.min_compute_capability is None


def test_a_feature_named_in_a_follow_up_belongs_to_the_earlier_tool(read):
    u = read("host mistral small 24b on vllm for our support team", "what if it's a gptq or awq checkpoint?")
    assert u.details.tools_named and u.details.tools_named[0].startswith("vLLM|")
    assert u.details.min_compute_capability is not None and u.details.min_compute_capability >= 7.0
    assert read("host mistral small 24b on vllm", "awq then?").details.compute_floor_by == "AWQ in vLLM"
