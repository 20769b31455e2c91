"""Two cards weighed for an image, video or speech job: one card named first, with the reason (issue 9 item 2:
"which is better for X" names one for X). Real components; phrasings in no evaluation set."""

from __future__ import annotations

import re


def _first(reply) -> str:
    return reply.text.split("\n", 1)[0]


def test_both_hold_it_so_the_faster_card_is_named(ask, catalog):
    reply = ask("torn between an rtx 4090 and an rtx 3090 for sdxl renders, which should I buy?")
    first = _first(reply)
    fast, slow = catalog.by_name("RTX 4090"), catalog.by_name("RTX 3090")
    assert first.startswith("**The RTX 4090** for SDXL")
    ratio = fast.training_tflops / slow.training_tflops
    assert f"about {ratio:.1f}x" in first and "not a measurement" in first


def test_only_one_holds_the_usual_run_so_memory_decides(ask):
    first = _first(ask("for flux dev, do I go with a 4060 ti 16gb or an rtx 3080 10gb?"))
    assert first.startswith("**The RTX 4060 Ti 16GB** for FLUX.1 dev")
    assert "neither holds the usual run" in first


def test_a_yes_no_about_speed_gets_the_word_the_pick_gives(ask):
    assert _first(ask("whisper transcription: is an L4 going to be faster than a T4?")).startswith(
        "**Yes**: **The L4**"
    )
    assert _first(ask("whisper transcription: would a T4 be faster than an L4?")).startswith(
        "**No** — not the T4: **The L4**"
    )


def test_one_card_named_is_no_choice(ask):
    reply = ask("is an rtx 4070 ti super fine for sdxl?")
    assert not re.match(r"\*\*The RTX", _first(reply))


def test_about_as_fast_so_the_larger_memory_is_named(ask, catalog):
    a, b = catalog.by_name("RTX 4070 Super"), catalog.by_name("RTX 3090")
    assert abs(a.training_tflops / b.training_tflops - 1) < 0.1  # the premise: the catalog has them level
    first = _first(ask("4070 super or 3090, which is the smarter buy for sdxl lora training in kohya?"))
    assert first.startswith("**The RTX 3090**") and "memory decides" in first
