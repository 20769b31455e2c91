"""Process-level measurements: index build and re-index, import time, cold start, peak memory."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ._children import ChildRun, child_env, cli_command, run_child

__all__ = [
    "ColdStart",
    "IndexRun",
    "byte_compile",
    "cold_ask_torch_modules",
    "cold_profile",
    "cold_start_text",
    "import_profile",
    "measure_cold_start",
    "measure_index",
]

HEAVY = ("torch", "sentence_transformers", "transformers", "gradio", "pandas", "plotly", "slack_bolt")

_INDEX_SCRIPT = """
import json, sys, time
from assistant import load_settings
from assistant._wiring import build_services
kb = build_services(load_settings(data_dir=sys.argv[1], llm=None, chroma_host=None)).knowledge
full = full_s = None
if sys.argv[2] == "build":
    start = time.perf_counter(); full = kb.sync(rebuild=True); full_s = time.perf_counter() - start
else:  # prebuilt: open it first, as the build would have, so that the sync timed next is a second one
    kb.sync()
start = time.perf_counter(); again = kb.sync(); again_s = time.perf_counter() - start
print(json.dumps({"full_s": full_s, "full": str(full) if full else None, "documents": again.added + again.updated + again.unchanged,
                  "nochange_s": again_s, "nochange": str(again), "nochange_changed": again.changed}))
"""

_PROFILE_SCRIPT = """
import json, sys, time
steps, t0 = [], time.perf_counter()
def step(name, fn):
    start = time.perf_counter(); result = fn(); steps.append([name, time.perf_counter() - start]); return result
step("import assistant", lambda: __import__("assistant"))
step("import chromadb, langchain_chroma", lambda: (__import__("chromadb"), __import__("langchain_chroma")))
step("import onnxruntime, tokenizers (the ONNX query embedder; no torch)", lambda: (__import__("onnxruntime"), __import__("tokenizers")))
from assistant import Assistant, load_settings
bot = step("Assistant(): catalog, models, assumptions, chain", lambda: Assistant(load_settings(llm=None, chroma_host=None)))
step("open the index, no-change sync, BM25 and name index", bot.services.knowledge.retriever)
from assistant.retrieval._embeddings import bundled_embeddings, onnx_export_dir
step("load the ONNX export of MiniLM, embed one query", lambda: bundled_embeddings(onnx_export_dir(bot.settings.data_dir)).embed_query("warm-up"))
step("answer the question", lambda: bot.ask(sys.argv[1]))
steps.append(["total", time.perf_counter() - t0])
print(json.dumps(steps))
"""

_HEAVY_MODULES_SCRIPT = """
import atexit, sys
heavy = %r
atexit.register(lambda: print("HEAVY_MODULES=%%s" %% ",".join(m for m in heavy if m in sys.modules), file=sys.stderr))
from assistant.frontends.cli import main
sys.argv = ["gpu-assistant", "ask", sys.argv[1], "--plain"]
main()
"""


@dataclass(frozen=True)
class IndexRun:
    """Full index build and no-change re-index in one child process, plus a fresh-process re-index.

    ``full_s`` and ``full`` are None when the index was prebuilt (``--data-dir``): only re-indexing is measured.
    """

    full_s: float | None
    full: str | None
    documents: int
    nochange_s: float
    nochange: str
    nochange_changed: bool
    process: ChildRun
    fresh_nochange: ChildRun


_ASK_SCRIPT = """
import sys
from assistant.frontends.cli import main
sys.argv = ["gpu-assistant", "ask", sys.argv[1], "--plain"]
main()
"""


@dataclass(frozen=True)
class ColdStart:
    """Fresh-process timings with the index present, where a cold ask's imports go, and which heavy
    packages it loaded."""

    imports: list[ChildRun]
    asks: list[ChildRun]
    import_profile: list[tuple[str, float]] = field(default_factory=list)  # (package, seconds), "all" last
    heavy: list[str] = field(default_factory=list)


def measure_index(data_dir: Path, *, build: bool = True) -> IndexRun:
    """``KnowledgeBase.sync(rebuild=True)`` (unless ``build`` is False: the index in ``data_dir`` is already
    built) then ``sync()`` in a child; then ``gpu-assistant index``."""
    env = child_env(data_dir)
    mode = "build" if build else "prebuilt"
    run = run_child([sys.executable, "-c", _INDEX_SCRIPT, str(data_dir), mode], env=env)
    if not run.ok:
        raise RuntimeError(f"index build failed: {run.stderr}")
    result = json.loads(run.stdout.strip().splitlines()[-1])
    fresh = run_child([*cli_command(), "index"], env=env)
    return IndexRun(process=run, fresh_nochange=fresh, **result)


def measure_cold_start(data_dir: Path, question: str, runs: int) -> ColdStart:
    """``python -c 'import assistant'`` and ``gpu-assistant ask … --plain``, ``runs`` times each.

    The package is byte-compiled first, as ``pip install`` does: with PYTHONDONTWRITEBYTECODE set (as on
    CI machines) every cold process would otherwise compile ~80 modules from source, which no install does.
    """
    byte_compile()
    env = child_env(data_dir)
    imports = [run_child([sys.executable, "-c", "import assistant"], env=env) for _ in range(runs)]
    asks = [run_child([*cli_command(), "ask", question, "--plain"], env=env) for _ in range(runs)]
    for run in asks:
        if not run.ok:
            raise RuntimeError(f"cold ask failed: {run.stderr}")
    return ColdStart(
        imports, asks, import_profile(data_dir, question), cold_ask_torch_modules(data_dir, question)
    )


def byte_compile() -> None:
    """Write the ``assistant`` package's ``__pycache__`` (as an install would), so cold runs load bytecode."""
    import compileall

    import assistant

    compileall.compile_dir(str(Path(assistant.__file__).parent), quiet=1)


