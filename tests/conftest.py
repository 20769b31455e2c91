"""Shared fixtures: the real catalog, model specs and sizing assumptions from corpus/."""

from __future__ import annotations

import pytest

from assistant import load_catalog, load_models
from assistant.sizing import load_assumptions


@pytest.fixture(scope="session")
def catalog():
    return load_catalog()


@pytest.fixture(scope="session")
def models():
    return load_models()


@pytest.fixture(scope="session")
def assumptions():
    return load_assumptions()


@pytest.fixture(scope="session")
def assistant(tmp_path_factory):
    """One real Assistant for the session: embedded Chroma in a temp dir, bundled embedder, offline writer."""
    from assistant import Assistant, load_settings

    bot = Assistant(load_settings(data_dir=tmp_path_factory.mktemp("assistant-data")))
    bot.warm_up()
    return bot
