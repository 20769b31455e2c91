"""``import assistant`` is cheap: public names load on first use, and no heavy stack loads before it is needed.

Each check runs in a fresh interpreter (a subprocess), since this test process has imported everything.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import assistant
from assistant._lazy import lazy_exports

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ["torch", "sentence_transformers", "transformers", "gradio", "plotly", "pandas", "slack_bolt"]
NOT_YET = [*HEAVY, "langchain_core", "chromadb", "onnxruntime"]


def _modules_after(code: str) -> list[str]:
    """The NOT_YET modules loaded after running ``code`` in a fresh interpreter."""
    script = (
        f"import json, sys\n{code}\nprint(json.dumps(sorted(m for m in {NOT_YET!r} if m in sys.modules)))"
    )
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": path},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_import_assistant_loads_no_framework():
    assert _modules_after("import assistant") == []


def test_the_names_a_front_end_needs_first_stay_light():
    """What the CLI and the web app touch before answering: errors, reply types, settings, the catalog."""
    code = (
        "from assistant import AssistantError, InvalidQuestion, MAX_QUESTION_CHARS, Reply, Source\n"
        "from assistant import load_settings, load_catalog, CatalogFilter, filter_catalog, Task\n"
        "filter_catalog(load_catalog(), CatalogFilter(min_memory_gb=48))"
    )
    assert _modules_after(code) == []


def test_every_public_name_resolves_and_is_listed():
    for name in assistant.__all__:
        assert getattr(assistant, name) is not None, name
    assert set(assistant.__all__) <= set(dir(assistant))
    namespace: dict = {}
    exec("from assistant import *", namespace)
    assert set(assistant.__all__) <= set(namespace)


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no_such_name"):
        assistant.no_such_name  # noqa: B018
    with pytest.raises(ImportError):
        exec("from assistant import no_such_name", {})


def test_a_public_name_without_a_module_fails_at_import_time():
    with pytest.raises(ImportError, match="Missing"):
        lazy_exports("assistant", {"Assistant": "._assistant"}, ["Assistant", "Missing"])