def import_profile(data_dir: Path, question: str, top: int = 12) -> list[tuple[str, float]]:
    """``python -X importtime`` of a cold ``gpu-assistant ask``: seconds spent importing each top-level
    package's modules (their own time, whoever imported them), largest first (the ``top`` largest, then
    the rest as "other"), and "all" (every import of the process)."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", _ASK_SCRIPT, question],
        env=child_env(data_dir),
        capture_output=True,
        text=True,
        timeout=600,
    )
    if done.returncode != 0:
        raise RuntimeError(f"cold ask (importtime) failed: {done.stderr[-2000:]}")
    per_package: dict[str, float] = defaultdict(float)
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, _, name = line.split(":", 1)[1].split("|")
        per_package[name.strip().split(".")[0]] += int(own) / 1e6  # whoever imported it
    ranked = sorted(per_package.items(), key=lambda item: item[1], reverse=True)
    rest = sum(seconds for _, seconds in ranked[top:])
    return [*ranked[:top], *([("other", rest)] if rest else []), ("all", sum(per_package.values()))]


def cold_start_text(cold: ColdStart) -> str:
    """The cold ask's import profile and heavy-package check, for the report."""
    if not cold.import_profile:
        return ""
    rows = "\n".join(
        f"| {'**all imports**' if name == 'all' else f'`{name}`'} | {seconds:.2f} s |"
        for name, seconds in cold.import_profile
    )
    heavy = ", ".join(f"`{m}`" for m in cold.heavy) if cold.heavy else "none"
    return (
        "\n\nWhere a cold `gpu-assistant ask`'s imports go (`python -X importtime`, one run: each package's "
        "modules' own import time, whoever imported them):\n\n| package | import time |\n| --- | --- |\n"
        + rows
        + f"\n\nOf {', '.join(f'`{m}`' for m in HEAVY)}, a cold ask imported: {heavy}."
    )


def cold_profile(data_dir: Path, question: str) -> list[tuple[str, float]]:
    """Where a cold first answer's time goes, step by step, in a fresh child."""
    run = run_child([sys.executable, "-c", _PROFILE_SCRIPT, question], env=child_env(data_dir))
    if not run.ok:
        raise RuntimeError(f"cold-start profile failed: {run.stderr}")
    return [(name, seconds) for name, seconds in json.loads(run.stdout.strip().splitlines()[-1])]


def cold_ask_torch_modules(data_dir: Path, question: str) -> list[str]:
    """The heavy modules (:data:`HEAVY`: torch, sentence-transformers, Gradio, pandas...) a cold ``ask`` imported."""
    script = _HEAVY_MODULES_SCRIPT % (HEAVY,)
    run = run_child([sys.executable, "-c", script, question], env=child_env(data_dir))
    if not run.ok:
        raise RuntimeError(f"cold ask failed: {run.stderr}")
    line = next(line for line in run.stderr.splitlines() if line.startswith("HEAVY_MODULES="))
    return [name for name in line.partition("=")[2].split(",") if name]
