"""The Assistant with ASSISTANT_LLM switched on, against a loopback OpenAI stand-in (not a real LLM)."""

from __future__ import annotations

from dataclasses import replace

from assistant import Assistant, load_settings
from assistant._wiring import _writer
from tests.support.stand_ins import OpenAIStandIn


def _with_llm(assistant, base_url: str, timeout: float = 5.0) -> Assistant:
    settings = load_settings(
        data_dir=assistant.settings.data_dir,
        llm="openai:stand-in",
        openai_base_url=base_url,
        llm_timeout_s=timeout,
    )
    services = replace(assistant.services, settings=settings, writer=_writer(settings))
    return Assistant(services=services)


def test_llm_answer_streams_from_the_same_facts(assistant):
    with OpenAIStandIn() as standin:
        bot = _with_llm(assistant, standin.base_url)
        chunks = list(bot.stream("Can I run Llama 3 8B on an L4?"))
        text = "".join(chunks)
        assert len(chunks) > 2 and text.startswith("Stand-in LLM answer")
        assert "**Yes**" in text  # the facts reached the model
        assert "**Sources**" not in text  # sources travel as data on the reply, not in the text
        request = standin.requests[-1]
        assert request["stream"] is True
        assert any("never" in str(m.get("content", "")).lower() for m in request["messages"])


def test_llm_failure_falls_back_to_the_offline_answer(assistant):
    offline = assistant.ask("Can I run Llama 3 8B on an L4?").text
    with OpenAIStandIn(mode="error") as standin:
        reply = _with_llm(assistant, standin.base_url).ask("Can I run Llama 3 8B on an L4?")
    assert reply.text.strip().startswith(offline.strip()[:200])
    assert "offline answer" in reply.text


def test_an_llm_answer_with_invented_numbers_is_replaced_by_the_offline_answer(assistant):
    question = "Can I run Llama 3 8B on an L4?"
    offline = assistant.ask(question).text
    with OpenAIStandIn(mode="invent") as standin:
        reply = _with_llm(assistant, standin.base_url).ask(question)
    assert reply.text.startswith(offline)
    assert "987.6" not in reply.text.split(offline)[0]
    assert "not in the facts (12.34, 987.6)" in reply.text


def test_a_streamed_llm_answer_with_invented_numbers_is_flagged_and_followed_by_the_checked_answer(assistant):
    question = "Can I run Llama 3 8B on an L4?"
    offline = assistant.ask(question).text
    with OpenAIStandIn(mode="invent") as standin:
        text = "".join(_with_llm(assistant, standin.base_url).stream(question))
    shown, _, rest = text.partition("not in the facts (12.34, 987.6)")
    assert "987.6 GB" in shown  # already streamed: it cannot be taken back, so it is flagged
    assert rest.strip().endswith(offline.strip())


def test_an_llm_answer_that_keeps_the_facts_numbers_passes_the_check(assistant):
    with OpenAIStandIn() as standin:
        reply = _with_llm(assistant, standin.base_url).ask("Can I run Llama 3 8B on an L4?")
    assert reply.text.startswith("Stand-in LLM answer") and "not in the facts" not in reply.text
