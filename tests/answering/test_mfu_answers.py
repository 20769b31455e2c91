"""'What MFU should I expect?' asked of a training run: the utilisation large runs report (typical value and range,
sourced) and the tokens per second per GPU it gives on the GPU — not a memory verdict. Real components;
phrasings in no evaluation set."""

from __future__ import annotations

import re

from assistant.answering._numbers import unsupported_numbers


def test_mfu_asked_of_a_run_leads_with_the_utilisation_and_the_throughput(ask):
    lead = ask("training a 3B from scratch on 8 H100s with torchtitan, what MFU is realistic?").text.split(
        "\n"
    )[0]
    assert lead.startswith("**About 40% MFU**") and "30% to 50%" in lead
    assert re.search(r"about [\d,]+ tokens/s per GPU", lead)
    assert not lead.startswith("**Yes**")


def test_mfu_figures_come_from_the_facts(assistant):
    state = assistant._prepare("expected model FLOPs utilization for pretraining a 1B on A100 80GB?", None)
    shown = f"{state['draft']}\n\n{state['details']}"
    assert "MFU" in state["draft"].split("\n")[0]
    assert unsupported_numbers(shown, state["facts"], state["passages"]) == set()
