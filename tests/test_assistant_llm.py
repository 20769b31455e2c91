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
        assert "**Yes**" in text and "**Sources**" in text  # the facts reached the model; sources kept
        request = standin.requests[-1]
        assert request["stream"] is True
        assert any("never" in str(m.get("content", "")).lower() for m in request["messages"])


def test_llm_failure_falls_back_to_the_offline_answer(assistant):
    offline = assistant.ask("Can I run Llama 3 8B on an L4?").text
    with OpenAIStandIn(mode="error") as standin:
        reply = _with_llm(assistant, standin.base_url).ask("Can I run Llama 3 8B on an L4?")
    assert (
        reply.text.split("**Sources**")[0].strip().startswith(offline.split("**Sources**")[0].strip()[:200])
    )
    assert "offline answer" in reply.text
