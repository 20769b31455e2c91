"""A Chroma server that hangs, dies, restarts or loses its collection (issue 12, finding 4).

Real faults on a real ``chroma run`` server: SIGSTOP makes it accept connections and never answer (a hang),
SIGKILL kills it, the same command on the same port and path restarts it, and another client deletes the
collection (a wipe). A plain listening socket that never accepts stands in for a hung host at start-up.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

import assistant.retrieval._knowledge_base as knowledge_base
from assistant import Assistant, load_settings
from assistant._assistant import GUIDES_UNAVAILABLE_NOTE
from assistant._settings import Settings
from assistant.retrieval._knowledge_base import KnowledgeBase
from assistant.retrieval._vectorstore import VectorStoreUnavailable

TIMEOUT_S = 1.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _heartbeat(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


class ChromaProcess:
    """A `chroma run` server this test controls: start, kill, pause (hang) and resume."""

    def __init__(self, path: Path):
        self.path = path
        self.port = _free_port()
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        chroma = Path(sys.executable).parent / "chroma"
        if not chroma.exists():
            pytest.skip(f"no chroma console script at {chroma}")
        command = [str(chroma), "run", "--path", str(self.path / "db"), "--host", "127.0.0.1"]
        log = (self.path / "server.log").open("a")
        self.process = subprocess.Popen([*command, "--port", str(self.port)], stdout=log, stderr=log)
        deadline = time.monotonic() + 60
        while not _heartbeat(self.port):
            if self.process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"chroma did not start: {(self.path / 'server.log').read_text()[-2000:]}")
            time.sleep(0.2)

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def pause(self) -> None:
        os.kill(self.process.pid, signal.SIGSTOP)

    def resume(self) -> None:
        os.kill(self.process.pid, signal.SIGCONT)

    def settings(self, data_dir: Path) -> Settings:
        return Settings(
            data_dir=data_dir,
            chroma_host="127.0.0.1",
            chroma_port=self.port,
            chroma_timeout_s=TIMEOUT_S,
            collection="faults",
        )


@pytest.fixture
def server(tmp_path):
    chroma = ChromaProcess(tmp_path)
    chroma.start()
    try:
        yield chroma
    finally:
        if chroma.process is not None and chroma.process.poll() is None:
            chroma.resume()
        chroma.kill()


@pytest.fixture
def no_cool_down(monkeypatch):
    """Try the store again at once after a failure (the default waits COOL_DOWN_S)."""
    monkeypatch.setattr(knowledge_base, "COOL_DOWN_S", 0.0)


@pytest.fixture
def hung_port():
    """A port whose listener accepts nothing and answers nothing: connections pile up in its backlog."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(64)
        yield sock.getsockname()[1]


def _knowledge(settings, catalog, models, embeddings) -> KnowledgeBase:
    return KnowledgeBase(settings, catalog, models, progress=False, embeddings=embeddings)


def test_a_hung_host_fails_within_the_timeout_and_then_fast(hung_port, catalog, models, embeddings, tmp_path):
    settings = Settings(
        data_dir=tmp_path, chroma_host="127.0.0.1", chroma_port=hung_port, chroma_timeout_s=0.5
    )
    kb = _knowledge(settings, catalog, models, embeddings)
    start = time.monotonic()
    with pytest.raises(VectorStoreUnavailable, match="timed out"):
        kb.search("HBM bandwidth")
    assert time.monotonic() - start < 5  # one timeout, not retried: a timeout spent the deadline
    start = time.monotonic()
    with pytest.raises(VectorStoreUnavailable):
        kb.search("HBM bandwidth")
    assert time.monotonic() - start < 0.1  # the cool-down: later questions do not wait it out again


