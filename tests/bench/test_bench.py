"""The benchmark's quick mode end to end: it must run and write a complete, sane report (no timing asserted)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tools.bench._report import SECTIONS

pytestmark = pytest.mark.slow


def _table_after(report: str, heading: str) -> list[list[str]]:
    body = report.split(heading, 1)[1].split("\n## ", 1)[0]
    rows = [line for line in body.splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in rows[2:]]


@pytest.fixture(scope="module")
def report(tmp_path_factory, shared_index) -> str:
    """The quick report, on a copy of the session's index (the benchmark copies --data-dir before use)."""
    output = tmp_path_factory.mktemp("bench") / "benchmarks.md"
    command = [sys.executable, "-m", "tools.bench", "--quick", "--data-dir", str(shared_index.data_dir)]
    done = subprocess.run(
        [*command, "--output", str(output)],
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return output.read_text(encoding="utf-8")


def test_report_has_every_section(report):
    for heading in SECTIONS:
        assert f"\n{heading}\n" in report
    assert "quick" in report.splitlines()[2]


def test_retrieval_rates_are_fractions_for_three_methods(report):
    rows = _table_after(report, "## Retrieval")
    assert [row[0] for row in rows] == [
        "LangChain + Chroma (vector only)",
        "BM25 only",
        "gpu-assistant hybrid",
    ]
    for row in rows:
        for cell in row[1:4]:
            assert 0.0 <= float(cell) <= 1.0


def test_answers_cover_the_subset(report):
    rows = _table_after(report, "## Answers")
    passed, total = rows[-1][1].split("/")
    assert int(total) >= 10 and 0 <= int(passed) <= int(total)


def test_load_run_has_no_errors(report):
    rows = _table_after(report, "## Load")
    assert rows, "no load run in the report"
    for row in rows:
        assert row[6] == "0", row


def test_sizing_and_goals_are_reported(report):
    sizing = _table_after(report, "## Sizing accuracy")
    assert len(sizing) >= 10
    assert any("documented rule of" in line for line in report.splitlines() if line.startswith("| case"))
    goals = _table_after(report, "## Goals")
    assert len(goals) >= 8
    assert all(row[2] in ("met", "**missed**") for row in goals)
    speed = report.split("## Speed and memory", 1)[1]
    assert re.search(r"peak RSS: cold `gpu-assistant ask` \| [\d,]+ MB", speed)
    assert re.search(r"not measured: a prebuilt index of \d+ documents was copied", speed)
    assert re.search(
        r"no-change re-index: second `sync\(\)` \| [\d.]+ s — 0 added, 0 updated, 0 removed", speed
    )


def test_robustness_section_reports_every_part(report):
    body = report.split("\n## Robustness\n", 1)[1].split("\n## ", 1)[0]
    for part in ("Fuzzed questions", "Hostile clients beside normal users", "Chroma server faults"):
        assert f"### {part}" in body
    fuzz = dict((row[0], row[1]) for row in _table_after(report, "### Fuzzed questions"))
    assert fuzz["other exceptions"] == "0" and fuzz["replies naming a GPU outside the catalog"] == "0"
    hostile = _table_after(report, "### Hostile clients beside normal users")
    assert hostile[0][2] == "0" and int(hostile[0][9]) > 0  # no errors; the hostile clients did send
    faults = _table_after(report, "### Chroma server faults")[:4]  # the Redis table follows
    assert [row[0] for row in faults] == ["hang", "kill", "restart", "wipe"]
    assert all(row[4] == "yes" for row in faults)  # the catalog answered during every fault
    goals = [row[0] for row in _table_after(report, "## Goals")]
    assert any(g.startswith("Chroma server wipe") for g in goals)
    assert any(g.startswith("a follow-up answered by a second process through Redis") for g in goals)


def test_issue_13_goals_and_the_cold_ask_import_profile_are_reported(report):
    goals = {row[0]: row for row in _table_after(report, "## Goals")}
    vectors = next(row for name, row in goals.items() if name.startswith("query vectors"))
    assert float(re.search(r"largest difference ([\d.e+-]+)", vectors[1]).group(1)) <= 1e-5
    assert vectors[2] == "met"
    assert any("≤ 1.2× vanilla" in name for name in goals)
    assert any(name.startswith("cold `gpu-assistant ask`") and "≤ 2 s" in name for name in goals)
    speed = report.split("## Speed and memory", 1)[1].split("\n## ", 1)[0]
    assert "query embedded by the assistant's ONNX embedder" in speed
    assert re.search(r"\| `\w+` \| [\d.]+ s \|", speed)  # the import profile, per package
    assert "a cold ask imported: none." in speed  # no torch, sentence-transformers, Gradio, pandas...


def test_the_real_question_history_is_valid_and_rendered_with_this_run():
    import yaml

    from tools.bench._answers import HISTORY, RealScore
    from tools.bench._report import _real

    history = yaml.safe_load(HISTORY.read_text(encoding="utf-8"))
    assert history and all({"stage", "date", "dev", "heldout"} <= set(h) for h in history)
    assert all(0 <= h[s][0] <= h[s][1] for h in history for s in ("dev", "heldout"))
    now = RealScore(
        {"dev": (70, 90), "heldout": (40, 80)}, {"dev": {"local": (9, 10)}, "heldout": {}}, history
    )
    text = _real(now)
    assert history[0]["stage"] in text and "| **this run** |  | 70/90 (77.8%) | 40/80 (50.0%) |" in text
    assert "| local | 9/10 (90.0%) | — |" in text
