"""Code quality gates: ruff's lint rules and formatting, and the architecture's import contracts.

The contracts live in pyproject.toml under ``[tool.importlinter]``: the stages are layered (front ends on
top, knowledge at the bottom), the pure core imports no LangChain, Chroma, Gradio or Slack, and the front
ends use only the public API in ``assistant/__init__.py``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=300, check=False)


def _report(result: subprocess.CompletedProcess[str]) -> str:
    return f"`{' '.join(result.args)}` exited {result.returncode}:\n{result.stdout}\n{result.stderr}"


def test_ruff_check_passes():
    result = _run(sys.executable, "-m", "ruff", "check", ".")
    assert result.returncode == 0, _report(result)


def test_ruff_format_is_applied():
    result = _run(sys.executable, "-m", "ruff", "format", "--check", ".")
    assert result.returncode == 0, _report(result)


def _lint_imports() -> str:
    """The ``lint-imports`` script installed beside this interpreter (the test extra's import-linter)."""
    script = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if script is None:
        pytest.fail("lint-imports not found beside the interpreter: pip install -e '.[test]'")
    return script


def test_import_contracts_are_kept():
    # --no-cache: always a fresh graph, and nothing written into the work tree.
    result = _run(_lint_imports(), "--no-cache")
    assert result.returncode == 0, _report(result)
    assert " 0 broken" in result.stdout, _report(result)
