"""The LLM's whole answer has a deadline and a length cap (issue 12, finding 5).

``ASSISTANT_LLM_TIMEOUT`` used to bound each read only, so an endpoint that trickles a chunk at a time ran
on indefinitely, and a 20 MB answer was passed through whole. The real ChatOpenAI / ChatOllama clients run
against the local stand-ins (``tests.support.stand_ins``: "trickle" and "flood" modes).
"""

from __future__ import annotations

import logging
import time

import pytest

from assistant._settings import load_settings
from assistant._wiring import _writer
from assistant.answering._llm import EARLY_STOP_NOTE, LONG_NOTE, SLOW_NOTE, LLMWriter, load_chat_model
from tests.support.stand_ins import ANSWER_PREFIX, OllamaStandIn, OpenAIStandIn

QUESTION = "Which GPU should I use to serve Llama 3 70B?"
DRAFT = "**Use 2x H100 SXM 80GB.** Llama 3 70B needs about 141.1 GB at FP16."
PROVIDERS = ["openai", "ollama"]


def _stand_in(provider: str, mode: str, **kwargs):
    return (OpenAIStandIn if provider == "openai" else OllamaStandIn)(mode, **kwargs)


def _settings(provider: str, base_url: str, **extra):
    url_field = "openai_base_url" if provider == "openai" else "ollama_base_url"
    return load_settings(llm=f"{provider}:stand-in", **{url_field: base_url}, **extra)


@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_trickling_endpoint_is_cut_off_at_the_total_deadline(provider, caplog):
    with _stand_in(provider, "trickle", chunk_delay_s=0.05) as server:
        writer = _writer(_settings(provider, server.base_url, llm_timeout_s=1.5))
        start = time.monotonic()
        with caplog.at_level(logging.WARNING, logger="assistant.llm"):
            text = writer.write(QUESTION, DRAFT, [])
        elapsed = time.monotonic() - start
    assert elapsed < 4, f"took {elapsed:.1f} s for a 1.5 s deadline"
    assert text.startswith(ANSWER_PREFIX)  # what came in time is kept ...
    assert text.endswith(DRAFT) and EARLY_STOP_NOTE in text  # ... and the checked answer follows
    assert "did not finish within 1.5 s" in caplog.text


@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_silent_endpoint_gets_the_offline_answer_at_the_deadline(provider, caplog):
    with _stand_in(provider, "hang", hang_s=30) as server:
        model = load_chat_model(_settings(provider, server.base_url, llm_timeout_s=20))
        writer = LLMWriter(model, deadline_s=1.0)  # a per-read timeout of 20 s, a total deadline of 1 s
        start = time.monotonic()
        with caplog.at_level(logging.WARNING, logger="assistant.llm"):
            chunks = list(writer.stream(QUESTION, DRAFT, []))
        elapsed = time.monotonic() - start
    assert elapsed < 3
    assert "".join(chunks) == f"{DRAFT}\n\n{SLOW_NOTE}"
    assert "did not finish" in caplog.text


@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_flood_is_capped_and_followed_by_the_offline_answer(provider, caplog):
    with _stand_in(provider, "flood") as server:
        writer = _writer(_settings(provider, server.base_url, llm_max_chars=5_000))
        with caplog.at_level(logging.WARNING, logger="assistant.llm"):
            text = "".join(writer.stream(QUESTION, DRAFT, []))
    assert len(text) < 5_000 + len(LONG_NOTE) + len(DRAFT) + 10
    assert text.endswith(DRAFT) and LONG_NOTE in text
    assert "passed 5000 characters" in caplog.text


def test_the_output_cap_is_also_asked_of_the_server():
    with OpenAIStandIn("ok") as server:
        writer = _writer(_settings("openai", server.base_url, llm_max_chars=4_000))
        writer.write(QUESTION, DRAFT, [])
    sent = server.requests[0]
    assert sent.get("max_completion_tokens", sent.get("max_tokens")) == 2_000


@pytest.mark.parametrize("provider", PROVIDERS)
def test_an_ordinary_answer_is_untouched_by_the_limits(provider):
    with _stand_in(provider, "ok") as server:
        writer = _writer(_settings(provider, server.base_url, llm_timeout_s=10))
        assert writer.write(QUESTION, DRAFT, []) == ANSWER_PREFIX + DRAFT
