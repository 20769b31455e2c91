"""'Does card X support FP4 / FP8 / bf16?' answered Yes or No from the catalog's flags, not with the spec sheet's
first line. Real components; phrasings in no evaluation set."""

from __future__ import annotations

import uuid

import pytest


@pytest.fixture(scope="module")
def ask(assistant):
    def _ask(question):
        return assistant.ask(question, conversation_id=f"precision-{uuid.uuid4().hex}").text

    return _ask


def test_a_blackwell_card_supports_fp4(ask):
    assert ask("is fp4 supported on the rtx 5080?").startswith(
        "**Yes** — the RTX 5080 supports FP4 tensor math"
    )


def test_hopper_has_no_fp4_but_fp4_weights_still_load(ask):
    text = ask("h200 — does it handle nvfp4 natively?")
    assert text.startswith("**No** — the H200 does not support FP4 tensor math (NVFP4 / MXFP4)")
    assert "without FP4's speed-up" in text


def test_an_amd_card_is_named_with_its_own_fp4_format(ask):
    text = ask("does mi355x have fp4 support")
    assert text.startswith("**Yes**") and "(MXFP4)" in text and "NVFP4" not in text.split("\n")[0]
