"""The data directory and the corpus at start-up (issue 12, finding 7).

A corrupt embedded store is repaired by ``index --rebuild`` (moved aside, rebuilt); two processes that
start on one data directory take turns through a lock file instead of both embedding everything; corpus
problems fail at start-up naming the file, row and field; commands honour ASSISTANT_CORPUS_DIR.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml

from assistant import DataError, load_settings
from assistant._settings import Settings
from assistant._wiring import build_services
from assistant.knowledge import corpus_dir
from assistant.retrieval._knowledge_base import KnowledgeBase
from assistant.retrieval._vectorstore import VectorStoreUnavailable

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def corpus_copy(tmp_path) -> Path:
    """A writable copy of the real corpus."""
    target = tmp_path / "corpus"
    shutil.copytree(corpus_dir(), target, ignore=shutil.ignore_patterns("__pycache__", "__init__.py"))
    return target


def _kb(data_dir: Path, catalog, models, embeddings) -> KnowledgeBase:
    return KnowledgeBase(Settings(data_dir=data_dir), catalog, models, progress=False, embeddings=embeddings)


# --- the store ------------------------------------------------------------------------------------------------


def test_rebuild_moves_a_corrupt_store_aside_and_builds_afresh(tmp_path, catalog, models, embeddings):
    _kb(tmp_path, catalog, models, embeddings).sync()
    database = tmp_path / "chroma" / "chroma.sqlite3"
    assert database.exists()
    from chromadb.api.client import SharedSystemClient

    SharedSystemClient.clear_system_cache()  # as a new process would see it
    database.write_bytes(b"this is not a database" * 1000)
    kb = _kb(tmp_path, catalog, models, embeddings)
    with pytest.raises(VectorStoreUnavailable, match=r"index --rebuild"):  # a question says how to repair it
        kb.search("QLoRA fine-tuning memory")
    stats = kb.sync(rebuild=True)
    assert stats.added == len(kb.documents())
    assert [p.name for p in tmp_path.glob("chroma.broken-*")], "the broken store is kept, moved aside"
    assert kb.search("QLoRA fine-tuning memory")


def test_two_processes_starting_on_one_data_directory_take_turns(tmp_path, catalog, models, embeddings):
    first, second = (_kb(tmp_path, catalog, models, embeddings) for _ in range(2))
    stats, errors = [], []

    def start(kb: KnowledgeBase) -> None:
        try:
            stats.append(kb.sync())
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=start, args=(kb,)) for kb in (first, second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=600)
    assert not errors
    documents = len(first.documents())
    assert sorted(s.added for s in stats) == [
        0,
        documents,
    ]  # one embedded everything, the other found it done
    assert (tmp_path / "index.lock").exists()


@pytest.fixture
def read_only(tmp_path):
    """``(source, view)``: a directory and a read-only bind mount of it (needs root; skipped otherwise).

    A chmod is no test here: root, which CI runs as, writes through permissions, but not through a
    read-only mount.
    """
    source, view = tmp_path / "source", tmp_path / "view"
    source.mkdir()
    view.mkdir()
    mounted = subprocess.run(["mount", "--bind", str(source), str(view)], capture_output=True, check=False)
    if mounted.returncode != 0:
        pytest.skip(f"cannot bind-mount a read-only directory here: {mounted.stderr.decode()[:200]}")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(view)], check=True, capture_output=True)
        yield source, view
    finally:
        subprocess.run(["umount", str(view)], check=False, capture_output=True)


def test_a_read_only_data_directory_works_when_the_index_is_complete(read_only, catalog, models, embeddings):
    source, view = read_only
    _kb(source, catalog, models, embeddings).sync()
    assert not os.access(view, os.W_OK)
    kb = _kb(view, catalog, models, embeddings)
    passages = kb.search("QLoRA fine-tuning memory")
    assert passages and kb.last_sync is not None and not kb.last_sync.changed
    conversations = build_services(load_settings(data_dir=view)).conversations
    conversations.put("c", "state")  # kept in this process: the data directory cannot hold the file
    assert conversations.get("c") == "state"


# --- the corpus -----------------------------------------------------------------------------------------------


def test_an_empty_catalog_fails_at_start_up_naming_the_file(corpus_copy):
    (corpus_copy / "gpus.yaml").write_text("gpus: []\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"gpus\.yaml: the list under 'gpus' is empty"):
        build_services(load_settings(corpus_dir=corpus_copy))


def test_a_bad_row_names_the_file_row_and_field(corpus_copy):
    path = corpus_copy / "gpus.yaml"
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    document["gpus"][2]["memory_gb"] = "lots"
    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    with pytest.raises(DataError, match=r"gpus\.yaml: row 3 \(.+\): field 'memory_gb'"):
        build_services(load_settings(corpus_dir=corpus_copy))


def test_a_missing_guides_folder_fails_at_start_up(corpus_copy):
    shutil.rmtree(corpus_copy / "guides")
    with pytest.raises(DataError, match=r"guides: the guides folder is missing"):
        build_services(load_settings(corpus_dir=corpus_copy))


def test_a_guide_that_is_not_utf8_fails_at_start_up_naming_file_and_line(corpus_copy):
    guide = sorted((corpus_copy / "guides").glob("*.md"))[0]
    guide.write_bytes(b"# Title\n\nSome text\nA byte \xff that is not UTF-8\n")
    with pytest.raises(DataError, match=rf"{guide.name}: line 4, column 8: not valid UTF-8"):
        build_services(load_settings(corpus_dir=corpus_copy))


@pytest.mark.parametrize("command", [["gpus"], ["ask", "Compare the L4 and the T4"]])
def test_commands_honour_assistant_corpus_dir(corpus_copy, tmp_path, command):
    (corpus_copy / "gpus.yaml").write_text("gpus: []\n", encoding="utf-8")
    env = {
        **os.environ,
        "ASSISTANT_CORPUS_DIR": str(corpus_copy),
        "ASSISTANT_DATA_DIR": str(tmp_path / "data"),
        "PYTHONPATH": str(REPO),
    }
    done = subprocess.run(
        [sys.executable, "-c", "from assistant.frontends.cli import main; main()", *command],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode != 0
    assert "is empty" in done.stdout + done.stderr and str(corpus_copy) in (
        done.stdout + done.stderr
    ).replace("\n", "")


def test_non_llm_figures_come_from_assistant_corpus_dir(corpus_copy, tmp_path):
    """The non-LLM handler and the parser read the workloads of the corpus in use, not the bundled one."""
    from assistant import Assistant

    path = corpus_copy / "workloads.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    whisper = next(w for w in data["workloads"] if w["name"] == "Whisper large")
    for figure in whisper["facts"]:
        if figure.get("memory_gb") is not None:
            figure["memory_gb"] = 77.7  # a figure only this copy has
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    services = build_services(load_settings(corpus_dir=corpus_copy, data_dir=tmp_path / "data"))
    reply = Assistant(services=services).ask(
        f"how much VRAM does {whisper['name']} need to transcribe audio?"
    )
    assert "77.7" in reply.text + reply.details
