"""Shared fixtures: the real catalog, model specs and sizing assumptions from corpus/, and the search index.

Embedding the corpus with the bundled MiniLM is the most expensive setup in the suite, so it happens once
per session (``shared_index``); every fixture that needs a real index gets a private copy of that data
directory (``indexed_data_dir``), which takes milliseconds. Only tests of index building itself
(tests/retrieval/test_index.py) build their own small indexes.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from assistant import load_catalog, load_models
from assistant.sizing import load_assumptions

if TYPE_CHECKING:
    from collections.abc import Callable

    from assistant.retrieval._index import IndexStats


@pytest.fixture(scope="session")
def catalog():
    return load_catalog()


@pytest.fixture(scope="session")
def models():
    return load_models()


@pytest.fixture(scope="session")
def assumptions():
    return load_assumptions()


@dataclass(frozen=True)
class SharedIndex:
    """The whole corpus embedded once per session into an embedded Chroma under ``data_dir``.

    Treat ``data_dir`` as read-only; ``copy_to`` (or the ``indexed_data_dir`` fixture) gives a private copy.
    """

    data_dir: Path
    first_sync: IndexStats  # the build: every document added to an empty collection
    passages: dict[str, list[float]]  # each passage's text and the vector the model gave it

    def copy_to(self, dest: Path) -> Path:
        """Copy the data directory to ``dest`` (which must not exist) and return ``dest``."""
        shutil.copytree(self.data_dir, dest)
        return dest


@pytest.fixture(scope="session")
def one_torch_thread() -> None:
    """Run torch on one thread in the test process (subprocesses keep torch's defaults).

    The suite runs on 2 shared cores beside its own servers, subprocesses and other people's work; there a
    2-thread torch pool spins against them, and query-heavy tests ran 3-6x slower than on one thread.
    """
    import torch

    torch.set_num_threads(1)


@pytest.fixture(scope="session")
def shared_index(tmp_path_factory, one_torch_thread) -> SharedIndex:
    """Build the index the way the product does (``Assistant.warm_up``), once for the whole session."""
    from assistant import Assistant, load_settings

    data_dir = tmp_path_factory.mktemp("shared-index") / "data"
    builder = Assistant(load_settings(data_dir=data_dir))
    builder.warm_up()
    assert builder.services.knowledge.last_sync is not None
    stored = builder.services.knowledge.retriever().store.get(include=["documents", "embeddings"])
    passages = {
        text: [float(x) for x in vector]
        for text, vector in zip(stored["documents"], stored["embeddings"], strict=True)
    }
    return SharedIndex(data_dir, builder.services.knowledge.last_sync, passages)


@pytest.fixture(scope="session")
def indexed_data_dir(shared_index, tmp_path_factory) -> Callable[[str], Path]:
    """``indexed_data_dir("web")``: a new data directory holding a copy of the session's index.

    Each copy is private, so feedback logs and any other state written there stay isolated; opening it
    finds every document unchanged and embeds nothing.
    """

    def make(name: str = "data") -> Path:
        return shared_index.copy_to(tmp_path_factory.mktemp(name) / "data")

    return make


@pytest.fixture(scope="session")
def assistant(indexed_data_dir):
    """One real Assistant for the session: embedded Chroma (a copy of the shared index), bundled embedder,
    offline writer."""
    from assistant import Assistant, load_settings

    bot = Assistant(load_settings(data_dir=indexed_data_dir("assistant-data")))
    bot.warm_up()
    return bot


@pytest.fixture(scope="session")
def converse(assistant):
    """Ask the session Assistant one conversation's turns (a fresh conversation per call); the last Reply."""
    counter = iter(range(1_000_000))

    def _converse(*turns: str):
        conversation = f"converse-{next(counter)}"
        reply = None
        for turn in turns:
            reply = assistant.ask(turn, conversation_id=conversation)
        return reply

    return _converse
