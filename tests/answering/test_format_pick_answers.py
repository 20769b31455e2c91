"""'What quant / which gguf / what precision should I use on my <card>?' names the least compressed format that fits
that setup, with the next one up that does not — not a bare **Yes** for the default format; a follow-up 'what quant?'
after a sizing does the same. Phrasings here are in no evaluation set."""

from __future__ import annotations

import re

from tests.support.checked_answers import checked_answer


def answer(bot, *turns):
    a = checked_answer(bot, *turns)
    return a.facts, a.first_line


def test_the_format_named_is_the_least_compressed_that_fits(assistant):
    facts, first = answer(assistant, "which quantization of gemma 2 27b would you download for a 4090?")
    name = re.match(r"\*\*([A-Z0-9_]+)\*\* — the least compressed format", first).group(1).lower()
    formats = [o.label.removeprefix("inference in ") for o in facts.options]
    outcomes = {o.label.removeprefix("inference in "): o.on_named["RTX 4090"] for o in facts.options}
    assert type(outcomes[name]).__name__ == "Fit"
    assert all(type(outcomes[f]).__name__ == "NoFit" for f in formats[: formats.index(name)])


def test_a_bare_what_quant_after_a_sizing_names_the_format(assistant):
    _, first = answer(assistant, "will mixtral 8x7b run on my m3 max 48gb?", "which quant then?")
    assert re.match(r"\*\*Q\d", first) and not first.startswith("**Yes")
