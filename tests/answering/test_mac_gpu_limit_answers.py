"""A Mac named without a model, asked how much of its memory the GPU may use (or why a tool caps it): macOS's
default GPU working set as the figure, and `iogpu.wired_limit_mb` to raise it — not the chip's spec sheet."""

from __future__ import annotations

import re

import pytest

from assistant.knowledge import load_catalog


@pytest.mark.parametrize(
    ("question", "mac"),
    [
        ("what's the real vram on an M1 Max 32GB for local llms?", "M1 Max 32GB"),
        ("ollama won't use more than part of my m2 ultra 192gb, is there a cap?", "M2 Ultra 192GB"),
    ],
)
def test_the_macs_gpu_share_leads_with_how_to_raise_it(assistant, question, mac):
    share_gb = load_catalog().by_name(mac).gpu_memory_gb  # macOS's default working set, from the catalog
    reply = assistant.ask(question)
    first = re.sub(r"[*_`]", "", reply.text).split("\n")[0]
    assert re.match(r"About ([\d.]+) GB", first) and float(
        re.match(r"About ([\d.]+)", first)[1]
    ) == pytest.approx(share_gb, abs=0.5), reply.text
    assert "iogpu.wired_limit_mb" in reply.text and "| spec |" not in reply.text
    assert reply.memory_gb == pytest.approx(share_gb)


def test_a_plain_spec_question_on_a_mac_keeps_the_spec_sheet(assistant):
    reply = assistant.ask("memory bandwidth of the M3 Max 36GB?")
    assert "iogpu" not in reply.text
