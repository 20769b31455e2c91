"""Packaging: pyproject's explicit package list is complete, and a built wheel installs and answers on its own.

The package list is explicit because ``corpus/`` (top level of the repository) installs inside the package
as ``assistant.corpus``; a subpackage missing from it would be left out of the wheel while every other test,
run against the editable install, still passes.
"""

from __future__ import annotations

import configparser
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import textwrap
import tomllib
import zipfile
from pathlib import Path, PurePosixPath

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "assistant"
CORPUS = REPO / "corpus"


def _pyproject() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def _files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts]


# --- the package list -------------------------------------------------------------------------------------


def test_package_list_names_every_package():
    setuptools = _pyproject()["tool"]["setuptools"]
    listed = setuptools["packages"]
    on_disk = {".".join(init.parent.relative_to(REPO).parts) for init in PACKAGE.rglob("__init__.py")}
    expected = on_disk | {"assistant.corpus"}
    assert len(listed) == len(set(listed)), f"packages listed twice: {sorted(listed)}"
    assert set(listed) == expected, (
        "[tool.setuptools] packages in pyproject.toml must name every folder under assistant/ with an "
        f"__init__.py, plus assistant.corpus. Missing: {sorted(expected - set(listed))}; "
        f"not a package: {sorted(set(listed) - expected)}"
    )
    assert setuptools["package-dir"] == {"assistant.corpus": "corpus"}
    assert (CORPUS / "__init__.py").is_file()


def test_every_folder_of_modules_is_a_regular_package():
    # A folder of modules without __init__.py is a namespace package: import-linter does not see its
    # modules at all (its contracts would pass without checking them) and the list above would miss it.
    folders = {path.parent for path in PACKAGE.rglob("*.py")}
    missing = sorted(str(f.relative_to(REPO)) for f in folders if not (f / "__init__.py").is_file())
    assert not missing, f"add an __init__.py to: {missing}"


# --- the wheel --------------------------------------------------------------------------------------------

_NOT_COPIED_AT_TOP = {".git", ".venv", "venv", "build", "dist", "data", "node_modules"}


def _copy_source(destination: Path) -> Path:
    """The work tree without VCS data, virtualenvs, build output or local state.

    Building from a copy keeps setuptools' build/ and *.egg-info out of the work tree, and means a stale
    build/lib (which setuptools reuses, shipping modules since deleted) cannot leak into the wheel.
    """

    def ignore(folder: str, names: list[str]) -> set[str]:
        skipped = {n for n in names if n == "__pycache__" or n.endswith(".egg-info")}
        skipped |= {n for n in names if n.startswith(".") and n.endswith("_cache")}  # .ruff_cache etc.
        if Path(folder) == REPO:
            skipped |= _NOT_COPIED_AT_TOP & set(names)
        return skipped

    shutil.copytree(REPO, destination, ignore=ignore)
    return destination


def _build_wheel(workdir: Path) -> Path:
    source = _copy_source(workdir / "source")
    out = workdir / "wheel"
    # With build isolation: the wheel is built with the setuptools that [build-system] asks for.
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(out), str(source)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, f"building the wheel failed:\n{result.stdout}\n{result.stderr}"
    (wheel,) = out.glob("gpu_assistant-*.whl")
    return wheel


def _same(shipped: set[str], expected: set[str], what: str) -> None:
    assert shipped == expected, (
        f"{what} missing from the wheel (check [tool.setuptools] in pyproject.toml): "
        f"{sorted(expected - shipped)}; in the wheel but not in the work tree: {sorted(shipped - expected)}"
    )


def _check_contents(wheel: Path) -> str:
    """Assert what the wheel ships; returns its .dist-info folder name."""
    names = [n for n in zipfile.ZipFile(wheel).namelist() if not n.endswith("/")]
    tops = {PurePosixPath(n).parts[0] for n in names}
    (dist_info,) = {t for t in tops if t.endswith(".dist-info")}
    assert tops == {"assistant", dist_info}, f"unexpected top-level entries: {sorted(tops)}"

    # Nothing from tools/ (the benchmark) or tests/ (LLM and Slack stand-ins).
    development = [
        n
        for n in names
        if any(
            part in {"tools", "tests", "support", "bench", "benchmarks", "conftest.py"}
            or part.startswith("test_")
            or "stand_in" in part
            or "testing" in part
            for part in PurePosixPath(n).parts
        )
    ]
    assert not development, f"development code in the wheel: {development}"

    # Every module of the package, and every file of corpus/ as the package data assistant.corpus.
    modules = {n for n in names if n.startswith("assistant/") and not n.startswith("assistant/corpus/")}
    _same(modules, {p.relative_to(REPO).as_posix() for p in _files(PACKAGE) if p.suffix == ".py"}, "modules")
    data = {n.removeprefix("assistant/corpus/") for n in names if n.startswith("assistant/corpus/")}
    _same(data, {p.relative_to(CORPUS).as_posix() for p in _files(CORPUS)}, "corpus files")
    assert {"__init__.py", "gpus.yaml", "models.yaml", "assumptions.yaml"} <= data
    assert any(PurePosixPath(n).match("guides/*.md") for n in data)

    entry_points = configparser.ConfigParser()
    entry_points.read_string(zipfile.ZipFile(wheel).read(f"{dist_info}/entry_points.txt").decode())
    assert dict(entry_points["console_scripts"]) == {"gpu-assistant": "assistant.frontends.cli:main"}
    assert _pyproject()["project"]["scripts"] == {"gpu-assistant": "assistant.frontends.cli:main"}
    return dist_info


