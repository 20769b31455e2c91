"""Fixtures shared by the answering tests."""

import pytest


@pytest.fixture(scope="session")
def ask(converse):
    """Ask one question (or one conversation's turns, in order) in a fresh conversation; the last Reply. The
    session ``converse`` under the name the answering tests use (a module that needs another ``ask`` defines it)."""
    return converse
