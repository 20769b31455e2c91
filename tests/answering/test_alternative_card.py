"""'Is the Gaudi 3 a good alternative to the H100?': a verdict on the first card's specs against the second's, with
the figures, what it gives up when it matches only some, and — off the other's software stack — which common tools
run on it. Real Assistant, catalog and software table; phrasings in no evaluation set."""

from __future__ import annotations

import re


def _first(reply) -> str:
    return reply.text.split("\n\n")[0]


def test_a_card_ahead_on_every_spec_but_off_cuda_names_the_tools(ask, assistant):
    first = _first(ask("would the instinct mi300x work as a replacement for our h100s?"))
    assert first.startswith("**Yes on specs**"), first
    mi, h = (assistant.services.catalog.by_name(n) for n in ("MI300X", "H100 SXM"))
    assert f"{mi.memory_bandwidth_gbs:,.0f} GB/s against {h.memory_bandwidth_gbs:,.0f}" in first
    assert "runs ROCm, not CUDA" in first
    assert re.search(r"TensorRT-LLM[^.;]* do not run", first)


def test_a_card_behind_on_some_specs_says_what_it_gives_up(ask):
    first = _first(ask("could an L4 stand in for an A10G?"))
    assert first.startswith("**Partly on specs**"), first
    assert "generates tokens more slowly" in first  # 300 against 600 GB/s
    assert "not CUDA" not in first  # the same stack: no software caveat


def test_a_card_behind_on_every_spec_is_a_no(ask):
    assert _first(ask("is a T4 a decent alternative to the A100 80GB?")).startswith("**No on specs**")