def test_a_refused_connection_is_retried_with_backoff_then_unavailable(catalog, models, embeddings, tmp_path):
    settings = Settings(
        data_dir=tmp_path, chroma_host="127.0.0.1", chroma_port=_free_port(), chroma_retries=2
    )
    kb = _knowledge(settings, catalog, models, embeddings)
    start = time.monotonic()
    with pytest.raises(VectorStoreUnavailable, match="after 3 attempts") as caught:
        kb.search("HBM bandwidth")
    assert time.monotonic() - start >= knowledge_base.BACKOFF_S * 3  # waited 0.25 s, then 0.5 s
    assert "chroma run" in str(caught.value.__cause__)  # the open error says how to start a server


@pytest.mark.parametrize(
    ("question", "expect"),
    [
        ("Compare the L4 and the T4", "T4"),
        ("How much memory do I need to serve Llama 3 8B?", "GB"),
        ("What is NVLink?", ""),
    ],
)
def test_catalog_and_sizing_answers_work_while_the_store_is_down(question, expect, tmp_path):
    settings = load_settings(data_dir=tmp_path, chroma_host="127.0.0.1", chroma_port=_free_port())
    bot = Assistant(settings)
    reply = bot.ask(question)
    assert GUIDES_UNAVAILABLE_NOTE in reply.text
    assert expect in reply.text
    streamed = "".join(bot.stream(question))
    assert GUIDES_UNAVAILABLE_NOTE in streamed


def test_a_hung_server_recovers_when_it_answers_again(
    server, catalog, models, embeddings, tmp_path, no_cool_down
):
    kb = _knowledge(server.settings(tmp_path), catalog, models, embeddings)
    assert kb.search("HBM bandwidth of the H100")
    server.pause()
    try:
        start = time.monotonic()
        with pytest.raises(VectorStoreUnavailable):
            kb.search("HBM bandwidth of the H100")
        assert time.monotonic() - start < TIMEOUT_S * 4
    finally:
        server.resume()
    start = time.monotonic()
    assert kb.search("HBM bandwidth of the H100")
    print(f"\nrecovered from a hang in {time.monotonic() - start:.2f} s")


def test_a_killed_server_is_unavailable_and_a_restarted_one_is_used_again(
    server, catalog, models, embeddings, tmp_path, no_cool_down
):
    kb = _knowledge(server.settings(tmp_path), catalog, models, embeddings)
    before = kb.search("KV cache memory for long contexts")
    server.kill()
    with pytest.raises(VectorStoreUnavailable):
        kb.search("KV cache memory for long contexts")
    server.start()  # the same command, port and data
    start = time.monotonic()
    after = kb.search("KV cache memory for long contexts")
    print(f"\nrecovered from a restart in {time.monotonic() - start:.2f} s")
    assert [d.metadata["doc_id"] for d in after] == [d.metadata["doc_id"] for d in before]


def test_a_wiped_collection_is_reopened_and_resynced_once(server, catalog, models, embeddings, tmp_path):
    import chromadb

    settings = server.settings(tmp_path)
    kb = _knowledge(settings, catalog, models, embeddings)
    before = kb.search("QLoRA fine-tuning memory")
    chromadb.HttpClient(host="127.0.0.1", port=server.port).delete_collection(settings.collection)
    start = time.monotonic()
    after = kb.search("QLoRA fine-tuning memory")
    print(f"\nrecovered from a wipe in {time.monotonic() - start:.2f} s")
    assert [d.metadata["doc_id"] for d in after] == [d.metadata["doc_id"] for d in before]
    assert kb.last_sync is not None and kb.last_sync.added == len(kb.documents())


def test_a_collection_re_indexed_by_another_process_is_picked_up(
    server, catalog, models, embeddings, tmp_path
):
    import chromadb

    settings = server.settings(tmp_path)
    kb = _knowledge(settings, catalog, models, embeddings)
    kb.search("QLoRA fine-tuning memory")
    chromadb.HttpClient(host="127.0.0.1", port=server.port).delete_collection(settings.collection)
    _knowledge(settings, catalog, models, embeddings).sync()  # "another process" re-indexes
    assert kb.search("QLoRA fine-tuning memory")
    assert kb.last_sync is not None and not kb.last_sync.changed  # it found the new collection complete
