"""A real ``chroma run`` server made to hang, die, lose its data and restart (issue 12, finding 4).

For each fault: what a question that needs the guides gets while it lasts (answered from the catalog, the
guides marked unavailable, and how long that took), whether a catalog question still works, and the time
from the server being healthy again until answers use the guides again. The assistant runs with its
default Chroma settings (timeouts, retries, cool-down); only the server is started here.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

__all__ = ["FaultRun", "run_chroma_faults"]

GUIDE_QUESTION = "What is NVLink?"
CATALOG_QUESTION = "Compare the L4 and the T4"
RECOVERY_LIMIT_S = 120.0
POLL_S = 0.5


@dataclass(frozen=True)
class FaultRun:
    """One fault and what the assistant did through it."""

    fault: str
    how: str
    during: str  # what the guide question got while the fault lasted
    during_s: float  # how long that first question took
    later_s: float | None  # a second guide question during the fault (the cool-down makes it fast)
    catalog_ok: bool  # the catalog question was answered during the fault
    guides_marked: bool  # the answers during the fault said the guides were unavailable
    server_back_s: float | None  # from the repair action to a healthy server heartbeat
    recovered_s: float | None  # from the healthy heartbeat to the first answer that used the guides

    @property
    def recovered(self) -> bool:
        """Answers used the guides again within the limit."""
        return self.recovered_s is not None


class _Server:
    """A `chroma run` process on a fixed port and data path: start, stop (any signal), pause, resume."""

    def __init__(self, root: Path):
        self.root = root
        self.db = root / "db"
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.process: subprocess.Popen | None = None

    def start(self) -> float:
        """Start it and return the seconds until its heartbeat answered."""
        chroma = Path(sys.executable).parent / "chroma"
        command = [
            str(chroma),
            "run",
            "--path",
            str(self.db),
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
        ]
        began = time.monotonic()
        with (self.root / "server.log").open("a") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        while not self.healthy():
            if self.process.poll() is not None or time.monotonic() - began > RECOVERY_LIMIT_S:
                raise RuntimeError(f"chroma did not start: {(self.root / 'server.log').read_text()[-1500:]}")
            time.sleep(0.1)
        return time.monotonic() - began

    def healthy(self) -> bool:
        try:
            url = f"http://127.0.0.1:{self.port}/api/v2/heartbeat"
            with urllib.request.urlopen(url, timeout=1) as response:
                return response.status == 200
        except OSError:
            return False

    def stop(self, sig: int = signal.SIGKILL) -> None:
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGCONT)  # a paused process cannot act on SIGTERM
            self.process.send_signal(sig)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def pause(self) -> None:
        os.kill(self.process.pid, signal.SIGSTOP)

    def resume(self) -> float:
        began = time.monotonic()
        os.kill(self.process.pid, signal.SIGCONT)
        while not self.healthy() and time.monotonic() - began < RECOVERY_LIMIT_S:
            time.sleep(0.05)
        return time.monotonic() - began


class _SeededEmbeddings:
    """The product's embedder, with the passage vectors of the benchmark's own index reused for the first
    build on the server (the same model gave them). ``reuse = False`` makes every later build embed for real."""

    def __init__(self, inner, vectors: dict[str, list[float]]):
        self.inner = inner
        self.vectors = vectors
        self.reuse = True
        self._lock = threading.Lock()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        with self._lock:
            known = self.reuse and all(t in self.vectors for t in texts)
        return [self.vectors[t] for t in texts] if known else self.inner.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)


def _uses_guides(reply, note: str) -> bool:
    return note not in reply.text and any("guides/" in s.path for s in reply.sources)


def _timed_ask(bot, question: str):
    began = time.monotonic()
    reply = bot.ask(question)
    return reply, time.monotonic() - began


def _wait_for_guides(bot, note: str) -> float | None:
    began = time.monotonic()
    while time.monotonic() - began < RECOVERY_LIMIT_S:
        reply, _ = _timed_ask(bot, GUIDE_QUESTION)
        if _uses_guides(reply, note):
            return time.monotonic() - began
        time.sleep(POLL_S)
    return None


def _during(bot, note: str) -> tuple[str, float, float, bool, bool]:
    """Ask the guide question twice and the catalog question once while the fault lasts."""
    first, first_s = _timed_ask(bot, GUIDE_QUESTION)
    second, second_s = _timed_ask(bot, GUIDE_QUESTION)
    catalog, _ = _timed_ask(bot, CATALOG_QUESTION)
    marked = all(note in reply.text for reply in (first, second, catalog))
    catalog_ok = "L4" in catalog.text and "T4" in catalog.text
    if _uses_guides(first, note):
        what = "answered with the guides"
    elif note in first.text:
        what = "answered from the catalog, guides marked unavailable"
    else:
        what = "answered without the guides and without saying so"
    return what, first_s, second_s, marked, catalog_ok


def run_chroma_faults(bench_assistant, root: Path, *, reembed_after_wipe: bool = True) -> list[FaultRun]:
    """Hang, kill, restart and wipe a real Chroma server under an Assistant that uses it."""
    from assistant import Assistant, load_settings
    from assistant._assistant import GUIDES_UNAVAILABLE_NOTE as note
    from assistant._wiring import build_services
    from assistant.retrieval._embeddings import bundled_embeddings, onnx_export_dir
    from assistant.retrieval._knowledge_base import KnowledgeBase

    stored = bench_assistant.services.knowledge.retriever().store.get(include=["documents", "embeddings"])
    vectors = {
        t: [float(x) for x in v] for t, v in zip(stored["documents"], stored["embeddings"], strict=True)
    }
    data_dir = bench_assistant.settings.data_dir
    root.mkdir(parents=True, exist_ok=True)
    server = _Server(root)
    runs: list[FaultRun] = []
    try:
        server.start()
        settings = load_settings(
            data_dir=data_dir, chroma_host="127.0.0.1", chroma_port=server.port, llm=None, api_rate_limit=0
        )
        services = build_services(settings)
        embeddings = _SeededEmbeddings(bundled_embeddings(onnx_export_dir(data_dir)), vectors)
        services.knowledge = KnowledgeBase(
            settings, services.catalog, services.models, progress=False, embeddings=embeddings
        )
        bot = Assistant(services=services)
        bot.warm_up()
        embeddings.reuse = not reembed_after_wipe
        if _wait_for_guides(bot, note) is None:
            raise RuntimeError("the assistant never used the guides on the Chroma server")

        # hang: the process stops answering (its socket still accepts connections)
        server.pause()
        what, during_s, later_s, marked, catalog_ok = _during(bot, note)
        back = server.resume()
        runs.append(FaultRun("hang", "SIGSTOP, then SIGCONT", what, during_s, later_s, catalog_ok, marked, back, _wait_for_guides(bot, note)))  # fmt: skip

        # kill: the process dies; the same command on the same port and data brings it back
        server.stop(signal.SIGKILL)
        what, during_s, later_s, marked, catalog_ok = _during(bot, note)
        back = server.start()
        runs.append(FaultRun("kill", "SIGKILL, then `chroma run` again on the same data", what, during_s, later_s, catalog_ok, marked, back, _wait_for_guides(bot, note)))  # fmt: skip

        # restart: a graceful stop, with questions arriving while the server starts up again
        server.stop(signal.SIGTERM)
        what, during_s, later_s, marked, catalog_ok = _during(bot, note)
        back = server.start()
        runs.append(FaultRun("restart", "SIGTERM, then `chroma run` again", what, during_s, later_s, catalog_ok, marked, back, _wait_for_guides(bot, note)))  # fmt: skip

        # wipe: the server comes back empty; the assistant must re-create the collection and re-index
        server.stop(signal.SIGKILL)
        shutil.rmtree(server.db, ignore_errors=True)
        back = server.start()
        began = time.monotonic()
        first, first_s = _timed_ask(bot, GUIDE_QUESTION)
        used = _uses_guides(first, note)
        recovered = time.monotonic() - began if used else None
        catalog, _ = _timed_ask(bot, CATALOG_QUESTION)
        if not used and _wait_for_guides(bot, note) is not None:
            recovered = time.monotonic() - began  # from the healthy heartbeat
        what = (
            "answered with the guides (that question re-created the collection and re-indexed)"
            if used
            else "answered from the catalog, guides marked unavailable"
            if note in first.text
            else "answered without the guides and without saying so"
        )
        runs.append(
            FaultRun(
                "wipe",
                "SIGKILL, data directory deleted, `chroma run` again (empty)",
                what,
                first_s,
                None,
                "L4" in catalog.text and "T4" in catalog.text,
                note in first.text,
                back,
                recovered,
            )
        )
    finally:
        server.stop(signal.SIGKILL)
    return runs
