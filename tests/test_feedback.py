"""The feedback log: bounded, rotated, one ASCII JSON line per vote (issue 12, finding 6)."""

from __future__ import annotations

import json
import threading

from assistant._feedback import MAX_FIELD_CHARS, append_feedback


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
