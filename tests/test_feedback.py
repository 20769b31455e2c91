"""The feedback log: bounded, rotated, one ASCII JSON line per vote (issue 12, finding 6); and in the same
database as the conversations when ``ASSISTANT_CONVERSATIONS_URL`` names one (a real SQLite file, a real
``redis-server``), so replicas that share conversations share feedback."""

from __future__ import annotations

import json
import threading
import time

import pytest

from assistant import load_settings, open_feedback_store
from assistant._conversations import SQLiteConversationStore, open_conversation_store
from assistant._feedback import (
    MAX_FIELD_CHARS,
    FileFeedback,
    RedisFeedback,
    SQLiteFeedback,
    append_feedback,
)
from assistant.frontends.web import FeedbackLog
from tests.support.redis_server import free_port, require_redis, start_redis, stop

AWKWARD = "which gpu\u2028for\u0085llama\u2029? é 🚀"


def test_line_breaking_characters_are_escaped_so_a_record_is_one_line(tmp_path):
    path = tmp_path / "feedback.jsonl"
    question = "which gpu\u2028for\u0085llama\u2029?\r\nnext"
    append_feedback(path, question=question, answer="é 🚀", vote="up", source="web")
    raw = path.read_bytes()
    assert raw.isascii() and raw.count(b"\n") == 1
    assert len(path.read_text(encoding="utf-8").splitlines()) == 1  # str.splitlines breaks on U+2028 / U+0085
    assert json.loads(raw)["question"] == question and json.loads(raw)["answer"] == "é 🚀"


def test_the_log_rotates_at_its_size_cap_and_keeps_a_bounded_number_of_files(tmp_path):
    path = tmp_path / "feedback.jsonl"
    for i in range(200):
        append_feedback(
            path, question=f"q{i}", answer="a" * 100, vote="up", source="web", max_bytes=2_000, backups=2
        )
    files = sorted(p.name for p in tmp_path.glob("feedback.jsonl*") if not p.name.endswith(".lock"))
    assert files == ["feedback.jsonl", "feedback.jsonl.1", "feedback.jsonl.2"]
    assert all((tmp_path / name).stat().st_size <= 2_000 for name in files)
    last = json.loads(path.read_text().splitlines()[-1])
    assert last["question"] == "q199"


def test_a_huge_vote_is_cut_not_written_whole(tmp_path):
    path = tmp_path / "feedback.jsonl"
    record = append_feedback(path, question="q" * 10_000_000, answer="a", vote="up", source="web")
    assert len(record["question"]) == MAX_FIELD_CHARS + 1
    assert path.stat().st_size < 2 * MAX_FIELD_CHARS


def test_concurrent_writers_never_interleave_lines(tmp_path):
    path = tmp_path / "feedback.jsonl"

    def vote(n: int) -> None:
        for i in range(50):
            append_feedback(
                path, question=f"{n}-{i}", answer="x" * 500, vote="up", source="web", max_bytes=20_000
            )

    threads = [threading.Thread(target=vote, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    lines = [
        line
        for p in tmp_path.glob("feedback.jsonl*")
        if not p.name.endswith(".lock")
        for line in p.read_text().splitlines()
    ]
    assert all(json.loads(line)["vote"] == "up" for line in lines)


# --- where votes go ----------------------------------------------------------------------------------------


def test_without_a_conversations_url_votes_go_to_the_jsonl_file(tmp_path):
    for url in (None, "memory"):
        store = open_feedback_store(load_settings(data_dir=tmp_path, conversations_url=url))
        assert isinstance(store, FileFeedback) and store.path == tmp_path / "feedback.jsonl"


def test_an_explicit_feedback_file_wins_over_the_conversations_database(tmp_path):
    settings = load_settings(
        data_dir=tmp_path,
        conversations_url=f"sqlite:///{tmp_path / 'c.sqlite3'}",
        feedback_file=tmp_path / "votes.jsonl",
    )
    store = open_feedback_store(settings)
    assert isinstance(store, FileFeedback) and store.path == tmp_path / "votes.jsonl"


def test_sqlite_votes_share_the_conversations_file_bounded_to_the_newest(tmp_path):
    path = tmp_path / "shared.sqlite3"
    settings = load_settings(data_dir=tmp_path, conversations_url=f"sqlite:///{path}")
    store = open_feedback_store(settings)
    assert isinstance(store, SQLiteFeedback) and store.path == path
    conversations = open_conversation_store(settings)
    assert isinstance(conversations, SQLiteConversationStore) and conversations.path == path
    conversations.put("c1", "state")
    bounded = SQLiteFeedback(path, max_records=10)
    for i in range(30):
        bounded.append(question=f"q{i}", answer="a", vote="up", source="web", conversation_id="c1")
    bounded.append(question=AWKWARD, answer="é", vote="down", source="slack")
    assert len(bounded) == 10
    records = store.records(limit=100)  # another connection to the same file
    assert [r["question"] for r in records[:-1]] == [f"q{i}" for i in range(21, 30)]
    assert records[-1]["question"] == AWKWARD and records[-1]["source"] == "slack"
    assert conversations.get("c1") == "state"


def test_a_web_vote_in_a_sqlite_store_is_kept_across_reopening(tmp_path):
    path = tmp_path / "c.sqlite3"
    settings = load_settings(data_dir=tmp_path, conversations_url=f"sqlite:///{path}")
    FeedbackLog(open_feedback_store(settings)).record("Which GPU?", "An L4.", "up", "conv-1")
    (record,) = SQLiteFeedback(path).records()
    assert (record["question"], record["vote"], record["source"]) == ("Which GPU?", "up", "web")
    assert not (tmp_path / "feedback.jsonl").exists()


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    require_redis()
    port = free_port()
    process = start_redis(tmp_path_factory.mktemp("redis"), port)
    try:
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        stop(process)


def test_redis_votes_are_shared_by_replicas_and_bounded(redis_url, tmp_path):
    settings = load_settings(data_dir=tmp_path, conversations_url=redis_url, collection="replicas")
    replica_one, replica_two = open_feedback_store(settings), open_feedback_store(settings)
    assert isinstance(replica_one, RedisFeedback) and replica_one.key == "replicas:feedback"
    FeedbackLog(replica_one).record("Which GPU?", "An L4.", "up", "conv-1")
    replica_one.append(question=AWKWARD, answer="é", vote="down", source="slack")
    first, second = replica_two.records()
    assert (first["question"], first["source"], first["conversation_id"]) == ("Which GPU?", "web", "conv-1")
    assert second["question"] == AWKWARD
    bounded = RedisFeedback(redis_url, namespace="bounded", max_records=5)
    for i in range(12):
        bounded.append(question=f"q{i}", answer="a", vote="up", source="web")
    assert len(bounded) == 5
    assert [r["question"] for r in bounded.records(limit=10)] == [f"q{i}" for i in range(7, 12)]
    assert not (tmp_path / "feedback.jsonl").exists()


def test_redis_going_away_loses_the_vote_not_the_request(tmp_path):
    port = free_port()
    process = start_redis(tmp_path, port)
    store = RedisFeedback(f"redis://127.0.0.1:{port}/0", timeout_s=0.5)
    stop(process)
    start = time.monotonic()
    record = store.append(question="q", answer="a", vote="up", source="web")  # logged, not raised
    assert record["vote"] == "up" and time.monotonic() - start < 5
