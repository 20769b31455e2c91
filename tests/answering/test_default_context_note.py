"""A fit asked under vLLM or SGLang with no context said: the server sizes its KV cache for the model's full
trained context unless told, so when the setup's room is shorter the answer says to start it with a context
limit, with the longest that fits; said contexts and other engines get no such note. Real components; phrasings in
no evaluation set."""

from __future__ import annotations

import re


def test_a_long_context_model_under_vllm_gets_the_context_limit_to_start_with(ask):
    reply = ask("we'd like to put qwen2.5 7b instruct behind vllm on a single A10G, doable?")
    m = re.search(r"Start it with a context limit:\*\* .*?`--max-model-len (\d+)` or less", reply.text)
    assert m, reply.text[:600]
    full = int(re.search(r"full ([\d,]+)-token context", reply.text).group(1).replace(",", ""))
    assert 4096 <= int(m.group(1)) < full  # the model's full context does not fit the card's KV-cache room


def test_a_context_said_gets_no_note(ask):
    reply = ask("we'd like to put qwen2.5 7b instruct behind vllm on a single A10G at 4k context, doable?")
    assert "Start it with a context limit" not in reply.text


def test_another_engine_gets_no_note(ask):
    reply = ask("we'd like to put qwen2.5 7b instruct behind ollama on a single A10G, doable?")
    assert "--max-model-len" not in reply.text.split("\n\n")[0]


def test_the_context_limit_is_the_condition_of_the_yes(ask):
    # it fits, but vLLM will not start at the model's full context: "Yes, with" that flag, which the note explains
    reply = ask("could a single L4 host Qwen2.5 7B Instruct under vllm?")
    first = reply.text.splitlines()[0]
    m = re.match(r"\*\*Yes, with\*\* `--max-model-len (\d+)` or less — inference of Qwen2\.5 7B", first)
    assert m, first
    assert f"`--max-model-len {m.group(1)}` or less;" in reply.text  # the same figure as the note's


def test_sglang_gets_its_own_context_flag(ask):
    reply = ask("could a single L4 host Qwen2.5 7B Instruct under sglang?")
    assert reply.text.startswith("**Yes, with** `--context-length ")
    assert "--max-model-len" not in reply.text.split("\n\n")[1]
