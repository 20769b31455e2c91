"""Understanding fixtures: read a conversation's questions in order and return the last understanding."""

from __future__ import annotations

import pytest

from assistant.understanding._understand import understand


@pytest.fixture()
def read(catalog, models):
    def _read(*questions):
        previous = None
        for q in questions:
            previous = understand(q, catalog, models, previous)
        return previous

    return _read
