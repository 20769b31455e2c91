"""A warmed-up Assistant on a scratch data directory, for the sections that can run on their own."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["warm_assistant"]


@contextmanager
def warm_assistant(prebuilt: Path | None) -> Iterator[tuple[Path, object]]:
    """Yield (scratch root, Assistant) on a copy of ``prebuilt`` (or a fresh index), offline and unthrottled."""
    from assistant import Assistant, load_settings

    with tempfile.TemporaryDirectory(prefix="gpu-assistant-bench-") as tmp:
        root = Path(tmp)
        data_dir = root / "data"
        if prebuilt is not None:
            shutil.copytree(prebuilt, data_dir)
        assistant = Assistant(load_settings(data_dir=data_dir, llm=None, chroma_host=None, api_rate_limit=0))
        assistant.warm_up()
        yield root, assistant
