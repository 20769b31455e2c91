"""The two shares that word an out-of-memory report (a training estimate's thin headroom, a non-LLM setting that
nearly fills the card) are corpus conventions read through the assumptions loader, not numbers in code. Phrasings
of our own, in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.sizing import load_assumptions
from assistant.sizing._assumptions import Assumptions

_TRAINING = "training_oom_tight_share"
_NON_LLM = "non_llm_oom_setting_share"


@pytest.mark.parametrize("key", [_TRAINING, _NON_LLM])
def test_each_share_is_a_stated_convention(key):
    row = load_assumptions()[key]
    assert 0 < load_assumptions().number(key) < 1
    assert "convention" in row.source and row.meaning


def _with_share(monkeypatch, key: str, value: float) -> None:
    read = Assumptions.number
    monkeypatch.setattr(Assumptions, "number", lambda self, name: value if name == key else read(self, name))


def test_the_training_headroom_lever_follows_the_corpus_share(assistant, monkeypatch):
    question = "my qlora run of mistral 7b on a 16gb 4060 ti goes oom at batch 2 with 2048-token samples, can this work?"
    first = assistant.ask(question, conversation_id="share-a").text.split("\n")[0]
    assert (
        first.startswith("**Only with gradient checkpointing on**") and "little headroom" not in first
    )  # 8.5 of 15.2 GB
    _with_share(monkeypatch, _TRAINING, 0.5)
    again = assistant.ask(question, conversation_id="share-b").text.split("\n")[0]
    assert again.startswith("**Only with gradient checkpointing on**") and "little headroom" in again


def test_the_non_llm_lower_settings_verdict_follows_the_corpus_share(assistant, monkeypatch):
    """FLUX.1 dev's setting on record (23.8 GB) nearly fills a 24 GB card: the user's run is larger than it."""
    question = "flux dev keeps running out of memory on my 24gb 3090, can it run there?"
    first = assistant.ask(question, conversation_id="share-c").text
    assert first.startswith("**Yes, with** lower settings")
    _with_share(monkeypatch, _NON_LLM, 1.0)  # no setting under the card takes all of it
    again = assistant.ask(question, conversation_id="share-d").text
    assert not again.startswith("**Yes, with** lower settings")
