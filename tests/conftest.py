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