def _fresh_venv(venv: Path, wheel: Path) -> tuple[Path, Path]:
    """A virtualenv holding only the wheel, which borrows the dependencies of the running one.

    The dependencies are big (torch, chromadb, gradio), so rather than install them again a .pth file lists
    this interpreter's site-packages. A path line in a .pth file does not process the .pth files inside that
    folder, so the editable install's finder (which maps ``assistant`` to the work tree) stays inactive.
    """
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # Install before the .pth exists, so pip sees an empty environment (and never the editable install).
    install = [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index"]
    result = subprocess.run([*install, str(wheel)], capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, f"installing the wheel failed:\n{result.stdout}\n{result.stderr}"
    borrowed = dict.fromkeys(sysconfig.get_paths()[key] for key in ("purelib", "platlib"))
    (Path(site) / "_borrowed_dependencies.pth").write_text("".join(f"{p}\n" for p in borrowed))
    return python, Path(site)


def _clean_env() -> dict[str, str]:
    """This environment without anything that could point the installed package back at the work tree."""
    prefixes = ("ASSISTANT_", "CHROMA_", "OPENAI_", "OLLAMA_", "SLACK_", "PYTHON", "VIRTUAL_ENV")
    env = {k: v for k, v in os.environ.items() if not k.startswith(prefixes)}
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", ANONYMIZED_TELEMETRY="False")
    return env


_ASK = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path

    import assistant
    from assistant import Assistant, load_settings

    settings = load_settings(data_dir=sys.argv[1])
    reply = Assistant(settings).ask("How much memory to serve Llama 3.1 8B in bf16?")
    Path(sys.argv[2]).write_text(json.dumps({
        "file": assistant.__file__,
        "corpus": str(settings.corpus_dir),
        "sys_path": sys.path,
        "editable_finders": [m for m in sys.modules if m.startswith("__editable__")],
        "text": reply.text,
        "memory_gb": reply.memory_gb,
        "intent": reply.intent,
        "sources": [source.path for source in reply.sources],
    }))
    """
)


@pytest.mark.slow
def test_wheel_installs_and_answers_without_the_work_tree(tmp_path):
    wheel = _build_wheel(tmp_path)
    _check_contents(wheel)
    python, site = _fresh_venv(tmp_path / "venv", wheel)

    cwd = tmp_path / "elsewhere"  # not the repository, so the work tree is not on sys.path either
    cwd.mkdir()
    out = tmp_path / "reply.json"
    result = subprocess.run(
        [python, "-c", _ASK, str(tmp_path / "data"), str(out)],
        cwd=cwd,
        env=_clean_env(),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, (
        f"the installed package failed to answer:\n{result.stdout}\n{result.stderr}"
    )
    seen = json.loads(out.read_text())

    # The package and its data come from the new virtualenv, not from the work tree.
    assert Path(seen["file"]).is_relative_to(site), seen["file"]
    assert Path(seen["corpus"]).is_relative_to(site / "assistant" / "corpus"), seen["corpus"]
    assert not seen["editable_finders"]
    assert str(REPO) not in seen["sys_path"]

    # A real sizing answer: ~16 GB of bf16 weights plus KV cache, the figure stated in the text, with the
    # model's spec and a guide passage (found through the index built from the packaged corpus) as sources.
    assert seen["intent"] == "size"
    assert 15 < seen["memory_gb"] < 30, seen
    assert f"{seen['memory_gb']:.1f} GB" in seen["text"], seen["text"]
    sources = seen["sources"]
    assert any("models.yaml" in path for path in sources), sources
    assert any("guides/" in path for path in sources), sources

    # The console script the wheel declares was installed and starts.
    script = python.parent / "gpu-assistant"
    assert script.is_file()
    result = subprocess.run(
        [script, "--help"],
        cwd=cwd,
        env=_clean_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr}"
    assert "ask" in result.stdout
