"""A card of a platform that the catalog lacks ("Radeon HD 7970") is on no tool's list, since every listed card is a
catalog card: a tool with a list answers for that card — not for the whole platform."""

from __future__ import annotations

from assistant.knowledge import load_catalog
from assistant.knowledge._software import load_software, support_of


def _tool_with_list(stack: str, *, others: bool):
    software = load_software(catalog=load_catalog())
    for tool in software.tools:
        platform = next((p for p in tool.platforms if p.stack == stack), None)
        if platform is not None and platform.gpus and bool(platform.others) is others:
            return tool
    return None


def test_an_unlisted_card_is_not_on_a_strict_list():
    tool = _tool_with_list("ROCm", others=False)
    assert tool is not None
    support = support_of(tool, None, "ROCm", card="Radeon HD 7970")
    assert support.status == "unsupported" and "Radeon HD 7970" in support.reason
    assert support.card == "Radeon HD 7970"


def test_an_unlisted_card_is_partial_where_the_tool_names_a_way_for_others():
    tool = _tool_with_list("ROCm", others=True)
    assert tool is not None
    support = support_of(tool, None, "ROCm", card="Radeon HD 7970")
    assert support.status == "partial" and "not on its ROCm list" in support.reason


def test_no_card_named_answers_for_the_platform():
    tool = _tool_with_list("ROCm", others=False)
    assert support_of(tool, None, "ROCm").card == ""
